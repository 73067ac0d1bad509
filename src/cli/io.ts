import { jsonSafe, terminalSafe } from "./terminal";

/** What a CLI command may touch, so tests can run it in-process or as a subprocess alike. */
export interface CliIo {
  /**
   * The command's output. A command may wrap `stdout` and `stderr` for the rest of its run (the Okta session
   * hides credentials in them); the CLI writes the command's failure through the same, so it is hidden there too.
   */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The clock a report is dated by; the system's when absent (tests give a fixed one). */
  now?: () => Date;
}

export const processIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});

/** What a command prints on stdout: a table or report, `--json`, or `--csv` (`roles`). */
export type OutputMode = "text" | "json" | "csv";

/**
 * The output a command's arguments ask for, seen before a `--` and even among flags that cannot be parsed (a
 * failure under `--json` is JSON too). `--json` wins over `--csv`: giving both is a usage error, said as JSON.
 */
export function outputMode(args: string[]): OutputMode {
  const end = args.indexOf("--");
  const flags = end === -1 ? args : args.slice(0, end);
  return flags.includes("--json") ? "json" : flags.includes("--csv") ? "csv" : "text";
}

/**
 * `io` with the last guard on everything written, in one place (see terminal.ts): stderr and text on stdout
 * through {@link terminalSafe}, JSON through {@link jsonSafe} (the exact values, inert in a terminal), CSV as it
 * is (exact values for the spreadsheet: meant for a file, not a terminal).
 */
export function guardedIo(io: CliIo, mode: OutputMode): CliIo {
  const out = mode === "json" ? jsonSafe : mode === "text" ? terminalSafe : (text: string) => text;
  return { ...io, stdout: (text) => io.stdout(out(text)), stderr: (text) => io.stderr(terminalSafe(text)) };
}
