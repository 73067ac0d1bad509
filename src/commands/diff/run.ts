/** The run of `statsig-okta diff`, loaded by command.ts once the arguments are read and help is not asked for. */
import { UsageError } from "../../cli/errors";
import type { CliIo } from "../../cli/io";
import { chunks, csvComments } from "../../cli/output";
import { visible } from "../../cli/terminal";
import { diffReports, type Change } from "../changes";
import { changeCounts, changesCsv, changesJson, changesSummary, changesTable } from "../changesOutput";
import { readReport, type ReadReport } from "../reportFile";

export interface DiffValues {
  before: string;
  after: string;
  json?: boolean | undefined;
  csv?: boolean | undefined;
  "allow-different-apps"?: boolean | undefined;
}

/** Where a report came from, as the output names it. */
const origin = (report: ReadReport) => ({
  file: report.file,
  generatedAt: report.generatedAt,
  version: report.version,
  org: report.org,
  appId: report.appId,
  ...(report.config !== undefined ? { config: report.config } : {}),
  argsSha256: report.argsSha256,
  statsig: report.statsig !== undefined,
});

/** What a reviewer should know before reading the changes: a different org, app or config, Statsig read by one only. */
function notes(before: ReadReport, after: ReadReport): string[] {
  const found: string[] = [];
  if (before.org !== after.org || before.appId !== after.appId) {
    found.push(`the reports are of different apps: ${before.appId} on ${before.org}, then ${after.appId} on ${after.org}`);
  }
  if (before.argsSha256 !== after.argsSha256) {
    found.push("the reports were made from different configs (argsSha256): intended roles, and so findings, may differ because of that");
  }
  if ((before.statsig === undefined) !== (after.statsig === undefined)) {
    found.push("only one report read Statsig (--statsig): the org roles Statsig holds are not compared");
  }
  return found;
}

/** 0 without changes, 1 with changes; failures (unreadable files, different apps) are thrown: exit 2. */
export async function diff(values: DiffValues, io: CliIo): Promise<number> {
  const before = readReport(values.before, io.cwd);
  const after = readReport(values.after, io.cwd);
  if ((before.org !== after.org || before.appId !== after.appId) && !values["allow-different-apps"]) {
    throw new UsageError(
      `${visible(values.before)} is of app ${visible(before.appId)} on ${visible(before.org)}, ${visible(values.after)} of app ${visible(after.appId)} on ${visible(after.org)}: give --allow-different-apps to compare them anyway`,
    );
  }
  const changes = diffReports(before, after);
  const output = values.json
    ? jsonOutput(before, after, changes)
    : values.csv
      ? csvOutput(before, after, changes)
      : tableOutput(before, after, changes);
  for (const chunk of chunks(output)) io.stdout(chunk);
  return changes.length === 0 ? 0 : 1;
}

function* tableOutput(before: ReadReport, after: ReadReport, changes: Change[]): Generator<string> {
  const app = before.appId === after.appId ? `app ${visible(after.appId)}` : `apps ${visible(before.appId)} and ${visible(after.appId)}`;
  const org = before.org === after.org ? visible(after.org) : `${visible(before.org)} and ${visible(after.org)}`;
  yield `Changes in the Statsig roles of ${app} on ${org}\n`;
  yield `  from ${visible(before.file)} (${visible(before.generatedAt)}, statsig-okta ${visible(before.version)})\n`;
  yield `  to   ${visible(after.file)} (${visible(after.generatedAt)}, statsig-okta ${visible(after.version)})\n`;
  for (const note of notes(before, after)) yield `Note: ${visible(note)}\n`;
  yield `${changesSummary(changes)}\n`;
  if (changes.length > 0) yield "\n";
  yield* changesTable(changes);
}

function* jsonOutput(before: ReadReport, after: ReadReport, changes: Change[]): Generator<string> {
  const head = {
    result: changes.length === 0 ? "no-changes" : "changes",
    before: origin(before),
    after: origin(after),
    notes: notes(before, after),
    summary: { changes: changes.length, kinds: changeCounts(changes) },
  };
  yield `${JSON.stringify(head).slice(0, -1)},\n"changes": [\n`;
  yield* changesJson(changes);
  yield "]}\n";
}

function* csvOutput(before: ReadReport, after: ReadReport, changes: Change[]): Generator<string> {
  yield* csvComments([
    ["before", `${before.file} (${before.generatedAt}, app ${before.appId} on ${before.org}, argsSha256 ${before.argsSha256})`],
    ["after", `${after.file} (${after.generatedAt}, app ${after.appId} on ${after.org}, argsSha256 ${after.argsSha256})`],
    ...notes(before, after).map((note) => ["note", note] as const),
  ]);
  yield* changesCsv(changes);
}
