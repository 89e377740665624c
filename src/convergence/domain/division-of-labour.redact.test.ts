import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDivisionOfLabourNote,
  fullNote,
  initialsOf,
  noteForDepartment,
  type CaseIdentity,
  type DivisionOfLabourNote,
} from './division-of-labour';
import { CASES, GROUP, MARCH, noteActions } from './testkit';
import { DEPARTMENT_KINDS } from './types';

function build(cases: CaseIdentity[] = CASES): DivisionOfLabourNote {
  const r = buildDivisionOfLabourNote({ group: GROUP, meeting: MARCH, actions: noteActions('en'), cases });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const summary = (n: ReturnType<typeof fullNote>) =>
  n.sections.map((s) => [
    s.department,
    s.lines.map(
      (l) =>
        `${l.caseRef ?? '-'}|${l.child ? `${l.child.name}/${l.child.age}/${l.child.village}` : (l.childInitials ?? (l.childWithheld ? 'WITHHELD' : '-'))}`,
    ),
  ]);

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
  const named = { names: true };

  it('names the child to a department on the cases where it has an action, and gives it no other case', () => {
    expect(summary(noteForDepartment(note, 'REVENUE', named))).toEqual([
      ['REVENUE', ['AMR/CNCP/2025/0012|Dnyaneshwari Patil/13/Rajura']],
      ['EDUCATION', ['AMR/CNCP/2025/0012|Dnyaneshwari Patil/13/Rajura']],
    ]);
    expect(summary(noteForDepartment(note, 'HEALTH', named))).toEqual([
      ['HEALTH', ['AMR/CNCP/2024/0007|K. M.', 'AMR/CNCP/2025/0019|Rohit Shinde/9/Karajgaon']], // 0007: CWC non-disclosure order
      ['DWCD', ['AMR/CNCP/2024/0007|K. M.']],
      ['DCPU', ['AMR/CNCP/2025/0019|Rohit Shinde/9/Karajgaon']],
    ]);
    const health = JSON.stringify(noteForDepartment(note, 'HEALTH', named));
    expect(health).not.toMatch(/Dnyaneshwari|ज्ञानेश्वरी|Kshitija|AMR\/CNCP\/2025\/0012/);
    expect(noteForDepartment(note, 'REVENUE', named).sections[0].lines[0].child).toEqual({
      name: 'Dnyaneshwari Patil',
      nameLocal: 'ज्ञानेश्वरी पाटील',
      age: 13,
      village: 'Rajura',
    });
  });

  it('names nobody unless the caller says the reader may see names', () => {
    expect(summary(noteForDepartment(note, 'REVENUE'))).toEqual([
      ['REVENUE', ['AMR/CNCP/2025/0012|WITHHELD']],
      ['EDUCATION', ['AMR/CNCP/2025/0012|WITHHELD']],
    ]);
    expect(JSON.stringify(fullNote(note))).not.toMatch(/Dnyaneshwari|Rohit|Kshitija|K\. M\./);
  });

  it('keeps a department’s general actions and gives nothing to a department with none', () => {
    expect(summary(noteForDepartment(note, 'LABOUR', named))).toEqual([['LABOUR', ['-|-']]]);
    expect(noteForDepartment(note, 'POLICE', named).sections).toEqual([]);
  });

  it('gives the chair/DCPU every case, named only when the reader may see names, initials under a CWC order', () => {
    const full = fullNote(note, 'DCPU', named);
    expect(full.scope).toEqual({ kind: 'full', department: 'DCPU' });
    const lines = full.sections.flatMap((s) => s.lines);
    expect(lines).toHaveLength(7);
    expect(new Set(lines.map((l) => l.child?.name).filter(Boolean))).toEqual(new Set(['Dnyaneshwari Patil', 'Rohit Shinde']));
    expect(lines.filter((l) => l.caseRef === 'AMR/CNCP/2024/0007').map((l) => [l.childInitials, l.nonDisclosure, l.childWithheld])).toEqual(
      [
        ['K. M.', true, true],
        ['K. M.', true, true],
      ],
    );
  });

  it('never carries identity material into a recipient view', () => {
    expect(Object.keys(fullNote(note, 'DCPU', named))).not.toContain('cases');
    expect(JSON.stringify(fullNote(note, 'DCPU', named))).not.toMatch(/Kshitija|CWC\/AMR\/2024\/88/);
  });

  it('initials in either script', () => {
    expect(initialsOf('Priya  Shinde')).toBe('P. S.');
    expect(initialsOf('ज्ञानेश्वरी पाटील')).toBe('ज. प.');
  });

  it('names a child to exactly the departments that act on the case, unless the CWC restricted it (property)', () => {
    fc.assert(
      fc.property(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()), (restricted) => {
        const cases = CASES.map((c, i) => ({
          caseRef: c.caseRef,
          child: { name: `CHILD-${i}`, nameLocal: null, age: 10, village: `VILLAGE-${i}` },
          nonDisclosureOrder: restricted[i] ? { orderRef: `o${i}`, orderedOn: '2025-01-01' } : null,
        }));
        const n = build(cases);
        for (const dept of DEPARTMENT_KINDS) {
          const text = JSON.stringify(noteForDepartment(n, dept, named));
          cases.forEach((c, i) => {
            const actsOnCase = n.entries.some((e) => e.caseRef === c.caseRef && e.department === dept);
            expect(text.includes(`CHILD-${i}`)).toBe(actsOnCase && !restricted[i]);
            expect(text.includes(`VILLAGE-${i}`)).toBe(actsOnCase && !restricted[i]);
            expect(text.includes(c.caseRef)).toBe(actsOnCase);
          });
        }
      }),
      { numRuns: 50 },
    );
  });
});
