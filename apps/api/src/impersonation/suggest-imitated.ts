import { handleSkeleton, rankLookalikes } from '@ggsm/domain';

export interface ImitationCandidate {
  id: string;
  platform: string;
  handle: string;
}

/**
 * The official account a suspect most likely imitates, or null: the best lookalike on the same platform,
 * else the best on another platform (fakers copy the X handle onto Instagram).
 */
export function suggestImitated(suspect: { platform: string; handle: string }, candidates: readonly ImitationCandidate[]): string | null {
  const [same] = rankLookalikes(suspect, candidates, { limit: 1 });
  if (same) return same.id;
  const [other] = rankLookalikes(suspect, candidates, { limit: 1, crossPlatform: true });
  return other?.id ?? null;
}

/** The form known impersonators are matched on later (a relaunch with another separator or digit). */
export function handleSkeletonOf(handle: string): string {
  return handleSkeleton(handle);
}
