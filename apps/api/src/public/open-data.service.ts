import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context';
import { PublicAnswerCache } from './public-answer-cache';
import { PublicReadPool } from './public-read-pool';
import { PUBLIC_PER_PAGE } from './public.args';
import { RegisterChanges } from './register-changes';
import { PUBLIC_ACCOUNT_COLUMNS, PUBLIC_ACCOUNT_FROM, type PublicAccountRow, toPublicAccount } from './verification.service';
import type { PublicAccountListModel, PublicAccountModel } from './verification.model';

// (platform, normalised handle) is unique: a stable order for paging.
const PAGE = `SELECT ${PUBLIC_ACCOUNT_COLUMNS} FROM ${PUBLIC_ACCOUNT_FROM} WHERE a.status = 'ACTIVE' ORDER BY a.platform_key, a.normalized_handle LIMIT $1 OFFSET $2`;
const COUNT = `SELECT count(*)::int AS n FROM social_account a WHERE a.status = 'ACTIVE'`;
const ALL = `SELECT ${PUBLIC_ACCOUNT_COLUMNS} FROM ${PUBLIC_ACCOUNT_FROM} WHERE a.status = 'ACTIVE' ORDER BY pf.sort_order, a.platform_key, a.normalized_handle`;

/** The active official accounts as open data (JSON, CSV, GraphQL publicAccounts) and as rel="me" links. */
@Injectable()
export class OpenDataService {
  /** Pages and the full list, until the register changes (see PublicAnswerCache). */
  private readonly pages: PublicAnswerCache<PublicAccountListModel>;
  private readonly everything: PublicAnswerCache<{ accounts: PublicAccountModel[] }>;

  constructor(
    private readonly db: PublicReadPool,
    changes: RegisterChanges,
  ) {
    // Bounded by the accounts they hold: any mix of page numbers and sizes stays within some tens of MB.
    this.pages = new PublicAnswerCache(changes, { max: 1000, maxSize: 50_000, sizeOf: (p) => p.items.length });
    this.everything = new PublicAnswerCache(changes, { max: 1 });
  }

  /** One page, from 1; perPage is capped by the arguments' validation (PUBLIC_PER_PAGE.max). */
  page(_ctx: RequestContext, page = 1, perPage: number = PUBLIC_PER_PAGE.default): Promise<PublicAccountListModel> {
    const size = Math.min(Math.max(1, perPage), PUBLIC_PER_PAGE.max);
    return this.pages.get(`${page}/${size}`, () => this.readPage(page, size));
  }

  /** Every active account (hundreds at most): for the rel="me" links the municipal website embeds. */
  async all(_ctx: RequestContext): Promise<PublicAccountModel[]> {
    return (await this.everything.get('all', async () => ({ accounts: ((await this.db.query(ALL)) as PublicAccountRow[]).map(toPublicAccount) }))).accounts;
  }

  private async readPage(page: number, size: number): Promise<PublicAccountListModel> {
    const [rows, [count]] = await Promise.all([
      this.db.query(PAGE, [size, (page - 1) * size]) as Promise<PublicAccountRow[]>,
      this.db.query(COUNT) as Promise<{ n: number }[]>,
    ]);
    const total = count?.n ?? 0;
    return { items: rows.map(toPublicAccount), total, page, perPage: size, hasNextPage: page * size < total };
  }
}
