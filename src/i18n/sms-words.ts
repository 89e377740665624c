/**
 * The SMS texts (src/notifications/sms.ts), in English, Hindi and Marathi, merged into the
 * catalogue as `sms.*` so they use the app's words (glossary: action item कार्यवाही / कार्रवाई,
 * due मुदत / समय-सीमा, overdue मुदत उलटली / समय-सीमा बीत गई, "sign in" साइन इन, तुम्ही / आप).
 *
 * Each text is a DLT content template (TRAI TCCCPR 2018): it is registered with the operators
 * as written here, each {{placeholder}} becoming {#var#} (`dltTemplateText` in sms.ts), and one
 * template id is configured per kind and language. So:
 * - no plural forms (a `_one`/`_other` pair would be two templates): counts follow a colon;
 * - no Marathi postposition after a placeholder ("{{department}}: …", never "{{department}} ची");
 * - ids, department names, dates and the link only (JJ Act 2015 s.74);
 * - changing a text here means registering its template again.
 */
export const SMS_WORDS = {
  en: {
    due_soon: 'Samanvay: convergence action item {{ref}} for {{department}} is due on {{due}}. Record what was done: {{link}}',
    overdue: 'Samanvay: convergence action item {{ref}} for {{department}} was due on {{due}} and is overdue. Update it: {{link}}',
    note: 'Samanvay: the division-of-labour note of the convergence meeting is ready. {{department}}: action items {{count}}. Read it: {{link}}',
    other: 'Samanvay: you have a new notification. Sign in to read it: {{link}}',
  },
  hi: {
    due_soon: 'समन्वय: अभिसरण कार्रवाई {{ref}}, विभाग: {{department}}, समय-सीमा: {{due}}। की गई कार्रवाई दर्ज करें: {{link}}',
    overdue: 'समन्वय: अभिसरण कार्रवाई {{ref}}, विभाग: {{department}}, समय-सीमा बीत गई: {{due}}। अद्यतन करें: {{link}}',
    note: 'समन्वय: अभिसरण बैठक की कार्य-विभाजन टिप्पणी तैयार है। {{department}}: कार्रवाइयाँ {{count}}। पढ़ें: {{link}}',
    other: 'समन्वय: आपके लिए नई सूचना है। पढ़ने के लिए साइन इन करें: {{link}}',
  },
  mr: {
    due_soon: 'समन्वय: अभिसरण कार्यवाही {{ref}}, विभाग: {{department}}, मुदत: {{due}}. केलेली कार्यवाही नोंदवा: {{link}}',
    overdue: 'समन्वय: अभिसरण कार्यवाही {{ref}}, विभाग: {{department}}, मुदत उलटली: {{due}}. अद्ययावत करा: {{link}}',
    note: 'समन्वय: अभिसरण बैठकीचे कार्यविभाजन टिपण तयार आहे. {{department}}: कार्यवाही {{count}}. वाचा: {{link}}',
    other: 'समन्वय: तुमच्यासाठी नवीन सूचना आहे. वाचण्यासाठी साइन इन करा: {{link}}',
  },
};
