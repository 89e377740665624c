// Which department (Convergence Matrix kinds, src/convergence) and office a
// document is usually obtained from in Maharashtra. A default for a document
// request; the caseworker can name another.

import type { DocumentType } from './documents';

export interface DocumentOffice {
  department: 'DWCD' | 'DCPU' | 'CWC' | 'EDUCATION' | 'HEALTH' | 'PANCHAYAT' | 'REVENUE' | 'RURAL_DEVELOPMENT';
  office: string;
}

export const DOCUMENT_OFFICES: Record<DocumentType, DocumentOffice> = {
  // Registration of Births and Deaths Act 1969: the Gram Sevak is the registrar in rural Maharashtra.
  birth_certificate: { department: 'PANCHAYAT', office: 'Gram Panchayat (Registrar of Births and Deaths)' },
  parent_death_certificate: { department: 'PANCHAYAT', office: 'Gram Panchayat (Registrar of Births and Deaths)' },
  aadhaar: { department: 'REVENUE', office: 'Aadhaar enrolment centre (Tahsil office)' },
  caste_certificate: { department: 'REVENUE', office: 'Sub-Divisional Officer' },
  income_certificate: { department: 'REVENUE', office: 'Tahsildar' },
  domicile: { department: 'REVENUE', office: 'Tahsildar' },
  ration_card: { department: 'REVENUE', office: 'Tahsil supply office' },
  // Maharashtra WCD issues orphan certificates through the District WCD Officer.
  orphan_certificate: { department: 'DWCD', office: 'District Women and Child Development Officer' },
  bank_account: { department: 'RURAL_DEVELOPMENT', office: 'Bank branch / India Post Payments Bank (bank mitra)' },
  photo: { department: 'DCPU', office: 'DCPU outreach worker' },
  disability_certificate: { department: 'HEALTH', office: 'Civil Surgeon (UDID)' },
  medical_certificate: { department: 'HEALTH', office: 'Civil Surgeon' },
  school_certificate: { department: 'EDUCATION', office: 'School headmaster' },
  cwc_order: { department: 'CWC', office: 'Child Welfare Committee' },
};
