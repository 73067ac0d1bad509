import { parseArgs } from "node:util";
import { describeParseError, UsageError } from "../../cli/errors";
import type { CliIo } from "../../cli/io";

export const DIFF_USAGE = `Usage: statsig-okta diff OLD.json NEW.json [--json | --csv] [--allow-different-apps]

What changed between two \`statsig-okta roles --json\` reports, user by user: users added to or removed from
the app, the org role Okta sends gained, lost or changed, the org role Statsig holds (when both reports were
made with --statsig), project and team roles gained or lost, findings that appeared or were resolved.
Offline: it reads the two files only, no Okta, no credentials.

Options:
  --json                   Print one object per change (login, id, kind, before, after) and where each report
                           came from, as JSON.
  --csv                    Print one row per change as CSV, after comment lines naming the two reports.
  --allow-different-apps   Compare reports of different orgs or apps (refused otherwise).
  -h, --help               Show this help.

Exit status: 0 no changes, 1 changes, 2 a file that cannot be read or is not a roles report, or reports of
different orgs or apps without --allow-different-apps.
`;

const OPTIONS = {
  json: { type: "boolean" },
  csv: { type: "boolean" },
  "allow-different-apps": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** `statsig-okta diff`: 0 without changes, 1 with changes; failures are thrown (cli.ts reports them, exit 2). */
export async function runDiff(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(describeParseError(error, OPTIONS));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(DIFF_USAGE);
    return 0;
  }
  if (values.json && values.csv) throw new UsageError("give --json or --csv, not both");
  if (positionals.length !== 2) {
    throw new UsageError(`give two report files, OLD.json NEW.json (from \`statsig-okta roles --json\`); got ${positionals.length}`);
  }
  const [before, after] = positionals as [string, string];
  // Loaded after --help: the run needs zod, help does not.
  return (await import("./run.js")).diff({ before, after, ...values }, io);
}
