// Enums are plain string objects so the same values work as GraphQL enums, in the database and in the browser.

export const Role = {
  ADMIN: 'ADMIN',
  COMMUNICATIONS: 'COMMUNICATIONS',
  EDITOR: 'EDITOR',
  LEGAL: 'LEGAL',
  AUDITOR: 'AUDITOR',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

export const OrgUnitKind = {
  MUNICIPALITY: 'MUNICIPALITY',
  SERVICE: 'SERVICE',
  DEPARTMENT: 'DEPARTMENT',
  TEAM: 'TEAM',
  SUBSIDIARY: 'SUBSIDIARY',
} as const;
export type OrgUnitKind = (typeof OrgUnitKind)[keyof typeof OrgUnitKind];
export const ORG_UNIT_KINDS = Object.values(OrgUnitKind);

export const AccountKind = {
  ORGANISATIONAL: 'ORGANISATIONAL',
  PERSONAL_IN_FUNCTION: 'PERSONAL_IN_FUNCTION',
  ADMINISTRATOR: 'ADMINISTRATOR',
  CAMPAIGN: 'CAMPAIGN',
  PROJECT: 'PROJECT',
  DEFENSIVE: 'DEFENSIVE',
  INTERNAL: 'INTERNAL',
} as const;
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];
export const ACCOUNT_KINDS = Object.values(AccountKind);

// The policy note's zenden / luisteren / interacteren, plus crisis communication and web care.
export const AccountPurpose = {
  SEND: 'SEND',
  LISTEN: 'LISTEN',
  INTERACT: 'INTERACT',
  CRISIS: 'CRISIS',
  WEBCARE: 'WEBCARE',
} as const;
export type AccountPurpose = (typeof AccountPurpose)[keyof typeof AccountPurpose];
export const ACCOUNT_PURPOSES = Object.values(AccountPurpose);

export const AccountStatus = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  REJECTED: 'REJECTED',
  ARCHIVED: 'ARCHIVED',
} as const;
export type AccountStatus = (typeof AccountStatus)[keyof typeof AccountStatus];
export const ACCOUNT_STATUSES = Object.values(AccountStatus);

export const PlatformStatus = {
  ACTIVE: 'ACTIVE',
  DEPRECATED: 'DEPRECATED',
  DEFUNCT: 'DEFUNCT',
} as const;
export type PlatformStatus = (typeof PlatformStatus)[keyof typeof PlatformStatus];
export const PLATFORM_STATUSES = Object.values(PlatformStatus);

export const OwnerRole = {
  PRIMARY: 'PRIMARY',
  BACKUP: 'BACKUP',
} as const;
export type OwnerRole = (typeof OwnerRole)[keyof typeof OwnerRole];
export const OWNER_ROLES = Object.values(OwnerRole);
