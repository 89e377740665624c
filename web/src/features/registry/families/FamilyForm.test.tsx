// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { describedText, field, renderWithApp } from '../../../test/harness';
import { FamilyForm } from './FamilyForm';
import { emptyFamily, familyToForm } from './familyForm.model';
import type { FamilyRecord } from '../types';

afterEach(cleanup);

const type = (el: Element, value: string) => fireEvent.change(el, { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('FamilyForm', () => {
  it('refuses a negative income and a missing head and village, each next to its field', async () => {
    const onSubmit = vi.fn();
    const { container } = await renderWithApp(
      <FamilyForm mode="create" initial={emptyFamily({ annualIncome: '-5000' })} onSubmit={onSubmit} />,
    );
    save();
    await waitFor(() => expect(field(container, 'annualIncome').getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(field(container, 'annualIncome'))).toContain('Cannot be negative');
    expect(describedText(field(container, 'headName'))).toContain('Required');
    expect(describedText(field(container, 'locationId'))).toContain('Choose a village');
    expect(describedText(field(container, 'caregiverType'))).toContain('Choose one');
    expect(field(container, 'occupation').getAttribute('aria-invalid')).not.toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses paise: income is whole rupees', async () => {
    const onSubmit = vi.fn();
    const { container } = await renderWithApp(
      <FamilyForm
        mode="create"
        initial={emptyFamily({
          locationId: 'vi:demo-rajura',
          headName: 'Kusum Bhosale',
          caregiverType: 'single_mother',
          annualIncome: '12000.5',
        })}
        onSubmit={onSubmit}
      />,
    );
    save();
    await waitFor(() => expect(describedText(field(container, 'annualIncome'))).toContain('Whole rupees only'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('clears the reason once the field is corrected, then sends the family', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    const { container } = await renderWithApp(<FamilyForm mode="create" initial={emptyFamily()} onSubmit={onSubmit} />);
    save();
    await waitFor(() => expect(describedText(field(container, 'headName'))).toContain('Required'));
    type(field(container, 'headName'), 'Kusum Bhosale');
    expect(describedText(field(container, 'headName'))).not.toContain('Required');
    type(field(container, 'headNameLocal'), 'कुसुम भोसले');
    type(field(container, 'locationId'), 'vi:demo-rajura');
    type(field(container, 'caregiverType'), 'single_mother');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Single parent' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Nomadic or denotified tribe' }));
    save();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      locationId: 'vi:demo-rajura',
      headName: 'Kusum Bhosale',
      headNameLocal: 'कुसुम भोसले',
      caregiverType: 'single_mother',
      areaType: 'rural',
      vulnerabilityFactors: ['single_parent', 'nomadic_denotified_tribe'],
    });
  });

  it('an edit sends the changes at the version it started from, and always the factors', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    const rec = {
      id: 'f1',
      villageId: 'vi:demo-rajura',
      headName: 'Dilip Pawar',
      headNameLocal: 'दिलीप पवार',
      caregiverType: 'both_parents',
      areaType: 'rural',
      annualIncome: 13000,
      vulnerabilityFactors: ['begging'],
      version: 3,
      view: 'full',
    } as FamilyRecord;
    const base = familyToForm(rec);
    const { container } = await renderWithApp(<FamilyForm mode="edit" initial={base} base={base} version={3} onSubmit={onSubmit} />);
    type(field(container, 'occupation'), 'tailor');
    save();
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    // Factors and area are sent even unchanged: the server's patch schema would default them otherwise.
    expect(onSubmit.mock.calls[0][0]).toEqual({ version: 3, occupation: 'tailor', vulnerabilityFactors: ['begging'], areaType: 'rural' });
  });

  it('speaks Marathi', async () => {
    const { container } = await renderWithApp(
      <FamilyForm mode="create" initial={emptyFamily({ annualIncome: '-1' })} onSubmit={vi.fn()} />,
      'mr',
    );
    fireEvent.click(screen.getByRole('button', { name: 'जतन करा' }));
    await waitFor(() => expect(describedText(field(container, 'annualIncome'))).toContain('ऋण असू शकत नाही'));
    expect(screen.getByRole('checkbox', { name: 'एकल पालक' })).toBeTruthy();
  });
});
