import type { TranslationMessages } from 'react-admin';
import type {
  AccountKind,
  AccountPurpose,
  AccountStatus,
  OrgUnitKind,
  PlatformStatus,
  Role,
} from '@ggsm/domain';
import { raDutch } from './ra-dutch';

const audit = {
  id: 'Id',
  createdAt: 'Aangemaakt op',
  updatedAt: 'Gewijzigd op',
  q: 'Zoeken',
};

/** ggsm's own texts; `en.ts` must provide the same keys (the type below enforces it). */
export const ggsmNl = {
  resources: {
    SocialAccount: {
      name: 'Account |||| Accounts',
      fields: {
        ...audit,
        platformId: 'Platform',
        handle: 'Handle',
        normalizedHandle: 'Genormaliseerde handle',
        displayName: 'Weergavenaam',
        profileUrl: 'Profiel-URL',
        orgUnitId: 'Organisatieonderdeel',
        kind: 'Soort account',
        purposes: 'Doelen',
        bio: 'Bio',
        openingHours: 'Openingstijden',
        responseTime: 'Reactietijd',
        languages: 'Talen',
        autoPostingSource: 'Bron automatisch posten',
        archivingArrangement: 'Archivering',
        notes: 'Notities',
        primaryOwnerId: 'Eigenaar',
        backupOwnerIds: 'Reserve-eigenaren',
        status: 'Status',
        legacy: 'Van vóór beleid',
        lastReviewedAt: 'Laatst beoordeeld op',
        nextReviewAt: 'Volgende beoordeling',
        requestedById: 'Aangevraagd door',
        requestedAt: 'Aangevraagd op',
        approvedById: 'Goedgekeurd door',
        approvedAt: 'Goedgekeurd op',
        version: 'Versie',
      },
      tabs: {
        account: 'Account',
        profile: 'Profiel',
        owners: 'Eigenaren',
        governance: 'Beheer en beoordeling',
      },
      helpers: {
        handle_preview: 'Wordt opgeslagen als @%{handle} · profiel: %{url}',
        handle_choose_platform: 'Kies eerst een platform.',
        languages: 'Taalcodes, bijv. nl, en',
        legacy: 'Het account bestond al vóór het socialemediabeleid.',
        archivingArrangement: 'Hoe berichten worden gearchiveerd (Archiefwet).',
        autoPostingSource: 'Bijv. de nieuwsfeed van gemeente.groningen.nl',
      },
      empty: 'Er zijn nog geen accounts geregistreerd.',
    },
    OrgUnit: {
      name: 'Organisatieonderdeel |||| Organisatieonderdelen',
      fields: {
        ...audit,
        name: 'Naam',
        shortCode: 'Afkorting',
        kind: 'Soort',
        parentId: 'Valt onder',
        handlePrefix: 'Voorvoegsel voor handles',
        path: 'Pad',
        depth: 'Diepte',
      },
      helpers: {
        handlePrefix: "Bijv. sdc: persoonlijke accounts in functie beginnen hiermee (sdcLiesbeth).",
      },
    },
    Person: {
      name: 'Persoon |||| Personen',
      fields: {
        ...audit,
        name: 'Naam',
        email: 'E-mailadres (werk)',
        jobTitle: 'Functie',
        orgUnitId: 'Organisatieonderdeel',
        guidelinesAcknowledgedAt: 'Richtlijnen onderschreven op',
        active: 'In dienst',
      },
      helpers: {
        guidelinesAcknowledgedAt: 'Wanneer de persoon de vijf principes van de Handreiking Ambtenaar 2.0 onderschreef.',
      },
    },
    Platform: {
      name: 'Platform |||| Platforms',
      fields: {
        id: 'Id',
        q: 'Zoeken',
        key: 'Sleutel',
        name: 'Naam',
        status: 'Status',
        profileUrlTemplate: 'Sjabloon profiel-URL',
        accountCount: 'Aantal accounts',
      },
    },
    User: {
      name: 'Gebruiker |||| Gebruikers',
      fields: {
        ...audit,
        email: 'E-mailadres',
        displayName: 'Naam',
        roles: 'Rollen',
        role: 'Rol',
        scopeUnitId: 'Werkgebied (organisatieonderdeel)',
        personId: 'Persoon',
        active: 'Actief',
        lastLoginAt: 'Laatst ingelogd',
        password: 'Wachtwoord',
        newPassword: 'Nieuw wachtwoord',
      },
      helpers: {
        password: 'Minstens 12 tekens.',
        newPassword: 'Laat leeg om het wachtwoord niet te wijzigen. Minstens 12 tekens.',
        scopeUnitId: 'Een redacteur ziet alleen accounts van dit onderdeel en de onderdelen eronder.',
      },
    },
  },
  ggsm: {
    title: 'ggsm — socialemediaregister',
    welcome: {
      title: 'Welkom bij ggsm',
      body: 'Het register van de officiële socialemedia-accounts van de gemeente Groningen: wie er zendt, namens welk onderdeel, en wie er eigenaar is.',
      accounts: 'Naar de accounts',
    },
    locale: {
      nl: 'Nederlands',
      en: 'English',
    },
    enums: {
      Role: {
        ADMIN: 'Beheerder',
        COMMUNICATIONS: 'Communicatie (Team #ggsm)',
        EDITOR: 'Redacteur',
        LEGAL: 'Jurist',
        AUDITOR: 'Auditor',
      } satisfies Record<Role, string>,
      OrgUnitKind: {
        MUNICIPALITY: 'Gemeente',
        SERVICE: 'Dienst',
        DEPARTMENT: 'Afdeling',
        TEAM: 'Team',
        SUBSIDIARY: 'Werkmaatschappij',
      } satisfies Record<OrgUnitKind, string>,
      AccountKind: {
        ORGANISATIONAL: 'Organisatie',
        PERSONAL_IN_FUNCTION: 'Persoonlijk in functie',
        ADMINISTRATOR: 'Bestuurder',
        CAMPAIGN: 'Campagne',
        PROJECT: 'Project',
        DEFENSIVE: 'Defensief (naam vastgelegd)',
        INTERNAL: 'Intern',
      } satisfies Record<AccountKind, string>,
      AccountPurpose: {
        SEND: 'Zenden',
        LISTEN: 'Luisteren',
        INTERACT: 'Interacteren',
        CRISIS: 'Crisiscommunicatie',
        WEBCARE: 'Webcare',
      } satisfies Record<AccountPurpose, string>,
      AccountStatus: {
        DRAFT: 'Concept',
        SUBMITTED: 'Ingediend',
        ACTIVE: 'Actief',
        SUSPENDED: 'Opgeschort',
        REJECTED: 'Afgewezen',
        ARCHIVED: 'Gearchiveerd',
      } satisfies Record<AccountStatus, string>,
      PlatformStatus: {
        ACTIVE: 'Actief',
        DEPRECATED: 'Verouderd',
        DEFUNCT: 'Opgeheven',
      } satisfies Record<PlatformStatus, string>,
    },
    errors: {
      UNAUTHENTICATED: 'U bent niet (meer) ingelogd.',
      FORBIDDEN: 'U hebt geen toegang tot deze gegevens of actie.',
      NOT_FOUND: 'Niet gevonden, of u hebt er geen toegang toe.',
      BAD_USER_INPUT: 'De invoer is niet geldig.',
      HANDLE_TAKEN: 'Deze handle staat al in het register (ook gearchiveerde handles blijven van ons).',
      URL_TAKEN: 'Deze URL staat al in het register.',
      VERSION_CONFLICT: 'Iemand anders heeft dit account intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
      ILLEGAL_TRANSITION: 'Deze statuswijziging is in de huidige status niet toegestaan.',
      CHECKLIST_INCOMPLETE: 'De huisstijlchecklist is nog niet compleet.',
      SELF_APPROVAL: 'U kunt een account dat u zelf aanvroeg niet goedkeuren.',
    },
    login: {
      failed: 'Inloggen mislukt: controleer e-mailadres en wachtwoord.',
      unreachable: 'De server is niet bereikbaar.',
    },
  },
};

export type GgsmMessages = typeof ggsmNl;

export const nl: TranslationMessages = {
  ...raDutch,
  ra: {
    ...raDutch.ra,
    auth: {
      ...raDutch.ra.auth,
      // ggsm logs in with the work e-mail address.
      username: 'E-mailadres',
    },
  },
  ...ggsmNl,
};
