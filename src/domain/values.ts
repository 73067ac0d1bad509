/**
 * Pure helpers for input messages and Okta id shapes, with no Pulumi import, shared by the validation of
 * org roles and of project roles.
 */

/** Okta group ids: `00g` and 17 letters or digits (groups imported from an app have the same shape). */
export const GROUP_ID_PATTERN = /^00g[A-Za-z0-9]{17}$/;
/** Safe inside a Pulumi resource name and URN: role group names and the component's name from config. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const NAME_RULE = '1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit';

/**
 * True for a value known only later: a Pulumi Output (which carries `__pulumiOutput: true`) or a promise.
 * Duck-typed so that this module does not load the Pulumi SDK. Both are class instances: plain data (what a
 * stack config's YAML or JSON gives, with `Object.prototype` or none) is never deferred, even with the mark,
 * or `{"__pulumiOutput": true}` in a stack file would pass validation as an Output and fail at deploy.
 */
export function isDeferred(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return false;
  const candidate = value as { __pulumiOutput?: unknown; then?: unknown };
  return candidate.__pulumiOutput === true || typeof candidate.then === "function";
}

/** A plain object (not a list, an Output or a promise): what an entry of the input must be. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isDeferred(value);
}

/** A value as a message shows it; points at the first look-alike or invisible character of a string. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") {
    const shown = value.length > 60 ? `a ${value.length}-character string` : JSON.stringify(value);
    const odd = /[^\x20-\x7e]/.exec(value);
    return odd
      ? `${shown} (with non-ASCII character U+${odd[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} at position ${odd.index + 1})`
      : shown;
  }
  if (typeof value === "object") return isDeferred(value) ? "an Output" : "an object";
  return `${typeof value} ${String(value)}`;
}
