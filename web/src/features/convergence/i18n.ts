// Strings of the convergence screens in English, Hindi and Marathi (merged into the shared
// translations by the module). Department and domain names come from the domain's labels
// (src/convergence/domain/labels.ts), the same words the printed notes use.

const en = {
  convergence: {
    nav: { groups: 'Convergence groups', actions: 'Department actions', accountability: 'Accountability', coverage: 'Service coverage', matrix: 'Convergence Matrix', balPanchayat: 'Bal Panchayat voice' },
    level: { district: 'District', block: 'Block', village: 'Village', state: 'State', national: 'National' },
    meetingStatus: { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled' },
    actionStatus: { open: 'Open', done: 'Done', blocked: 'Blocked', reopened: 'Reopened' },
    role: { chair: 'Chair', secretary: 'Secretary', member: 'Member' },
    section: { action_taken: 'Action taken on earlier decisions', cases: 'Cases', bal_panchayat: 'Issues raised by Bal Panchayats' },
    reason: { carried_over: 'Carried over', escalated: 'Escalated', overdue_actions: 'Overdue actions', flagged: 'Flagged for the group', bal_panchayat_issue: 'Bal Panchayat issue', raised_between_meetings: 'Raised between meetings' },
    issueStatus: { with_vcpc: 'With the VCPC', escalated: 'Escalated by the VCPC', on_agenda: "On the group's agenda", resolved: 'Resolved' },
    category: {
      out_of_school: 'Child out of school', family_in_distress: 'Family in distress', child_labour: 'Child labour', child_marriage: 'Child marriage',
      violence_or_abuse: 'Violence or abuse', health_or_nutrition: 'Health or nutrition', village_problem: 'Village problem', other: 'Other',
    },
    responsibility: { lead: 'Lead', support: 'Support' },
    metric: { assigned: 'Assigned', doneOnTime: 'Done on time', doneLate: 'Done late', overdue: 'Overdue', avgDaysLate: 'Average days late', onTimeRate: 'On-time rate', attendanceRate: 'Meeting attendance' },
    common: {
      department: 'Department', date: 'Date', dueDate: 'Due date', status: 'Status', save: 'Save', cancel: 'Cancel', all: 'All', none: 'None', overdue: 'Overdue',
      daysOverdue: '{{n}} days overdue', caseRef: 'Case ref.', open: 'Open', group: 'Group', month: 'Month', from: 'From', to: 'To', domain: 'Domain',
      members: 'Members', chair: 'Chair', general: 'General', withheld: 'Identity withheld (JJ Act s.74)',
    },
    groups: {
      title: 'Convergence groups', intro: 'District and block groups: who sits for each department, when they meet, and who keeps coming.',
      members: '{{n}} members', anchors: 'Anchoring departments', frequency: 'Meets', next: 'Next meeting', irregular: 'Irregular attendance', noGroups: 'No convergence group in your area yet.',
      frequencyValue: { monthly: 'Monthly', bimonthly: 'Every two months', quarterly: 'Quarterly' },
    },
    group: {
      meetings: 'Meetings', schedule: 'Schedule a meeting', venue: 'Venue', scheduled: 'Meeting scheduled', attendance: 'Attendance by department',
      expected: 'Meetings', attended: 'Attended', rate: 'Rate', absentRun: 'Absent in a row', memberList: 'Members by department', designation: 'Designation',
    },
    meeting: {
      agenda: 'Agenda', frozen: 'The agenda as it stood when the meeting was held.', live: 'Built from the records today: overdue actions, flagged and escalated cases, Bal Panchayat issues.',
      emptyAgenda: 'Nothing on the agenda.', attendance: 'Attendance', present: 'Present', absentDepartments: 'Departments absent', saveAttendance: 'Save attendance',
      hold: 'Record the meeting as held', held: 'Held', decisions: 'Decisions and actions', addDecision: 'Record a decision', subject: 'Case or family discussed',
      subjectHint: 'Pick from the agenda or type a family name; leave empty for a general matter.', decision: 'Decision', actionsTitle: 'Actions assigned', addAction: 'Add an action',
      removeAction: 'Remove', description: 'Action', officer: 'Responsible officer', suggested: 'The Matrix suggests: {{list}}', submit: 'Save the decision',
      minutes: 'Minutes', minute: 'Finalise the minutes', minuted: 'The minutes are final.', nextMeeting: 'Next meeting: {{date}}', note: 'Division-of-labour note',
      fullNote: 'Full note', myNote: "My department's note", send: 'Send the note to the departments', sent: 'Queued for {{n}} recipients.',
      noteSentOn: 'Sent on {{date}}', departmentView: 'You see the cases where your department has an action (JJ Act 2015 s.74).', guests: 'Guests',
    },
    actions: {
      title: 'Department actions', intro: 'Responsibilities assigned by the convergence groups. Record what was done, or why it is blocked.',
      onlyOverdue: 'Only overdue', onlyMine: "Only my department's", markDone: 'Done', markBlocked: 'Blocked', reopen: 'Reopen', result: 'What was done',
      reason: 'Why', noActions: 'No actions.', history: 'History', assignedOn: 'Assigned {{date}}', meetingOf: '{{group}}, meeting of {{date}}', raisedOn: '{{group}}, raised between meetings on {{date}}', total: '{{n}} actions',
    },
    acc: {
      title: 'Department accountability', intro: 'Per department and month: actions assigned, done on time, overdue, days late, and meeting attendance — for the DCWPC and the Mission Vatsalya monthly review.',
      allGroups: 'All groups', metric: 'Chart', chart: 'Trend by department', summary: 'Summary for the period', attendance: 'Attendance',
      exportExcel: 'Excel', exportPdf: 'PDF', reportLang: 'Report language', asOf: 'As of {{date}}',
    },
    cov: {
      title: 'Service coverage', intro: 'Families with a need in each domain and no service delivered yet (a gap), by area. Needs come from assessments and case plans; services from referrals, scheme enrolments and convergence actions.',
      level: 'Show by', families: 'Families', anyGap: 'With any gap', multi: 'Supported by 2+ departments', area: 'Area', familyList: 'Families with gaps',
      gaps: 'Gaps', pending: 'Pending', met: 'Met', schemesMissing: 'Scheme enrolments are not counted yet: the schemes module does not publish them.', total: 'All areas',
    },
    matrix: {
      title: 'Convergence Matrix', intro: 'Which department leads and supports each domain, at each level. Used to suggest whom to assign a need to.',
      version: 'Version {{v}}', source: { default: 'the bundled default', state: "this state's", national: 'national' }, level: 'Level', edit: 'Edit the matrix (JSON)',
      saved: 'Saved as version {{v}}.', invalid: 'The matrix was not saved:', note: 'What changed',
    },
    bp: {
      title: 'Bal Panchayat voice', intro: "Issues raised by children's councils go to the VCPC first; unsolved after the set days, or escalated, they reach the convergence group. Here the council sees what became of them.",
      raise: 'Record an issue', village: 'Village', council: 'Council', category: 'What kind of issue', summary: 'What the children said',
      summaryHint: "No child's name is needed. Write what the children said, not who they are.", raisedOn: 'Raised on', submit: 'Record', list: 'Issues',
      escalate: 'Escalate to the group', escalateReason: 'Why the VCPC could not solve it', resolve: 'Mark resolved', outcome: 'Outcome', toGroupOn: 'Unsolved, it goes to the group’s first meeting after {{date}}',
      whatBecame: 'What became of it', noIssues: 'No issues recorded.', childLinked: 'A child is linked (identity protected)', daysOpen: 'Open {{n}} days',
      resolvedBy: { vcpc: 'Solved by the VCPC', group: 'Solved after the convergence group took it up' },
    },
    note: { child: 'Child', age: '{{n}} yrs', initialsOnly: 'initials only: CWC order' },
    form: {
      newGroup: 'New convergence group', editGroup: 'Edit the group', level: 'Level', district: 'District', block: 'Block', name: 'Name of the group', nameLocal: 'Name in Marathi or Hindi',
      meetingDay: 'Day of the month it meets', chairDepartment: "Chair's department", chairName: "Chair's name", addMember: 'Add a member', editMember: 'Edit the member',
      memberName: 'Representative', role: 'Role in the group', email: 'Email', phone: 'Mobile', edit: 'Edit', remove: 'Remove',
      removeConfirm: '{{name}} leaves the group today. Their past attendance stays on record.', required: 'Required.',
    },
    raise: {
      title: 'Raise an action item', intro: 'Between meetings: assigned today to a department that sits in the group; it comes up at the next meeting.',
      description: 'Action', officer: 'Responsible officer (optional)', submit: 'Raise the action', raised: 'Action raised; it will come up at the next meeting.', open: 'Raise an action item',
    },
    errors: {
      duplicate_member: 'This person already sits on the group for that department.', already_member: 'This user already has a seat on the group.',
      chair_exists: 'The group already has a chair; end that seat first.', group_exists: 'There is already a convergence group for this area.',
      member_department_mismatch: 'The organisation belongs to another department.', organisation_outside_area: 'The organisation works in another district.',
      department_not_represented: 'That department has no representative in the group. Add a member from it first, or assign a department that sits in the group.',
      due_before_meeting: 'The due date is before the meeting date.', due_date_past: 'The due date has already passed.', chair_required: 'A meeting needs a chair.',
      chair_absent: 'The chair is marked absent.', chair_department: 'The chair must be the DLSA Secretary or the District Magistrate.',
      not_assigned_department: 'Only the assigned department, or the chair or secretary of the group, may update this action.', meeting_minuted: 'The minutes are final.',
      meeting_not_held: 'Record the meeting as held first.', meeting_in_future: 'A meeting cannot be held before its date.', meeting_already_held: 'The meeting was already held.',
      invalid_transition: 'That change is not possible in the action’s current state.', not_own_department: 'You may read your own department’s note only.',
      matrix_invalid: 'The matrix is not valid.', officer_not_member: 'The officer must sit in the group for that department.', meeting_exists: 'The group already has a meeting on that date.', forbidden: 'You may not do this here.',
    },
  },
};

type Tree = { [k: string]: string | Tree };

const hi: typeof en = {
  convergence: {
    nav: { groups: 'अभिसरण समूह', actions: 'विभागीय कार्यवाहियाँ', accountability: 'जवाबदेही', coverage: 'सेवा कवरेज', matrix: 'अभिसरण मैट्रिक्स', balPanchayat: 'बाल पंचायत की आवाज़' },
    level: { district: 'जिला', block: 'ब्लॉक', village: 'गाँव', state: 'राज्य', national: 'राष्ट्रीय' },
    meetingStatus: { scheduled: 'निर्धारित', held: 'आयोजित', cancelled: 'रद्द' },
    actionStatus: { open: 'लंबित', done: 'पूर्ण', blocked: 'रुकी हुई', reopened: 'फिर से खोली गई' },
    role: { chair: 'अध्यक्ष', secretary: 'सचिव', member: 'सदस्य' },
    section: { action_taken: 'पिछले निर्णयों पर की गई कार्यवाही', cases: 'प्रकरण', bal_panchayat: 'बाल पंचायतों द्वारा उठाए गए मुद्दे' },
    reason: { carried_over: 'पिछली बैठक से', escalated: 'ऊपर भेजा गया', overdue_actions: 'अतिदेय कार्यवाहियाँ', flagged: 'समूह हेतु चिह्नित', bal_panchayat_issue: 'बाल पंचायत का मुद्दा', raised_between_meetings: 'बैठकों के बीच उठाई गई' },
    issueStatus: { with_vcpc: 'ग्राम बाल संरक्षण समिति के पास', escalated: 'समिति द्वारा ऊपर भेजा गया', on_agenda: 'समूह की कार्यसूची में', resolved: 'हल हुआ' },
    category: {
      out_of_school: 'बच्चा स्कूल से बाहर', family_in_distress: 'संकट में परिवार', child_labour: 'बाल श्रम', child_marriage: 'बाल विवाह',
      violence_or_abuse: 'हिंसा या शोषण', health_or_nutrition: 'स्वास्थ्य या पोषण', village_problem: 'गाँव की समस्या', other: 'अन्य',
    },
    responsibility: { lead: 'प्रमुख', support: 'सहायक' },
    metric: { assigned: 'सौंपी गई', doneOnTime: 'समय पर पूर्ण', doneLate: 'विलंब से पूर्ण', overdue: 'अतिदेय', avgDaysLate: 'औसत विलंब (दिन)', onTimeRate: 'समय पर पूर्णता दर', attendanceRate: 'बैठक उपस्थिति' },
    common: {
      department: 'विभाग', date: 'तारीख', dueDate: 'नियत तारीख', status: 'स्थिति', save: 'सहेजें', cancel: 'रद्द करें', all: 'सभी', none: 'कोई नहीं', overdue: 'अतिदेय',
      daysOverdue: '{{n}} दिन अतिदेय', caseRef: 'प्रकरण क्रमांक', open: 'खोलें', group: 'समूह', month: 'माह', from: 'से', to: 'तक', domain: 'क्षेत्र',
      members: 'सदस्य', chair: 'अध्यक्ष', general: 'सामान्य', withheld: 'पहचान गोपनीय (धारा 74)',
    },
    groups: {
      title: 'अभिसरण समूह', intro: 'जिला और ब्लॉक समूह: हर विभाग से कौन बैठता है, बैठकें कब होती हैं, और कौन नियमित आता है।',
      members: '{{n}} सदस्य', anchors: 'प्रमुख विभाग', frequency: 'बैठक', next: 'अगली बैठक', irregular: 'अनियमित उपस्थिति', noGroups: 'आपके क्षेत्र में अभी कोई अभिसरण समूह नहीं है।',
      frequencyValue: { monthly: 'मासिक', bimonthly: 'हर दो माह', quarterly: 'त्रैमासिक' },
    },
    group: {
      meetings: 'बैठकें', schedule: 'बैठक निर्धारित करें', venue: 'स्थान', scheduled: 'बैठक निर्धारित हुई', attendance: 'विभागवार उपस्थिति',
      expected: 'बैठकें', attended: 'उपस्थित', rate: 'दर', absentRun: 'लगातार अनुपस्थित', memberList: 'विभागवार सदस्य', designation: 'पद',
    },
    meeting: {
      agenda: 'कार्यसूची', frozen: 'बैठक के समय की कार्यसूची।', live: 'आज के अभिलेखों से बनी: अतिदेय कार्यवाहियाँ, चिह्नित व ऊपर भेजे गए प्रकरण, बाल पंचायत के मुद्दे।',
      emptyAgenda: 'कार्यसूची में कुछ नहीं।', attendance: 'उपस्थिति', present: 'उपस्थित', absentDepartments: 'अनुपस्थित विभाग', saveAttendance: 'उपस्थिति सहेजें',
      hold: 'बैठक आयोजित दर्ज करें', held: 'आयोजित', decisions: 'निर्णय और कार्यवाहियाँ', addDecision: 'निर्णय दर्ज करें', subject: 'जिस प्रकरण या परिवार पर चर्चा हुई',
      subjectHint: 'कार्यसूची से चुनें या परिवार का नाम लिखें; सामान्य विषय हो तो खाली छोड़ें।', decision: 'निर्णय', actionsTitle: 'सौंपी गई कार्यवाहियाँ', addAction: 'कार्यवाही जोड़ें',
      removeAction: 'हटाएँ', description: 'कार्यवाही', officer: 'ज़िम्मेदार अधिकारी', suggested: 'मैट्रिक्स का सुझाव: {{list}}', submit: 'निर्णय सहेजें',
      minutes: 'कार्यवृत्त', minute: 'कार्यवृत्त अंतिम करें', minuted: 'कार्यवृत्त अंतिम है।', nextMeeting: 'अगली बैठक: {{date}}', note: 'कार्य-विभाजन टिप्पणी',
      fullNote: 'संपूर्ण टिप्पणी', myNote: 'मेरे विभाग की टिप्पणी', send: 'विभागों को टिप्पणी भेजें', sent: '{{n}} प्राप्तकर्ताओं के लिए भेजी गई।',
      noteSentOn: '{{date}} को भेजी गई', departmentView: 'आप केवल वे प्रकरण देखते हैं जिनमें आपके विभाग की कार्यवाही है (किशोर न्याय अधिनियम 2015, धारा 74)।', guests: 'आमंत्रित',
    },
    actions: {
      title: 'विभागीय कार्यवाहियाँ', intro: 'अभिसरण समूहों द्वारा सौंपी गई ज़िम्मेदारियाँ। क्या किया गया, या क्यों रुका है, दर्ज करें।',
      onlyOverdue: 'केवल अतिदेय', onlyMine: 'केवल मेरे विभाग की', markDone: 'पूर्ण', markBlocked: 'रुकी हुई', reopen: 'फिर से खोलें', result: 'क्या किया गया',
      reason: 'कारण', noActions: 'कोई कार्यवाही नहीं।', history: 'इतिहास', assignedOn: '{{date}} को सौंपी गई', meetingOf: '{{group}}, {{date}} की बैठक', raisedOn: '{{group}}, बैठकों के बीच {{date}} को उठाई गई', total: '{{n}} कार्यवाहियाँ',
    },
    acc: {
      title: 'विभागीय जवाबदेही', intro: 'विभागवार व माहवार: सौंपी गई, समय पर पूर्ण, अतिदेय कार्यवाहियाँ, विलंब के दिन और बैठक उपस्थिति — जिला बाल कल्याण एवं संरक्षण समिति और मिशन वात्सल्य मासिक समीक्षा हेतु।',
      allGroups: 'सभी समूह', metric: 'चार्ट', chart: 'विभागवार प्रवृत्ति', summary: 'अवधि का सारांश', attendance: 'उपस्थिति',
      exportExcel: 'एक्सेल', exportPdf: 'पीडीएफ़', reportLang: 'रिपोर्ट की भाषा', asOf: '{{date}} की स्थिति',
    },
    cov: {
      title: 'सेवा कवरेज', intro: 'हर क्षेत्र में ज़रूरत वाले वे परिवार जिन्हें अभी तक कोई सेवा नहीं मिली (कमी), इलाकेवार। ज़रूरतें आकलन और देखभाल योजनाओं से; सेवाएँ रेफ़रल, योजना नामांकन और अभिसरण कार्यवाहियों से।',
      level: 'इस स्तर पर', families: 'परिवार', anyGap: 'किसी भी कमी वाले', multi: 'दो या अधिक विभागों से सहायता', area: 'इलाका', familyList: 'कमी वाले परिवार',
      gaps: 'कमियाँ', pending: 'लंबित', met: 'पूरी', schemesMissing: 'योजना नामांकन अभी गिने नहीं जाते: योजना मॉड्यूल उन्हें उपलब्ध नहीं कराता।', total: 'सभी इलाके',
    },
    matrix: {
      title: 'अभिसरण मैट्रिक्स', intro: 'हर क्षेत्र में, हर स्तर पर कौन-सा विभाग प्रमुख है और कौन सहायक। किसी ज़रूरत को किसे सौंपें, इसका सुझाव इसी से।',
      version: 'संस्करण {{v}}', source: { default: 'मूल', state: 'राज्य का', national: 'राष्ट्रीय' }, level: 'स्तर', edit: 'मैट्रिक्स संपादित करें (JSON)',
      saved: 'संस्करण {{v}} के रूप में सहेजा गया।', invalid: 'मैट्रिक्स सहेजा नहीं गया:', note: 'क्या बदला',
    },
    bp: {
      title: 'बाल पंचायत की आवाज़', intro: 'बाल पंचायतों के मुद्दे पहले ग्राम बाल संरक्षण समिति के पास जाते हैं; तय दिनों में हल न हों, या ऊपर भेजे जाएँ, तो अभिसरण समूह तक पहुँचते हैं। यहाँ पंचायत देखती है कि उनका क्या हुआ।',
      raise: 'मुद्दा दर्ज करें', village: 'गाँव', council: 'बाल पंचायत', category: 'मुद्दे का प्रकार', summary: 'बच्चों ने क्या कहा',
      summaryHint: 'किसी बच्चे का नाम ज़रूरी नहीं। लिखें कि बच्चों ने क्या कहा, वे कौन हैं यह नहीं।', raisedOn: 'उठाने की तारीख', submit: 'दर्ज करें', list: 'मुद्दे',
      escalate: 'समूह को भेजें', escalateReason: 'समिति इसे क्यों हल नहीं कर सकी', resolve: 'हल हुआ चिह्नित करें', outcome: 'परिणाम', toGroupOn: 'हल न हुआ तो {{date}} के बाद समूह की पहली बैठक में जाएगा',
      whatBecame: 'इसका क्या हुआ', noIssues: 'कोई मुद्दा दर्ज नहीं।', childLinked: 'एक बच्चा जुड़ा है (पहचान गोपनीय)', daysOpen: '{{n}} दिन से खुला',
      resolvedBy: { vcpc: 'ग्राम बाल संरक्षण समिति ने हल किया', group: 'अभिसरण समूह के हस्तक्षेप के बाद हल हुआ' },
    },
    note: { child: 'बालक/बालिका', age: '{{n}} वर्ष', initialsOnly: 'केवल आद्याक्षर: बाल कल्याण समिति आदेश' },
    form: {
      newGroup: 'नया अभिसरण समूह', editGroup: 'समूह संपादित करें', level: 'स्तर', district: 'जिला', block: 'ब्लॉक', name: 'समूह का नाम', nameLocal: 'हिंदी या मराठी में नाम',
      meetingDay: 'माह का बैठक दिवस', chairDepartment: 'अध्यक्ष का विभाग', chairName: 'अध्यक्ष का नाम', addMember: 'सदस्य जोड़ें', editMember: 'सदस्य संपादित करें',
      memberName: 'प्रतिनिधि', role: 'समूह में भूमिका', email: 'ईमेल', phone: 'मोबाइल', edit: 'संपादित करें', remove: 'हटाएँ',
      removeConfirm: '{{name}} आज से समूह से हटेंगे। उनकी पिछली उपस्थिति अभिलेख में रहेगी।', required: 'आवश्यक।',
    },
    raise: {
      title: 'कार्यवाही उठाएँ', intro: 'बैठकों के बीच: आज ही समूह में बैठे किसी विभाग को सौंपी जाती है; अगली बैठक में सामने आएगी।',
      description: 'कार्यवाही', officer: 'उत्तरदायी अधिकारी (वैकल्पिक)', submit: 'कार्यवाही उठाएँ', raised: 'कार्यवाही उठाई गई; यह अगली बैठक में आएगी।', open: 'कार्यवाही उठाएँ',
    },
    errors: {
      duplicate_member: 'यह व्यक्ति उस विभाग की ओर से पहले से समूह में है।', already_member: 'इस उपयोगकर्ता का समूह में पहले से स्थान है।',
      chair_exists: 'समूह में पहले से अध्यक्ष हैं; पहले वह स्थान समाप्त करें।', group_exists: 'इस क्षेत्र के लिए अभिसरण समूह पहले से है।',
      member_department_mismatch: 'संस्था किसी अन्य विभाग की है।', organisation_outside_area: 'संस्था किसी अन्य जिले में कार्य करती है।',
      department_not_represented: 'उस विभाग का समूह में कोई प्रतिनिधि नहीं है। पहले उसका सदस्य जोड़ें, या समूह में बैठे विभाग को सौंपें।',
      due_before_meeting: 'नियत तारीख बैठक की तारीख से पहले है।', due_date_past: 'नियत तारीख बीत चुकी है।', chair_required: 'बैठक के लिए अध्यक्ष आवश्यक है।',
      chair_absent: 'अध्यक्ष अनुपस्थित दर्ज हैं।', chair_department: 'अध्यक्ष जिला विधिक सेवा प्राधिकरण के सचिव या जिलाधिकारी होने चाहिए।',
      not_assigned_department: 'इस कार्यवाही को केवल सौंपा गया विभाग, या समूह के अध्यक्ष या सचिव अद्यतन कर सकते हैं।', meeting_minuted: 'कार्यवृत्त अंतिम है।',
      meeting_not_held: 'पहले बैठक को आयोजित दर्ज करें।', meeting_in_future: 'बैठक उसकी तारीख से पहले आयोजित नहीं हो सकती।', meeting_already_held: 'बैठक पहले ही आयोजित हो चुकी है।',
      invalid_transition: 'कार्यवाही की वर्तमान स्थिति में यह बदलाव संभव नहीं।', not_own_department: 'आप केवल अपने विभाग की टिप्पणी पढ़ सकते हैं।',
      matrix_invalid: 'मैट्रिक्स मान्य नहीं है।', officer_not_member: 'अधिकारी उस विभाग की ओर से समूह का सदस्य होना चाहिए।', meeting_exists: 'उस तारीख को समूह की बैठक पहले से है।', forbidden: 'आप यहाँ यह नहीं कर सकते।',
    },
  },
};

const mr: typeof en = {
  convergence: {
    nav: { groups: 'अभिसरण गट', actions: 'विभागीय कार्यवाही', accountability: 'उत्तरदायित्व', coverage: 'सेवा व्याप्ती', matrix: 'अभिसरण मॅट्रिक्स', balPanchayat: 'बाल पंचायतीचा आवाज' },
    level: { district: 'जिल्हा', block: 'तालुका', village: 'गाव', state: 'राज्य', national: 'राष्ट्रीय' },
    meetingStatus: { scheduled: 'नियोजित', held: 'झाली', cancelled: 'रद्द' },
    actionStatus: { open: 'प्रलंबित', done: 'पूर्ण', blocked: 'अडकलेली', reopened: 'पुन्हा उघडलेली' },
    role: { chair: 'अध्यक्ष', secretary: 'सचिव', member: 'सदस्य' },
    section: { action_taken: 'मागील निर्णयांवर केलेली कार्यवाही', cases: 'प्रकरणे', bal_panchayat: 'बाल पंचायतींनी मांडलेले प्रश्न' },
    reason: { carried_over: 'मागील बैठकीतून', escalated: 'वर पाठवलेले', overdue_actions: 'मुदत उलटलेली कार्यवाही', flagged: 'गटासाठी नोंदवलेले', bal_panchayat_issue: 'बाल पंचायतीचा प्रश्न', raised_between_meetings: 'बैठकांदरम्यान उपस्थित केलेली' },
    issueStatus: { with_vcpc: 'ग्राम बाल संरक्षण समितीकडे', escalated: 'समितीने वर पाठवले', on_agenda: 'गटाच्या विषयसूचीवर', resolved: 'सुटला' },
    category: {
      out_of_school: 'शाळाबाह्य मूल', family_in_distress: 'संकटातील कुटुंब', child_labour: 'बालमजुरी', child_marriage: 'बालविवाह',
      violence_or_abuse: 'हिंसा किंवा शोषण', health_or_nutrition: 'आरोग्य किंवा पोषण', village_problem: 'गावातील समस्या', other: 'इतर',
    },
    responsibility: { lead: 'प्रमुख', support: 'सहाय्यक' },
    metric: { assigned: 'सोपवलेली', doneOnTime: 'वेळेत पूर्ण', doneLate: 'उशिरा पूर्ण', overdue: 'मुदत उलटलेली', avgDaysLate: 'सरासरी विलंब (दिवस)', onTimeRate: 'वेळेत पूर्णतेचे प्रमाण', attendanceRate: 'बैठकीतील उपस्थिती' },
    common: {
      department: 'विभाग', date: 'दिनांक', dueDate: 'मुदत', status: 'स्थिती', save: 'जतन करा', cancel: 'रद्द करा', all: 'सर्व', none: 'काहीही नाही', overdue: 'मुदत उलटलेली',
      daysOverdue: '{{n}} दिवस उशीर', caseRef: 'प्रकरण क्रमांक', open: 'उघडा', group: 'गट', month: 'महिना', from: 'पासून', to: 'पर्यंत', domain: 'क्षेत्र',
      members: 'सदस्य', chair: 'अध्यक्ष', general: 'सर्वसाधारण', withheld: 'ओळख गोपनीय (कलम 74)',
    },
    groups: {
      title: 'अभिसरण गट', intro: 'जिल्हा व तालुका गट: प्रत्येक विभागातर्फे कोण बसते, बैठका कधी होतात आणि कोण नियमित येते.',
      members: '{{n}} सदस्य', anchors: 'प्रमुख विभाग', frequency: 'बैठक', next: 'पुढील बैठक', irregular: 'अनियमित उपस्थिती', noGroups: 'आपल्या क्षेत्रात अजून अभिसरण गट नाही.',
      frequencyValue: { monthly: 'मासिक', bimonthly: 'दर दोन महिन्यांनी', quarterly: 'त्रैमासिक' },
    },
    group: {
      meetings: 'बैठका', schedule: 'बैठक ठरवा', venue: 'ठिकाण', scheduled: 'बैठक ठरली', attendance: 'विभागनिहाय उपस्थिती',
      expected: 'बैठका', attended: 'उपस्थित', rate: 'प्रमाण', absentRun: 'सलग अनुपस्थित', memberList: 'विभागनिहाय सदस्य', designation: 'पद',
    },
    meeting: {
      agenda: 'विषयसूची', frozen: 'बैठकीच्या वेळची विषयसूची.', live: 'आजच्या नोंदींवरून तयार: मुदत उलटलेली कार्यवाही, नोंदवलेली व वर पाठवलेली प्रकरणे, बाल पंचायतींचे प्रश्न.',
      emptyAgenda: 'विषयसूचीत काहीही नाही.', attendance: 'उपस्थिती', present: 'उपस्थित', absentDepartments: 'अनुपस्थित विभाग', saveAttendance: 'उपस्थिती जतन करा',
      hold: 'बैठक झाल्याची नोंद करा', held: 'झाली', decisions: 'निर्णय व कार्यवाही', addDecision: 'निर्णय नोंदवा', subject: 'चर्चा झालेले प्रकरण किंवा कुटुंब',
      subjectHint: 'विषयसूचीतून निवडा किंवा कुटुंबाचे नाव लिहा; सर्वसाधारण विषय असल्यास रिकामे ठेवा.', decision: 'निर्णय', actionsTitle: 'सोपवलेली कार्यवाही', addAction: 'कार्यवाही जोडा',
      removeAction: 'काढा', description: 'कार्यवाही', officer: 'जबाबदार अधिकारी', suggested: 'मॅट्रिक्सची सूचना: {{list}}', submit: 'निर्णय जतन करा',
      minutes: 'इतिवृत्त', minute: 'इतिवृत्त अंतिम करा', minuted: 'इतिवृत्त अंतिम आहे.', nextMeeting: 'पुढील बैठक: {{date}}', note: 'कार्यविभाजन टिपण',
      fullNote: 'संपूर्ण टिपण', myNote: 'माझ्या विभागाचे टिपण', send: 'विभागांना टिपण पाठवा', sent: '{{n}} प्राप्तकर्त्यांसाठी पाठवले.',
      noteSentOn: '{{date}} रोजी पाठवले', departmentView: 'आपल्या विभागाची कार्यवाही असलेली प्रकरणेच आपल्याला दिसतात (बाल न्याय अधिनियम 2015, कलम 74).', guests: 'निमंत्रित',
    },
    actions: {
      title: 'विभागीय कार्यवाही', intro: 'अभिसरण गटांनी सोपवलेल्या जबाबदाऱ्या. काय केले, किंवा का अडले, याची नोंद करा.',
      onlyOverdue: 'फक्त मुदत उलटलेली', onlyMine: 'फक्त माझ्या विभागाची', markDone: 'पूर्ण', markBlocked: 'अडकलेली', reopen: 'पुन्हा उघडा', result: 'काय केले',
      reason: 'कारण', noActions: 'कोणतीही कार्यवाही नाही.', history: 'इतिहास', assignedOn: '{{date}} रोजी सोपवली', meetingOf: '{{group}}, {{date}} ची बैठक', raisedOn: '{{group}}, बैठकांदरम्यान {{date}} रोजी उपस्थित केलेली', total: '{{n}} कार्यवाही',
    },
    acc: {
      title: 'विभागीय उत्तरदायित्व', intro: 'विभागनिहाय व महिनानिहाय: सोपवलेली, वेळेत पूर्ण, मुदत उलटलेली कार्यवाही, विलंबाचे दिवस व बैठकीतील उपस्थिती — जिल्हा बाल कल्याण व संरक्षण समिती व मिशन वात्सल्य मासिक आढाव्यासाठी.',
      allGroups: 'सर्व गट', metric: 'आलेख', chart: 'विभागनिहाय कल', summary: 'कालावधीचा सारांश', attendance: 'उपस्थिती',
      exportExcel: 'एक्सेल', exportPdf: 'पीडीएफ', reportLang: 'अहवालाची भाषा', asOf: '{{date}} रोजीची स्थिती',
    },
    cov: {
      title: 'सेवा व्याप्ती', intro: 'प्रत्येक क्षेत्रात गरज असलेली पण अद्याप सेवा न मिळालेली (उणीव) कुटुंबे, भागनिहाय. गरजा मूल्यमापन व काळजी योजनांतून; सेवा संदर्भ, योजना नोंदणी व अभिसरण कार्यवाहीतून.',
      level: 'या स्तरावर', families: 'कुटुंबे', anyGap: 'कोणतीही उणीव असलेली', multi: 'दोन किंवा अधिक विभागांचा आधार', area: 'भाग', familyList: 'उणीव असलेली कुटुंबे',
      gaps: 'उणिवा', pending: 'प्रलंबित', met: 'पूर्ण', schemesMissing: 'योजना नोंदणी अजून मोजली जात नाही: योजना विभाग ती उपलब्ध करत नाही.', total: 'सर्व भाग',
    },
    matrix: {
      title: 'अभिसरण मॅट्रिक्स', intro: 'प्रत्येक क्षेत्रात, प्रत्येक स्तरावर कोणता विभाग प्रमुख व कोणता सहाय्यक. एखादी गरज कोणाकडे सोपवावी याची सूचना यावरून.',
      version: 'आवृत्ती {{v}}', source: { default: 'मूळ', state: 'राज्याची', national: 'राष्ट्रीय' }, level: 'स्तर', edit: 'मॅट्रिक्स संपादित करा (JSON)',
      saved: 'आवृत्ती {{v}} म्हणून जतन केले.', invalid: 'मॅट्रिक्स जतन झाले नाही:', note: 'काय बदलले',
    },
    bp: {
      title: 'बाल पंचायतीचा आवाज', intro: 'बाल पंचायतींचे प्रश्न आधी ग्राम बाल संरक्षण समितीकडे जातात; ठरलेल्या दिवसांत सुटले नाहीत, किंवा वर पाठवले, तर अभिसरण गटापर्यंत पोहोचतात. त्यांचे काय झाले ते पंचायतीला येथे दिसते.',
      raise: 'प्रश्न नोंदवा', village: 'गाव', council: 'बाल पंचायत', category: 'प्रश्नाचा प्रकार', summary: 'मुलांनी काय सांगितले',
      summaryHint: 'कोणत्याही मुलाचे नाव आवश्यक नाही. मुलांनी काय सांगितले ते लिहा, ती कोण आहेत ते नाही.', raisedOn: 'मांडल्याचा दिनांक', submit: 'नोंदवा', list: 'प्रश्न',
      escalate: 'गटाकडे पाठवा', escalateReason: 'समिती हा प्रश्न का सोडवू शकली नाही', resolve: 'सुटला म्हणून नोंदवा', outcome: 'परिणाम', toGroupOn: 'न सुटल्यास {{date}} नंतरच्या गटाच्या पहिल्या बैठकीत जाईल',
      whatBecame: 'त्याचे काय झाले', noIssues: 'कोणताही प्रश्न नोंदलेला नाही.', childLinked: 'एक मूल जोडलेले आहे (ओळख गोपनीय)', daysOpen: '{{n}} दिवसांपासून प्रलंबित',
      resolvedBy: { vcpc: 'ग्राम बाल संरक्षण समितीने सोडवला', group: 'अभिसरण गटाच्या हस्तक्षेपानंतर सुटला' },
    },
    note: { child: 'बालक', age: '{{n}} वर्षे', initialsOnly: 'फक्त आद्याक्षरे: बाल कल्याण समिती आदेश' },
    form: {
      newGroup: 'नवीन अभिसरण गट', editGroup: 'गट संपादित करा', level: 'स्तर', district: 'जिल्हा', block: 'तालुका', name: 'गटाचे नाव', nameLocal: 'मराठी किंवा हिंदीतील नाव',
      meetingDay: 'महिन्यातील बैठकीचा दिवस', chairDepartment: 'अध्यक्षांचा विभाग', chairName: 'अध्यक्षांचे नाव', addMember: 'सदस्य जोडा', editMember: 'सदस्य संपादित करा',
      memberName: 'प्रतिनिधी', role: 'गटातील भूमिका', email: 'ईमेल', phone: 'मोबाईल', edit: 'संपादित करा', remove: 'काढा',
      removeConfirm: '{{name}} आजपासून गटातून बाहेर पडतील. त्यांची मागील उपस्थिती नोंदीत राहील.', required: 'आवश्यक.',
    },
    raise: {
      title: 'कार्यवाही उपस्थित करा', intro: 'बैठकांदरम्यान: आजच गटात असलेल्या विभागाकडे सोपवली जाते; पुढील बैठकीत समोर येईल.',
      description: 'कार्यवाही', officer: 'जबाबदार अधिकारी (ऐच्छिक)', submit: 'कार्यवाही उपस्थित करा', raised: 'कार्यवाही उपस्थित केली; ती पुढील बैठकीत येईल.', open: 'कार्यवाही उपस्थित करा',
    },
    errors: {
      duplicate_member: 'ही व्यक्ती त्या विभागातर्फे आधीच गटात आहे.', already_member: 'या वापरकर्त्याचे गटात आधीच स्थान आहे.',
      chair_exists: 'गटाला आधीच अध्यक्ष आहेत; आधी ते स्थान संपवा.', group_exists: 'या क्षेत्रासाठी अभिसरण गट आधीच आहे.',
      member_department_mismatch: 'संस्था दुसऱ्या विभागाची आहे.', organisation_outside_area: 'संस्था दुसऱ्या जिल्ह्यात काम करते.',
      department_not_represented: 'त्या विभागाचा गटात प्रतिनिधी नाही. आधी त्याचा सदस्य जोडा, किंवा गटात असलेल्या विभागाकडे सोपवा.',
      due_before_meeting: 'मुदत बैठकीच्या दिनांकापूर्वीची आहे.', due_date_past: 'मुदत आधीच उलटली आहे.', chair_required: 'बैठकीसाठी अध्यक्ष आवश्यक आहेत.',
      chair_absent: 'अध्यक्ष अनुपस्थित नोंदवले आहेत.', chair_department: 'अध्यक्ष जिल्हा विधी सेवा प्राधिकरणाचे सचिव किंवा जिल्हाधिकारी असावेत.',
      not_assigned_department: 'ही कार्यवाही फक्त सोपवलेला विभाग, किंवा गटाचे अध्यक्ष वा सचिव अद्ययावत करू शकतात.', meeting_minuted: 'इतिवृत्त अंतिम आहे.',
      meeting_not_held: 'आधी बैठक झाल्याची नोंद करा.', meeting_in_future: 'बैठक तिच्या दिनांकापूर्वी होऊ शकत नाही.', meeting_already_held: 'बैठक आधीच झाली आहे.',
      invalid_transition: 'कार्यवाहीच्या सध्याच्या स्थितीत हा बदल शक्य नाही.', not_own_department: 'आपण फक्त आपल्या विभागाचे टिपण वाचू शकता.',
      matrix_invalid: 'मॅट्रिक्स वैध नाही.', officer_not_member: 'अधिकारी त्या विभागातर्फे गटाचे सदस्य असावेत.', meeting_exists: 'त्या दिनांकाला गटाची बैठक आधीच आहे.', forbidden: 'आपण येथे हे करू शकत नाही.',
    },
  },
};

export const CONVERGENCE_TRANSLATIONS: { en: Tree; hi: Tree; mr: Tree } = { en, hi, mr };
