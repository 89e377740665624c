import { describe, expect, it } from 'vitest';
import { noteMessage, reminderMessage } from './notify';

// Issue #17: the e-mails were worded apart from the catalogue, with terms the glossary retires
// (अतिदेय, नियत तारीख, लॉग इन), a Marathi postposition glued to a name ("{department} कडे") and
// "action(s)" for any count. Now they are the shared catalogue's `email.*` (src/i18n/email-words.ts).
describe('convergence e-mails in three languages', () => {
  const action = { actionId: 'abcdef12-3456', department: 'HEALTH' as const, group: 'Amravati convergence group', dueDate: '2026-12-15' };

  it('a reminder names the due day without a clock time, in the glossary terms', () => {
    expect(reminderMessage('overdue', action, 'en').subject).toBe('Convergence action item overdue since 15 December 2026');
    const hi = reminderMessage('due_soon', action, 'hi');
    expect(hi.subject).toContain('समय-सीमा');
    expect(hi.body).toContain('साइन इन');
    const mr = reminderMessage('overdue', action, 'mr');
    expect(mr.subject).toContain('मुदत उलटली');
    for (const m of [hi, mr, reminderMessage('overdue', action, 'hi')]) {
      expect(`${m.subject} ${m.body}`).not.toMatch(/अतिदेय|नियत तारीख|लॉग इन|देय|:\d\d/);
      expect(m.body).toContain('A-ABCDEF12');
    }
    expect(mr.body).not.toMatch(/ कडे/);
  });

  it('the note counts its action items with the right plural form', () => {
    const one = noteMessage({ group: 'G', date: '2026-12-05', count: 1, department: 'HEALTH' }, 'en');
    const many = noteMessage({ group: 'G', date: '2026-12-05', count: 3, department: null }, 'en');
    expect(one.body).toContain(': 1 action item.');
    expect(many.body).toContain('3 action items in all');
    expect(noteMessage({ group: 'G', date: '2026-12-05', count: 3, department: null }, 'hi').body).toContain('कुल 3 कार्रवाइयाँ');
    expect(noteMessage({ group: 'G', date: '2026-12-05', count: 1, department: 'HEALTH' }, 'hi').body).toMatch(/: 1 कार्रवाई।/);
  });
});
