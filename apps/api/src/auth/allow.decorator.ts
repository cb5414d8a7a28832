import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '@ggsm/domain';

export const ALLOW_KEY = 'ggsm:allow';
export const PUBLIC_KEY = 'ggsm:public';

/** Declares who may call a resolver method or route. Undeclared handlers are refused. */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOW_KEY, roles);
/** Any logged-in user, whatever the role. */
export const AllowAuthenticated = () => SetMetadata(ALLOW_KEY, [...ROLES]);
/** No login needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
