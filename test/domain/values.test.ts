import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { describe as describeValue, GROUP_ID_PATTERN, isDeferred, isPlainObject, NAME_PATTERN } from "../../src/domain/values";

describe("describe: a value as a message shows it", () => {
  it.each<[string, unknown, string]>([
    ["null", null, "null"],
    ["nothing", undefined, "nothing"],
    ["a list", ["Admin"], "a list"],
    ["a string, quoted", "Admin", '"Admin"'],
    ["a string of 60 characters, in full", "a".repeat(60), JSON.stringify("a".repeat(60))],
    ["a longer string, by its length", "a".repeat(61), "a 61-character string"],
    ["an object", { role: "Admin" }, "an object"],
    ["an Output", pulumi.output("Admin"), "an Output"],
    ["a promise", Promise.resolve("Admin"), "an Output"],
    ["a number", 42, "number 42"],
    ["a boolean", true, "boolean true"],
  ])("%s", (_what, value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  it.each<[string, string, string]>([
    ["a Cyrillic look-alike", "Аdmin", '"Аdmin" (with non-ASCII character U+0410 at position 1)'],
    ["an invisible character", "Mem\u200bber", '"Mem\u200bber" (with non-ASCII character U+200B at position 4)'],
    ["a tab, with four hex digits", "a\tb", '"a\\tb" (with non-ASCII character U+0009 at position 2)'],
    ["a control character below the space", "\u001f", '"\\u001f" (with non-ASCII character U+001F at position 1)'],
    ["DEL, right after ~", "~\u007f", '"~\u007f" (with non-ASCII character U+007F at position 2)'],
    ["hex digits in upper case, the first odd character only", "é à", '"é à" (with non-ASCII character U+00E9 at position 1)'],
    [
      "a long string, by its length",
      `${"a".repeat(64)}é${"a".repeat(5)}`,
      "a 70-character string (with non-ASCII character U+00E9 at position 65)",
    ],
  ])("points at %s", (_what, value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  it("printable ASCII from the space to ~ is shown as is", () => {
    const printable = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join("");
    expect(describeValue(printable.slice(0, 50))).toBe(JSON.stringify(printable.slice(0, 50)));
    expect(describeValue(printable.slice(50))).toBe(JSON.stringify(printable.slice(50)));
  });
});

describe("isDeferred and isPlainObject", () => {
  it.each<[string, unknown, boolean, boolean]>([
    ["an Output", pulumi.output(1), true, false],
    ["plain data marked as an Output (as a stack file could spell it)", { __pulumiOutput: true }, false, true],
    ["plain data without a prototype, marked", Object.assign(Object.create(null) as object, { __pulumiOutput: true }), false, true],
    [
      "an instance marked as an Output",
      new (class Marked {
        readonly __pulumiOutput = true;
      })(),
      true,
      false,
    ],
    [
      "an instance with another mark",
      new (class Marked {
        readonly __pulumiOutput = "yes";
      })(),
      false,
      true,
    ],
    ["a promise", Promise.resolve(1), true, false],
    [
      "a thenable instance",
      new (class Thenable {
        then() {}
      })(),
      true,
      false,
    ],
    ["plain data with a then function", { then: () => 1 }, false, true],
    ["an object with a then that is not a function", { then: 1 }, false, true],
    ["a plain object", { groupId: "00g" }, false, true],
    ["a list", [], false, false],
    ["null", null, false, false],
    ["a string", "00g", false, false],
    ["a function with a then", Object.assign(() => 1, { then: () => 1 }), false, false],
  ])("%s: deferred %s, plain object %s", (_what, value, deferred, plain) => {
    expect(isDeferred(value)).toBe(deferred);
    expect(isPlainObject(value)).toBe(plain);
  });
});

describe("id and name shapes", () => {
  it.each([
    ["00g1b2c3d4e5f6g7h8i9", true],
    ["x00g1b2c3d4e5f6g7h8i9", false],
    ["00g1b2c3d4e5f6g7h8i9x", false],
    ["00g1b2c3d4e5f6g7h8i", false],
    ["00g1b2c3d4e5f6g7h8-9", false],
  ])("group id %j: %s", (id, ok) => {
    expect(GROUP_ID_PATTERN.test(id)).toBe(ok);
  });

  it.each([
    ["a", true],
    ["admins.eu_west-1", true],
    ["9lives", true],
    ["a".repeat(64), true],
    ["a".repeat(65), false],
    [".hidden", false],
    ["-x", false],
    ["the admins", false],
    ["admins/eu", false],
    ["", false],
  ])("name %j: %s", (name, ok) => {
    expect(NAME_PATTERN.test(name)).toBe(ok);
  });
});
