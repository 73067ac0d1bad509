/**
 * `--timeout SECONDS`, taken by both commands that read a live org: how long each request to Okta may take.
 * A value that is no time limit is a usage error before anything is read.
 */
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli";
import { UsageError } from "../../src/cli/errors";
import { parseTimeout } from "../../src/commands/options";
import { READ_LIMITS } from "../../src/okta/limits";

describe("--timeout SECONDS", () => {
  it.each([
    ["30", 30_000],
    ["0.1", 100],
    ["2.5", 2_500],
    ["600", 600_000],
    [" 45 ", 45_000],
  ])("%j is %i ms", (text, ms) => {
    expect(parseTimeout(text)).toBe(ms);
  });

  it("defaults to 30 s", () => {
    expect(parseTimeout(undefined)).toBe(30_000);
    expect(READ_LIMITS.timeoutMs).toBe(30_000);
  });

  it.each(["0", "0.0", "0.05", "-5", "abc", "", "1e3", "601", "1e400", "Infinity", "NaN", "30s", "0x10", "1,5"])("refuses %j", (text) => {
    expect(() => parseTimeout(text)).toThrow(UsageError);
    expect(() => parseTimeout(text)).toThrow(
      `--timeout ${JSON.stringify(text)} is not a time limit: give the seconds each request to Okta may take, from 0.1 to 600 (default 30)`,
    );
  });

  it.each(["check", "roles"])("%s: a bad value is a usage error, exit 2, before any request", async (command) => {
    let stdout = "";
    let stderr = "";
    const code = await main([command, "--org-url", "http://127.0.0.1:9", "--app-id", "0oa1b2c3d4e5f6g7h8i9", "--timeout", "0"], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      env: { OKTA_API_TOKEN: "unused" },
      cwd: tmpdir(),
    });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `statsig-okta ${command}: --timeout "0" is not a time limit: give the seconds each request to Okta may take, from 0.1 to 600 (default 30). Run \`statsig-okta ${command} --help\` for the options.\n`,
    );
  });

  it.each(["check", "roles"])("%s --help lists it", async (command) => {
    let stdout = "";
    expect(await main([command, "--help"], { stdout: (text) => (stdout += text), stderr: () => {}, env: {}, cwd: tmpdir() })).toBe(0);
    expect(stdout).toMatch(/^ {2}--timeout SECONDS {4}How long each request \(to Okta, and to Statsig\) may take/m);
  });
});
