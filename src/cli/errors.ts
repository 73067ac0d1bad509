import { readFileSync } from "node:fs";
import * as path from "node:path";
import { PACKAGE_ROOT } from "../packageRoot";
import { outputMode, type CliIo } from "./io";
import { closest } from "../domain/suggest";

/**
 * A failure a command explains in one line: the CLI prints its message and exits with `exitCode` (2: the
 * command could not do its job). Anything else thrown is a bug, said as "unexpected error".
 */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: number;
  /** The HTTP status of the server that refused (Okta), when one answered; the JSON error object carries it. */
  readonly status?: number;

  constructor(message: string, options: { exitCode?: number; status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? 2;
    if (options.status !== undefined) this.status = options.status;
  }
}

/** A bad command line (flags, their values): said with a pointer to the command's --help, exit 2. */
export class UsageError extends CliError {
  override name = "UsageError";
}

/**
 * The config breaks the component's rules (every problem listed, by config key). Its exit status is the
 * command's: `plan` judges the config, so an invalid one is its answer (1); `check` and `roles` could not run (2).
 */
export class ConfigError extends CliError {
  override name = "ConfigError";
}

/**
 * What every failure of a command run with `--json` prints on stdout, whatever failed (a flag, the config,
 * Okta): one object, so a pipeline can parse stdout without looking at the exit code first.
 */
export interface JsonError {
  result: "error";
  /** `plan`, `check`, `roles`, or left out when the command itself was not recognised. */
  command?: string | undefined;
  /** The process's exit status: 1 for an invalid config (`plan`), 2 otherwise. */
  exitCode: number;
  /** The same text as on stderr, without the `statsig-okta <command>:` prefix; exact where stderr shows escapes. */
  message: string;
  /** Okta's HTTP status, when Okta answered the request that failed. */
  status?: number | undefined;
}

/** What the one error handler needs to know of the command that failed. */
export interface FailureContext {
  /** Left out when the command itself was not recognised. */
  command?: string;
  json: boolean;
  /** The command's exit status for a {@link ConfigError}. */
  invalidConfigExit?: number;
}

/** True when the command line asks for JSON, even one whose other flags cannot be parsed. */
export const wantsJson = (argv: string[]): boolean => outputMode(argv) === "json";

/**
 * The one place a failure becomes output: the `statsig-okta <command>: …` line on stderr, under `--json` the
 * {@link JsonError} on stdout, and the exit code it returns.
 */
export function handleError(io: Pick<CliIo, "stdout" | "stderr">, error: unknown, context: FailureContext): number {
  const { command, json } = context;
  const { exitCode, message, status } = describeFailure(error, context);
  io.stderr(`statsig-okta${command === undefined ? "" : ` ${command}`}: ${message}\n`);
  if (json) {
    // JSON.stringify leaves out an undefined command or status.
    const body: JsonError = { result: "error", command, exitCode, message, status };
    io.stdout(`${JSON.stringify(body)}\n`);
  }
  return exitCode;
}

function describeFailure(error: unknown, context: FailureContext): { exitCode: number; message: string; status?: number } {
  if (error instanceof UsageError) {
    const end = /[.?]$/.test(error.message) ? "" : ".";
    return { exitCode: error.exitCode, message: `${error.message}${end} Run \`statsig-okta ${context.command} --help\` for the options.` };
  }
  if (error instanceof ConfigError) return { exitCode: context.invalidConfigExit ?? error.exitCode, message: error.message };
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message, status: error.status };
  return { exitCode: 2, message: `unexpected error: ${error instanceof Error ? error.message : String(error)}` };
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
