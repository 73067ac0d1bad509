import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  MAX_CONFIG_VALUES,
  MAX_STACK_FILE_BYTES,
  readStackConfig,
  StackFileError,
  stackFilePath,
  stackNameProblem,
  stacksIn,
} from "../../src/stackConfig/stackFile";

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-stackfile-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const read = (text: string) => readStackConfig(path.join(dirWith({ "Pulumi.s.yaml": text }), "Pulumi.s.yaml"), "statsig-okta");

function readError(text: string): string {
  try {
    read(text);
  } catch (error) {
    expect(error).toBeInstanceOf(StackFileError);
    expect((error as Error).name).toBe("StackFileError");
    return (error as Error).message;
  }
  throw new Error("expected a StackFileError");
}

/** "Billion laughs": each level a list of 9 aliases of the one before, 12 levels (9^12 strings). */
function aliasBomb(levels = 12): string {
  const lines = ["config:", `  statsig-okta:a0: &a0 [${Array(9).fill('"lol"').join(", ")}]`];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `  statsig-okta:a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
}

describe("readStackConfig", () => {
  it("namespaces the project's keys, keeps strings, writes structured values as JSON and an empty value as empty", () => {
    expect(
      read(
        [
          "config:",
          "  appId: 0oa1",
          "  okta:orgName: acme",
          "  statsig-okta:roleGroups:",
          "    - {groupId: 00g1, role: Admin}",
          "  statsig-okta:protect: true",
          "  statsig-okta:userTypeId:",
        ].join("\n"),
      ),
    ).toEqual({
      config: {
        "statsig-okta:appId": "0oa1",
        "okta:orgName": "acme",
        "statsig-okta:roleGroups": '[{"groupId":"00g1","role":"Admin"}]',
        "statsig-okta:protect": "true",
        "statsig-okta:userTypeId": "",
      },
      secretKeys: [],
      environment: false,
    });
  });

  it("says when the file imports a Pulumi ESC environment", () => {
    expect(read("environment:\n  - acme/statsig\nconfig: {}\n").environment).toBe(true);
  });

  it("reads an empty file and a file without config as no config", () => {
    expect(read("")).toEqual({ config: {}, secretKeys: [], environment: false });
    expect(read("~\n")).toEqual({ config: {}, secretKeys: [], environment: false });
    expect(read("config:\n")).toEqual({ config: {}, secretKeys: [], environment: false });
    expect(read("encryptionsalt: v1:abc\n")).toEqual({ config: {}, secretKeys: [], environment: false });
  });

  it("lists encrypted values with their full path, wherever they are, and leaves their keys out", () => {
    const { config, secretKeys } = read(
      [
        "config:",
        "  okta:apiToken:",
        "    secure: AAABAtop",
        "  statsig-okta:appId: 0oa1",
        "  statsig-okta:roleGroups:",
        "    - groupId:",
        "        secure: AAABAone",
        "      role: Admin",
        "    - groupId: 00g2",
        "      role: {secure: AAABAtwo}",
        "    - {secure: AAABAthree}",
        "  statsig-okta:odd:",
        "    a.b: {secure: AAABAfour}",
        "    1x: {secure: AAABAfive}",
        "    _ok9: {secure: AAABAsix}",
      ].join("\n"),
    );
    expect(secretKeys).toEqual([
      "okta:apiToken",
      "statsig-okta:roleGroups[0].groupId",
      "statsig-okta:roleGroups[1].role",
      "statsig-okta:roleGroups[2]",
      'statsig-okta:odd["a.b"]',
      'statsig-okta:odd["1x"]',
      "statsig-okta:odd._ok9",
    ]);
    expect(config).toEqual({ "statsig-okta:appId": "0oa1" });
    expect(JSON.stringify(config)).not.toContain("AAABA");
  });

  it("refuses a YAML alias bomb by the number of values it stands for, before expanding it", () => {
    const message = readError(aliasBomb());
    expect(message).toMatch(/"config" stands for 3\d{12} values once its YAML aliases are expanded; at most 100000 are read/);
  });

  it("counts every use of an alias, and accepts what stays under the limit", () => {
    // 9^5 = 59,049 strings plus the lists: under the limit; one level more is not.
    expect(Object.keys(read(aliasBomb(4)).config)).toHaveLength(5);
    expect(readError(aliasBomb(5))).toMatch(/stands for \d+ values/);
    expect(9 ** 5).toBeLessThan(MAX_CONFIG_VALUES);
    expect(9 ** 6).toBeGreaterThan(MAX_CONFIG_VALUES);
  });

  it("reads up to the limit of values, not one more", () => {
    // The config map, the list, and its items.
    const list = (items: number) => `config:\n  statsig-okta:big: [${Array(items).fill("1").join(",")}]\n`;
    expect(Object.keys(read(list(MAX_CONFIG_VALUES - 2)).config)).toEqual(["statsig-okta:big"]);
    expect(readError(list(MAX_CONFIG_VALUES - 1))).toContain(`stands for ${MAX_CONFIG_VALUES + 1} values`);
  });

  it("refuses a value that contains itself", () => {
    expect(readError("config:\n  statsig-okta:loop: &loop [1, *loop]\n")).toContain("stands for more than 10^15 values");
  });

  it("reads a file of exactly the size limit", () => {
    const head = "config:\n  statsig-okta:appId: ";
    const exact = `${head}${"x".repeat(MAX_STACK_FILE_BYTES - head.length - 1)}\n`;
    expect(read(exact).config["statsig-okta:appId"]).toHaveLength(MAX_STACK_FILE_BYTES - head.length - 1);
  });

  it("refuses a file larger than the limit without parsing it", () => {
    const big = `config:\n  statsig-okta:appId: ${"x".repeat(MAX_STACK_FILE_BYTES)}\n`;
    expect(readError(big)).toMatch(
      new RegExp(`^/.*Pulumi\\.s\\.yaml is ${big.length} bytes; a stack file of more than ${MAX_STACK_FILE_BYTES} bytes is not read$`),
    );
  });

  it("says what is wrong with a file that is not a stack config", () => {
    expect(readError("config: [\n")).toMatch(/is not valid YAML: unexpected end of the stream/);
    expect(readError("config:\n  - a\n")).toMatch(/"config" must be a map of keys to values$/);
    expect(readError("config: 5\n")).toMatch(/"config" must be a map of keys to values$/);
    expect(readError("config: text\n")).toMatch(/"config" must be a map of keys to values$/);
  });

  it("lists the stacks that exist when the stack file does not", () => {
    // "a" sorts before "a-b", though its file name "Pulumi.a.yml" sorts after "Pulumi.a-b.yaml".
    const names = ["prod", "dev", "zeta", "alpha", "m1", "b-2", "qa", "a", "a-b"];
    const dir = dirWith({
      ...Object.fromEntries(names.map((name, i) => [`Pulumi.${name}.${i % 2 ? "yml" : "yaml"}`, ""])),
      "Pulumi.yaml": "name: x\n",
      "Pulumi.old.yaml.bak": "",
      "Old-Pulumi.z.yaml": "",
      "notes.txt": "",
    });
    expect(stacksIn(dir)).toEqual([...names].sort());
    expect(() => readStackConfig(stackFilePath(dir, "nosuch"), "p")).toThrow(
      `cannot read ${path.join(dir, "Pulumi.nosuch.yaml")}: ENOENT (no such file). Stacks in ${dir}: ${[...names].sort().join(", ")}`,
    );
    const empty = dirWith({});
    expect(() => readStackConfig(path.join(empty, "Pulumi.x.yaml"), "p")).toThrow(`${empty} has no Pulumi.<stack>.yaml files`);
    expect(stacksIn(path.join(empty, "missing"))).toEqual([]);
    expect(() => readStackConfig(empty, "p")).toThrow(`cannot read ${empty}: EISDIR`);
  });
});

describe("stack names", () => {
  it.each(["prod", "dev-2", "my_stack", "a.b", "A".repeat(100)])("accepts %s", (name) => {
    expect(stackNameProblem(name)).toBeUndefined();
    expect(stackFilePath("/p", name)).toBe(path.join("/p", `Pulumi.${name}.yaml`));
  });

  it.each([
    ["", "--stack is empty"],
    ["  ", "--stack is empty"],
    ["../prod", '--stack "../prod" is not a stack name'],
    ["org/prod", '--stack "org/prod" is not a stack name'],
    ["A".repeat(101), "is not a stack name"],
  ])("refuses %j", (name, message) => {
    expect(stackNameProblem(name)).toContain(message);
    expect(stackNameProblem(name)).toContain(
      'give a stack name (letters, digits, "-", "_" or "."), e.g. --stack prod for Pulumi.prod.yaml',
    );
    expect(() => stackFilePath("/p", name)).toThrow(StackFileError);
  });
});

describe("statsig-okta plan with a hostile stack file (built CLI)", () => {
  it("refuses the billion-laughs document with exit 2 and one line, no crash", () => {
    const dir = dirWith({ "Pulumi.bomb.yaml": aliasBomb() });
    const child = spawnSync(process.execPath, [path.resolve("dist/cli.js"), "plan", "--stack", "bomb", "--json"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(
      /^statsig-okta plan: .*Pulumi\.bomb\.yaml: "config" stands for \d+ values once its YAML aliases are expanded; .*\n$/,
    );
    expect(JSON.parse(child.stdout)).toMatchObject({ result: "error", command: "plan", exitCode: 2 });
  });

  it("refuses the same document as Pulumi.yaml's project config, before expanding it", () => {
    const dir = dirWith({
      "Pulumi.yaml": `name: statsig-okta\nruntime: nodejs\n${aliasBomb()}`,
      "Pulumi.dev.yaml": "config:\n  statsig-okta:appId: 0oa1b2c3d4e5f6g7h8i9\n",
    });
    const child = spawnSync(process.execPath, [path.resolve("dist/cli.js"), "plan", "--stack", "dev"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(
      /^statsig-okta plan: .*Pulumi\.yaml: "config" stands for \d+ values once its YAML aliases are expanded; .*\n$/,
    );
  });
});
