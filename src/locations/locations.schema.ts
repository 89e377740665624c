import { integer, pgTable, text } from 'drizzle-orm/pg-core';

export const location = pgTable('location', {
  id: text('id').primaryKey(),
  level: text('level').$type<LocationLevel>().notNull(),
  lgdCode: integer('lgd_code'),
  /** The display name (display-names.ts); the official LGD spelling is lgdName. */
  name: text('name').notNull(),
  lgdName: text('lgd_name'),
  nameLocal: text('name_local'),
  parentId: text('parent_id'),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code'),
  subdistrictCode: integer('subdistrict_code'),
  blockCode: integer('block_code'),
});

export type LocationLevel = 'state' | 'district' | 'subdistrict' | 'block' | 'village';
