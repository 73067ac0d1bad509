#!/usr/bin/env node
import { fail, packageVersion, wantsJson } from "./cli/errors";
import { processIo, UsageError, type CliIo } from "./cli/io";

const USAGE = `Usage: statsig-okta <command> [options]

Commands:
  plan    Show what \`pulumi up\` would do to Okta for a stack's config, offline (no Okta, no Pulumi CLI).
  check   Compare a live Okta org with Statsig's five steps and a stack's config (read-only).
  roles   Who has which Statsig org role in a live Okta org, and why; findings to fix (read-only).

Run \`statsig-okta <command> --help\` for a command's options, \`statsig-okta --version\` for the version.
Under --json, a failure also prints {"result":"error","command":…,"exitCode":…,"message":…} on stdout.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

// Loaded lazily: `check` must not pay for the Pulumi SDK, `plan` must not pay for HTTP code.
const commands: Record<string, () => Promise<Command>> = {
  plan: async () => (await import("./commands/plan/command.js")).runPlanCommand,
  check: async () => (await import("./commands/check/command.js")).runCheck,
  roles: async () => (await import("./commands/roles/command.js")).runRoles,
};

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
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
  const load = commands[name];
  if (!load) {
    const message = `unknown command "${name}": the commands are ${Object.keys(commands).join(", ")}`;
    fail(io, { command: undefined, json, exitCode: 2, message });
    io.stderr(`\n${USAGE}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    const message =
      error instanceof UsageError
        ? `${error.message}${/[.?]$/.test(error.message) ? "" : "."} Run \`statsig-okta ${name} --help\` for the options.`
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    return fail(io, { command: name, json, exitCode: 2, message });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`statsig-okta: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
