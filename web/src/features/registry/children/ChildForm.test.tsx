// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../../api/client';
import { describedText, field, renderWithApp } from '../../../test/harness';
import { ChildForm } from './ChildForm';
import { childToForm, emptyChild } from './childForm.model';
import type { ChildRecord } from '../types';

afterEach(cleanup);

const type = (el: Element, value: string) => fireEvent.change(el, { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('ChildForm (create)', () => {
  it('puts each reason next to its field and sends nothing', async () => {
    const onSubmit = vi.fn();
    const { container } = await renderWithApp(<ChildForm mode="create" initial={emptyChild()} onSubmit={onSubmit} />);
    save();
    await waitFor(() => expect(field(container, 'name').getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(field(container, 'name'))).toContain('Required');
    expect(describedText(field(container, 'sex'))).toContain('Choose one');
    expect(describedText(field(container, 'careStatus'))).toContain('Choose one');
    expect(describedText(field(container, 'locationId'))).toContain('Choose a family or a village');
    // Only the refused fields are marked.
    expect(field(container, 'nameLocal').getAttribute('aria-invalid')).not.toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("refuses a date of birth in the future, and asks for a date or an age (the server's words)", async () => {
    const onSubmit = vi.fn();
    const { container } = await renderWithApp(
      <ChildForm
        mode="create"
        initial={emptyChild({ locationId: 'vi:demo-rajura', name: 'Sakshi', sex: 'female', careStatus: 'birth_family' })}
        onSubmit={onSubmit}
      />,
    );
    save();
    await waitFor(() => expect(describedText(field(container, 'dob'))).toContain('Give a date of birth or an estimated age'));
    type(field(container, 'dob'), '2999-01-01');
    save();
    await waitFor(() => expect(describedText(field(container, 'dob'))).toContain('Cannot be in the future'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends valid input', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    const { container } = await renderWithApp(<ChildForm mode="create" initial={emptyChild()} onSubmit={onSubmit} />);
    type(field(container, 'locationId'), 'vi:demo-wadali');
    type(field(container, 'name'), 'लक्ष्मी इंगळे');
    type(field(container, 'nameLocal'), 'Laxmi Ingle');
    type(field(container, 'sex'), 'female');
    type(field(container, 'dob'), '2016-04-02');
    type(field(container, 'careStatus'), 'kinship_care');
    save();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      locationId: 'vi:demo-wadali',
      name: 'लक्ष्मी इंगळे',
      nameLocal: 'Laxmi Ingle',
      sex: 'female',
      dob: '2016-04-02',
      careStatus: 'kinship_care',
    });
  });

  it("shows the server's 400 reasons next to the fields they name", async () => {
    const onSubmit = vi.fn().mockRejectedValue(
      new ApiError(400, 'validation_failed', 'locationId: no such family', [
        { field: 'name', message: 'is too long (120 characters at most)' },
        { field: 'familyId', message: 'no such family in your jurisdiction' },
      ]),
    );
    const { container } = await renderWithApp(
      <ChildForm
        mode="create"
        initial={emptyChild({ locationId: 'vi:demo-rajura', name: 'Sakshi', sex: 'female', careStatus: 'birth_family', ageYears: '9' })}
        onSubmit={onSubmit}
      />,
    );
    save();
    await waitFor(() => expect(describedText(field(container, 'name'))).toContain('Too long (120 characters at most)'));
    expect(describedText(field(container, 'locationId'))).toContain('No such family in your jurisdiction');
  });

  it('shows the reasons in Hindi when the screen is in Hindi', async () => {
    const { container } = await renderWithApp(<ChildForm mode="create" initial={emptyChild()} onSubmit={vi.fn()} />, 'hi');
    fireEvent.click(screen.getByRole('button', { name: 'सहेजें' }));
    await waitFor(() => expect(describedText(field(container, 'name'))).toContain('आवश्यक है'));
  });
});

describe('ChildForm (edit)', () => {
  const record = {
    id: 'c1',
    familyId: 'f1',
    districtCode: 468,
    villageId: 'vi:demo-rajura',
    name: 'Gauri Kale',
    nameLocal: 'गौरी काळे',
    sex: 'female',
    dob: '2015-01-01',
    dobEstimated: false,
    age: 10,
    careStatus: 'birth_family',
    schoolStatus: 'enrolled',
    school: 'ZP School',
    healthNotes: null,
    disability: null,
    otherNames: [],
    version: 4,
    view: 'full',
  } as ChildRecord;

  it('sends only what changed, with the version it started from', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    const base = childToForm(record);
    const { container } = await renderWithApp(<ChildForm mode="edit" initial={base} base={base} version={4} onSubmit={onSubmit} />);
    type(field(container, 'school'), 'Government Ashram School');
    type(field(container, 'disability'), '');
    save();
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0][0]).toEqual({ version: 4, school: 'Government Ashram School' });
  });

  it('refuses an emptied name next to the field', async () => {
    const onSubmit = vi.fn();
    const base = childToForm(record);
    const { container } = await renderWithApp(<ChildForm mode="edit" initial={base} base={base} version={4} onSubmit={onSubmit} />);
    type(field(container, 'name'), '   ');
    save();
    await waitFor(() => expect(describedText(field(container, 'name'))).toContain('Required'));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
