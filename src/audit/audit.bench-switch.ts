/**
 * The load bench measures the same request mix with and without the audit log, in one run.
 * This switch is the only way to turn audit() off and it exists for that bench alone: there
 * is deliberately no environment variable or configuration for it, so a deployment cannot
 * switch it on by accident (audit.switch.test.ts checks that nothing under src/ calls it),
 * and it refuses to turn off under NODE_ENV=production.
 */
let off = false;

export function setAuditDisabledForBench(disabled: boolean): void {
  if (disabled && process.env.NODE_ENV === 'production') throw new Error('the audit log cannot be disabled in production');
  off = disabled;
}

export const auditDisabledForBench = () => off;
