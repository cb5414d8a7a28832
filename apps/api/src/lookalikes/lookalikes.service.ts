import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, findPlatform, handleSkeleton, handleVariants, normalizeHandle, profileUrl } from '@ggsm/domain';
import type { RequestContext } from '../auth/request-context';
import { notFound } from '../common/sorting';
import { ScopeService } from '../org-units/scope.service';
import { PlatformsService } from '../platforms/platforms.service';
import { DEFAULT_HANDLE_VARIANTS, DEFAULT_LOOKALIKE_MATCHES, type HandleLookalikesArgs, type LookalikesArgs } from './lookalike.args';
import type { HandleVariantModel, LookalikeMatchModel } from './lookalike.model';
import { ACCOUNT_SOURCE, searchLookalikes } from './lookalike-search';

const ACCOUNT = { nl: 'Account', en: 'Account' };

@Injectable()
export class LookalikesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly platforms: PlatformsService,
    private readonly scope: ScopeService,
  ) {}

  /** Our accounts `args.handle` passes for; an editor's search covers its own units' accounts only. */
  async search(ctx: RequestContext, args: LookalikesArgs): Promise<LookalikeMatchModel[]> {
    const platform = findPlatform(args.platform)?.key ?? args.platform.trim();
    await this.platforms.mustExist(this.db.manager, platform);
    if (!handleSkeleton(args.handle)) {
      const message = { nl: 'De handle heeft geen zichtbare tekens.', en: 'The handle has no visible characters.' };
      throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'handle', code: 'HANDLE_EMPTY', message }]);
    }
    const hits = await searchLookalikes(this.db, [ACCOUNT_SOURCE], {
      platform,
      handle: args.handle,
      limit: args.limit ?? DEFAULT_LOOKALIKE_MATCHES,
      crossPlatform: args.crossPlatform ?? false,
      unitIds: await this.scope.visibleUnitIds(ctx.user),
    });
    return hits.map(({ row, score, reasons }) => ({
      accountId: row.id,
      platform: row.platform,
      handle: row.handle,
      displayName: row.displayName,
      status: row.status as LookalikeMatchModel['status'],
      score,
      reasons: reasons.map((r) => ({ code: r.code, message: r.message.en, messageNl: r.message.nl })),
    }));
  }

  /** Variants of one of our handles valid on its platform; another unit's account is NOT_FOUND for an editor. */
  async variants(ctx: RequestContext, args: HandleLookalikesArgs): Promise<HandleVariantModel[]> {
    const [account]: { platform: string; handle: string; orgUnitId: string }[] = await this.db.query(
      'SELECT platform_key AS platform, handle, org_unit_id AS "orgUnitId" FROM social_account WHERE id = $1',
      [args.accountId],
    );
    if (!account || !(await this.scope.canSeeUnit(ctx.user, account.orgUnitId))) throw notFound(ACCOUNT);
    const variants = handleVariants(account.platform, account.handle, { limit: args.limit ?? DEFAULT_HANDLE_VARIANTS });
    const keys = variants.map((v) => normalizeHandle(account.platform, v.handle));
    // Handles legal decided are impersonators (a decision IMPERSONATION on a case keeps them per platform).
    const rows: { normalized_handle: string }[] = await this.db.query(
      'SELECT normalized_handle FROM known_impersonator WHERE platform_key = $1 AND normalized_handle = ANY($2)',
      [account.platform, keys],
    );
    const known = new Set(rows.map((r) => r.normalized_handle));
    return variants.map((v, i) => ({
      handle: v.handle,
      platform: account.platform,
      fuzzer: v.fuzzer,
      validOnPlatform: true,
      profileUrl: profileUrl(account.platform, v.handle),
      knownImpersonator: known.has(keys[i] as string),
    }));
  }
}
