import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { hasZodFastifySchemaValidationErrors, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ISO_DATE_FORMAT, NOT_A_REAL_DATE, isRealIsoDate, isoDate } from './iso-date';
import { validationIssues } from './errors';

const messages = (value: unknown) => {
  const r = isoDate.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('isoDate', () => {
  it('accepts real days, leap days of leap years included', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2023-01-31', '2023-12-31', '2023-04-30', '1999-01-01']) {
      expect(isoDate.safeParse(d)).toEqual({ success: true, data: d });
      expect(isRealIsoDate(d)).toBe(true);
    }
  });

  it('refuses days that do not exist, saying it is not a real date', () => {
    for (const d of ['2023-02-29', '1900-02-29', '2024-02-30', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-01-32']) {
      expect(messages(d)).toEqual([NOT_A_REAL_DATE]);
      expect(isRealIsoDate(d)).toBe(false);
    }
    expect(NOT_A_REAL_DATE).toBe('is not a real date');
  });

  it('refuses years before 1900 (PostgreSQL has no year 0, and no record here is that old)', () => {
    for (const d of ['0000-03-01', '0099-01-01', '1899-12-31']) {
      expect(messages(d)).toEqual([NOT_A_REAL_DATE]);
      expect(isRealIsoDate(d)).toBe(false);
    }
    expect(isRealIsoDate('1900-01-01')).toBe(true);
  });

  it('refuses other shapes with one issue, saying the shape it wants', () => {
    for (const d of [
      '',
      '2024-3-5',
      '05/03/2024',
      '2024/03/05',
      '20240305',
      '2024-03-05T00:00:00Z',
      ' 2024-03-05',
      '2024-03-05 ',
      'yesterday',
      '२०२४-०३-०५',
    ]) {
      expect(messages(d)).toEqual([ISO_DATE_FORMAT]);
    }
    expect(ISO_DATE_FORMAT).toBe('must be a date YYYY-MM-DD');
    expect(isoDate.safeParse(20240305).success).toBe(false);
    expect(isoDate.safeParse(null).success).toBe(false);
  });

  it('a refusal in a request names the field and the reason', async () => {
    // The zod validator compiler and the issue mapping of src/http/app.ts, without a database.
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setErrorHandler((err, req, reply) => {
      if (!hasZodFastifySchemaValidationErrors(err)) throw err;
      return reply.status(400).send({ issues: validationIssues(err.validationContext ?? 'body', err.validation) });
    });
    app.post(
      '/t',
      {
        schema: {
          body: z.strictObject({ person: z.strictObject({ dob: isoDate }), on: isoDate.optional() }),
          querystring: z.object({ asOf: isoDate.optional() }),
        },
      },
      async () => ({ ok: true }),
    );
    try {
      const bad = await app.inject({ method: 'POST', url: '/t', payload: { person: { dob: '2023-02-29' }, on: '5/3/2024' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues).toEqual([
        { field: 'person.dob', message: NOT_A_REAL_DATE },
        { field: 'on', message: ISO_DATE_FORMAT },
      ]);
      const query = await app.inject({ method: 'POST', url: '/t?asOf=2024-02-30', payload: { person: { dob: '2024-02-29' } } });
      expect(query.json().issues).toEqual([{ field: 'querystring.asOf', message: NOT_A_REAL_DATE }]);
      expect(
        (await app.inject({ method: 'POST', url: '/t?asOf=2024-02-29', payload: { person: { dob: '2024-02-29' }, on: '2023-12-31' } }))
          .statusCode,
      ).toBe(200);
    } finally {
      await app.close();
    }
  });
});
