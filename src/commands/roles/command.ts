import { UsageError } from "../../cli/errors";
import type { CliIo } from "../../cli/io";
import { parseCommandArgs, TARGET_OPTIONS, targetOptionsHelp } from "../options";
import { PROXY_HELP } from "../../okta/proxy";
import { ROLES_SCOPES } from "../../okta/scopes";
import { checkStatsigValues, CONSOLE_KEYS_VARIABLE, SCIM_TOKEN_VARIABLE, STATSIG_OPTIONS, statsigOptionsHelp } from "../statsigOptions";

export const ROLES_USAGE = `Usage: statsig-okta roles [--org-url URL] [--app-id ID] [--stack NAME | --config FILE] [--key KEY [--name NAME]] [--statsig] [--json | --csv] [--since OLD.json]

Who has which Statsig org role, and why. For every user assigned to the Statsig app: login, Okta status, how
the user is assigned (individually or through which groups), the role Okta sends (the app user's
statsigOrgRole), where it comes from (the winning group and its priority, an individual value, or the Okta
attribute through the mapping), the role the config intends, and the provisioning state (syncState). Then the
findings, each with what to do: more than one Owner, roles that differ from the config and why, users without
a role, provisioning errors, user names or emails outside the config's emailDomains (Statsig refuses them),
members of role groups (or of groups pushed for project roles) not assigned to the app. With projectRoles in
the config, each user's Statsig project and team roles too, each marked when its group's link on the app is
missing, INACTIVE or in ERROR (a project-link finding).
Read-only: it sends only GET requests to Okta's management API (and with --statsig to Statsig's SCIM and
Console APIs).
Progress goes to stderr.

Options:
${targetOptionsHelp("Intended roles from", "the component's defaults\n                       (personal mode: the intended role is the Okta attribute)")}
${statsigOptionsHelp(`                       Adds per user the org role and project roles Statsig holds, and the findings
                       statsig-differs, -missing, -unmanaged, -owner, -stale-member, -unlinked-group.`)}
  --json               Print where and when the report was made, one object per user and the findings as
                       JSON (keep it: \`statsig-okta diff\` compares two of them).
  --csv                Print one row per user as CSV (for spreadsheets and access reviews), after comment
                       lines saying where and when it was made.
  --since OLD.json     After the report, the changes since an earlier \`roles --json\` report of the same org
                       and app, as \`statsig-okta diff\` lists them (with --json: a "changes" list).
  -h, --help           Show this help.

Credentials, from the environment (as for \`statsig-okta check\`):
  OKTA_API_TOKEN                     An API token (sent as "SSWS <token>"). It acts with its creator's admin
                                     role: a Read-only Administrator is likely enough (unconfirmed).
  OKTA_CLIENT_ID with OKTA_PRIVATE_KEY or OKTA_PRIVATE_KEY_FILE (PEM or JWK), optional OKTA_PRIVATE_KEY_ID and
  OKTA_SCOPES                        OAuth 2.0 for an API service app with a private key. Read-only scopes:
                                     ${ROLES_SCOPES.join(" ")}
                                     and an admin role that can read users, groups and the app (a Read-only
                                     Administrator is likely the minimum; unconfirmed).
  ${SCIM_TOKEN_VARIABLE.padEnd(33)}With --statsig: Statsig's SCIM key (sent as "Bearer <key>", to --statsig-url
                                     only; never printed).
  ${CONSOLE_KEYS_VARIABLE.padEnd(33)}Optional, with --statsig: Project=key pairs, comma-separated: each
                                     project's roles and teams from Statsig's Console API (GET only, to
                                     /console/v1 on --statsig-url's host; never printed). These keys can
                                     write too: run where they already live.

${PROXY_HELP}
Exit status: 0 no findings (and with --since no changes), 1 findings or changes, 2 the roles could not be read
or the --since report is unreadable or of another org or app.
`;

const OPTIONS = {
  ...TARGET_OPTIONS,
  json: { type: "boolean" },
  csv: { type: "boolean" },
  since: { type: "string" },
  ...STATSIG_OPTIONS,
} as const;

/** `statsig-okta roles`: 0 without findings (or changes, with --since), 1 with them; failures are thrown (cli.ts reports them, exit 2). */
export async function runRoles(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    io.stdout(ROLES_USAGE);
    return 0;
  }
  if (values.json && values.csv) throw new UsageError("give --json or --csv, not both");
  if (values.since !== undefined && values.csv) {
    throw new UsageError("--since does not go with --csv (one CSV file holds one table): save --json and run `statsig-okta diff --csv`");
  }
  checkStatsigValues(values);

  // Loaded after --help: the run needs zod, YAML and the Okta client, help none of them.
  return (await import("./run.js")).roles(values, io);
}
