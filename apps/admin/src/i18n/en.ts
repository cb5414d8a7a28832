import type { TranslationMessages } from 'react-admin';
import englishMessages from 'ra-language-english';
import type { GgsmMessages } from './nl';

/** Same keys as the Dutch messages, English texts. */
type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

const audit = {
  id: 'Id',
  createdAt: 'Created at',
  updatedAt: 'Updated at',
  q: 'Search',
};

export const ggsmEn: SameKeys<GgsmMessages> = {
  resources: {
    SocialAccount: {
      name: 'Account |||| Accounts',
      fields: {
        ...audit,
        platformId: 'Platform',
        handle: 'Handle',
        normalizedHandle: 'Normalised handle',
        displayName: 'Display name',
        profileUrl: 'Profile URL',
        orgUnitId: 'Organisational unit',
        kind: 'Kind of account',
        purposes: 'Purposes',
        bio: 'Bio',
        openingHours: 'Opening hours',
        responseTime: 'Response time',
        languages: 'Languages',
        autoPostingSource: 'Auto-posting source',
        archivingArrangement: 'Archiving',
        notes: 'Notes',
        primaryOwnerId: 'Owner',
        backupOwnerIds: 'Backup owners',
        status: 'Status',
        legacy: 'Predates the policy',
        lastReviewedAt: 'Last reviewed at',
        nextReviewAt: 'Next review',
        requestedById: 'Requested by',
        requestedAt: 'Requested at',
        approvedById: 'Approved by',
        approvedAt: 'Approved at',
        version: 'Version',
      },
      tabs: {
        account: 'Account',
        profile: 'Profile',
        owners: 'Owners',
        governance: 'Governance and review',
      },
      helpers: {
        handle_preview: 'Saved as @%{handle} · profile: %{url}',
        handle_choose_platform: 'Choose a platform first.',
        languages: 'Language codes, e.g. nl, en',
        legacy: 'The account existed before the social media policy.',
        archivingArrangement: 'How posts are archived (Archiefwet, the Dutch Public Records Act).',
        autoPostingSource: 'E.g. the news feed of gemeente.groningen.nl',
      },
      empty: 'No accounts have been registered yet.',
    },
    OrgUnit: {
      name: 'Organisational unit |||| Organisational units',
      fields: {
        ...audit,
        name: 'Name',
        shortCode: 'Short code',
        kind: 'Kind',
        parentId: 'Part of',
        handlePrefix: 'Handle prefix',
        path: 'Path',
        depth: 'Depth',
      },
      helpers: {
        handlePrefix: 'E.g. sdc: personal-in-function accounts start with it (sdcLiesbeth).',
      },
    },
    Person: {
      name: 'Person |||| People',
      fields: {
        ...audit,
        name: 'Name',
        email: 'Work e-mail',
        jobTitle: 'Job title',
        orgUnitId: 'Organisational unit',
        guidelinesAcknowledgedAt: 'Guidelines acknowledged at',
        active: 'Employed',
      },
      helpers: {
        guidelinesAcknowledgedAt: 'When the person acknowledged the five principles of "Handreiking Ambtenaar 2.0".',
      },
    },
    Platform: {
      name: 'Platform |||| Platforms',
      fields: {
        id: 'Id',
        q: 'Search',
        key: 'Key',
        name: 'Name',
        status: 'Status',
        profileUrlTemplate: 'Profile URL template',
        accountCount: 'Accounts',
      },
    },
    User: {
      name: 'User |||| Users',
      fields: {
        ...audit,
        email: 'E-mail',
        displayName: 'Name',
        roles: 'Roles',
        role: 'Role',
        scopeUnitId: 'Scope (organisational unit)',
        personId: 'Person',
        active: 'Active',
        lastLoginAt: 'Last login',
        password: 'Password',
        newPassword: 'New password',
      },
      helpers: {
        password: 'At least 12 characters.',
        newPassword: 'Leave empty to keep the current password. At least 12 characters.',
        scopeUnitId: 'An editor only sees accounts of this unit and the units below it.',
      },
    },
  },
  ggsm: {
    title: 'ggsm — social media register',
    welcome: {
      title: 'Welcome to ggsm',
      body: 'The register of the official social media accounts of the municipality of Groningen: who is sending, on behalf of which unit, and who owns the account.',
      accounts: 'Go to the accounts',
    },
    locale: {
      nl: 'Nederlands',
      en: 'English',
    },
    enums: {
      Role: {
        ADMIN: 'Administrator',
        COMMUNICATIONS: 'Communications (Team #ggsm)',
        EDITOR: 'Editor',
        LEGAL: 'Legal',
        AUDITOR: 'Auditor',
      },
      OrgUnitKind: {
        MUNICIPALITY: 'Municipality',
        SERVICE: 'Service',
        DEPARTMENT: 'Department',
        TEAM: 'Team',
        SUBSIDIARY: 'Subsidiary',
      },
      AccountKind: {
        ORGANISATIONAL: 'Organisational',
        PERSONAL_IN_FUNCTION: 'Personal in function',
        ADMINISTRATOR: 'Administrator (elected official)',
        CAMPAIGN: 'Campaign',
        PROJECT: 'Project',
        DEFENSIVE: 'Defensive (name claimed)',
        INTERNAL: 'Internal',
      },
      AccountPurpose: {
        SEND: 'Send',
        LISTEN: 'Listen',
        INTERACT: 'Interact',
        CRISIS: 'Crisis communication',
        WEBCARE: 'Web care',
      },
      AccountStatus: {
        DRAFT: 'Draft',
        SUBMITTED: 'Submitted',
        ACTIVE: 'Active',
        SUSPENDED: 'Suspended',
        REJECTED: 'Rejected',
        ARCHIVED: 'Archived',
      },
      PlatformStatus: {
        ACTIVE: 'Active',
        DEPRECATED: 'Deprecated',
        DEFUNCT: 'Defunct',
      },
    },
    errors: {
      UNAUTHENTICATED: 'You are not (or no longer) logged in.',
      FORBIDDEN: 'You have no access to this data or action.',
      NOT_FOUND: 'Not found, or you have no access to it.',
      BAD_USER_INPUT: 'The input is not valid.',
      HANDLE_TAKEN: 'This handle is already in the register (archived handles remain ours).',
      URL_TAKEN: 'This URL is already in the register.',
      VERSION_CONFLICT: 'Someone else changed this account in the meantime. Reload the page and try again.',
      ILLEGAL_TRANSITION: 'This status change is not allowed in the current status.',
      CHECKLIST_INCOMPLETE: 'The house-style checklist is not complete yet.',
      SELF_APPROVAL: 'You cannot approve an account you requested yourself.',
    },
    login: {
      failed: 'Login failed: check e-mail address and password.',
      unreachable: 'The server cannot be reached.',
    },
  },
};

export const en: TranslationMessages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    auth: {
      ...englishMessages.ra.auth,
      username: 'E-mail',
    },
  },
  ...ggsmEn,
};
