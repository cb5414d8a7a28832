import type { LocalizedText } from '@ggsm/domain';
import { ACCOUNT_SOURCE, type SqlRunner, searchLookalikes } from '../lookalikes/lookalike-search';

export interface PublicLookalikeMatch {
  id: string;
  reasons: { code: string; nl: string; en: string }[];
}

/** At most this many "looks like" hints: more would drown the one that matters. */
export const MAX_PUBLIC_LOOKALIKES = 3;
/** Ranked before keeping only ACTIVE accounts (the search ranks every status: an archived handle is still ours). */
const RANKED = 20;

const OTHER_PLATFORM: LocalizedText = { nl: 'op een ander platform', en: 'on another platform' };

/**
 * The ACTIVE official accounts the asked handle looks like, on any platform (a faker on Instagram
 * imitates the X account as well), best first, with the reasons a reader would see: the lookalike
 * engine's search (trigram candidates from the index, ranked by rankLookalikes).
 */
export async function publicLookalikes(db: SqlRunner, suspect: { platform: string; handle: string }): Promise<PublicLookalikeMatch[]> {
  const hits = await searchLookalikes(db, [ACCOUNT_SOURCE], { platform: suspect.platform, handle: suspect.handle, limit: RANKED, crossPlatform: true, unitIds: null });
  return hits
    .filter((h) => h.row.status === 'ACTIVE')
    .slice(0, MAX_PUBLIC_LOOKALIKES)
    .map((h) => ({
      id: h.row.id,
      reasons: [
        ...h.reasons.map((r) => ({ code: r.code as string, ...r.message })),
        ...(h.row.platform === suspect.platform ? [] : [{ code: 'OTHER_PLATFORM', ...OTHER_PLATFORM }]),
      ],
    }));
}
