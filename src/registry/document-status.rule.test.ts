import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUS_VALUES, allowedDocumentTransitions, canChangeDocumentStatus, documentMoveRefusal } from './document-status';
import { canChangeDocumentStatus as schemesRule } from '../schemes/documents';

describe('the document status rule', () => {
  it('is the one the schemes module uses', () => {
    for (const from of DOCUMENT_STATUS_VALUES)
      for (const to of DOCUMENT_STATUS_VALUES) expect(schemesRule(from, to)).toBe(canChangeDocumentStatus(from, to));
  });

  it('refuses with the field, the reason and what may come next', () => {
    expect(documentMoveRefusal('missing', 'applied_for')).toBeNull();
    expect(documentMoveRefusal('held', 'applied_for')).toEqual({
      field: 'status',
      reason: 'transition_refused',
      from: 'held',
      to: 'applied_for',
      allowedNext: ['missing'],
      message: 'a document cannot go from held to applied_for; allowed next: missing',
    });
    expect(allowedDocumentTransitions('missing')).toEqual(['applied_for', 'held', 'not_possible']);
    expect(canChangeDocumentStatus('missing', 'issued')).toBe(false);
  });
});
