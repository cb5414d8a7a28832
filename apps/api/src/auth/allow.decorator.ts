import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '@ggsm/domain';

export const ALLOW_KEY = 'ggsm:allow';
export const PUBLIC_KEY = 'ggsm:public';

/** Declares who may call a resolver method or route. Undeclared handlers are refused. */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOW_KEY, roles);
/** Any logged-in user with at least one role (a first SSO login has none until an admin grants one). */
export const AllowAuthenticated = () => SetMetadata(ALLOW_KEY, [...ROLES]);
/** Any valid login, even without a role: only for `me` and logging out. */
export const ANY_LOGIN = 'ANY_LOGIN';
export const AllowAnyLogin = () => SetMetadata(ALLOW_KEY, [ANY_LOGIN]);
/** No login needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
