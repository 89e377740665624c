import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../http/context';
import { requirePermission, type Actor } from '../../access/policy';
import { readSetName, rowsWhere } from '../../access/fields';
import { HttpError, notFound } from '../../http/errors';
import { audit } from '../../audit/audit.service';
import { csvText } from '../../exports/csv';
import { childIdentityWithheld, getChild } from '../../registry/children.repository';
import { adoptionInquiryOnCase } from '../../cases/orders';
import { careAdoptionHandoff, careInstitution } from '../care.schema';
import { listInstitutions, scopeOf } from '../care.repository';
import { CARINGS_MAPPING, caringsRow, type CaringsFacts } from './mapping';

/**
 * The adoption hand-off file for CARINGS (see mapping.data.ts for each column, its source and
 * what is assumed). It names the child in full, so only a role that reads the child's full record
 * and the hand-off gets it, and not past a CWC non-disclosure order it may not see through
 * (JJ Act 2015 s.74). Every file made is an `export` in the audit log with the child as subject.
 */
const forbidden = () =>
  new HttpError(403, 'forbidden', "The CARINGS file carries the child's full record: your role may not see it (JJ Act 2015 s.74)", [
    { field: 'id', message: "needs the child's full record" },
  ]);

export async function caringsFile(ctx: AppContext, actor: Actor, id: string, format: 'csv' | 'xlsx') {
  requirePermission(actor, 'care.read');
  if (readSetName(actor.role, 'child') !== 'full' || readSetName(actor.role, 'careAdoption') !== 'full') throw forbidden();
  const [h] = await ctx.db
    .select()
    .from(careAdoptionHandoff)
    .where(and(eq(careAdoptionHandoff.id, id), rowsWhere(actor, 'careAdoption', scopeOf(careAdoptionHandoff))));
  if (!h) throw notFound('Adoption hand-off');
  const c = await getChild(ctx.db, actor, h.childId);
  if (!c) throw notFound('Adoption hand-off');
  if (await childIdentityWithheld(ctx.db, actor, h.childId)) throw forbidden();
  const inquiry = await adoptionInquiryOnCase(ctx.db, actor, h.caseId);
  const [saa] = await listInstitutions(ctx.db, eq(careInstitution.organisationId, h.saaId));
  const facts: CaringsFacts = {
    'handoff.id': h.id,
    'handoff.caringsRef': h.caringsRef,
    'handoff.orderRef': h.orderRef,
    'handoff.declaredFreeOn': h.declaredFreeOn,
    'handoff.handedOverOn': h.handedOverOn,
    'handoff.status': h.status,
    'handoff.statusOn': h.statusOn,
    'child.name': c.name,
    'child.nameLocal': c.nameLocal,
    'child.sex': c.sex,
    'child.dob': c.dob,
    'child.dobEstimated': c.dobEstimated,
    'child.stateCode': c.stateCode,
    'child.districtCode': c.districtCode,
    'child.disability': c.disability,
    'child.healthNotes': c.healthNotes,
    'case.category': inquiry?.category,
    'case.surrenderedOn': inquiry?.surrenderedOn,
    'case.form23Ref': inquiry?.form23Ref,
    'saa.name': saa?.name,
    'saa.registrationNo': saa?.registrationNo,
  };
  const { row, missing } = caringsRow(facts);
  await audit(
    ctx.db,
    actor,
    'export',
    'care_adoption_handoff',
    h.id,
    h,
    { format, mapping: CARINGS_MAPPING.version },
    { children: [h.childId] },
  );
  const columns = CARINGS_MAPPING.fields.map((f) => f.column);
  const filename = `carings-child-${h.id.slice(0, 8)}.${format}`;
  if (format === 'csv') {
    // UTF-8 with BOM so a spreadsheet shows Devanagari; cells that would run as formulas are neutralised (csv.ts).
    const body = Buffer.from('\uFEFF' + csvText(columns, [columns.map((k) => row[k])]), 'utf8');
    return { filename, contentType: 'text/csv; charset=utf-8', body, missing };
  }
  return { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await workbook(row), missing };
}

/** The child's row, and the mapping beside it so whoever imports it reads what each column is. */
async function workbook(row: Record<string, string>) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samanvay';
  const child = wb.addWorksheet('child');
  child.columns = CARINGS_MAPPING.fields.map((f) => ({ header: f.column, key: f.column, width: Math.max(14, f.column.length + 2) }));
  child.getRow(1).font = { bold: true };
  child.addRow(row);
  const map = wb.addWorksheet('mapping');
  map.columns = [
    { header: 'column', key: 'column', width: 26 },
    { header: 'carings_field', key: 'caringsField', width: 36 },
    { header: 'source', key: 'from', width: 24 },
    { header: 'required', key: 'required', width: 10 },
    { header: 'meaning', key: 'meaning', width: 70 },
  ];
  map.getRow(1).font = { bold: true };
  for (const f of CARINGS_MAPPING.fields) map.addRow({ ...f, required: f.required ? 'yes' : 'no' });
  map.addRow({});
  map.addRow({ column: `mapping ${CARINGS_MAPPING.version}`, meaning: CARINGS_MAPPING.source });
  for (const a of CARINGS_MAPPING.assumptions) map.addRow({ column: 'assumed', meaning: a });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
