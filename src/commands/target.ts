import { cell } from "../cli/terminal";
import { CliError, ConfigError, UsageError } from "../cli/errors";
import { parseOrgUrl } from "../okta/url";
import { DEFAULT_COMPONENT_NAME } from "../stackConfig/names";
import { flagProblem, readSource, shownFile, sourceOptionsFrom, type Source, type SourceOptions } from "../stackConfig/source";
import type { TargetValues } from "./options";
import { StackFileError } from "../stackConfig/stackFile";
import { checkOrgRolesArgs, OrgRolesArgsError } from "../domain/validation";
import { expectedFromArgs, type Expected } from "./expected";

export type TargetOptions = SourceOptions;

export interface Target {
  expected: Expected;
  /** The args as given (Source.given; `{ appId }` for `--app-id` alone); `roles` reports their hash. */
  args: unknown;
  /** The stack file compared against, as given, or undefined for the component's defaults. */
  configFile?: string;
  /** The stack (from --stack, or a `Pulumi.<stack>.yaml` file name), for the import file's URNs. */
  stack?: string;
  /** The Pulumi project of that stack (its Pulumi.yaml), for URNs. */
  project?: string;
  /** `https://<okta:orgName>.<okta:baseUrl>` when the stack configures the Okta provider that way. */
  orgUrl?: string;
  /** What the user should know about the config read. */
  notes?: string[];
}

/**
 * A stack's config, read and validated for any command. An invalid config is a {@link ConfigError} naming the
 * file and every problem (the validation error as its cause); a file that cannot be used is a {@link CliError}.
 */
export function readConfig(options: SourceOptions): Source {
  try {
    return readSource(options);
  } catch (error) {
    if (error instanceof OrgRolesArgsError) throw new ConfigError(`${shownFile(options)}: ${error.message}`, { cause: error });
    if (error instanceof StackFileError) throw new CliError(error.message, { cause: error });
    throw error;
  }
}

/**
 * What to compare the live org with: the stack's config (`--stack`/`--config`), or without one the component's
 * defaults (personal mode) for `--app-id`. Errors as {@link readConfig}'s.
 */
export function resolveTarget(options: TargetOptions): Target {
  const problem = flagProblem(options);
  if (problem) throw new UsageError(problem);
  if (options.configFile === undefined && options.stack === undefined) {
    if (options.appId === undefined) throw new UsageError("--app-id is required without --stack or --config");
    const { issues, value } = checkOrgRolesArgs({ appId: options.appId });
    if (!value) throw new ConfigError(`--app-id: ${issues.map((issue) => issue.message).join("; ")}`);
    return { expected: expectedFromArgs(DEFAULT_COMPONENT_NAME, value), args: { appId: options.appId } };
  }

  const source = readConfig(options);
  const orgUrl = orgUrlFrom(source.config, source.file);
  return {
    expected: expectedFromArgs(source.name, source.valid),
    args: source.given,
    configFile: source.file,
    notes: source.notes,
    ...(source.stack !== undefined ? { stack: source.stack } : {}),
    ...(source.project !== undefined ? { project: source.project } : {}),
    ...(orgUrl !== undefined ? { orgUrl } : {}),
  };
}

const DNS_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * `https://<okta:orgName>.<okta:baseUrl>`, as the Okta provider builds it, when the stack sets `okta:orgName`.
 * Both must be host name labels: the stack file may come from a pull request, and a value such as
 * `evil.example#` would otherwise send the credentials to another host.
 */
function orgUrlFrom(config: Record<string, string>, file: string): string | undefined {
  const orgName = config["okta:orgName"];
  if (!orgName) return undefined;
  const baseUrl = config["okta:baseUrl"] ?? "okta.com";
  if (!DNS_LABEL.test(orgName)) {
    throw new ConfigError(
      `${file}: okta:orgName ${JSON.stringify(cell(orgName))} is not an Okta org name (letters, digits and "-", e.g. "acme")`,
    );
  }
  if (!baseUrl.split(".").every((label) => DNS_LABEL.test(label)) || !baseUrl.includes(".")) {
    throw new ConfigError(`${file}: okta:baseUrl ${JSON.stringify(cell(baseUrl))} is not a domain such as okta.com or oktapreview.com`);
  }
  return `https://${orgName}.${baseUrl}`;
}

/** The config (or the component's defaults) and the org's origin the target options name. */
export function resolveOrgTarget(cwd: string, values: TargetValues): { target: Target; origin: string } {
  const target = resolveTarget(sourceOptionsFrom(cwd, values));
  const orgText = values["org-url"] ?? target.orgUrl;
  if (orgText === undefined) throw new CliError("--org-url is required (or a stack config with okta:orgName)");
  return { target, origin: parseOrgUrl(orgText) };
}
