/** The run of `statsig-okta roles`, loaded by command.ts once the flags are read and help is not asked for. */
import type { CliIo } from "../../cli/io";
import type { TargetValues } from "../options";
import { openSession } from "../session";
import type { StatsigValues } from "../statsigOptions";
import { openStatsigSession } from "../statsigSession";
import { readConsoleProject } from "../../statsig/console";
import { readStatsig } from "../../statsig/scim";
import { explainRoles } from "./explain";
import { formatCsv, formatJson, formatTable, summaryLine, type ReportContext } from "./format";
import { rolesTargetFrom } from "./model";
import { readRoles } from "./read";
import { explainStatsig, linksFromConfig } from "./statsig";

/** 0 without findings, 1 with findings; failures are thrown. */
export async function roles(values: TargetValues & StatsigValues & { json?: boolean; csv?: boolean }, io: CliIo): Promise<number> {
  const { target, origin, client, requests } = openSession(io, "roles", values);
  // Opened before any read: a missing key or a bad URL fails before Okta is asked anything.
  const statsig = values.statsig ? openStatsigSession(io, "roles", values, true) : undefined;
  const started = Date.now();
  const input = await readRoles(client, rolesTargetFrom(target.expected), { progress: (line) => io.stderr(`${line}\n`) });
  const report = explainRoles(input);
  if (statsig) {
    const holding = await readStatsig(statsig.client);
    const consoles = [];
    for (const { project, client: console } of statsig.consoles) consoles.push(await readConsoleProject(console, project));
    explainStatsig(report, input, holding, linksFromConfig(target.expected.pushLinks), consoles);
  }
  const context: ReportContext = {
    org: origin,
    appId: input.target.appId,
    ...(target.configFile !== undefined ? { config: target.configFile } : {}),
  };
  const statsigRequests = statsig ? ` and ${statsig.requests()} to Statsig` : "";
  io.stderr(
    `statsig-okta roles: ${summaryLine(report)} (${requests()} requests${statsigRequests}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );

  const output = values.json ? formatJson(report, context) : values.csv ? formatCsv(report) : formatTable(report, context);
  for (const chunk of output) io.stdout(chunk);
  return report.findings.length === 0 ? 0 : 1;
}
