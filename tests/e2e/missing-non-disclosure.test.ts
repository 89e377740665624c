import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, newContext, screenshot, signIn } from './support';

/**
 * A missing-child report linked to a registry child whose case is under a CWC non-disclosure
 * order (JJ Act 2015 s.74(1)), on the record page in a real browser: the DCPO of the district
 * sees the child named; the 1098 helpline of the same district sees initials with the badge
 * saying why, and the parents' names labelled as withheld, not blank, and is not offered to add
 * a photo (the DCPO is).
 */
describeInChromium('a missing-child report under a CWC non-disclosure order in Chromium', () => {
  const e2e = browserSuite({ failurePrefix: 'FAILED-missing-s74-' });
  const { url } = e2e;

  it('the DCPO sees the name; the helpline sees initials and withheld labels', async () => {
    const [k] = await e2e.query<{ case_id: string; child_id: string; village_id: string }>(
      `SELECT k.id AS case_id, c.id AS child_id, c.village_id FROM case_record k JOIN child c ON c.id = k.child_id
        WHERE k.district_code = 468 AND k.status <> 'closed' AND c.village_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM case_non_disclosure_order o WHERE o.case_id = k.id)
        ORDER BY k.number DESC LIMIT 1`,
    );
    await e2e.page.goto(url('/missing/records'));
    await signIn(e2e.page, 'dcpo.amravati');
    const created = await e2e.page.request.post(url('/api/v1/missing/reports'), {
      data: {
        name: 'Komal Ravindra Ingle',
        sex: 'female',
        ageYears: 9,
        fatherName: 'Ravindra Ingle',
        motherName: 'Shobha Ingle',
        districtCode: 468,
        villageId: k.village_id,
        childId: k.child_id,
        lastSeenOn: '2026-11-20',
        lastSeenPlace: 'weekly market',
        source: 'police',
        reporterName: 'Shobha Ingle',
        reporterRelation: 'mother',
        reporterPhone: '9822077777',
      },
    });
    expect(created.status()).toBe(201);
    const recordId = (await created.json()).id as string;
    const cwc = await newContext(e2e.browser);
    const cwcPage = await cwc.newPage();
    await cwcPage.goto(url(`/cases/${k.case_id}`));
    await signIn(cwcPage, 'cwc.amravati');
    const order = await cwcPage.request.put(url(`/api/v1/cases/${k.case_id}/non-disclosure-order`), {
      data: { orderRef: 'CWC/AMR/2026/140', orderedOn: e2e.istDay(-1) },
    });
    expect(order.status()).toBe(200);
    await cwc.close();

    // The DCPU of the district may identify the child.
    await e2e.page.goto(url(`/missing/records/${recordId}`));
    await e2e.page.getByText('Komal Ravindra Ingle').first().waitFor();
    expect(await e2e.page.getByTestId('initials-only').count()).toBe(0);
    // ...and may add the child's photo.
    await e2e.page.getByRole('form', { name: 'Add a photo' }).waitFor();

    // The helpline of the same district may not.
    const help = await newContext(e2e.browser);
    const page = await help.newPage();
    await page.goto(url(`/missing/records/${recordId}`));
    await signIn(page, 'helpline.amravati');
    await page.getByTestId('initials-only').first().waitFor();
    await page.getByText('K. R. I.').first().waitFor();
    expect(await page.getByTestId('withheld').count()).toBeGreaterThan(0);
    // A photo identifies the child: the helpline is not offered to add one (the server refuses it, 403).
    expect(await page.getByTestId('record-photo-form').count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Add a photo' }).count()).toBe(0);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain('Ingle');
    await screenshot(page, 'missing-record-non-disclosure');
    await help.close();
  });
});
