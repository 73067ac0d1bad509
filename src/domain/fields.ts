/**
 * The typed zod pieces the component's input is made of, shared by its own inputs and by both kinds of entry
 * (role groups and project roles). Every message is written for a user: what was given, and what is allowed.
 */
import type { Input } from "@pulumi/pulumi";
import { z } from "zod";
import { duplicates, type Issues, type Path } from "./issues";
import { describe, isDeferred, isPlainObject, NAME_PATTERN, NAME_RULE } from "./values";

/** The message for a missing key (`is required: …`), or `otherwise` for a wrong value. */
export const requiredOr = (input: unknown, required: string, otherwise: string) =>
  input === undefined ? `is required: ${required}` : otherwise;

export const GROUP_ID_EXAMPLE = '"00g" and 17 letters or digits, e.g. "00g1b2c3d4e5f6g7h8i9"';

/**
 * An Okta id: a plain string checked now, or an Output/promise checked by Okta at deploy. `required` says
 * what a missing one should be (default: `what` and `example`).
 */
export function idInput(pattern: RegExp, what: string, example: string, required = `${what}, ${example}`) {
  return z
    .custom<Input<string>>((value) => typeof value === "string" || isDeferred(value), {
      error: (issue) => requiredOr(issue.input, required, `expected a string or an Output<string>, got ${describe(issue.input)}`),
    })
    .check(
      z.refine((value) => typeof value !== "string" || pattern.test(value), {
        error: (issue) => `${describe(issue.input)} is not ${what}: expected ${example}`,
      }),
    );
}

/** A plain string matching `pattern`; `problem` says what a bad value is not. */
export function plainPattern(pattern: RegExp, problem: string) {
  // A check without a message of its own reports with the string's: one message for both.
  return z.string({ error: (issue) => `${describe(issue.input)} ${problem}` }).regex(pattern);
}

/** The `name` of an entry: it names the entry's child resource, so it must be safe in a resource name. */
export const entryName = plainPattern(NAME_PATTERN, `is not a valid name: ${NAME_RULE}`);

/**
 * A strict object of `shape`: an unknown key is named with the allowed ones, anything that is not a plain
 * object (an Output included) is "expected `expected`".
 */
export function entryObject<S extends z.ZodRawShape>(shape: S, expected: string) {
  const notAnObject = (input: unknown) => `expected ${expected}, got ${describe(input)}`;
  const allowed = Object.keys(shape).join(", ");
  return z
    .custom<unknown>((value) => !isDeferred(value), { error: (issue) => notAnObject(issue.input) })
    .pipe(
      z.strictObject(shape, {
        error: (issue) =>
          issue.code === "unrecognized_keys"
            ? `unknown input${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")} (allowed: ${allowed})`
            : notAnObject(issue.input),
      }),
    );
}

/**
 * A rule over several fields of an entry, reporting at `report(field, message)`. It runs even when a field is
 * wrong, so that every problem of an entry is reported, and so reads the entry as the raw input it may be.
 */
export function acrossFields(rule: (entry: Record<string, unknown>, report: (field: string, message: string) => void) => void) {
  return z.superRefine<unknown>(
    (entry, ctx) => {
      if (isPlainObject(entry)) rule(entry, (field, message) => ctx.addIssue({ code: "custom", path: [field], message }));
    },
    { when: () => true },
  );
}

/** `name` is what keys an entry whose group id is an Output; `what` is the child it names. */
export const nameForOutputId = (what: string) =>
  acrossFields((entry, report) => {
    if (isDeferred(entry.groupId) && entry.name === undefined) {
      report("name", `is required when groupId is an Output: it names the ${what} so it survives reordering`);
    }
  });

/**
 * What names an entry's child resource, read from raw input: its plain group id (even when a name is given:
 * the name matters only for an id not known yet), or else its name.
 */
export function entryKey(entry: unknown): { key: string; byId: boolean } | undefined {
  if (!isPlainObject(entry)) return undefined;
  if (typeof entry.groupId === "string") return { key: entry.groupId, byId: true };
  return typeof entry.name === "string" ? { key: entry.name, byId: false } : undefined;
}

/**
 * Entries of the list at `at` with the key of an earlier one: the same group (reported at its groupId, with
 * `sameGroup`'s reason) or the same name.
 */
export function checkUniqueKeys(list: unknown[], at: string, issues: Issues, sameGroup: (group: string, first: string) => string) {
  for (const { key, index, first } of duplicates(list.map((entry) => entryKey(entry)?.key))) {
    const where: Path = [at, index];
    if (entryKey(list[index])?.byId) issues.error([...where, "groupId"], sameGroup(key, `${at}[${first}]`));
    else issues.error([...where, "name"], `${JSON.stringify(key)} is already used by ${at}[${first}]: names must be unique`);
  }
}
