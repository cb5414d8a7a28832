import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Governance: naming rules and the approval checklist as data (Communications changes the policy without a
 * release), the attestations of checklist items (append-only: the latest per item counts), and the naming
 * waiver on an account.
 *
 * The default rules and items are copied in as literal values on purpose: a migration must insert the same
 * rows for ever, whatever the domain library's DEFAULT_NAMING_RULES / DEFAULT_CHECKLIST become later.
 */
export class Governance1795710000000 implements MigrationInterface {
  name = 'Governance1795710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE naming_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key citext NOT NULL UNIQUE CHECK (length(trim(key)) > 0),
        type text NOT NULL CHECK (type IN ('MATCH_PATTERN','ENDS_WITH_ONE_OF','STARTS_WITH_ONE_OF','STARTS_WITH_UNIT_PREFIX','FORBIDDEN_WORDS','MAX_LENGTH')),
        severity text NOT NULL CHECK (severity IN ('ERROR','WARNING')),
        params jsonb NOT NULL DEFAULT '{}',
        scope jsonb NOT NULL DEFAULT '{}',
        message_nl text NOT NULL,
        message_en text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        sort_order int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE checklist_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key citext NOT NULL UNIQUE CHECK (length(trim(key)) > 0),
        title_nl text NOT NULL,
        title_en text NOT NULL,
        guidance_nl text NOT NULL DEFAULT '',
        guidance_en text NOT NULL DEFAULT '',
        required boolean NOT NULL DEFAULT true,
        mode text NOT NULL CHECK (mode IN ('AUTOMATIC','ATTESTATION')),
        check_key text,
        kinds text[] NOT NULL DEFAULT '{}',
        platforms text[] NOT NULL DEFAULT '{}',
        purposes text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        sort_order int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((mode = 'AUTOMATIC') = (check_key IS NOT NULL))
      )`);
    // Append-only: a new judgement is a new row; the latest per (account, item) counts.
    await q.query(`
      CREATE TABLE checklist_attestation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES social_account(id),
        item_key citext NOT NULL,
        passed boolean NOT NULL,
        note text,
        evidence_url text,
        attested_by_id uuid REFERENCES app_user(id),
        attested_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX checklist_attestation_account_idx ON checklist_attestation (account_id, item_key, attested_at)`);
    await q.query(`ALTER TABLE social_account ADD COLUMN naming_waiver_reason text`);
    await q.query(`ALTER TABLE social_account ADD COLUMN naming_waived_by_id uuid REFERENCES app_user(id)`);
    await q.query(`ALTER TABLE social_account ADD COLUMN naming_waived_at timestamptz`);

    for (const [i, r] of NAMING_RULES.entries()) {
      await q.query(
        `INSERT INTO naming_rule (key, type, severity, params, scope, message_nl, message_en, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [r.key, r.type, r.severity, JSON.stringify(r.params), JSON.stringify(r.scope), r.message.nl, r.message.en, (i + 1) * 10],
      );
    }
    for (const [i, c] of CHECKLIST.entries()) {
      await q.query(
        `INSERT INTO checklist_item (key, title_nl, title_en, guidance_nl, guidance_en, required, mode, check_key, kinds, platforms, purposes, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [c.key, c.title[0], c.title[1], c.guidance[0], c.guidance[1], c.required, c.mode, c.check ?? null, c.kinds ?? [], [], c.purposes ?? [], (i + 1) * 10],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE social_account DROP COLUMN naming_waived_at`);
    await q.query(`ALTER TABLE social_account DROP COLUMN naming_waived_by_id`);
    await q.query(`ALTER TABLE social_account DROP COLUMN naming_waiver_reason`);
    await q.query(`DROP TABLE checklist_attestation`);
    await q.query(`DROP TABLE checklist_item`);
    await q.query(`DROP TABLE naming_rule`);
  }
}

// ---------------------------------------------------------------------------------------------
// The defaults as of this migration, drawn from the policy note "#ggsm" (2011), section 4.2 and 6.

const NAMING_RULES = [
  {
    // The note's own practice: @Milieudienst050, @Stadsbeheer050, @HVDGroningen, @GGDGroningen — the city's
    // area code 050 or the city's name tells the reader who sends (standpunt 2). ERROR: a naming ERROR blocks
    // approval unless Communications records a waiver; legacy accounts keep their names.
    key: 'org_ends_050_or_groningen',
    type: 'ENDS_WITH_ONE_OF',
    params: { values: ['050', 'Groningen'], caseInsensitive: true },
    severity: 'ERROR',
    scope: { kinds: ['ORGANISATIONAL'] },
    message: {
      nl: 'Een organisatie-account eindigt op {values} (zoals @Stadsbeheer050, @HVDGroningen).',
      en: 'An organisational account ends in {values} (like @Stadsbeheer050, @HVDGroningen).',
    },
  },
  {
    // WARNING: campaigns and projects are named after the campaign (@LK050 follows the pattern, @Damsterdiep
    // does not); recognisable, but the note sets no rule for them.
    key: 'campaign_ends_050_or_groningen',
    type: 'ENDS_WITH_ONE_OF',
    params: { values: ['050', 'Groningen'], caseInsensitive: true },
    severity: 'WARNING',
    scope: { kinds: ['CAMPAIGN', 'PROJECT'] },
    message: {
      nl: 'Een campagne- of projectaccount eindigt bij voorkeur op {values} (zoals @LK050).',
      en: 'A campaign or project account preferably ends in {values} (like @LK050).',
    },
  },
  {
    // The SDC pilot (section 4.2): @sdcLiesbeth, @sdcAnneKrijn — the unit first, so a reader sees the function
    // before the person. Units without a prefix: the rule does not apply.
    key: 'personal_starts_with_unit_prefix',
    type: 'STARTS_WITH_UNIT_PREFIX',
    params: {},
    severity: 'ERROR',
    scope: { kinds: ['PERSONAL_IN_FUNCTION'] },
    message: {
      nl: 'Een persoonlijk account in functie begint met het voorvoegsel van de eenheid: "{prefix}" (zoals @sdcLiesbeth).',
      en: 'A personal account in function starts with the unit\'s prefix: "{prefix}" (like @sdcLiesbeth).',
    },
  },
  {
    // Fakers pose as authorities (section 6); we must not look like one either. Kept to national bodies:
    // "brandweer" is ours (@BRWGroningen) and so is "GGD". Other cities are left to the look-alike check.
    key: 'no_other_authority',
    type: 'FORBIDDEN_WORDS',
    params: { words: ['politie', 'rijksoverheid', 'overheidnl', 'ministerie', 'belastingdienst', 'rechtspraak', 'defensie'] },
    severity: 'ERROR',
    scope: {},
    message: {
      nl: 'De naam bevat "{word}": zo lijkt het account van een andere overheid.',
      en: 'The name contains "{word}": the account would seem to belong to another authority.',
    },
  },
];

const ORG_KINDS = ['ORGANISATIONAL', 'PERSONAL_IN_FUNCTION', 'ADMINISTRATOR', 'CAMPAIGN', 'PROJECT'];

/**
 * The note's "huisstijl" list (section 6) plus the guarantees of the register (owners, archive, vault).
 * The bio is two items: a machine can see whether the bio names the municipality or the unit, but only a
 * reviewer can judge that it states the account is official and in which role.
 */
const CHECKLIST: { key: string; title: [string, string]; guidance: [string, string]; required: boolean; mode: string; check?: string; kinds?: string[]; purposes?: string[] }[] = [
  { key: 'naming_rules_pass', title: ['Naam volgt de naamregels', 'Name follows the naming rules'], guidance: ['Geen ERROR van de naamregels, of een vastgelegde afwijking door Team #ggsm.', 'No naming ERROR, or a waiver recorded by Team #ggsm.'], required: true, mode: 'AUTOMATIC', check: 'NAMING_RULES_PASS' },
  { key: 'display_name_identifies', title: ['Weergavenaam noemt afzender en rol', 'Display name identifies sender and role'], guidance: ['De weergavenaam maakt duidelijk wie er namens welke eenheid spreekt.', 'The display name makes clear who speaks for which unit.'], required: true, mode: 'ATTESTATION' },
  { key: 'bio_states_official', title: ['Bio noemt gemeente of eenheid', 'Bio names the municipality or unit'], guidance: ['De bio bevat de naam van de gemeente of van de eenheid.', 'The bio contains the name of the municipality or of the unit.'], required: true, mode: 'AUTOMATIC', check: 'BIO_STATES_OFFICIAL' },
  { key: 'bio_reviewed', title: ['Bio zegt dat het account officieel is', 'Bio says the account is official'], guidance: ['De bio zegt dat dit een officieel account is, van wie en in welke rol (zoals @Waterbedrijf).', 'The bio says this is an official account, whose and in which role (like @Waterbedrijf).'], required: true, mode: 'ATTESTATION' },
  { key: 'bio_links_claimed_domain', title: ['Bio linkt naar een eigen domein', 'Bio links to a domain of ours'], guidance: ['De link in de bio wijst naar een geclaimd domein (URL-beleid).', 'The link in the bio points to a claimed domain (URL policy).'], required: true, mode: 'AUTOMATIC', check: 'BIO_LINKS_CLAIMED_DOMAIN', kinds: ORG_KINDS },
  { key: 'logo_approved', title: ['Avatar gebruikt het goedgekeurde beeldmerk', 'Avatar uses the approved logo'], guidance: ['Vormgeving en beeldmerk volgens de huisstijl voor sociale media.', 'Design and logo follow the social media house style.'], required: true, mode: 'ATTESTATION' },
  { key: 'tone_of_voice', title: ['Tone of voice afgesproken', 'Tone of voice agreed'], guidance: ["De beheerders kennen de afspraken over toon, do's en dont's.", "The owners know the agreements on tone, do's and don'ts."], required: true, mode: 'ATTESTATION' },
  { key: 'hours_published', title: ['Openingstijden en reactietijd vermeld', 'Opening hours and response time published'], guidance: ['Volgers weten wanneer ze antwoord kunnen verwachten.', 'Followers know when to expect an answer.'], required: true, mode: 'AUTOMATIC', check: 'HOURS_PUBLISHED' },
  { key: 'two_owners', title: ['Minstens twee beheerders', 'At least two owners'], guidance: ['Een hoofdbeheerder en een vervanger, zodat het account niet verweesd raakt.', 'A primary owner and a backup, so the account is never orphaned.'], required: true, mode: 'AUTOMATIC', check: 'TWO_OWNERS' },
  { key: 'owners_acknowledged', title: ['Beheerders onderschreven de richtlijnen', 'Owners acknowledged the guidelines'], guidance: ['Elke actieve beheerder onderschreef de vijf principes van de Handreiking Ambtenaar 2.0.', 'Every active owner acknowledged the five principles of the Handreiking Ambtenaar 2.0.'], required: true, mode: 'AUTOMATIC', check: 'OWNERS_ACKNOWLEDGED' },
  { key: 'archiving_arranged', title: ['Archivering geregeld', 'Archiving arranged'], guidance: ['Berichten worden gearchiveerd (Archiefwet).', 'Posts are archived (Archives Act).'], required: true, mode: 'AUTOMATIC', check: 'ARCHIVING_ARRANGED' },
  { key: 'webcare_escalation', title: ['Escalatieroute webcare naar het KCC', 'Web-care escalation route to the KCC'], guidance: ['Vragen en klachten gaan naar het KCC; de route is vastgelegd.', 'Questions and complaints go to the KCC; the route is recorded.'], required: true, mode: 'ATTESTATION', purposes: ['WEBCARE', 'INTERACT'] },
  { key: 'credentials_vault', title: ['Inloggegevens in de kluis, met 2FA', 'Credentials in the vault, with 2FA'], guidance: ['Wachtwoord in de kluis, tweestapsverificatie aan.', 'Password in the vault, two-factor authentication on.'], required: true, mode: 'ATTESTATION' },
];
