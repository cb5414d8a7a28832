/**
 * A deterministic generator for the benchmarks, so two runs measure the same register: mulberry32, in
 * 32-bit integer arithmetic (Math.imul), so the sequence does not collapse as float products would.
 */
export function seededRandom(start: number): { random: () => number; pick: <T>(items: readonly T[]) => T } {
  let seed = start;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { random, pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T };
}
