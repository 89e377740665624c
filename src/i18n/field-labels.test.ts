import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteOptions } from 'fastify';
import { $ZodType } from 'zod/v4/core';
import { buildApp } from '../http/app';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { CATALOGUE, catalogueKeys, issueText } from './catalogue';

/**
 * Issue #17: a refused field is named in words ("Date of birth: cannot be in the future"), and
 * the words came from a list of about 30 fields. This walks the body schemas of the routes behind
 * the main forms as the server registers them, so a field added to a form without a label in
 * English, Hindi and Marathi fails here rather than reaching a Marathi screen as "Next visit place".
 */
const FORMS = [
  /^\/api\/v1\/(children|families|members)\b/, // registry: child, family, member
  /^\/api\/v1\/cases\b/, // cases and their actions
  /^\/api\/v1\/convergence\b/, // groups, meetings, action items, Bal Panchayat issues
  /^\/api\/v1\/(missing|public\/missing)\b/, // missing and found children, the public report
  /^\/api\/v1\/helpline\/calls\b/, // 1098 intake
  /^\/api\/v1\/care\b/, // foster care, sponsorship, aftercare, institutions
];

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def | undefined => (s instanceof $ZodType ? (s._zod.def as unknown as Def) : undefined);

/** Every name a validation issue's path can end in: object keys at any depth (list positions aside). */
export function fieldNames(schema: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  const def = defOf(schema);
  if (!def || seen.has(schema)) return out;
  seen.add(schema);
  const walk = (s: unknown) => fieldNames(s, out, seen);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        out.add(k);
        walk(v);
      }
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      walk(def.innerType);
      break;
    case 'array':
      walk(def.element);
      break;
    case 'record':
      walk(def.valueType);
      break;
    case 'pipe':
      walk(def.in);
      walk(def.out);
      break;
    case 'union':
      for (const o of def.options as unknown[]) walk(o);
      break;
    case 'intersection':
      walk(def.left);
      walk(def.right);
      break;
    case 'lazy':
      walk((def.getter as () => unknown)());
      break;
  }
  return out;
}

let t: TestApp;
const routes: RouteOptions[] = [];
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const app = await buildApp(t.ctx, { logger: false, onRoute: (r) => void routes.push(r) });
  await app.ready();
  await app.close();
});
afterAll(() => t.close());

describe('field labels', () => {
  const formFields = () => {
    const names = new Set<string>();
    const seen: string[] = [];
    for (const r of routes) {
      const methods = [r.method].flat();
      if (!methods.some((m) => m === 'POST' || m === 'PUT' || m === 'PATCH')) continue;
      if (!FORMS.some((re) => re.test(r.url))) continue;
      seen.push(r.url);
      fieldNames(r.schema?.body, names);
    }
    return { names: [...names].sort(), routes: seen };
  };

  it('sees the forms (the walk works)', () => {
    const { names, routes: seen } = formFields();
    for (const re of FORMS)
      expect(
        seen.some((u) => re.test(u)),
        String(re),
      ).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['dateOfBirth', 'chairMemberId', 'reporterName', 'targetDate']));
  });

  it.each(['en', 'hi', 'mr'] as const)('every field of the main forms has a label in %s', (lang) => {
    const labelled = new Set(
      catalogueKeys(CATALOGUE[lang])
        .filter((k) => k.startsWith('fieldLabel.'))
        .map((k) => k.slice('fieldLabel.'.length)),
    );
    expect(formFields().names.filter((n) => !labelled.has(n))).toEqual([]);
  });

  it("names a refused field of a form in words in the reader's language", () => {
    expect(issueText('mr', 'followUps.0.targetDate', 'cannot be in the future')).toBe('उद्दिष्ट तारीख: भविष्यातील असू शकत नाही');
    expect(issueText('hi', 'body.caseId', 'Invalid UUID')).toBe('प्रकरण: मान्य रिकॉर्ड नहीं');
    expect(issueText('en', 'chairMemberId', 'is required')).toBe('Chair of the meeting: required');
  });
});
