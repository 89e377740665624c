import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDivisionOfLabourNote, fullNote, noteForDepartment, type CaseIdentity, type DivisionOfLabourNote } from './division-of-labour';
import { CASES, GROUP, MARCH, noteActions } from './testkit';
import { DEPARTMENT_KINDS, type DepartmentKind } from './types';

function build(cases: CaseIdentity[] = CASES): DivisionOfLabourNote {
  const r = buildDivisionOfLabourNote({ group: GROUP, meeting: MARCH, actions: noteActions('en'), cases });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const summary = (n: ReturnType<typeof fullNote>) =>
  n.sections.map((s) => [s.department, s.lines.map((l) => `${l.caseRef ?? '-'}|${l.childName ?? (l.childWithheld ? 'WITHHELD' : '-')}`)]);

describe('buildDivisionOfLabourNote', () => {
  const note = build();

  it('takes the header from the held meeting', () => {
    expect(note.meeting).toEqual({ id: 'm-2025-03', date: '2025-03-03', chair: 'Adv. Ashok Kulkarni, Secretary, DLSA' });
    expect(note.present.map((p) => p.department)).toEqual(['DLSA', 'DCPU', 'DWCD', 'HEALTH', 'EDUCATION']);
    expect(note.present.find((p) => p.department === 'HEALTH')!.attendees).toEqual(['Dr. Kavita Meshram']);
    expect(note.absent).toEqual(['REVENUE', 'LABOUR']);
    expect(note.guests).toEqual(['Bal Panchayat, Rajura (2 members)']);
  });

  it("lists this meeting's actions and restates earlier ones not yet done", () => {
    expect(note.entries.map((e) => [e.actionId, e.carriedOver])).toEqual([
      ['a-dwcd', false],
      ['a-dcpu', false],
      ['a-edu', false],
      ['a-feb', true],
      ['a-health', false],
      ['a-labour', false],
      ['a-rev', false],
    ]);
  });

  it('refuses a meeting that was not held or has no chair', () => {
    const notHeld = buildDivisionOfLabourNote({ group: GROUP, meeting: { ...MARCH, status: 'scheduled' }, actions: [], cases: [] });
    expect(!notHeld.ok && notHeld.problems[0].code).toBe('meeting_not_held');
    const noChair = buildDivisionOfLabourNote({ group: GROUP, meeting: { ...MARCH, chairPersonId: null }, actions: [], cases: [] });
    expect(!noChair.ok && noChair.problems[0].code).toBe('chair_required');
  });
});

describe('redaction per recipient (JJ Act 2015 s.74)', () => {
  const note = build();

  it('gives a department only the cases it acts on, with the other departments on them', () => {
    expect(summary(noteForDepartment(note, 'REVENUE'))).toEqual([
      ['REVENUE', ['AMR/CNCP/2025/0012|ज्ञानेश्वरी पाटील']], // named: the CWC order covers REVENUE
      ['EDUCATION', ['AMR/CNCP/2025/0012|ज्ञानेश्वरी पाटील']],
    ]);
    expect(summary(noteForDepartment(note, 'EDUCATION'))).toEqual([
      ['EDUCATION', ['AMR/CNCP/2025/0012|WITHHELD']], // same case, no order for EDUCATION
      ['REVENUE', ['AMR/CNCP/2025/0012|WITHHELD']],
    ]);
    expect(summary(noteForDepartment(note, 'HEALTH'))).toEqual([
      ['HEALTH', ['AMR/CNCP/2024/0007|WITHHELD', 'AMR/CNCP/2025/0019|WITHHELD']],
      ['DWCD', ['AMR/CNCP/2024/0007|WITHHELD']],
      ['DCPU', ['AMR/CNCP/2025/0019|WITHHELD']],
    ]);
  });

  it('keeps a department’s general actions and gives nothing to a department with none', () => {
    expect(summary(noteForDepartment(note, 'LABOUR'))).toEqual([['LABOUR', ['-|-']]]);
    expect(noteForDepartment(note, 'POLICE').sections).toEqual([]);
  });

  it('gives the chair/DCPU every case, named only where an order covers the reader', () => {
    const full = fullNote(note);
    expect(full.scope).toEqual({ kind: 'full', department: 'DCPU' });
    expect(full.sections.flatMap((s) => s.lines)).toHaveLength(7);
    const names = full.sections.flatMap((s) => s.lines.map((l) => l.childName)).filter(Boolean);
    expect(new Set(names)).toEqual(new Set(['ज्ञानेश्वरी पाटील']));
    expect(fullNote(note, 'DWCD').sections.flatMap((s) => s.lines.map((l) => l.childName)).filter(Boolean)).toEqual(['Kshitija More', 'Kshitija More']);
  });

  it('never carries identity material into a recipient view', () => {
    expect(Object.keys(fullNote(note))).not.toContain('cases');
    expect(JSON.stringify(noteForDepartment(note, 'HEALTH'))).not.toMatch(/Rohit|Kshitija|ज्ञानेश्वरी/);
  });

  it('discloses a name to exactly the departments a CWC order names and that act on the case (property)', () => {
    const deptSubset = fc.subarray([...DEPARTMENT_KINDS]);
    fc.assert(
      fc.property(fc.tuple(deptSubset, deptSubset, deptSubset), (orders) => {
        const cases = CASES.map((c, i) => ({ ...c, displayName: `CHILD-${i}`, disclosureOrder: { orderRef: `o${i}`, orderedOn: '2025-01-01', disclosedTo: orders[i] } }));
        const n = build(cases);
        for (const dept of DEPARTMENT_KINDS) {
          const text = JSON.stringify(noteForDepartment(n, dept));
          cases.forEach((c, i) => {
            const actsOnCase = n.entries.some((e) => e.caseRef === c.caseRef && e.department === dept);
            expect(text.includes(`CHILD-${i}`)).toBe(actsOnCase && orders[i].includes(dept as DepartmentKind));
          });
        }
      }),
      { numRuns: 50 },
    );
  });
});
