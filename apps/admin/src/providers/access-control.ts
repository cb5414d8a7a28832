import type { AuthProvider } from 'react-admin';
import { mayAccess } from '../common/permissions';

/**
 * Adds react-admin's `canAccess` to an auth provider, from the roles `getPermissions` gives and the
 * rules in common/permissions.ts. react-admin then hides the menu entries, create and edit buttons
 * and pages the API would refuse. It shapes the view only: the API checks every call itself.
 */
export function withAccessControl(provider: AuthProvider): AuthProvider {
  return {
    ...provider,
    async canAccess({ resource, action }) {
      const permissions = await provider.getPermissions?.({});
      return mayAccess(permissions, resource, action);
    },
  };
}
