import type { Role } from '@ggsm/domain';

/** Who is calling: what every service method receives first. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  scopeUnitId: string | null;
}
