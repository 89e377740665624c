import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionState, allowedEvents, applyActionEvent, daysOverdue, isOverdue, type ActionEvent, type ActionItem } from './actions';
import type { Actor } from './group';
import { GROUP, action } from './testkit';

const health: Actor = { personId: 'p-health', department: 'HEALTH' };
const education: Actor = { personId: 'p-edu', department: 'EDUCATION' };
const secretary: Actor = { personId: 'p-dcpu', department: 'DCPU' };
const chair: Actor = { personId: 'p-dlsa', department: 'DLSA' };
// Someone from the health department who does not sit in the group (a block medical officer).
const healthOfficer: Actor = { personId: 'p-mo-block', department: 'HEALTH' };

const item = () => action('HEALTH', { id: 'a1', dueDate: '2025-03-15' });
const apply = (a: ActionItem, e: ActionEvent, who: Actor) => applyActionEvent(a, { ...e, by: who.personId } as ActionEvent, who, GROUP);

describe('action status machine', () => {
  it('walks open → blocked → reopened → done → reopened', () => {
    let a = item();
    const steps: [ActionEvent, Actor, string][] = [
      [{ type: 'block', on: '2025-03-05', by: '', reason: 'family migrated for sugarcane cutting' }, health, 'blocked'],
      [{ type: 'reopen', on: '2025-03-10', by: '', reason: 'family returned' }, secretary, 'reopened'],
      [{ type: 'complete', on: '2025-03-12', by: '', result: 'treated at PHC' }, healthOfficer, 'done'],
      [{ type: 'reopen', on: '2025-03-20', by: '', reason: 'follow-up visit missed' }, chair, 'reopened'],
    ];
    for (const [e, who, status] of steps) {
      const r = apply(a, e, who);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      a = r.value;
      expect(actionState(a).status).toBe(status);
    }
    expect(actionState(a, '2025-03-13')).toEqual({ status: 'done', doneOn: '2025-03-12', result: 'treated at PHC' });
    expect(actionState(a, '2025-03-04')).toEqual({ status: 'open' });
    expect(a.events.map((e) => e.by)).toEqual(['p-health', 'p-dcpu', 'p-mo-block', 'p-dlsa']);
  });

  it('refuses transitions the machine does not allow, saying what is allowed', () => {
    const r = apply(item(), { type: 'reopen', on: '2025-03-05', by: '', reason: 'x' }, health);
    expect(r).toEqual({
      ok: false,
      problems: [{ code: 'invalid_transition', message: 'cannot reopen an action that is open (allowed: complete, block)' }],
    });
    expect(allowedEvents('done')).toEqual(['reopen']);
  });

  it('requires a result to complete and a reason to block or reopen', () => {
    const r1 = apply(item(), { type: 'complete', on: '2025-03-05', by: '', result: '  ' }, health);
    const r2 = apply(item(), { type: 'block', on: '2025-03-05', by: '', reason: '' }, health);
    expect(!r1.ok && r1.problems.map((p) => p.code)).toEqual(['result_required']);
    expect(!r2.ok && r2.problems.map((p) => p.message)).toEqual(['say why the action is blocked']);
  });

  it('lets only the assigned department, the chair or the secretary update', () => {
    const r = apply(item(), { type: 'complete', on: '2025-03-05', by: '', result: 'done' }, education);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        code: 'not_assigned_department',
        message: "only HEALTH (the assigned department) or the group's chair or secretary may update this action; you act for EDUCATION",
      },
    ]);
  });

  it('refuses events recorded for someone else or dated before the last change', () => {
    const a = item();
    const forged = applyActionEvent(a, { type: 'complete', on: '2025-03-05', by: 'p-edu', result: 'x' }, health, GROUP);
    expect(!forged.ok && forged.problems.map((p) => p.code)).toEqual(['actor_mismatch']);
    const early = apply(a, { type: 'complete', on: '2025-03-01', by: '', result: 'x' }, health);
    expect(!early.ok && early.problems.map((p) => p.code)).toEqual(['backdated']);
  });

  it('counts overdue from the day after the due date', () => {
    const a = item();
    expect(isOverdue(a, '2025-03-15')).toBe(false);
    expect(isOverdue(a, '2025-03-16')).toBe(true);
    expect(daysOverdue(a, '2025-03-25')).toBe(10);
    const finished = { ...a, events: [{ type: 'complete', on: '2025-03-20', by: 'p-health', result: 'ok' } as ActionEvent] };
    expect(isOverdue(finished, '2025-03-25')).toBe(false);
    expect(isOverdue(finished, '2025-03-18')).toBe(true); // still overdue before it was done
  });
});

describe('action events (property)', () => {
  const eventArb = fc.record({
    type: fc.constantFrom('complete', 'block', 'reopen'),
    day: fc.integer({ min: 0, max: 20 }),
    who: fc.constantFrom(health, education, secretary, chair),
  });

  it('applyActionEvent accepts exactly what the machine and the rules allow, and state replays the accepted history', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 12 }), (events) => {
        let a = item();
        let day = 3;
        for (const ev of events) {
          day = Math.min(28, day + (ev.day % 3));
          const on = `2025-03-${String(day).padStart(2, '0')}`;
          const e = (
            ev.type === 'complete'
              ? { type: 'complete', on, by: ev.who.personId, result: 'r' }
              : { type: ev.type, on, by: ev.who.personId, reason: 'why' }
          ) as ActionEvent;
          const before = actionState(a).status;
          const r = applyActionEvent(a, e, ev.who, GROUP);
          const permitted = ev.who.department === 'HEALTH' || ev.who === secretary || ev.who === chair;
          const legal = (allowedEvents(before) as string[]).includes(ev.type);
          expect(r.ok).toBe(permitted && legal);
          if (r.ok) {
            a = r.value;
            expect(actionState(a).status).toBe({ complete: 'done', block: 'blocked', reopen: 'reopened' }[ev.type]);
          }
        }
        // Every accepted event is a legal step from the state before it: replay skips none.
        a.events.forEach((e, i) => {
          expect(allowedEvents(actionState({ events: a.events.slice(0, i) }).status)).toContain(e.type);
        });
      }),
    );
  });
});
