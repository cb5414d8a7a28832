import { Role } from '@ggsm/domain';
import { usePermissions } from 'react-admin';

export const hasRole = (permissions: unknown, role: Role): boolean =>
  Array.isArray(permissions) && permissions.includes(role);

/** Whether the logged-in user is an ADMIN. Shapes the view only; the API decides access. */
export const useIsAdmin = (): boolean => {
  const { permissions } = usePermissions();
  return hasRole(permissions, Role.ADMIN);
};
