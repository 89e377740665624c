/**
 * The e-mails Samanvay sends (convergence reminders and the division-of-labour note, the 1098
 * overdue notice), in English, Hindi and Marathi, merged into the catalogue as `email.*`. Ids,
 * department and group names and dates only (JJ Act 2015 s.74). Glossary terms: due is समय-सीमा /
 * मुदत, overdue समय-सीमा बीत गई / मुदत उलटली, action item कार्रवाई / कार्यवाही, "sign in" साइन इन;
 * no Marathi postposition after a placeholder ("{{group}}: …", not "{{group}} ने").
 */
export const EMAIL_WORDS = {
  en: {
    reminderSubject: {
      due_soon: 'Convergence action item due {{due}}',
      overdue: 'Convergence action item overdue since {{due}}',
    },
    reminderBody:
      'An action item ({{ref}}) is due on {{due}}. Department: {{department}}. Group: {{group}}. Please sign in to Samanvay and record what was done, or why it is blocked.',
    noteSubject: 'Division-of-labour note: {{group}}, {{date}}',
    noteBody_one:
      'The division-of-labour note of the meeting is ready. Group: {{group}}, {{date}}. {{department}}: {{count}} action item. Sign in to Samanvay to read it and update your action items.',
    noteBody_other:
      'The division-of-labour note of the meeting is ready. Group: {{group}}, {{date}}. {{department}}: {{count}} action items. Sign in to Samanvay to read it and update your action items.',
    noteBodyFull_one:
      'The division-of-labour note of the meeting is ready. Group: {{group}}, {{date}}. {{count}} action item in all. Sign in to Samanvay to read the full note.',
    noteBodyFull_other:
      'The division-of-labour note of the meeting is ready. Group: {{group}}, {{date}}. {{count}} action items in all. Sign in to Samanvay to read the full note.',
    helplineOverdueSubject: '1098 call #{{number}}: child not reached by the target time',
    helplineOverdueBody:
      '1098 call #{{number}}: the child was not reached by the target time ({{target}}). The call has been escalated to the District Child Protection Unit.',
  },
  hi: {
    reminderSubject: {
      due_soon: 'अभिसरण कार्रवाई की समय-सीमा {{due}}',
      overdue: 'अभिसरण कार्रवाई: समय-सीमा बीत गई ({{due}})',
    },
    reminderBody:
      'एक कार्रवाई ({{ref}}) की समय-सीमा {{due}} है। विभाग: {{department}}। समूह: {{group}}। कृपया समन्वय में साइन इन करके की गई कार्रवाई या रुकावट का कारण दर्ज करें।',
    noteSubject: 'कार्य-विभाजन टिप्पणी: {{group}}, {{date}}',
    noteBody_one:
      'बैठक की कार्य-विभाजन टिप्पणी तैयार है। समूह: {{group}}, {{date}}। {{department}}: {{count}} कार्रवाई। पढ़ने और अपनी कार्रवाइयाँ अद्यतन करने के लिए समन्वय में साइन इन करें।',
    noteBody_other:
      'बैठक की कार्य-विभाजन टिप्पणी तैयार है। समूह: {{group}}, {{date}}। {{department}}: {{count}} कार्रवाइयाँ। पढ़ने और अपनी कार्रवाइयाँ अद्यतन करने के लिए समन्वय में साइन इन करें।',
    noteBodyFull_one:
      'बैठक की कार्य-विभाजन टिप्पणी तैयार है। समूह: {{group}}, {{date}}। कुल {{count}} कार्रवाई। पूरी टिप्पणी पढ़ने के लिए समन्वय में साइन इन करें।',
    noteBodyFull_other:
      'बैठक की कार्य-विभाजन टिप्पणी तैयार है। समूह: {{group}}, {{date}}। कुल {{count}} कार्रवाइयाँ। पूरी टिप्पणी पढ़ने के लिए समन्वय में साइन इन करें।',
    helplineOverdueSubject: '1098 कॉल #{{number}}: निर्धारित समय तक बच्चे तक नहीं पहुँचा गया',
    helplineOverdueBody: '1098 कॉल #{{number}}: निर्धारित समय ({{target}}) तक बच्चे तक नहीं पहुँचा गया। कॉल ज़िला बाल संरक्षण इकाई को आगे भेजी गई है।',
  },
  mr: {
    reminderSubject: {
      due_soon: 'अभिसरण कार्यवाहीची मुदत: {{due}}',
      overdue: 'अभिसरण कार्यवाही: मुदत उलटली ({{due}})',
    },
    reminderBody:
      'एका कार्यवाहीची ({{ref}}) मुदत: {{due}}. विभाग: {{department}}. गट: {{group}}. कृपया समन्वयमध्ये साइन इन करून केलेली कार्यवाही किंवा अडचणीचे कारण नोंदवा.',
    noteSubject: 'कार्यविभाजन टिपण: {{group}}, {{date}}',
    noteBody_one:
      'बैठकीचे कार्यविभाजन टिपण तयार आहे. गट: {{group}}, {{date}}. {{department}}: {{count}} कार्यवाही. वाचण्यासाठी व तुमची कार्यवाही अद्ययावत करण्यासाठी समन्वयमध्ये साइन इन करा.',
    noteBody_other:
      'बैठकीचे कार्यविभाजन टिपण तयार आहे. गट: {{group}}, {{date}}. {{department}}: {{count}} कार्यवाही. वाचण्यासाठी व तुमची कार्यवाही अद्ययावत करण्यासाठी समन्वयमध्ये साइन इन करा.',
    noteBodyFull_one:
      'बैठकीचे कार्यविभाजन टिपण तयार आहे. गट: {{group}}, {{date}}. एकूण कार्यवाही: {{count}}. संपूर्ण टिपण वाचण्यासाठी समन्वयमध्ये साइन इन करा.',
    noteBodyFull_other:
      'बैठकीचे कार्यविभाजन टिपण तयार आहे. गट: {{group}}, {{date}}. एकूण कार्यवाही: {{count}}. संपूर्ण टिपण वाचण्यासाठी समन्वयमध्ये साइन इन करा.',
    helplineOverdueSubject: '1098 कॉल #{{number}}: ठरलेल्या वेळेत बालकापर्यंत पोहोचता आले नाही',
    helplineOverdueBody:
      '1098 कॉल #{{number}}: ठरलेल्या वेळेत ({{target}}) बालकापर्यंत पोहोचता आले नाही. कॉल जिल्हा बाल संरक्षण कक्षाकडे पुढे पाठवला आहे.',
  },
};
