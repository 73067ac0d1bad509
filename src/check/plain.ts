import { isDeferred } from "../values";
import { CheckError } from "./errors";

/** A value `check` needs as a plain string: an id known only at deploy (an Output) cannot be compared. */
export function plain(value: unknown, what: string): string {
  if (typeof value !== "string" || isDeferred(value)) throw new CheckError(`${what} must be a plain string to check a live org`);
  return value;
}
