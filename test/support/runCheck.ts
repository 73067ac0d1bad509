/** Runs `statsig-okta check` as a user would (the built CLI in a subprocess) or in-process through main(). */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { main } from "../../src/cli";

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Only what the command needs: no OKTA_* variables of the machine running the tests leak in. */
const baseEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" });

/**
 * `node dist/cli.js check …` (dist is built by the global setup). Asynchronous on purpose: the fake Okta
 * answers from this process's event loop, which a synchronous spawn would block.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("dist/cli.js"), "check", ...args], { cwd, env: { ...baseEnv(), ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The same command through main(), with the output captured. */
export async function runInProcess(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(["check", ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { ...baseEnv(), ...env },
    cwd,
  });
  return { code, stdout, stderr };
}
