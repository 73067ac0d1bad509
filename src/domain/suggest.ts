/**
 * The edit distance between two words (Damerau-Levenshtein, optimal string alignment): insertions,
 * deletions, substitutions and swaps of neighbours each count 1. Case counts too; {@link closest} ignores it.
 */
export function editDistance(a: string, b: string): number {
  // d[i][j]: distance between the first i letters of a and the first j of b. Row 0 and column 0 start as
  // the distance to an empty prefix (i + j there); the loop overwrites every other cell.
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate a mistyped word most likely meant, ignoring case: the nearest by {@link editDistance}, if it
 * is within a third of the word's length (at least 1), so short unrelated words suggest nothing. Ties go to
 * the earlier candidate.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** The candidates nearest to `word` first, by {@link editDistance} ignoring case; ties keep their order. */
export function ranked(word: string, candidates: readonly string[]): string[] {
  const distance = new Map(candidates.map((candidate) => [candidate, editDistance(word.toLowerCase(), candidate.toLowerCase())]));
  return [...candidates].sort((a, b) => distance.get(a)! - distance.get(b)!);
}

// Case, spaces, "-" and "_" do not tell Statsig's role names apart: "read only", "READ_ONLY" and "readonly"
// all mean Read-Only, and "ad-min" means Admin.
const fold = (value: string) => value.toLowerCase().replace(/[\s_-]+/g, "");

/**
 * The one spelling rule for role names (org, project and team roles): the allowed name that `value` matches
 * once case, spaces, "-" and "_" are ignored. Unlike {@link closest} it never guesses another word, so a
 * custom project role such as "Admins" is not taken for a misspelled built-in one.
 */
export function spelledAs<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  if (typeof value !== "string") return undefined;
  const folded = fold(value);
  return allowed.find((name) => fold(name) === folded);
}

/** ` Statsig spells it "Admin".` for a role name that {@link spelledAs} recognizes, else nothing. */
export function spellingHint(allowed: readonly string[], value: unknown): string {
  const spelled = spelledAs(allowed, value);
  return spelled !== undefined ? ` Statsig spells it "${spelled}".` : "";
}
