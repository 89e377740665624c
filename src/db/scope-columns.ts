import { integer, text } from 'drizzle-orm/pg-core';

/** Location codes every child/family record carries; the access policy filters on them. */
export const scopeColumns = () => ({
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  subdistrictCode: integer('subdistrict_code'),
  blockCode: integer('block_code'),
  villageId: text('village_id'),
});
