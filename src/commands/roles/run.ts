/** The run of `statsig-okta roles`, loaded by command.ts once the flags are read and help is not asked for. */
import { CliError, packageVersion } from "../../cli/errors";
import type { CliIo } from "../../cli/io";
import { visible } from "../../cli/terminal";
import { diffReports } from "../changes";
import { argsSha256, REPORT_KIND, REPORT_VERSION, type ReportMeta } from "../report";
import { readReport } from "../reportFile";
import type { TargetValues } from "../options";
import { openSession } from "../session";
import type { StatsigValues } from "../statsigOptions";
import { openStatsigSession, type StatsigSession } from "../statsigSession";
import type { ExpectedPushLink } from "../expected";
import type { OktaClient } from "../../okta/client";
import { readConsoleProject } from "../../statsig/console";
import { readStatsig } from "../../statsig/scim";
import { explainRoles } from "./explain";
import { formatCsv, formatJson, formatTable, summaryLine, type SinceChanges } from "./format";
import { rolesTargetFrom, type RolesInput, type RolesReport } from "./model";
import { readLinkTargets, readRoles } from "./read";
import { explainStatsig, liveLinks } from "./statsig";

/** 0 without findings (and changes, with --since), 1 with them; failures are thrown. */
export async function roles(
  values: TargetValues & StatsigValues & { json?: boolean; csv?: boolean; since?: string },
  io: CliIo,
): Promise<number> {
  // The earlier report first: a file that cannot be compared stops the run before any request to Okta.
  const earlier = values.since !== undefined ? readReport(values.since, io.cwd) : undefined;
  const { target, origin, client, requests } = openSession(io, "roles", values);
  // Opened before any read: a missing key or a bad URL fails before Okta is asked anything.
  const statsig = values.statsig ? openStatsigSession(io, "roles", values, true) : undefined;
  const appId = target.expected.appId;
  if (earlier && (earlier.org !== origin || earlier.appId !== appId)) {
    throw new CliError(
      `--since ${visible(earlier.file)} is a report of app ${visible(earlier.appId)} on ${visible(earlier.org)}, not of app ${visible(appId)} on ${visible(origin)}: compare reports of different apps with \`statsig-okta diff --allow-different-apps\``,
    );
  }
  const started = Date.now();
  const input = await readRoles(client, rolesTargetFrom(target.expected), {
    progress: (line) => io.stderr(`${line}\n`),
    links: statsig !== undefined,
  });
  const report = explainRoles(input);
  if (statsig) await addStatsig(report, input, { io, client, statsig, pushLinks: target.expected.pushLinks });
  const meta: ReportMeta = {
    generatedAt: (io.now?.() ?? new Date()).toISOString(),
    tool: "statsig-okta",
    version: packageVersion(),
    report: REPORT_KIND,
    reportVersion: REPORT_VERSION,
    org: origin,
    appId: input.target.appId,
    ...(target.configFile !== undefined ? { config: target.configFile } : {}),
    ...(target.configFile !== undefined && values.key !== undefined ? { configKey: values.key } : {}),
    argsSha256: argsSha256(target.args),
    requests: requests(),
  };
  const statsigRequests = statsig ? ` and ${statsig.requests()} to Statsig` : "";
  io.stderr(
    `statsig-okta roles: ${summaryLine(report)} (${meta.requests} requests${statsigRequests}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );

  const since: SinceChanges | undefined = earlier && {
    since: { file: earlier.file, generatedAt: earlier.generatedAt, argsSha256: earlier.argsSha256 },
    changes: diffReports(earlier, report),
  };
  const output = values.json ? formatJson(report, meta, since) : values.csv ? formatCsv(report, meta) : formatTable(report, meta, since);
  for (const chunk of output) io.stdout(chunk);
  return report.findings.length === 0 && (since?.changes.length ?? 0) === 0 ? 0 : 1;
}

/** `--statsig`: what Statsig holds, joined to the report through the app's live push links. */
async function addStatsig(
  report: RolesReport,
  input: RolesInput,
  { io, client, statsig, pushLinks }: { io: CliIo; client: OktaClient; statsig: StatsigSession; pushLinks: readonly ExpectedPushLink[] },
): Promise<void> {
  const holding = await readStatsig(statsig.client);
  const consoles = [];
  for (const { project, client: console } of statsig.consoles) consoles.push(await readConsoleProject(console, project));
  const links = input.links ?? [];
  const fed = liveLinks(links, await readLinkTargets(client, links), pushLinks);
  if (fed.unreadableTargets > 0) {
    io.stderr(
      `statsig-okta roles: ${fed.unreadableTargets} ACTIVE push link(s) push to a group Okta will not show (404 or 403): statsig-unlinked-group is not judged\n`,
    );
  }
  explainStatsig(report, input, holding, fed, consoles);
  // The report's evidence counts every request, Okta's in the head, Statsig's (SCIM and Console) here.
  report.statsig!.requests = statsig.requests();
}
