/** The public report form's address (src/missing: PUBLIC_REPORT_PATH; the features' module.ts). */
export const PUBLIC_REPORT = '/report-a-child';
