// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../../api/client';
import { describedText, field, renderWithApp } from '../../../test/harness';
import { AssessmentForm } from './AssessmentForm';
import { emptyAssessment } from './assessmentForm.model';
import type { Instrument } from '../types';

afterEach(cleanup);

const instrument: Instrument = {
  id: 'family-vulnerability',
  version: 1,
  title: 'Family vulnerability assessment',
  scale: { '1': 'in_crisis', '2': 'vulnerable', '3': 'safe', '4': 'thriving' },
  domains: [
    {
      id: 'health',
      items: [
        { id: 'health.access', label: 'Access to health care and immunisation' },
        { id: 'health.nutrition', label: 'Nutrition of the children' },
      ],
    },
    { id: 'safety', items: [{ id: 'safety.violence', label: 'Free from violence and addiction at home' }] },
  ],
};
const CHILD = '7f1c0b2e-3c1d-4c55-9a8e-2b7f5a1d9e01';
const children = [{ value: CHILD, label: 'Pranjali Pawar (प्रांजली पवार)' }];
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
const group = (label: string) => screen.getByRole('radiogroup', { name: label });

describe('AssessmentForm', () => {
  it("asks for at least one answer, in the scoring's own words", async () => {
    const onSubmit = vi.fn();
    await renderWithApp(<AssessmentForm instrument={instrument} childOptions={children} initial={emptyAssessment()} onSubmit={onSubmit} />);
    save();
    await waitFor(() => expect(screen.getByTestId('answers-error').textContent).toContain('Answer at least one item'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses an assessment dated in the future next to the date', async () => {
    const onSubmit = vi.fn();
    const { container } = await renderWithApp(
      <AssessmentForm
        instrument={instrument}
        childOptions={children}
        initial={{ ...emptyAssessment(), assessedOn: '2999-01-01', answers: { 'health.access': '2' } }}
        onSubmit={onSubmit}
      />,
    );
    save();
    await waitFor(() => expect(describedText(field(container, 'assessedOn'))).toContain('Cannot be in the future'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the scores as numbers, only for the items answered', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    const { container } = await renderWithApp(
      <AssessmentForm
        instrument={instrument}
        childOptions={children}
        initial={{ ...emptyAssessment(), assessedOn: '2025-06-10' }}
        onSubmit={onSubmit}
      />,
    );
    fireEvent.click(within(group('Access to health care and immunisation')).getByRole('radio', { name: '2 · Vulnerable' }));
    fireEvent.click(within(group('Free from violence and addiction at home')).getByRole('radio', { name: '1 · In crisis' }));
    fireEvent.change(field(container, 'childId'), { target: { value: CHILD } });
    save();
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0][0]).toEqual({
      childId: CHILD,
      assessedOn: '2025-06-10',
      answers: { 'health.access': 2, 'safety.violence': 1 },
      notes: null,
    });
  });

  it("puts the server's reason on the item it names", async () => {
    const onSubmit = vi
      .fn()
      .mockRejectedValue(
        new ApiError(400, 'validation_failed', 'x', [
          { field: 'answers.health.nutrition', message: 'must be 1 (in crisis), 2 (vulnerable), 3 (safe) or 4 (thriving)' },
        ]),
      );
    await renderWithApp(
      <AssessmentForm
        instrument={instrument}
        childOptions={children}
        initial={{ ...emptyAssessment(), answers: { 'health.nutrition': '3' } }}
        onSubmit={onSubmit}
      />,
    );
    save();
    const nutrition = group('Nutrition of the children');
    await waitFor(() => expect(nutrition.closest('.mantine-InputWrapper-root')?.textContent).toContain('must be 1 (in crisis)'));
    expect(group('Access to health care and immunisation').closest('.mantine-InputWrapper-root')?.textContent).not.toContain('must be');
  });
});
