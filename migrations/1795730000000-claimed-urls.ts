import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claimed URLs: the domains, subdomains, pages and platform profile addresses the municipality holds (the
 * policy note's standpunt 2: a municipality-wide URL policy, "including pro-actively claiming domain names").
 *
 * `normalized` is the uniqueness key the domain library computes (normalizeClaimedUrl): hosts in ASCII
 * (punycode), lower case, without `www.`, port or trailing dot; `platform:handle` for profile addresses. It is
 * unique for ever, like an account's handle: a released domain stays in the register with its history, and
 * claiming it again means setting that record ACTIVE again, not a second row.
 *
 * Status, because nothing is ever deleted here (Archiefwet):
 *   ACTIVE    we hold it (the expiry watch and the checklist's "bio links to a claimed domain" count only these);
 *   LAPSED    the registration ran out without renewal (found out afterwards, or the registrar's grace period);
 *   RELEASED  we let it go on purpose (campaign over, handed to a partner).
 */
export class ClaimedUrls1795730000000 implements MigrationInterface {
  name = 'ClaimedUrls1795730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE claimed_url (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        value text NOT NULL CHECK (length(trim(value)) > 0 AND length(value) <= 2000),
        kind text NOT NULL CHECK (kind IN ('DOMAIN','SUBDOMAIN','URL','PLATFORM_VANITY')),
        normalized text NOT NULL CHECK (length(normalized) BETWEEN 1 AND 2000),
        host text NOT NULL CHECK (length(host) BETWEEN 1 AND 253 AND host = lower(host)),
        registrable_domain text NOT NULL CHECK (length(registrable_domain) BETWEEN 1 AND 253),
        -- Only a profile address names a platform and a handle, and it always does.
        platform_key text REFERENCES platform(key),
        handle text,
        org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        purpose text NOT NULL CHECK (purpose IN ('PRIMARY','CAMPAIGN','REDIRECT','DEFENSIVE')),
        registrar text,
        registered_at date,
        expires_at date,
        auto_renew boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','LAPSED','RELEASED')),
        notes text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'PLATFORM_VANITY') = (platform_key IS NOT NULL AND handle IS NOT NULL)),
        -- Host names are case-insensitive and stored lower case; a URL's path and some platforms' handles keep their case.
        CHECK (kind IN ('URL','PLATFORM_VANITY') OR normalized = lower(normalized)),
        CHECK (registered_at IS NULL OR expires_at IS NULL OR registered_at <= expires_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX claimed_url_normalized_uq ON claimed_url (normalized)`);
    await q.query(`CREATE INDEX claimed_url_org_unit_idx ON claimed_url (org_unit_id)`);
    // The expiry watch asks "which ACTIVE claims expire before day X" on every list of warnings.
    await q.query(`CREATE INDEX claimed_url_expiry_idx ON claimed_url (expires_at) WHERE status = 'ACTIVE' AND expires_at IS NOT NULL`);

    // Which accounts a claim belongs to (a campaign site and its accounts, a profile address and its account).
    await q.query(`
      CREATE TABLE claimed_url_account (
        claimed_url_id uuid NOT NULL REFERENCES claimed_url(id),
        account_id uuid NOT NULL REFERENCES social_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (claimed_url_id, account_id)
      )`);
    await q.query(`CREATE INDEX claimed_url_account_account_idx ON claimed_url_account (account_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claimed_url_account`);
    await q.query(`DROP TABLE claimed_url`);
  }
}
