#!/usr/bin/env node
import { CliError, handleError, packageVersion, wantsJson } from "./cli/errors";
import { guardedIo, outputMode, processIo, type CliIo } from "./cli/io";
import { terminalSafe } from "./cli/terminal";

const USAGE = `Usage: statsig-okta <command> [options]

Commands:
  plan    Show what \`pulumi up\` would do to Okta for a stack's config, offline (no Okta, no Pulumi CLI).
  check   Compare a live Okta org with Statsig's five steps and a stack's config (read-only).
  roles   Who has which Statsig org role in a live Okta org, and why; findings to fix (read-only).
  diff    What changed between two \`roles --json\` reports: roles gained or lost, findings (offline).

Run \`statsig-okta <command> --help\` for a command's options, \`statsig-okta --version\` for the version.
Under --json, a failure also prints {"result":"error","command":…,"exitCode":…,"message":…} on stdout,
with "status" (Okta's HTTP status) when Okta refused a request.
`;

/** A command returns its exit status (0, or 1 for its findings) and throws every failure. */
type Command = (args: string[], io: CliIo) => Promise<number>;

interface CommandEntry {
  // Loaded lazily: `check` must not pay for the Pulumi SDK, `plan` must not pay for HTTP code.
  load: () => Promise<Command>;
  /** The exit status for an invalid config: `plan`'s verdict on it (1), or "could not run" (2). */
  invalidConfigExit: number;
}

const commands: Record<string, CommandEntry> = {
  plan: { load: async () => (await import("./commands/plan/command.js")).runPlanCommand, invalidConfigExit: 1 },
  check: { load: async () => (await import("./commands/check/command.js")).runCheck, invalidConfigExit: 2 },
  roles: { load: async () => (await import("./commands/roles/command.js")).runRoles, invalidConfigExit: 2 },
  diff: { load: async () => (await import("./commands/diff/command.js")).runDiff, invalidConfigExit: 2 },
};

export async function main(argv: string[], unguarded: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  // Whatever a server or a stack file put in the output reaches the terminal inert (see guardedIo).
  const io = guardedIo(unguarded, outputMode(rest));
  if (name === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return 0;
  }
  if (name === "--version") {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const json = wantsJson(rest);
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    const exitCode = handleError(io, new CliError(`unknown command "${name}": the commands are ${Object.keys(commands).join(", ")}`), {
      json,
    });
    io.stderr(`\n${USAGE}`);
    return exitCode;
  }
  // The command's own copy of io: it may wrap the output (see CliIo), and its failure goes through the same.
  const run: CliIo = { ...io };
  try {
    return await (
      await command.load()
    )(rest, run);
  } catch (error) {
    return handleError(run, error, { command: name, json, invalidConfigExit: command.invalidConfigExit });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(terminalSafe(`statsig-okta: ${error instanceof Error ? error.message : String(error)}\n`));
      process.exitCode = 2;
    },
  );
}
