/**
 * Text from Okta or a stack file, made safe for a terminal. Anyone who can name a group, or in some orgs edit
 * their own profile, chooses characters that reach the admin's screen: ESC sequences recolour, clear or add
 * hyperlinks (OSC 8), CR and BS overwrite what was printed, bidi overrides (U+202E) reorder it. Such characters
 * are shown as escapes instead, so the admin sees that they are there.
 */

/**
 * Characters a terminal may act on or that change how text around them reads: controls (C0, DEL, C1: Unicode
 * Cc), formatting characters (Cf: bidi embeddings, overrides and isolates, zero-width and invisible characters,
 * the BOM), the line and paragraph separators (Zl, Zp) and lone surrogates (Cs).
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** The same, sparing the line feed: what a message or a report of ours may contain between lines. */
const UNSAFE_BUT_NEWLINE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function escape(char: string): string {
  const code = char.codePointAt(0)!;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\u{${code.toString(16)}}`;
}

/** One value shown as text on one line: every unsafe character, line feeds included, as a visible escape. */
export const visible = (text: string): string => text.replace(UNSAFE, escape);

/**
 * A whole text of ours (a report, an error message) before it is written to a terminal: line feeds stay, every
 * other unsafe character becomes an escape. The last guard for any value a message forgot to pass through
 * {@link visible}; such a value can still break a line, not act on the terminal.
 */
export const terminalSafe = (text: string): string => text.replace(UNSAFE_BUT_NEWLINE, escape);

/**
 * JSON text whose values keep their exact content while staying inert in a terminal: `JSON.stringify` escapes
 * C0 controls only, so C1 controls, bidi and other formatting characters are written as `\uXXXX` escapes
 * (a JSON parser reads back the same strings). Line feeds stay: `JSON.stringify` writes them only between
 * values (indented JSON), never inside a string.
 */
export const jsonSafe = (json: string): string =>
  json.replace(UNSAFE_BUT_NEWLINE, (char) =>
    char.length === 2
      ? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}\\u${char.charCodeAt(1).toString(16).padStart(4, "0")}`
      : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );

/** The widest a table cell is drawn; the full value stays in `--json` and `--csv`. */
export const MAX_CELL = 60;

/**
 * The longest a line of ours that carries such values is drawn (a finding, a check's title, note or hint, a
 * warning): our own sentences stay under 800 characters, so only a value of a thousand or more gets it cut.
 */
export const MAX_LINE = 2000;

/**
 * A table cell: the value made {@link visible}, then cut to `max` characters with an ellipsis, so a table grows
 * with its rows, not with its longest value. Characters are counted by code point, so an escape is never split
 * from a surrogate pair.
 */
export function cell(text: string, max = MAX_CELL): string {
  const shown = [...visible(text)];
  return shown.length <= max ? shown.join("") : `${shown.slice(0, max - 1).join("")}…`;
}
