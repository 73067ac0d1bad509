import { readFileSync } from "node:fs";
import * as path from "node:path";
import { PACKAGE_ROOT } from "../packageRoot";
import type { CliIo } from "./io";
import { closest } from "../domain/suggest";

/**
 * What every failure of a command run with `--json` prints on stdout, whatever failed (a flag, the config,
 * Okta): one object, so a pipeline can parse stdout without looking at the exit code first.
 */
export interface JsonError {
  result: "error";
  /** `plan`, `check`, or left out when the command itself was not recognised. */
  command?: string | undefined;
  /** The process's exit status: 1 for an invalid config (`plan`), 2 otherwise. */
  exitCode: number;
  /** The same text as on stderr, without the `statsig-okta <command>:` prefix. */
  message: string;
}

/** True when the command line asks for JSON, even one whose other flags cannot be parsed. */
export function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}

/** Reports a failure on stderr and, under `--json`, as a {@link JsonError} on stdout; returns the exit code. */
export function fail(
  io: Pick<CliIo, "stdout" | "stderr">,
  failure: { command: string | undefined; json: boolean; exitCode: number; message: string },
): number {
  const { command, json, exitCode, message } = failure;
  io.stderr(`statsig-okta${command === undefined ? "" : ` ${command}`}: ${message}\n`);
  if (json) {
    // JSON.stringify leaves out an undefined command.
    const body: JsonError = { result: "error", command, exitCode, message };
    io.stdout(`${JSON.stringify(body)}\n`);
  }
  return exitCode;
}

/**
 * `node:util` parseArgs' error, said in a line: the unknown flag with the closest known one, or a flag's
 * missing value. Node's own text also explains positionals, which no command takes.
 */
export function describeParseError(error: unknown, options: Record<string, { type: string }>): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === "string" ? message : String(error);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const flag = /'([^']*)'/.exec(text)?.[1] ?? text;
    const near = closest(flag.replace(/^-+/, "").split("=")[0]!, Object.keys(options));
    const known = Object.keys(options).map((name) => `--${name}`);
    return `unknown option ${flag}; ${near ? `did you mean --${near}?` : `options: ${known.join(", ")}`}`;
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `${text.split(". ")[0]}: this command takes only options`;
  // "argument missing", or "ambiguous" when the next word is another option: either way, no value given.
  const flag = /'(-[^' ]+)/.exec(text)?.[1];
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag && /missing|ambiguous/.test(text)) return `${flag} needs a value`;
  return text.split("\n")[0]!;
}

/** This package's version, read from its package.json at run time. */
export function packageVersion(manifestFile = path.join(PACKAGE_ROOT, "package.json")): string {
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { version?: unknown };
  if (typeof manifest.version !== "string") throw new Error(`${manifestFile} has no version`);
  return manifest.version;
}
