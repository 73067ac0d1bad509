import { describe, expect, it } from "vitest";
import { cell, jsonSafe, MAX_CELL, terminalSafe, visible } from "../../src/cli/terminal";

/** Every character a hostile value may carry to act on a terminal, with how the admin sees it. */
const HOSTILE: [string, string][] = [
  ["\x1b[2J", "\\x1b[2J"], // clear screen
  ["\x1b]8;;https://evil.example\x07link\x1b]8;;\x07", "\\x1b]8;;https://evil.example\\x07link\\x1b]8;;\\x07"], // OSC 8 hyperlink
  ["\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"],
  ["Admin\rOwner", "Admin\\x0dOwner"],
  ["Owner\b\b\b\b\bMember", "Owner\\x08\\x08\\x08\\x08\\x08Member"],
  ["a\0b", "a\\x00b"],
  ["bell\x07", "bell\\x07"],
  ["del\x7f", "del\\x7f"],
  ["\u009b31m", "\\x9b31m"], // C1 CSI
  ["\u0085", "\\x85"], // C1 next line
  ["abc\u202Egpj.exe", "abc\\u202egpj.exe"], // right-to-left override
  ["\u2066x\u2069", "\\u2066x\\u2069"], // isolates
  ["zero\u200Bwidth", "zero\\u200bwidth"],
  ["\uFEFFbom", "\\ufeffbom"],
  ["line\u2028sep", "line\\u2028sep"],
  ["tag\u{E0041}", "tag\\u{e0041}"],
  ["lone\uD800", "lone\\ud800"],
  ["two\nlines\ttab", "two\\x0alines\\x09tab"],
];

describe("visible", () => {
  it.each(HOSTILE)("shows %j as %s", (raw, shown) => {
    expect(visible(raw)).toBe(shown);
  });

  it("leaves printable text of any script alone", () => {
    const text = "Zoë Ångström 山田 Ελένη Ø ñ 🙂 émoji — “quotes” \\x1b (typed)";
    expect(visible(text)).toBe(text);
  });
});

describe("terminalSafe", () => {
  it("keeps line feeds of our own text and escapes every other unsafe character", () => {
    expect(terminalSafe('group "\x1b[2Jx"\nnext line\r\u202E')).toBe('group "\\x1b[2Jx"\nnext line\\x0d\\u202e');
  });
});

describe("jsonSafe", () => {
  it("writes C1, bidi and invisible characters as \\u escapes that parse back to the exact value", () => {
    const value = { login: "a\u202Eb\u009b\u200B\u2028\u{E0041}\x1b", group: "plain" };
    const json = jsonSafe(JSON.stringify(value));
    expect(json).toBe('{"login":"a\\u202eb\\u009b\\u200b\\u2028\\udb40\\udc41\\u001b","group":"plain"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("cell", () => {
  it("keeps a short value whole", () => {
    expect(cell("alice@example.com")).toBe("alice@example.com");
  });

  it(`cuts a long value to ${MAX_CELL} characters, the last an ellipsis`, () => {
    const shown = cell("x".repeat(1_000_000));
    expect([...shown]).toHaveLength(MAX_CELL);
    expect(shown.endsWith("x…")).toBe(true);
    expect(cell("abcdef", 6)).toBe("abcdef");
    expect(cell("abcdefg", 6)).toBe("abcde…");
  });

  it("counts escapes as shown and never splits a surrogate pair", () => {
    expect(cell("\x1b\x1b\x1b", 8)).toBe("\\x1b\\x1…");
    expect(cell("🙂🙂🙂", 2)).toBe("🙂…");
  });
});
