import { z } from 'zod';

/** An LGD unit or a village (reference data; web/src/api/types.ts `Place`). */
export const locationOut = z.object({
  id: z.string(),
  level: z.string(),
  lgdCode: z.number().nullable(),
  name: z.string(),
  /** The official LGD spelling (null for villages). */
  lgdName: z.string().nullable(),
  nameLocal: z.string().nullable(),
  parentId: z.string().nullable(),
  stateCode: z.number(),
  districtCode: z.number().nullable(),
  subdistrictCode: z.number().nullable(),
  blockCode: z.number().nullable(),
});
