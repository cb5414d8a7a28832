// The naming check's look-alike grew into the lookalike engine (impersonation-engine.ts); these are its
// original names, kept for the naming rules and every caller that already uses them.
export { damerauLevenshtein, foldHandle, handlesLookAlike, LOOKALIKE_MIN_LENGTH } from './impersonation-engine';
export type { LookalikeResult } from './impersonation-engine';
