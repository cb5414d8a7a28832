import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register's first cut: organisation tree, people, platform catalogue, accounts with their
 * owners, and logins. Nothing here cascades on delete: the Archiefwet wants records kept.
 */
export class InitialRegister1795690000000 implements MigrationInterface {
  name = 'InitialRegister1795690000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE org_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        short_code citext NOT NULL UNIQUE CHECK (length(trim(short_code)) > 0),
        kind text NOT NULL CHECK (kind IN ('MUNICIPALITY','SERVICE','DEPARTMENT','TEAM','SUBSIDIARY')),
        parent_id uuid REFERENCES org_unit(id),
        handle_prefix text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX org_unit_parent_idx ON org_unit (parent_id)`);

    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        email citext NOT NULL UNIQUE,
        job_title text,
        org_unit_id uuid REFERENCES org_unit(id),
        guidelines_acknowledged_at timestamptz,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE platform (
        key text PRIMARY KEY CHECK (key ~ '^[a-z0-9-]+$'),
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE','DEPRECATED','DEFUNCT')),
        profile_url_template text NOT NULL,
        sort_order int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The catalogue as of this migration; the handle rules per key live in the domain library.
    const platforms: [string, string, string, string][] = [
      ['x', 'X (Twitter)', 'ACTIVE', 'https://x.com/{handle}'],
      ['facebook', 'Facebook', 'ACTIVE', 'https://www.facebook.com/{handle}'],
      ['instagram', 'Instagram', 'ACTIVE', 'https://www.instagram.com/{handle}/'],
      ['linkedin', 'LinkedIn', 'ACTIVE', 'https://www.linkedin.com/company/{handle}/'],
      ['youtube', 'YouTube', 'ACTIVE', 'https://www.youtube.com/@{handle}'],
      ['tiktok', 'TikTok', 'ACTIVE', 'https://www.tiktok.com/@{handle}'],
      ['threads', 'Threads', 'ACTIVE', 'https://www.threads.com/@{handle}'],
      ['bluesky', 'Bluesky', 'ACTIVE', 'https://bsky.app/profile/{handle}'],
      ['mastodon', 'Mastodon', 'ACTIVE', 'https://{instance}/@{user}'],
      ['flickr', 'Flickr', 'ACTIVE', 'https://www.flickr.com/photos/{handle}/'],
      ['whatsapp', 'WhatsApp', 'ACTIVE', 'https://wa.me/{handle}'],
      ['hyves', 'Hyves', 'DEFUNCT', 'https://{handle}.hyves.nl/'],
      ['yammer', 'Yammer (Viva Engage)', 'DEPRECATED', 'https://www.yammer.com/{handle}/'],
    ];
    for (const [i, [key, name, status, template]] of platforms.entries()) {
      await q.query(
        `INSERT INTO platform (key, name, status, profile_url_template, sort_order) VALUES ($1, $2, $3, $4, $5)`,
        [key, name, status, template, (i + 1) * 10],
      );
    }

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text,
        sso_subject text UNIQUE,
        roles text[] NOT NULL DEFAULT '{}'
          CHECK (roles <@ ARRAY['ADMIN','COMMUNICATIONS','EDITOR','LEGAL','AUDITOR']::text[]),
        scope_unit_id uuid REFERENCES org_unit(id),
        person_id uuid REFERENCES person(id),
        active boolean NOT NULL DEFAULT true,
        token_version int NOT NULL DEFAULT 0,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE social_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform_key text NOT NULL REFERENCES platform(key),
        handle text NOT NULL CHECK (length(handle) > 0),
        normalized_handle text NOT NULL CHECK (length(normalized_handle) > 0),
        display_name text,
        profile_url text NOT NULL,
        org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        kind text NOT NULL CHECK (kind IN ('ORGANISATIONAL','PERSONAL_IN_FUNCTION','ADMINISTRATOR','CAMPAIGN','PROJECT','DEFENSIVE','INTERNAL')),
        purposes text[] NOT NULL DEFAULT '{}'
          CHECK (purposes <@ ARRAY['SEND','LISTEN','INTERACT','CRISIS','WEBCARE']::text[]),
        bio text,
        opening_hours text,
        response_time text,
        languages text[] NOT NULL DEFAULT '{}',
        auto_posting_source text,
        archiving_arrangement text,
        notes text,
        status text NOT NULL CHECK (status IN ('DRAFT','SUBMITTED','ACTIVE','SUSPENDED','REJECTED','ARCHIVED')),
        legacy boolean NOT NULL DEFAULT false,
        review_interval_months int NOT NULL DEFAULT 6 CHECK (review_interval_months BETWEEN 1 AND 60),
        last_reviewed_at timestamptz,
        next_review_at timestamptz,
        requested_by_id uuid REFERENCES app_user(id),
        requested_at timestamptz,
        approved_by_id uuid REFERENCES app_user(id),
        approved_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // An archived handle is still ours: uniqueness holds for every status, for ever.
    await q.query(`CREATE UNIQUE INDEX social_account_handle_uq ON social_account (platform_key, normalized_handle)`);
    await q.query(`CREATE INDEX social_account_org_unit_idx ON social_account (org_unit_id)`);
    await q.query(`CREATE INDEX social_account_status_idx ON social_account (status)`);

    await q.query(`
      CREATE TABLE account_owner (
        account_id uuid NOT NULL REFERENCES social_account(id),
        person_id uuid NOT NULL REFERENCES person(id),
        role text NOT NULL CHECK (role IN ('PRIMARY','BACKUP')),
        position int NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, person_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX account_owner_one_primary_uq ON account_owner (account_id) WHERE role = 'PRIMARY'`);
    await q.query(`CREATE INDEX account_owner_person_idx ON account_owner (person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_owner`);
    await q.query(`DROP TABLE social_account`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE platform`);
    await q.query(`DROP TABLE person`);
    await q.query(`DROP TABLE org_unit`);
  }
}
