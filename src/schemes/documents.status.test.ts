import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUSES, allowedDocumentTransitions, canChangeDocumentStatus, documentStatus, mergeDocuments } from './documents';

describe('document status', () => {
  it('has the five statuses and sensible moves', () => {
    expect(DOCUMENT_STATUSES).toEqual(['held', 'applied_for', 'issued', 'not_possible', 'missing']);
    expect(canChangeDocumentStatus('missing', 'applied_for')).toBe(true);
    expect(canChangeDocumentStatus('applied_for', 'issued')).toBe(true);
    expect(canChangeDocumentStatus('issued', 'held')).toBe(true);
    expect(canChangeDocumentStatus('held', 'applied_for')).toBe(false);
    expect(allowedDocumentTransitions('not_possible')).toContain('applied_for');
  });

  it('reads a plain list as held and a map as given', () => {
    expect(documentStatus(['aadhaar'], 'aadhaar')).toBe('held');
    expect(documentStatus(['aadhaar'], 'photo')).toBe('missing');
    expect(documentStatus({ photo: 'applied_for' }, 'photo')).toBe('applied_for');
    expect(documentStatus(undefined, 'photo')).toBe('missing');
  });

  it('merges family and child documents, keeping the better status', () => {
    expect(mergeDocuments({ aadhaar: 'applied_for', photo: 'held' }, ['aadhaar'], { photo: 'missing' })).toEqual({
      aadhaar: 'held',
      photo: 'held',
    });
  });
});
