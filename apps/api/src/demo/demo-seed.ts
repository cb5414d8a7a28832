import { appendAuditEvent } from '../audit/audit.service';
import { SYSTEM_CONTEXT } from '../auth/request-context';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AccountStatus,
  OrgUnitKind,
  OwnerRole,
  Role,
  normalizeHandle,
  parseOrgUnitPath,
  profileUrl,
  type AccountKind,
  type AccountPurpose,
  type ClaimedUrlPurpose,
  normalizeClaimedUrl,
  formatImpersonationReference,
  handleSkeleton,
} from '@ggsm/domain';
import { ClaimedUrlAccountEntity, ClaimedUrlEntity } from '../claimed-urls/claimed-url.entity';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { PersonEntity } from '../people/person.entity';
import { AccountOwnerEntity, SocialAccountEntity } from '../social-accounts/social-account.entity';
import { UserEntity } from '../users/user.entity';

/**
 * The organisation as the 2011 policy note "#ggsm" describes it (chapter 4.2): the municipality,
 * its services (diensten), departments and subsidiaries (werkmaatschappijen).
 */
const TREE: { path: string; code: string; kind: OrgUnitKind; prefix?: string }[] = [
  { path: 'Gemeente Groningen', code: 'GEM', kind: OrgUnitKind.MUNICIPALITY },
  { path: 'Gemeente Groningen > Bestuursdienst', code: 'BSD', kind: OrgUnitKind.SERVICE },
  { path: 'Gemeente Groningen > Bestuursdienst > Centrale nieuwsredactie', code: 'BSD-NR', kind: OrgUnitKind.TEAM },
  { path: 'Gemeente Groningen > RO/EZ', code: 'ROEZ', kind: OrgUnitKind.SERVICE },
  { path: 'Gemeente Groningen > RO/EZ > Stadsdeelcoördinatie', code: 'SDC', kind: OrgUnitKind.DEPARTMENT, prefix: 'sdc' },
  { path: 'Gemeente Groningen > OCSW', code: 'OCSW', kind: OrgUnitKind.SERVICE },
  { path: 'Gemeente Groningen > OCSW > Muziekschool', code: 'MZS', kind: OrgUnitKind.SUBSIDIARY },
  { path: 'Gemeente Groningen > OCSW > Stadsschouwburg', code: 'SSB', kind: OrgUnitKind.SUBSIDIARY },
  { path: 'Gemeente Groningen > OCSW > De Oosterpoort', code: 'OOP', kind: OrgUnitKind.SUBSIDIARY },
  { path: 'Gemeente Groningen > OCSW > Papiermolen', code: 'PPM', kind: OrgUnitKind.SUBSIDIARY },
  { path: 'Gemeente Groningen > OCSW > Kardinge', code: 'KDG', kind: OrgUnitKind.SUBSIDIARY },
  { path: 'Gemeente Groningen > HVD', code: 'HVD', kind: OrgUnitKind.SERVICE },
  { path: 'Gemeente Groningen > HVD > Voorlichting & Communicatie', code: 'HVD-VC', kind: OrgUnitKind.DEPARTMENT },
  { path: 'Gemeente Groningen > HVD > GGD', code: 'GGD', kind: OrgUnitKind.DEPARTMENT },
  { path: 'Gemeente Groningen > HVD > Brandweer', code: 'BRW', kind: OrgUnitKind.DEPARTMENT },
  { path: 'Gemeente Groningen > DSW', code: 'DSW', kind: OrgUnitKind.SERVICE },
  { path: 'Gemeente Groningen > DIA', code: 'DIA', kind: OrgUnitKind.SERVICE },
  { path: 'Gemeente Groningen > Milieudienst', code: 'MD', kind: OrgUnitKind.SERVICE },
  { path: 'Gemeente Groningen > Milieudienst > Lentekriebels', code: 'MD-LK', kind: OrgUnitKind.TEAM },
];

const ROOT = 'Gemeente Groningen';
const DRAFT_NOTE = 'In de nota genoemd zonder naam: de eenheid vult het account aan en dient het in ter goedkeuring.';

/** Fictional demo people; real owners are personal data and never part of demo data. Two of them acknowledged the guidelines. */
const PEOPLE: { name: string; email: string; jobTitle: string; unit: string; acknowledged?: string }[] = [
  { name: 'Team #ggsm', email: 'ggsm@groningen.example', jobTitle: 'Communicatieadviseurs', unit: 'GEM' },
  { name: 'Anna de Vries', email: 'anna.devries@groningen.example', jobTitle: 'Webredacteur', unit: 'ROEZ', acknowledged: '2026-09-14T10:00:00Z' },
  { name: 'Pieter Bakker', email: 'pieter.bakker@groningen.example', jobTitle: 'Communicatieadviseur', unit: 'OCSW' },
  { name: 'Fatima El Amrani', email: 'fatima.elamrani@groningen.example', jobTitle: 'Woordvoerder', unit: 'HVD' },
  { name: 'Sanne Mulder', email: 'sanne.mulder@groningen.example', jobTitle: 'Stadsdeelcoördinator', unit: 'SDC', acknowledged: '2026-10-02T09:30:00Z' },
];

const USERS: { email: string; displayName: string; roles: Role[]; scope?: string }[] = [
  { email: 'admin@groningen.example', displayName: 'Beheerder', roles: [Role.ADMIN] },
  { email: 'communicatie@groningen.example', displayName: 'Team #ggsm (communicatie)', roles: [Role.COMMUNICATIONS] },
  { email: 'redacteur.roez@groningen.example', displayName: 'Redacteur RO/EZ', roles: [Role.EDITOR], scope: 'ROEZ' },
  { email: 'redacteur.ocsw@groningen.example', displayName: 'Redacteur OCSW', roles: [Role.EDITOR], scope: 'OCSW' },
  { email: 'jurist@groningen.example', displayName: 'Bureau Juridische Zaken', roles: [Role.LEGAL] },
  { email: 'auditor@groningen.example', displayName: 'Auditor', roles: [Role.AUDITOR] },
];

export const DEMO_USERS = USERS;

interface InventoryRow {
  platform: string;
  handle: string;
  display_name: string;
  org_unit_path: string;
  kind: string;
  purposes: string;
  notes: string;
}

export function readInventory(): InventoryRow[] {
  return parse(readFileSync(join(__dirname, 'nota-2011-inventory.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as InventoryRow[];
}

/** Loads the demo register once, into an empty database; a second start leaves it alone. */
export async function seedDemo(db: DataSource, passwordHash: string, auditKey: Buffer): Promise<boolean> {
  return db.transaction(async (m) => {
    const audit = (entityType: string, entityId: string, after: object) =>
      appendAuditEvent(m, auditKey, SYSTEM_CONTEXT, { action: `${snake(entityType)}.created`, entityType, entityId, after, reason: 'demo data' });
    // Serialise concurrent first starts.
    await m.query('SELECT pg_advisory_xact_lock(20111)');
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM org_unit');
    if (n > 0) return false;

    const byPath = new Map<string, OrgUnitEntity>();
    const byCode = new Map<string, OrgUnitEntity>();
    for (const u of TREE) {
      const segments = parseOrgUnitPath(u.path);
      const parent = segments.length > 1 ? byPath.get(segments.slice(0, -1).join(' > ')) : undefined;
      const row = await m.save(
        m.create(OrgUnitEntity, { name: segments.at(-1)!, shortCode: u.code, kind: u.kind, parentId: parent?.id ?? null, handlePrefix: u.prefix ?? null }),
      );
      byPath.set(u.path, row);
      byCode.set(u.code, row);
      await audit('OrgUnit', row.id, { name: row.name, shortCode: row.shortCode, kind: row.kind, parentId: row.parentId });
    }

    const people = new Map<string, PersonEntity>();
    for (const p of PEOPLE) {
      const person = await m.save(m.create(PersonEntity, { name: p.name, email: p.email, jobTitle: p.jobTitle, orgUnitId: byCode.get(p.unit)!.id, guidelinesAcknowledgedAt: p.acknowledged ? new Date(p.acknowledged) : null }));
      people.set(p.unit, person);
      await audit('Person', person.id, { name: person.name, orgUnitId: person.orgUnitId });
    }

    for (const u of USERS) {
      const user = await m.save(m.create(UserEntity, { email: u.email, displayName: u.displayName, passwordHash, roles: u.roles, scopeUnitId: u.scope ? byCode.get(u.scope)!.id : null }));
      await audit('User', user.id, { email: user.email, roles: user.roles, scopeUnitId: user.scopeUnitId });
    }

    for (const row of readInventory()) {
      const account = await insertLegacyAccount(m, row, byPath, people);
      await audit('SocialAccount', account.id, { platformId: account.platformKey, handle: account.handle, status: account.status, legacy: true });
    }

    for (const claim of await insertDemoClaims(m, byCode)) await audit('ClaimedUrl', claim.id, claim);
    for (const c of await insertDemoImpersonationCases(m)) await audit('ImpersonationReport', c.id, c);
    return true;
  });
}

// ---- Claimed URLs (the URL policy, standpunt 2) ----

/**
 * A few claims, so the expiry watch and the lookalikes have something to show. Fictional registrar and
 * dates; expiry dates count from the day the demo is loaded, so one campaign domain is always due soon.
 */
const DEMO_CLAIMS: { value: string; unit: string; purpose: ClaimedUrlPurpose; expiresInDays?: number; autoRenew?: boolean; notes?: string }[] = [
  { value: 'groningen.nl', unit: 'GEM', purpose: 'PRIMARY', expiresInDays: 300, autoRenew: true, notes: 'De website van de gemeente.' },
  { value: 'gemeentegroningen.nl', unit: 'GEM', purpose: 'DEFENSIVE', expiresInDays: 120, notes: 'Defensief: verwijst door naar groningen.nl.' },
  { value: 'https://www.stadsnieuws.nl/', unit: 'BSD-NR', purpose: 'PRIMARY', expiresInDays: 200, autoRenew: true },
  { value: 'mijnwijk.groningen.nl', unit: 'SDC', purpose: 'PRIMARY' },
  { value: 'lentekriebels050.nl', unit: 'MD-LK', purpose: 'CAMPAIGN', expiresInDays: 45, notes: 'Campagnesite; verlengen of laten vervallen na de campagne.' },
  { value: 'facebook.com/Milieudienst050', unit: 'MD', purpose: 'PRIMARY' },
];

async function insertDemoClaims(m: EntityManager, byCode: Map<string, OrgUnitEntity>): Promise<(Record<string, unknown> & { id: string })[]> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const out: (Record<string, unknown> & { id: string })[] = [];
  for (const c of DEMO_CLAIMS) {
    const n = normalizeClaimedUrl(c.value);
    const row = await m.save(
      m.create(ClaimedUrlEntity, {
        value: n.value,
        kind: n.kind,
        normalized: n.normalized,
        host: n.host,
        registrableDomain: n.registrableDomain,
        platformKey: n.platform ?? null,
        handle: n.handle ?? null,
        orgUnitId: byCode.get(c.unit)!.id,
        purpose: c.purpose,
        registrar: c.expiresInDays === undefined ? null : 'Voorbeeld Registrar B.V.',
        registeredAt: c.expiresInDays === undefined ? null : day(c.expiresInDays - 365),
        expiresAt: c.expiresInDays === undefined ? null : day(c.expiresInDays),
        autoRenew: c.autoRenew ?? false,
        status: 'ACTIVE',
        notes: c.notes ?? null,
      }),
    );
    // A profile address belongs to the account registered under it (here @Milieudienst050 on Facebook).
    const account = n.platform ? await m.findOneBy(SocialAccountEntity, { platformKey: n.platform, normalizedHandle: n.handle }) : null;
    if (account) await m.insert(ClaimedUrlAccountEntity, { claimedUrlId: row.id, accountId: account.id });
    out.push({ id: row.id, value: row.value, kind: row.kind, normalized: row.normalized, orgUnitId: row.orgUnitId, purpose: row.purpose, expiresAt: row.expiresAt, accountIds: account ? [account.id] : [] });
  }
  return out;
}

// ---- Impersonation cases (standpunt 6): one per kind of queue, fictional fakers and reporters ----

const DEMO_CASES: {
  source: 'PUBLIC' | 'STAFF';
  platform: string;
  handle: string;
  displayName: string;
  description: string;
  imitates: string;
  state: 'RECEIVED' | 'LEGAL_REVIEW' | 'MONITORING';
  /** Working days ago the case entered its state (calendar days, roughly). */
  daysInState: number;
  reporter?: { name: string; email: string };
}[] = [
  {
    source: 'PUBLIC',
    platform: 'x',
    handle: 'Stadsbeheer_050',
    displayName: 'Stadsbeheer Groningen',
    description: 'Dit account stuurt berichten over een "boete voor afval naast de container" met een betaallink.',
    imitates: 'Stadsbeheer050',
    state: 'RECEIVED',
    daysInState: 0,
    reporter: { name: 'A. Melder', email: 'a.melder@example.org' },
  },
  {
    source: 'STAFF',
    platform: 'x',
    handle: 'GGDGroningen_nl',
    displayName: 'GGD Groningen',
    description: 'Gebruikt het logo van de GGD en plaatst onjuiste vaccinatie-informatie.',
    imitates: 'GGDGroningen',
    state: 'LEGAL_REVIEW',
    daysInState: 9,
  },
  {
    source: 'PUBLIC',
    platform: 'instagram',
    handle: 'brandweer.groningen.official',
    displayName: 'Brandweer Groningen',
    description: 'Vraagt volgers om donaties "voor de kazerne".',
    imitates: 'BRWGroningen',
    state: 'MONITORING',
    daysInState: 2,
  },
];

/** The three demo cases: a fresh public report, one waiting for Legal (overdue), one watched after a takedown. */
async function insertDemoImpersonationCases(m: EntityManager): Promise<(Record<string, unknown> & { id: string })[]> {
  const out: (Record<string, unknown> & { id: string })[] = [];
  const [legal] = await m.query(`SELECT id FROM app_user WHERE 'LEGAL' = ANY(roles) ORDER BY email LIMIT 1`);
  for (const c of DEMO_CASES) {
    const [account] = await m.query('SELECT id FROM social_account WHERE platform_key = $1 AND handle = $2', ['x', c.imitates]);
    const [counter] = await m.query(
      `INSERT INTO impersonation_reference_counter (year, last_value) VALUES (extract(year FROM now() AT TIME ZONE 'Europe/Amsterdam')::int, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = impersonation_reference_counter.last_value + 1 RETURNING year, last_value`,
    );
    const reference = formatImpersonationReference(Number(counter.year), Number(counter.last_value));
    const entered = new Date(Date.now() - c.daysInState * 86_400_000);
    const decided = c.state === 'MONITORING';
    const [row] = await m.query(
      `INSERT INTO impersonation_report (reference, source, reporter_name, reporter_email, platform_key, suspect_handle, normalized_suspect_handle, suspect_display_name,
         description, suggested_account_id, imitated_account_id, state, state_entered_at, legal_decision, legal_reasoning, legal_decided_by_id, legal_decided_at,
         takedown_case_ref, takedown_filed_at, takedown_filed_by_id, takedown_outcome, takedown_outcome_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $16, $20, $21) RETURNING id`,
      [
        reference,
        c.source,
        c.reporter?.name ?? null,
        c.reporter?.email ?? null,
        c.platform,
        c.handle,
        normalizeHandle(c.platform, c.handle),
        c.displayName,
        c.description,
        account?.id ?? null,
        c.state === 'RECEIVED' ? null : (account?.id ?? null),
        c.state,
        entered,
        decided ? 'IMPERSONATION' : null,
        decided ? 'Gebruikt naam en beeldmerk van de brandweer en vraagt om geld: misleiding.' : null,
        decided ? (legal?.id ?? null) : null,
        decided ? new Date(entered.getTime() - 7 * 86_400_000) : null,
        decided ? 'IG-IP-2026-0415' : null,
        decided ? new Date(entered.getTime() - 6 * 86_400_000) : null,
        decided ? 'ACCEPTED' : null,
        decided ? new Date(entered.getTime() - 86_400_000) : null,
      ],
    );
    if (decided) {
      await m.query(
        `INSERT INTO known_impersonator (platform_key, handle, normalized_handle, skeleton, report_id, imitated_account_id, decided_at, decided_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [c.platform, c.handle, normalizeHandle(c.platform, c.handle), handleSkeleton(c.handle), row.id, account?.id ?? null, new Date(entered.getTime() - 7 * 86_400_000), legal?.id ?? null],
      );
    }
    out.push({ id: row.id, reference, source: c.source, platformId: c.platform, suspectHandle: c.handle, state: c.state, reporterName: c.reporter ? '[personal data]' : null, reporterEmail: c.reporter ? '[personal data]' : null });
  }
  return out;
}

async function insertLegacyAccount(
  m: EntityManager,
  row: InventoryRow,
  byPath: Map<string, OrgUnitEntity>,
  people: Map<string, PersonEntity>,
): Promise<SocialAccountEntity> {
  const path = row.org_unit_path === ROOT ? ROOT : `${ROOT} > ${row.org_unit_path}`;
  const unit = byPath.get(path);
  if (!unit) throw new Error(`Demo inventory names an unknown unit: ${row.org_unit_path}`);
  const unnamed = !row.display_name;
  const account = await m.save(
    m.create(SocialAccountEntity, {
      platformKey: row.platform,
      handle: row.handle,
      normalizedHandle: normalizeHandle(row.platform, row.handle),
      displayName: row.display_name || null,
      profileUrl: profileUrl(row.platform, row.handle),
      orgUnitId: unit.id,
      kind: row.kind as AccountKind,
      purposes: row.purposes.split(';').filter(Boolean) as AccountPurpose[],
      notes: unnamed ? [row.notes, DRAFT_NOTE].filter(Boolean).join(' ') : row.notes || null,
      // They exist and are official; they predate today's rules. The note lists two personal accounts
      // without a name (sdcAnneKrijn, SDC050Ton): nobody can vouch for them yet, so they start as drafts
      // their unit completes and submits, and Communications approves like any new account.
      status: unnamed ? AccountStatus.DRAFT : AccountStatus.ACTIVE,
      legacy: true,
      languages: ['nl'],
    }),
  );
  // Owners where the demo has someone in that service; the rest show the gap the note describes.
  const service = [...byPath.entries()].find(([p, u]) => u.id === unit.id && p)?.[0].split(' > ')[1];
  const owner = service ? [...people.values()].find((p) => byPath.get(`${ROOT} > ${service}`)?.id === p.orgUnitId) : undefined;
  if (owner) await m.insert(AccountOwnerEntity, { accountId: account.id, personId: owner.id, role: OwnerRole.PRIMARY, position: 0 });
  return account;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase());

/** The first administrator of an empty production register; a no-op once any user exists. */
export async function bootstrapAdmin(db: DataSource, email: string, passwordHash: string, auditKey: Buffer): Promise<boolean> {
  return db.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(20111)');
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM app_user');
    if (n > 0) return false;
    const user = await m.save(m.create(UserEntity, { email, displayName: 'Beheerder', passwordHash, roles: [Role.ADMIN] }));
    await appendAuditEvent(m, auditKey, SYSTEM_CONTEXT, {
      action: 'user.created',
      entityType: 'User',
      entityId: user.id,
      after: { email, roles: user.roles },
      reason: 'GGSM_BOOTSTRAP_ADMIN_EMAIL',
    });
    return true;
  });
}
