/** The public report form's address (main.tsx draws it; features/missing/module.ts routes it inside the app). */
export const PUBLIC_REPORT = '/report-a-child';
