import type { Permission, Role } from '../../../src/access/roles';

/** GET /api/v1/auth/me (src/auth/auth.routes.ts). */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  permissions: Permission[];
  organisation: { id: string; name: string; kind: string } | null;
  scope: {
    level: 'national' | 'state' | 'district' | 'subdistrict' | 'block' | 'village';
    stateCode?: number | null;
    districtCode?: number | null;
    subdistrictCode?: number | null;
    blockCode?: number | null;
    villageId?: string | null;
  };
  jurisdiction: { id: string | null; level: string; name: string; nameLocal: string | null };
  language: string;
  /** After an administrator's reset: only the change-password screen until a new one is chosen. */
  mustChangePassword?: boolean;
}

/** GET /api/v1/locations (src/locations/locations.routes.ts). */
export interface Place {
  id: string;
  level: string;
  lgdCode: number | null;
  /** The one display name (reference/place-names); lgdName is the official LGD spelling. */
  name: string;
  lgdName: string | null;
  nameLocal: string | null;
  parentId: string | null;
  stateCode: number;
  districtCode: number | null;
  subdistrictCode: number | null;
  blockCode: number | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  view: 'full' | 'minimal';
}
