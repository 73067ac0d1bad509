/** The run of `statsig-okta check`, loaded by command.ts once the flags are read and help is not asked for. */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { CliError } from "../../cli/errors";
import type { CliIo } from "../../cli/io";
import type { TargetValues } from "../options";
import { openSession, type OktaSession } from "../session";
import { compare } from "./compare";
import { importFile } from "./importFile";
import { fetchLiveState, fetchPushLinks } from "./live";
import { comparePushLinks } from "./pushLinks";
import { compareOwner, summarize } from "./statsig";
import { readStatsig } from "../../statsig/scim";
import type { StatsigValues } from "../statsigOptions";
import { openStatsigSession } from "../statsigSession";
import { formatText, importResources, problemCount, toJson, type Report } from "./report";

/** 0 when the org matches, 1 on differences; failures are thrown. */
export async function check(values: TargetValues & StatsigValues & { json?: boolean; "import-file"?: string }, io: CliIo): Promise<number> {
  // --statsig reads the Owner groups' members too (okta.groups.read).
  const session = openSession(io, "check", values, { readsGroups: values.statsig === true });
  const statsig = values.statsig ? openStatsigSession(io, "check", values) : undefined;
  const report = await checkOrg(session);
  if (statsig) {
    const holding = await readStatsig(statsig.client);
    report.items.push(await compareOwner(session.client, session.target.expected, holding));
    report.statsig = summarize(holding);
  }
  if (values["import-file"] !== undefined) writeImportFile(io, values["import-file"], report);
  io.stdout(values.json ? `${JSON.stringify(toJson(report), null, 2)}\n` : formatText(report));
  return problemCount(report) === 0 ? 0 : 1;
}

/** Reads the live org and compares it with the target: the five steps, then the push links of project roles. */
async function checkOrg({ client, origin, target }: OktaSession): Promise<Report> {
  const { expected } = target;
  const live = await fetchLiveState(client, {
    appId: expected.appId,
    ...(expected.userTypeId !== undefined ? { userTypeId: expected.userTypeId } : {}),
    oktaAttributeName: expected.desired.oktaAttributeName,
  });
  const comparison = compare(expected, live);
  // Group push links are read only when the config has project roles (it needs okta.groups.read too).
  if (expected.pushLinks.length > 0) {
    const links = comparePushLinks(expected.pushLinks, await fetchPushLinks(client, expected.appId), {
      appId: expected.appId,
      componentName: expected.desired.component,
      ...(target.stack !== undefined ? { stack: target.stack } : {}),
      ...(target.project !== undefined ? { project: target.project } : {}),
    });
    comparison.items.push(...links.items);
  }
  return {
    org: origin,
    appId: expected.appId,
    userType: live.userType,
    mode: expected.desired.mode,
    component: expected.desired.component,
    ...(target.configFile !== undefined ? { config: target.configFile } : {}),
    ...comparison,
  };
}

/** `--import-file`: the objects that exist in Okta, as a `pulumi import --file` file. */
function writeImportFile(io: CliIo, name: string, report: Report): void {
  const resources = importResources(report);
  const document = importFile(resources, report.component);
  try {
    writeFileSync(path.resolve(io.cwd, name), `${JSON.stringify(document, null, 2)}\n`);
  } catch (error) {
    throw new CliError(`cannot write ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  io.stderr(
    `Wrote ${resources.length} resource${resources.length === 1 ? "" : "s"} to ${name}: run \`pulumi import --file ${name} --generate-code=false\`\n`,
  );
}
