import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  allowedNext,
  currentAmount,
  replay,
  startApplication,
  transition,
  type Application,
  type ApplicationStatus,
  type ApplicationStep,
  type WorkflowResult,
} from './application-workflow';

function ok(r: WorkflowResult): Application {
  if (!r.ok) throw new Error(r.error.message);
  return r.application;
}

const start = () => ok(startApplication('mh-bal-sangopan', 'child-1', { on: '2025-01-10' }));

describe('the happy path', () => {
  it('identified → documents → applied → sanctioned → receiving → stopped', () => {
    let app = start();
    app = ok(transition(app, { status: 'documents_gathering', on: '2025-01-10' }));
    app = ok(transition(app, { status: 'applied', on: '2025-02-01', reference: 'BSY/2025/114' }));
    app = ok(transition(app, { status: 'sanctioned', on: '2025-03-15', amount: 2250 }));
    app = ok(transition(app, { status: 'receiving', on: '2025-04-05', amount: 2250 }));
    app = ok(transition(app, { status: 'stopped', on: '2028-08-20', reason: 'child turned 18' }));
    expect(app.status).toBe('stopped');
    expect(app.history.map((h) => h.status)).toEqual([
      'identified',
      'documents_gathering',
      'applied',
      'sanctioned',
      'receiving',
      'stopped',
    ]);
    expect(currentAmount(app)).toBe(2250);
  });

  it('re-applies after a rejection', () => {
    let app = ok(transition(start(), { status: 'applied', on: '2025-01-11' }));
    app = ok(transition(app, { status: 'rejected', on: '2025-02-01', reason: 'income certificate older than a year' }));
    expect(allowedNext(app.status)).toEqual(['documents_gathering', 'applied', 'stopped']);
    app = ok(transition(app, { status: 'documents_gathering', on: '2025-02-02' }));
    app = ok(transition(app, { status: 'applied', on: '2025-02-20' }));
    expect(app.status).toBe('applied');
  });

  it('never changes the application it is given', () => {
    const app = start();
    const before = structuredClone(app);
    transition(app, { status: 'applied', on: '2025-02-01' });
    expect(app).toEqual(before);
  });
});

describe('refused moves, with clear messages', () => {
  it('skipping steps', () => {
    const r = transition(start(), { status: 'sanctioned', on: '2025-02-01' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'cannot go from identified to sanctioned; allowed next: documents_gathering, applied, stopped',
      },
    });
    const app = ok(transition(start(), { status: 'applied', on: '2025-01-11' }));
    expect(transition(app, { status: 'receiving', on: '2025-02-01' }).ok).toBe(false);
  });

  it('anything after stopped', () => {
    const stopped = ok(transition(start(), { status: 'stopped', on: '2025-01-12', reason: 'family moved to Gujarat' }));
    const r = transition(stopped, { status: 'applied', on: '2025-02-01' });
    expect(r.ok ? null : r.error).toEqual({
      code: 'final',
      message: 'the application is stopped, which is final; open a new application instead',
    });
  });

  it('rejection or stop without a reason', () => {
    const app = ok(transition(start(), { status: 'applied', on: '2025-01-11' }));
    for (const reason of [undefined, '', '   ']) {
      const r = transition(app, { status: 'rejected', on: '2025-02-01', reason });
      expect(r.ok ? null : r.error).toEqual({ code: 'reason_required', message: 'marking an application rejected needs a reason' });
    }
    expect(transition(app, { status: 'stopped', on: '2025-02-01' }).ok).toBe(false);
  });

  it('a date before the previous step, or not a date', () => {
    const r = transition(start(), { status: 'applied', on: '2025-01-09' });
    expect(r.ok ? null : r.error).toEqual({
      code: 'date_before_previous',
      message: 'applied on 2025-01-09 is before the previous step (identified on 2025-01-10)',
    });
    expect(transition(start(), { status: 'applied', on: '2025-01-10' }).ok).toBe(true);
    const bad = transition(start(), { status: 'applied', on: '10/01/2025' });
    expect(bad.ok ? null : bad.error.code).toBe('bad_date');
    expect(startApplication('x', 'y', { on: '2025-02-30' }).ok).toBe(false);
  });

  it('negative or misplaced amounts', () => {
    const applied = ok(transition(start(), { status: 'applied', on: '2025-01-11' }));
    const neg = transition(applied, { status: 'sanctioned', on: '2025-02-01', amount: -1 });
    expect(neg.ok ? null : neg.error.code).toBe('bad_amount');
    expect(transition(applied, { status: 'sanctioned', on: '2025-02-01', amount: Number.NaN }).ok).toBe(false);
    expect(transition(applied, { status: 'sanctioned', on: '2025-02-01', amount: 0 }).ok).toBe(true);
    const misplaced = transition(start(), { status: 'applied', on: '2025-02-01', amount: 100 });
    expect(misplaced.ok ? null : misplaced.error.code).toBe('amount_not_expected');
  });

  it('an unknown status', () => {
    const r = transition(start(), { status: 'approved' as ApplicationStatus, on: '2025-02-01' });
    expect(r.ok ? null : r.error.code).toBe('unknown_status');
  });
});

describe('replay', () => {
  it('rebuilds from stored steps and names the bad step', () => {
    const steps: ApplicationStep[] = [
      { status: 'identified', on: '2025-01-01' },
      { status: 'applied', on: '2025-01-05' },
      { status: 'sanctioned', on: '2025-01-04' },
    ];
    const r = replay('s', 'c', steps);
    expect(r.ok ? null : r.error.message).toBe('step 2: sanctioned on 2025-01-04 is before the previous step (applied on 2025-01-05)');
    expect(ok(replay('s', 'c', steps.slice(0, 2))).status).toBe('applied');
    expect(replay('s', 'c', []).ok).toBe(false);
    expect(replay('s', 'c', [{ status: 'applied', on: '2025-01-01' }]).ok).toBe(false);
  });

  it('accepts exactly the sequences the transition table allows (property)', () => {
    const stepArb = fc.record({
      status: fc.constantFrom(...APPLICATION_STATUSES),
      on: fc.constantFrom('2025-01-01', '2025-02-01', '2025-03-01'),
      reason: fc.constant('documented reason'),
    });
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 8 }), (rest) => {
        const steps = [{ status: 'identified' as const, on: '2025-01-01' }, ...rest];
        let legal = true;
        for (let i = 1; i < steps.length; i++) {
          if (!APPLICATION_TRANSITIONS[steps[i - 1].status].includes(steps[i].status) || steps[i].on < steps[i - 1].on) legal = false;
        }
        const r = replay('s', 'c', steps);
        expect(r.ok).toBe(legal);
        if (r.ok) expect(r.application.status).toBe(steps[steps.length - 1].status);
      }),
    );
  });
});
