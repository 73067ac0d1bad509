import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli";
import { CliError, ConfigError, describeParseError, handleError, packageVersion, UsageError, wantsJson } from "../src/cli/errors";
import { OktaError } from "../src/okta/errors";

async function run(argv: string[], cwd = process.cwd()) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd });
  return { code, stdout, stderr };
}

function stackDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The one error shape of every failure under --json, carrying the stderr text. */
function expectJsonError(result: { code: number; stdout: string; stderr: string }, command: string | undefined, exitCode: number) {
  expect(result.code).toBe(exitCode);
  const prefix = command === undefined ? "statsig-okta: " : `statsig-okta ${command}: `;
  const message = result.stderr.split("\n\nUsage:")[0]!.replace(prefix, "").trimEnd();
  expect(JSON.parse(result.stdout)).toEqual({ result: "error", ...(command ? { command } : {}), exitCode, message });
}

describe("statsig-okta", () => {
  it("--version prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    const built = spawnSync(process.execPath, [path.resolve("dist/cli.js"), "--version"], { encoding: "utf8" });
    expect(built.stdout).toBe(`${version}\n`);
  });

  it("an unknown command names the commands, as JSON too", async () => {
    const result = await run(["nosuch", "--json"]);
    expect(result.stderr).toContain('statsig-okta: unknown command "nosuch": the commands are plan, check, roles, diff\n\nUsage:');
    expectJsonError(result, undefined, 2);
    expect((await run(["nosuch"])).stdout).toBe("");
  });

  it("shows a command name's control characters as escapes on stderr, and keeps them exact in the JSON error", async () => {
    const name = "\x1b[2J\u202Eplan\u0085";
    const result = await run([name, "--json"]);
    expect(result.stderr).toContain('statsig-okta: unknown command "\\x1b[2J\\u202eplan\\x85": the commands are');
    expect(result.stderr + result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect((JSON.parse(result.stdout) as { message: string }).message).toBe(
      `unknown command "${name}": the commands are plan, check, roles, diff`,
    );
  });

  it("takes no name of an object's built-in properties for a command", async () => {
    for (const name of ["toString", "constructor", "__proto__"]) {
      const result = await run([name]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`statsig-okta: unknown command "${name}": the commands are plan, check, roles, diff`);
    }
  });

  it("without a command prints the usage, exit 2", async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: statsig-okta <command>/);
  });
});

describe("flags that do not go together", () => {
  it.each(["plan", "check", "roles"])("%s says so with the pointer to its --help, exit 2", async (command) => {
    const { code, stderr } = await run([command, "--stack", "a", "--config", "b.yaml"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `statsig-okta ${command}: give --stack or --config, not both. Run \`statsig-okta ${command} --help\` for the options.\n`,
    );
  });
});

describe("statsig-okta plan failures", () => {
  it.each([
    [["--stak", "prod"], "unknown option --stak; did you mean --stack? Run `statsig-okta plan --help` for the options."],
    [
      ["--bogus"],
      "unknown option --bogus; options: --stack, --config, --key, --name, --json, --help. Run `statsig-okta plan --help` for the options.",
    ],
    [["--stack"], "--stack needs a value. Run `statsig-okta plan --help` for the options."],
    [["--json=yes"], "Option '--json' does not take an argument. Run"],
    [["extra"], "Unexpected argument 'extra': this command takes only options. Run `statsig-okta plan --help` for the options."],
    [
      ["--stack", ""],
      '--stack is empty: give a stack name (letters, digits, "-", "_" or "."), e.g. --stack prod for Pulumi.prod.yaml. Run',
    ],
    [["--stack", "a", "--config", "b.yaml"], "give --stack or --config, not both. Run"],
  ])("%j: one line on stderr, exit 2; the same as a JSON error", async (args, message) => {
    const text = await run(["plan", ...args]);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe("");
    expect(text.stderr.startsWith(`statsig-okta plan: ${message}`)).toBe(true);
    const json = await run(["plan", ...args, "--json"]);
    expectJsonError(json, "plan", 2);
    expect(json.stderr).toBe(text.stderr);
  });

  it("--stack nosuch lists the stacks in the directory", async () => {
    const dir = stackDir({ "Pulumi.prod.yaml": "config: {}\n", "Pulumi.staging.yaml": "config: {}\n" });
    const result = await run(["plan", "--stack", "nosuch", "--json"], dir);
    expect(result.stderr).toBe(
      `statsig-okta plan: cannot read ${path.join(dir, "Pulumi.nosuch.yaml")}: ENOENT (no such file). Stacks in ${dir}: prod, staging\n`,
    );
    expectJsonError(result, "plan", 2);
  });

  it("an invalid config and an encrypted key under --json: the error object with exit 1 and 2 (built CLI)", () => {
    const dir = stackDir({
      "Pulumi.bad.yaml": "config:\n  statsig-okta:appId:\n  statsig-okta:roleGroup: []\n",
      "Pulumi.prod.yaml": "config:\n  statsig-okta:appId: 0oa1b2c3d4e5f6g7h8i9\n  statsig-okta:roleGroup: []\n",
      "Pulumi.secret.yaml":
        "config:\n  statsig-okta:appId: 0oa1b2c3d4e5f6g7h8i9\n  statsig-okta:roleGroups:\n    - groupId: {secure: AAABAxyz}\n      role: Admin\n",
    });
    const cli = (stack: string) => {
      const child = spawnSync(process.execPath, [path.resolve("dist/cli.js"), "plan", "--stack", stack, "--json"], {
        cwd: dir,
        encoding: "utf8",
      });
      return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
    };
    const bad = cli("bad");
    expectJsonError(bad, "plan", 1);
    expect(JSON.parse(bad.stdout).message).toBe(
      [
        "Pulumi.bad.yaml: The stack config has 2 invalid inputs:",
        "  - statsig-okta:roleGroup: unknown config key; did you mean statsig-okta:roleGroups?",
        '  - statsig-okta:appId: is empty but required: an Okta app id, "0oa" and 17 letters or digits, e.g. "0oa1b2c3d4e5f6g7h8i9"; set it in the stack file or with `pulumi config set statsig-okta:appId <value>`',
      ].join("\n"),
    );
    // docs/cli.md's example of the error object is this output.
    const documented = readFileSync("docs/cli.md", "utf8")
      .split("\n## Errors as JSON, version\n")[1]!
      .split("```json\n")[1]!
      .split("\n```")[0]!;
    expect(cli("prod").stdout).toBe(`${documented}\n`);
    const secret = cli("secret");
    expectJsonError(secret, "plan", 2);
    expect(JSON.parse(secret.stdout).message).toMatch(
      /^statsig-okta:roleGroups\[0\]\.groupId is encrypted in Pulumi\.secret\.yaml; this works offline and cannot decrypt/,
    );
    expect(secret.stdout + secret.stderr).not.toContain("AAABAxyz");
  });
});

describe("the one error handler", () => {
  /** What handleError prints and returns for `error`, with and without --json. */
  function handled(error: unknown, context: { command?: string; invalidConfigExit?: number } = {}) {
    const out = (json: boolean) => {
      let stdout = "";
      let stderr = "";
      const code = handleError({ stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, error, { ...context, json });
      return { code, stdout, stderr };
    };
    const text = out(false);
    expect(text.stdout).toBe("");
    const json = out(true);
    expect(json.code).toBe(text.code);
    expect(json.stderr).toBe(text.stderr);
    return { code: text.code, stderr: text.stderr, json: JSON.parse(json.stdout) as Record<string, unknown> };
  }

  it.each([
    ["plan", 1],
    ["check", 2],
    ["roles", 2],
  ])("gives an invalid config the command's exit status: %s %i", (command, exitCode) => {
    expect(handled(new ConfigError("Pulumi.x.yaml: bad"), { command, invalidConfigExit: exitCode })).toEqual({
      code: exitCode,
      stderr: `statsig-okta ${command}: Pulumi.x.yaml: bad\n`,
      json: { result: "error", command, exitCode, message: "Pulumi.x.yaml: bad" },
    });
  });

  it("exits 2 for every other failure, points a usage error to --help, and calls anything else unexpected", () => {
    expect(handled(new UsageError("give --json or --csv, not both"), { command: "roles" }).stderr).toBe(
      "statsig-okta roles: give --json or --csv, not both. Run `statsig-okta roles --help` for the options.\n",
    );
    expect(handled(new UsageError("did you mean --stack?"), { command: "plan" }).stderr).toBe(
      "statsig-okta plan: did you mean --stack? Run `statsig-okta plan --help` for the options.\n",
    );
    expect(handled(new CliError("--org-url is required"), { command: "check" })).toMatchObject({ code: 2 });
    expect(handled(new CliError("odd", { exitCode: 3 }), { command: "check" }).code).toBe(3);
    expect(handled(new TypeError("x is undefined"), { command: "check" })).toEqual({
      code: 2,
      stderr: "statsig-okta check: unexpected error: x is undefined\n",
      json: { result: "error", command: "check", exitCode: 2, message: "unexpected error: x is undefined" },
    });
    expect(handled("thrown text").stderr).toBe("statsig-okta: unexpected error: thrown text\n");
  });

  it("adds Okta's HTTP status to the JSON error object when Okta answered, and nothing when it did not", () => {
    const refused = new OktaError("GET /api/v1/apps/x/groups: 403 Forbidden", {
      method: "GET",
      path: "/api/v1/apps/x/groups",
      status: 403,
    });
    expect(handled(refused, { command: "roles" }).json).toEqual({
      result: "error",
      command: "roles",
      exitCode: 2,
      message: "GET /api/v1/apps/x/groups: 403 Forbidden",
      status: 403,
    });
    expect(handled(new OktaError("cannot reach https://acme.okta.com: ECONNREFUSED"), { command: "check" }).json).not.toHaveProperty(
      "status",
    );
  });

  it("reports the same invalid config with exit 1 for plan and 2 for check and roles, before any request", async () => {
    const dir = stackDir({ "Pulumi.bad.yaml": "config:\n  statsig-okta:appId: 0oa1b2c3d4e5f6g7h8i9\n  statsig-okta:roleGroup: []\n" });
    const message =
      "Pulumi.bad.yaml: The stack config has 1 invalid input:\n  - statsig-okta:roleGroup: unknown config key; did you mean statsig-okta:roleGroups?";
    for (const [command, exitCode] of [
      ["plan", 1],
      ["check", 2],
      ["roles", 2],
    ] as const) {
      const args = [command, "--stack", "bad", "--json", ...(command === "plan" ? [] : ["--org-url", "https://127.0.0.1:9"])];
      const result = await run(args, dir);
      expectJsonError(result, command, exitCode);
      expect(JSON.parse(result.stdout).message).toBe(message);
    }
  });
});

describe("command-line helpers", () => {
  it("wantsJson sees --json before a --, even among bad flags", () => {
    expect(wantsJson(["--bogus", "--json"])).toBe(true);
    expect(wantsJson(["--stack", "x"])).toBe(false);
    expect(wantsJson(["--", "--json"])).toBe(false);
    expect(wantsJson(["--json", "--"])).toBe(true);
  });

  it("packageVersion refuses a package.json without a version", () => {
    const dir = stackDir({ "package.json": '{"name":"x"}' });
    expect(() => packageVersion(path.join(dir, "package.json"))).toThrow(`${path.join(dir, "package.json")} has no version`);
  });

  it("describeParseError passes other errors on in their first sentence", () => {
    expect(describeParseError(new Error("plain"), {})).toBe("plain");
    expect(describeParseError("odd", {})).toBe("odd");
    // Shapes node:util does not produce today: said as they are, never a crash.
    expect(describeParseError({ code: "ERR_PARSE_ARGS_UNKNOWN_OPTION", message: "no quotes" }, { stack: { type: "string" } })).toBe(
      "unknown option no quotes; options: --stack",
    );
    expect(describeParseError({ code: "ERR_PARSE_ARGS_INVALID_OPTION_VALUE", message: "argument missing" }, {})).toBe("argument missing");
    expect(describeParseError({ code: "OTHER", message: "Option '--x' argument missing" }, {})).toBe("Option '--x' argument missing");
  });
});
