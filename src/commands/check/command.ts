import type { CliIo } from "../../cli/io";
import { parseCommandArgs, TARGET_OPTIONS, targetOptionsHelp } from "../options";
import { PROXY_HELP } from "../../okta/proxy";
import { CHECK_SCOPES, PUSH_LINK_SCOPES } from "../../okta/scopes";
import { checkStatsigValues, SCIM_TOKEN_VARIABLE, STATSIG_OPTIONS, statsigOptionsHelp } from "../statsigOptions";

export const CHECK_USAGE = `Usage: statsig-okta check [--org-url URL] [--app-id ID] [--stack NAME | --config FILE] [--key KEY [--name NAME]] [options]

Compares a live Okta org with Statsig's "Okta SCIM Org Roles" steps and, when given, a stack's config.
Read-only: it sends only GET requests to Okta's management API (and with --statsig to Statsig's SCIM API).

Options:
${targetOptionsHelp("Compare with", "the component's defaults (personal mode)")}
${statsigOptionsHelp(`                       Adds Statsig's Owner against the config's Owner group, and the users Statsig
                       holds by org role.`)}
  --json               Print the result as JSON (and a failure as {"result":"error",...}).
  --import-file FILE   Write a \`pulumi import --file\` file for the objects that exist in Okta, as children of
                       the OrgRoles component (for a stack that does not have it yet; Pulumi 3.94+).
  -h, --help           Show this help.

Credentials, from the environment:
  OKTA_API_TOKEN                     An API token (sent as "SSWS <token>").
  OKTA_CLIENT_ID with OKTA_PRIVATE_KEY or OKTA_PRIVATE_KEY_FILE (PEM or JWK), optional OKTA_PRIVATE_KEY_ID and
  OKTA_SCOPES                        OAuth 2.0 for an API service app with a private key. Read-only scopes:
                                     ${CHECK_SCOPES.join(" ")}
                                     and, with projectRoles or --statsig, ${PUSH_LINK_SCOPES.join(" ")}
  ${SCIM_TOKEN_VARIABLE.padEnd(33)}With --statsig: Statsig's SCIM key (sent as "Bearer <key>", to --statsig-url
                                     only; never printed).

${PROXY_HELP}
Exit status: 0 everything matches, 1 differences found, 2 the check could not be done.
`;

const OPTIONS = { ...TARGET_OPTIONS, json: { type: "boolean" }, "import-file": { type: "string" }, ...STATSIG_OPTIONS } as const;

/** `statsig-okta check`: 0 when the org matches, 1 on differences; failures are thrown (cli.ts reports them, exit 2). */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  checkStatsigValues(values);
  // Loaded after --help: the run needs zod, YAML and the Okta client, help none of them.
  return (await import("./run.js")).check(values, io);
}
