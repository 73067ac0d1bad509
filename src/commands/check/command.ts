import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { CliError } from "../../cli/errors";
import type { CliIo } from "../../cli/io";
import { parseCommandArgs, TARGET_OPTIONS, targetOptionsHelp } from "../options";
import { openSession, type OktaSession } from "../session";
import { compare } from "./compare";
import { importFile } from "./importFile";
import { PROXY_HELP } from "../../okta/proxy";
import { fetchLiveState, fetchPushLinks } from "./live";
import { comparePushLinks } from "./pushLinks";
import { CHECK_SCOPES, PUSH_LINK_SCOPES } from "../../okta/scopes";
import { formatText, importResources, problemCount, toJson, type Report } from "./report";

export const CHECK_USAGE = `Usage: statsig-okta check [--org-url URL] [--app-id ID] [--stack NAME | --config FILE] [--key KEY [--name NAME]] [options]

Compares a live Okta org with Statsig's "Okta SCIM Org Roles" steps and, when given, a stack's config.
Read-only: it sends only GET requests to Okta's management API.

Options:
${targetOptionsHelp("Compare with", "the component's defaults (personal mode)")}
  --json               Print the result as JSON (and a failure as {"result":"error",...}).
  --import-file FILE   Write a \`pulumi import --file\` file for the objects that exist in Okta, as children of
                       the OrgRoles component (for a stack that does not have it yet; Pulumi 3.94+).
  -h, --help           Show this help.

Credentials, from the environment:
  OKTA_API_TOKEN                     An API token (sent as "SSWS <token>").
  OKTA_CLIENT_ID with OKTA_PRIVATE_KEY or OKTA_PRIVATE_KEY_FILE (PEM or JWK), optional OKTA_PRIVATE_KEY_ID and
  OKTA_SCOPES                        OAuth 2.0 for an API service app with a private key. Read-only scopes:
                                     ${CHECK_SCOPES.join(" ")}
                                     and, with projectRoles, ${PUSH_LINK_SCOPES.join(" ")}

${PROXY_HELP}
Exit status: 0 everything matches, 1 differences found, 2 the check could not be done.
`;

const OPTIONS = { ...TARGET_OPTIONS, json: { type: "boolean" }, "import-file": { type: "string" } } as const;

/** `statsig-okta check`: 0 when the org matches, 1 on differences; failures are thrown (cli.ts reports them, exit 2). */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  const report = await checkOrg(openSession(io, "check", values));
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
