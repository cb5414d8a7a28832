import { Role } from '@ggsm/domain';
import { usePermissions } from 'react-admin';

export const hasRole = (permissions: unknown, role: Role): boolean =>
  Array.isArray(permissions) && permissions.includes(role);

const hasAnyRole = (permissions: unknown, roles: readonly Role[]): boolean => roles.some(role => hasRole(permissions, role));

/** Whether the logged-in user is an ADMIN. Shapes the view only; the API decides access. */
export const useIsAdmin = (): boolean => {
  const { permissions } = usePermissions();
  return hasRole(permissions, Role.ADMIN);
};

type Action = 'list' | 'show' | 'create' | 'edit';

const EVERYONE: readonly Role[] = [Role.ADMIN, Role.COMMUNICATIONS, Role.EDITOR, Role.LEGAL, Role.AUDITOR];
const AUDIT_READERS: readonly Role[] = [Role.AUDITOR, Role.ADMIN];

/**
 * Who the API lets do what, per resource (its resolvers' @Allow): mirrored here only to shape the
 * console (menu entries, create and edit buttons, the create and edit pages). The API decides
 * anyway, and also per record (an editor only within its own unit subtree).
 */
const RULES: Record<string, Partial<Record<Action, readonly Role[]>>> = {
  // createSocialAccount / updateSocialAccount: communication for all units, editors for their own. Not ADMIN.
  SocialAccount: { list: EVERYONE, show: EVERYONE, create: [Role.COMMUNICATIONS, Role.EDITOR], edit: [Role.COMMUNICATIONS, Role.EDITOR] },
  OrgUnit: { list: EVERYONE, show: EVERYONE, create: [Role.ADMIN], edit: [Role.ADMIN] },
  Person: {
    list: EVERYONE,
    show: EVERYONE,
    create: [Role.ADMIN, Role.COMMUNICATIONS, Role.EDITOR],
    edit: [Role.ADMIN, Role.COMMUNICATIONS, Role.EDITOR],
  },
  // The catalogue comes from the domain library: no createPlatform; only name and status are editable.
  Platform: { list: EVERYONE, show: EVERYONE, edit: [Role.ADMIN] },
  NamingRule: { list: EVERYONE, show: EVERYONE, create: [Role.COMMUNICATIONS], edit: [Role.COMMUNICATIONS] },
  ChecklistItem: { list: EVERYONE, show: EVERYONE, create: [Role.COMMUNICATIONS], edit: [Role.COMMUNICATIONS] },
  // createClaimedUrl / updateClaimedUrl: as for accounts (editors within their unit subtree).
  ClaimedUrl: { list: EVERYONE, show: EVERYONE, create: [Role.COMMUNICATIONS, Role.EDITOR], edit: [Role.COMMUNICATIONS, Role.EDITOR] },
  // One row per kind of account, fixed: no create; Communications sets the months.
  ReviewInterval: { list: EVERYONE, show: EVERYONE, edit: [Role.COMMUNICATIONS] },
  User: { list: AUDIT_READERS, show: AUDIT_READERS, create: [Role.ADMIN], edit: [Role.ADMIN] },
  // The audit trail is append-only: read, never written from the console.
  AuditEvent: { list: AUDIT_READERS, show: AUDIT_READERS },
  // Every role reads cases (an editor those of its own units); the steps are the API's availableSteps.
  ImpersonationReport: { list: EVERYONE, show: EVERYONE },
};

/**
 * Whether the API would allow this action on this resource to a user with these roles. Nothing is
 * ever deleted in ggsm (Archiefwet), so `delete` is never allowed; unknown actions neither.
 */
export function mayAccess(permissions: unknown, resource: string, action: string): boolean {
  const roles = RULES[resource]?.[action as Action];
  if (roles) return hasAnyRole(permissions, roles);
  // A resource without rules here (none yet) is only readable.
  if (!RULES[resource] && (action === 'list' || action === 'show')) return hasAnyRole(permissions, EVERYONE);
  return false;
}

/**
 * The bulk import (importSocialAccounts): Communications and editors register drafts; an administrator
 * may only load an existing inventory as legacy accounts.
 */
export const mayImport = (permissions: unknown): boolean => hasAnyRole(permissions, [Role.COMMUNICATIONS, Role.EDITOR, Role.ADMIN]);

/** Impersonation cases: Communications and Legal add evidence; they and the auditor download screenshots. */
export const mayAddImpersonationEvidence = (permissions: unknown): boolean => hasAnyRole(permissions, [Role.COMMUNICATIONS, Role.LEGAL]);
export const mayDownloadImpersonationEvidence = (permissions: unknown): boolean => hasAnyRole(permissions, [Role.COMMUNICATIONS, Role.LEGAL, Role.AUDITOR]);
/** The legal queue ("Juridische beoordeling") is Bureau Juridische Zaken's worklist. */
export const seesLegalQueue = (permissions: unknown): boolean => hasRole(permissions, Role.LEGAL);

/** The same verdict as a hook, for buttons and inputs outside react-admin's own access checks. */
export const useMayAccess = (resource: string, action: Action): boolean => {
  const { permissions } = usePermissions();
  return mayAccess(permissions, resource, action);
};

/** Roles that see the whole register; an editor sees only its own unit subtree (the API's ScopeService). */
const WHOLE_REGISTER: readonly Role[] = [Role.ADMIN, Role.COMMUNICATIONS, Role.LEGAL, Role.AUDITOR];

export const seesWholeRegister = (permissions: unknown): boolean => hasAnyRole(permissions, WHOLE_REGISTER);

/**
 * Whether records must name an organisational unit: the API refuses a person without a unit from a
 * user who only sees its own subtree (an editor), since nobody could see that person afterwards.
 */
export const useUnitRequired = (): boolean => {
  const { permissions, isPending } = usePermissions();
  return !isPending && !seesWholeRegister(permissions);
};
