import { DEFAULT_COMPONENT_NAME } from "../stackConfig/names";
import { flagProblem, readSource, shownFile, sourceOptionsFrom, type SourceOptions } from "../stackConfig/source";
import { StackFileError } from "../stackConfig/stackFile";
import { checkOrgRolesArgs, OrgRolesArgsError } from "../domain/validation";
import { CheckError } from "../okta/errors";
import { expectedFromArgs, type Expected } from "./expected";
import { parseOrgUrl } from "../okta/url";

export type TargetOptions = SourceOptions;

export interface Target {
  expected: Expected;
  /** The stack file compared against, as given, or undefined for the component's defaults. */
  configFile?: string;
  /** The stack (from --stack, or a `Pulumi.<stack>.yaml` file name), for the import file's URNs. */
  stack?: string;
  /** `https://<okta:orgName>.<okta:baseUrl>` when the stack configures the Okta provider that way. */
  orgUrl?: string;
  /** What the user should know about the config read. */
  notes?: string[];
}

/**
 * What to compare the live org with: the stack's config (`--stack`/`--config`), or without one the component's
 * defaults (personal mode) for `--app-id`. Invalid config is a {@link CheckError} listing every problem.
 */
export function resolveTarget(options: TargetOptions): Target {
  const problem = flagProblem(options);
  if (problem) throw new CheckError(problem);
  if (options.configFile === undefined && options.stack === undefined) {
    if (options.appId === undefined) throw new CheckError("--app-id is required without --stack or --config");
    const { issues, value } = checkOrgRolesArgs({ appId: options.appId });
    if (!value) throw new CheckError(`--app-id: ${issues.map((issue) => issue.message).join("; ")}`);
    return { expected: expectedFromArgs(DEFAULT_COMPONENT_NAME, value) };
  }

  let source;
  try {
    source = readSource(options);
  } catch (error) {
    if (error instanceof StackFileError) throw new CheckError(error.message);
    if (error instanceof OrgRolesArgsError) throw new CheckError(`${shownFile(options)}: ${error.message}`);
    throw error;
  }
  const orgName = source.config["okta:orgName"];
  const baseUrl = source.config["okta:baseUrl"] ?? "okta.com";
  return {
    expected: expectedFromArgs(source.name, source.valid),
    configFile: source.file,
    notes: source.notes,
    ...(source.stack !== undefined ? { stack: source.stack } : {}),
    ...(orgName ? { orgUrl: `https://${orgName}.${baseUrl}` } : {}),
  };
}

type TargetValues = { "org-url"?: string; "app-id"?: string; stack?: string; config?: string; key?: string; name?: string };

/** The config (or the component's defaults) and the org's origin the target options name. */
export function resolveOrgTarget(cwd: string, values: TargetValues): { target: Target; origin: string } {
  const target = resolveTarget(sourceOptionsFrom(cwd, values));
  const orgText = values["org-url"] ?? target.orgUrl;
  if (orgText === undefined) throw new CheckError("--org-url is required (or a stack config with okta:orgName)");
  return { target, origin: parseOrgUrl(orgText) };
}
