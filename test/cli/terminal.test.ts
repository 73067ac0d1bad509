import { describe, expect, it } from "vitest";
import { guardedIo, outputMode, type CliIo } from "../../src/cli/io";
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

  it("keeps indented JSON valid: its line feeds are whitespace between values", () => {
    const value = { users: [{ login: "a\u202Eb\n\u0085" }] };
    const json = jsonSafe(JSON.stringify(value, null, 2));
    expect(json).toContain('\n    {\n      "login": "a\\u202eb\\n\\u0085"');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("outputMode", () => {
  it("reads --json and --csv before a --, --json first", () => {
    expect(outputMode(["--stack", "prod"])).toBe("text");
    expect(outputMode(["--csv"])).toBe("csv");
    expect(outputMode(["--csv", "--json"])).toBe("json");
    expect(outputMode(["--bogus", "--json"])).toBe("json");
    expect(outputMode(["--", "--json", "--csv"])).toBe("text");
  });
});

describe("guardedIo", () => {
  const HOSTILE_TEXT = "line one\n\x1b[2J\u202Eevil\r\u0085";

  function written(mode: "text" | "json" | "csv", stdoutText: string) {
    const out = { stdout: "", stderr: "" };
    const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), env: {}, cwd: "/" };
    const guarded = guardedIo(io, mode);
    guarded.stdout(stdoutText);
    guarded.stderr(HOSTILE_TEXT);
    return out;
  }

  it("shows every unsafe character on stderr as an escape, in every mode, keeping our line feeds", () => {
    for (const mode of ["text", "json", "csv"] as const) {
      expect(written(mode, "").stderr).toBe("line one\n\\x1b[2J\\u202eevil\\x0d\\x85");
    }
  });

  it("guards text on stdout the same way, keeps JSON's values exact, and CSV as it is", () => {
    expect(written("text", HOSTILE_TEXT).stdout).toBe("line one\n\\x1b[2J\\u202eevil\\x0d\\x85");
    const json = written("json", `${JSON.stringify({ value: HOSTILE_TEXT }, null, 2)}\n`).stdout;
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u0080-\u009f\u202e]/);
    expect(JSON.parse(json)).toEqual({ value: HOSTILE_TEXT });
    expect(written("csv", `"${HOSTILE_TEXT}"\r\n`).stdout).toBe(`"${HOSTILE_TEXT}"\r\n`);
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
