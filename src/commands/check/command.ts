import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { fail } from "../../cli/errors";
import type { CliIo } from "../../cli/io";
import type { Authenticator } from "../../okta/auth";
import { parseCommandArgs, TARGET_OPTIONS, targetOptionsHelp } from "../options";
import { CheckError, failureMessage } from "../../okta/errors";
import { proxiedFetch, PROXY_HELP } from "../../okta/proxy";
import { CHECK_SCOPES, PUSH_LINK_SCOPES } from "../../okta/scopes";
import type { Report } from "./report";

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

/** `statsig-okta check`: 0 when the org matches, 1 on differences, 2 when it could not check. */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  // Loaded after --help, which must not pay for zod, YAML and the HTTP client; in one import(), as each
  // import() of a CommonJS file costs an asynchronous read and a parse.
  const {
    resolveOrgTarget,
    authFromEnv,
    scrubbedOutput,
    OktaClient,
    fetchLiveState,
    compare,
    importFile,
    comparePushLinks,
    fetchPushLinks,
    formatText,
    importResources,
    problemCount,
    toJson,
  } = await import("./lazy.js");

  let auth: Authenticator | undefined;
  const { stdout, stderr } = scrubbedOutput(io, () => auth);

  try {
    const { target, origin } = resolveOrgTarget(io.cwd, values);
    for (const note of target.notes ?? []) stderr(`statsig-okta check: ${note}\n`);

    // Project roles add the push links' read scopes; without them, check asks for no more than it reads.
    const scopes = target.expected.pushLinks.length > 0 ? [...CHECK_SCOPES, ...PUSH_LINK_SCOPES] : CHECK_SCOPES;
    const send = proxiedFetch(io.env);
    auth = authFromEnv(io.env, origin, { fetch: send, nowSeconds: () => Math.floor(Date.now() / 1000), timeoutMs: 30_000 }, scopes);
    const client = new OktaClient({ origin, auth, fetch: send, log: (line) => stderr(`${line}\n`) });
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
    const report: Report = {
      org: origin,
      appId: expected.appId,
      userType: live.userType,
      mode: expected.desired.mode,
      component: expected.desired.component,
      ...(target.configFile !== undefined ? { config: target.configFile } : {}),
      ...comparison,
    };

    if (values["import-file"] !== undefined) {
      const file = path.resolve(io.cwd, values["import-file"]);
      const resources = importResources(report);
      const document = importFile(resources, expected.desired.component);
      try {
        writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
      } catch (error) {
        throw new CheckError(`cannot write ${values["import-file"]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      stderr(
        `Wrote ${resources.length} resource${resources.length === 1 ? "" : "s"} to ${values["import-file"]}: run \`pulumi import --file ${values["import-file"]} --generate-code=false\`\n`,
      );
    }

    stdout(values.json ? `${JSON.stringify(toJson(report), null, 2)}\n` : formatText(report));
    return problemCount(report) === 0 ? 0 : 1;
  } catch (error) {
    return fail({ stdout, stderr }, { command: "check", json: values.json === true, exitCode: 2, message: failureMessage(error) });
  }
}
