/**
 * How the component's input reports what is wrong with it: one collector of problems (each with the path a
 * user writes) and warnings, and the one rule behind every "must be unique". Pure: no Pulumi runtime.
 */
import type { z } from "zod";

/** Where a value is in the input: `["projectRoles", 2, "role"]`, shown as `projectRoles[2].role`. */
export type Path = (string | number)[];

/** One problem with the input: where it is and what to do about it. */
export interface ArgsIssue {
  path: Path;
  message: string;
}

/** `roleGroups[1].role` style paths, as a user writes them. */
export function formatPath(path: Path): string {
  if (path.length === 0) return "(args)";
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}

/** Collects every problem (refused) and warning (allowed, but a human should look) in the order found. */
export class Issues {
  readonly errors: ArgsIssue[] = [];
  readonly warnings: string[] = [];

  error(path: Path, message: string): void {
    this.errors.push({ path, message });
  }

  /** A warning starts with where it is: `projectRoles[0] gives the project role Owner: …`. */
  warn(path: Path, message: string): void {
    this.warnings.push(`${formatPath(path)} ${message}`);
  }

  /**
   * Parses `input`, found at `at`, with a schema whose every message is written for a user, and records its
   * problems. The parsed value when there are none.
   */
  parse<S extends z.ZodType>(schema: S, input: unknown, at: Path = []): z.output<S> | undefined {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      this.error([...at, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))], issue.message);
    }
    return undefined;
  }
}

/** One entry whose key an earlier entry already has. */
export interface Duplicate<K> {
  key: K;
  /** The position of the entry. */
  index: number;
  /** The position of the first entry with that key. */
  first: number;
}

/**
 * The one rule behind every "must be unique": each entry whose key was already seen, with the position of the
 * first entry that had it. An undefined key (an entry too broken to have one, or an Output) is never a
 * duplicate.
 */
export function duplicates<K>(keys: readonly (K | undefined)[]): Duplicate<K>[] {
  const first = new Map<K, number>();
  const found: Duplicate<K>[] = [];
  keys.forEach((key, index) => {
    if (key === undefined) return;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else found.push({ key, index, first: seen });
  });
  return found;
}
