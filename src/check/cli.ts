import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { describeParseError, fail } from "../cliErrors";
import { UsageError, type CliIo } from "../cliIo";
import { stackNameProblem } from "../stackFile";
import { authFromEnv, type Authenticator } from "./auth";
import { compare } from "./compare";
import { CheckError } from "./errors";
import { OktaClient } from "./http";
import { importFile } from "./importFile";
import { fetchLiveState } from "./live";
import { proxiedFetch } from "./proxy";
import { formatText, importResources, problemCount, toJson, type Report } from "./report";
import { resolveTarget } from "./target";
import { parseOrgUrl } from "./url";

export const CHECK_USAGE = `Usage: statsig-okta check [--org-url URL] [--app-id ID] [--stack NAME | --config FILE] [options]

Compares a live Okta org with Statsig's "Okta SCIM Org Roles" steps and, when given, a stack's config.
Read-only: it sends only GET requests to Okta's management API.

Options:
  --org-url URL        The Okta org, e.g. https://acme.okta.com. Default: https://<okta:orgName>.<okta:baseUrl>
                       from the stack's config.
  --app-id ID          The Statsig SCIM app's id (0oa...). Default: the config's appId.
  --stack NAME         Compare with the config in Pulumi.NAME.yaml (current directory).
  --config FILE        Compare with the config in this stack file. Without --stack and --config: the
                       component's defaults (personal mode).
  --json               Print the result as JSON (and a failure as {"result":"error",...}).
  --import-file FILE   Write a \`pulumi import --file\` file for the objects that exist in Okta, as children of
                       the OrgRoles component (for a stack that does not have it yet; Pulumi 3.94+).
  -h, --help           Show this help.

Credentials, from the environment:
  OKTA_API_TOKEN                     An API token (sent as "SSWS <token>").
  OKTA_CLIENT_ID with OKTA_PRIVATE_KEY or OKTA_PRIVATE_KEY_FILE (PEM or JWK), optional OKTA_PRIVATE_KEY_ID and
  OKTA_SCOPES                        OAuth 2.0 for an API service app with a private key. Read-only scopes:
                                     okta.userTypes.read okta.schemas.read okta.profileMappings.read okta.apps.read

Proxy, from the environment:
  HTTPS_PROXY (or https_proxy)       An http:// proxy: every request goes through it in a CONNECT tunnel (the
                                     proxy never sees credentials). HTTP_PROXY is not used.
  NO_PROXY (or no_proxy)             Hosts reached directly: "*", or host names, ".domain" suffixes, IPs, ":port".

Exit status: 0 everything matches, 1 differences found, 2 the check could not be done.
`;

const OPTIONS = {
  "org-url": { type: "string" },
  "app-id": { type: "string" },
  stack: { type: "string" },
  config: { type: "string" },
  json: { type: "boolean" },
  "import-file": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** `statsig-okta check`: 0 when the org matches, 1 on differences, 2 when it could not check. */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>["values"];
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(describeParseError(error, OPTIONS));
  }
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }

  // Nothing secret is ever formatted into output; scrubbing every line is the last line of defence.
  let auth: Authenticator | undefined;
  const fromEnv = [io.env.OKTA_API_TOKEN, io.env.OKTA_PRIVATE_KEY].flatMap((value) => (value?.trim() ? [value.trim()] : []));
  const scrub = (text: string) =>
    [...fromEnv, ...(auth?.secrets() ?? [])]
      .filter((secret) => secret.length >= 8)
      .reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  const stdout = (text: string) => io.stdout(scrub(text));
  const stderr = (text: string) => io.stderr(scrub(text));

  if (values.stack !== undefined && values.config !== undefined) throw new UsageError("give --stack or --config, not both");
  const badStack = values.stack === undefined ? undefined : stackNameProblem(values.stack);
  if (badStack) throw new UsageError(badStack);
  try {
    const target = resolveTarget({ cwd: io.cwd, stack: values.stack, configFile: values.config, appId: values["app-id"] });
    const orgText = values["org-url"] ?? target.orgUrl;
    if (orgText === undefined) throw new CheckError("--org-url is required (or a stack config with okta:orgName)");
    const origin = parseOrgUrl(orgText);

    const send = proxiedFetch(io.env);
    auth = authFromEnv(io.env, origin, { fetch: send, nowSeconds: () => Math.floor(Date.now() / 1000), timeoutMs: 30_000 });
    const client = new OktaClient({ origin, auth, fetch: send, log: (line) => stderr(`${line}\n`) });
    const { expected } = target;
    const live = await fetchLiveState(client, {
      appId: expected.appId,
      ...(expected.userTypeId !== undefined ? { userTypeId: expected.userTypeId } : {}),
      oktaAttributeName: expected.oktaAttributeName,
    });
    const report: Report = {
      org: origin,
      appId: expected.appId,
      userType: live.userType,
      mode: expected.mode,
      component: expected.name,
      ...(target.configFile !== undefined ? { config: target.configFile } : {}),
      ...compare(expected, live),
    };

    if (values["import-file"] !== undefined) {
      const file = path.resolve(io.cwd, values["import-file"]);
      const resources = importResources(report);
      const document = importFile(resources, expected.name);
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
    const message =
      error instanceof CheckError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    return fail({ stdout, stderr }, { command: "check", json: values.json === true, exitCode: 2, message });
  }
}
