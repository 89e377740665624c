/** The figures the CWC's quarterly report computes from the case records (JJ Act 2015 s.36(4)). */
export const CWC_QUARTER_ROWS = [
  'pendingAtStart',
  'brought',
  'disposed',
  'pendingAtEnd',
  'stage.sirAwaited',
  'stage.finalOrderAwaited',
  'stage.adoptionInquiry',
  'age.upTo4Months',
  'age.4to6Months',
  'age.6to12Months',
  'age.over12Months',
  'ageDeterminations',
  'escortOrders',
] as const;
export type CwcQuarterRow = (typeof CWC_QUARTER_ROWS)[number];
