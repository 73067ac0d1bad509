import * as path from "node:path";
import { argsFromConfig, CONFIG_NAMESPACE, DEFAULT_COMPONENT_NAME } from "../config";
import { readStackConfig, stackFilePath, StackFileError } from "../stackFile";
import { checkOrgRolesArgs, OrgRolesArgsError, type ValidArgs } from "../validation";
import { CheckError } from "./errors";
import { expectedFromArgs, type Expected } from "./expected";

export interface TargetOptions {
  cwd: string;
  stack?: string;
  configFile?: string;
  appId?: string;
}

export interface Target {
  expected: Expected;
  /** The stack file compared against, as given, or undefined for the component's defaults. */
  configFile?: string;
  /** The stack (from --stack, or a `Pulumi.<stack>.yaml` file name), for the import file's URNs. */
  stack?: string;
  /** `https://<okta:orgName>.<okta:baseUrl>` when the stack configures the Okta provider that way. */
  orgUrl?: string;
}

/**
 * What to compare the live org with: the stack's config (`--stack`/`--config`), or without one the component's
 * defaults (personal mode) for `--app-id`. Invalid config is a {@link CheckError} listing every problem.
 */
export function resolveTarget(options: TargetOptions): Target {
  if (options.configFile === undefined && options.stack === undefined) {
    if (options.appId === undefined) throw new CheckError("--app-id is required without --stack or --config");
    const { issues, value } = checkOrgRolesArgs({ appId: options.appId });
    if (!value) throw new CheckError(`--app-id: ${issues.map((issue) => issue.message).join("; ")}`);
    return { expected: expectedFromArgs(DEFAULT_COMPONENT_NAME, value) };
  }

  const file =
    options.configFile !== undefined ? path.resolve(options.cwd, options.configFile) : stackFilePath(options.cwd, options.stack!);
  // Named in messages as the user named it.
  const configFile = options.configFile ?? path.relative(options.cwd, file);
  let config: Record<string, string>;
  let secretKeys: string[];
  try {
    ({ config, secretKeys } = readStackConfig(file, CONFIG_NAMESPACE));
  } catch (error) {
    if (error instanceof StackFileError) throw new CheckError(error.message);
    throw error;
  }
  const encrypted = secretKeys.filter((key) => key.startsWith(`${CONFIG_NAMESPACE}:`));
  if (encrypted.length > 0)
    throw new CheckError(
      `${configFile}: ${encrypted.join(", ")} ${encrypted.length > 1 ? "are" : "is"} encrypted; check cannot decrypt config`,
    );
  // --app-id wins over the config's, before validation, so a config without one is complete.
  if (options.appId !== undefined) config[`${CONFIG_NAMESPACE}:appId`] = options.appId;

  let name: string;
  let value: ValidArgs;
  try {
    ({ name, valid: value } = argsFromConfig(config));
  } catch (error) {
    if (error instanceof OrgRolesArgsError) throw new CheckError(`${configFile}: ${error.message}`);
    throw error;
  }

  const stack = options.stack ?? /^Pulumi\.(.+)\.ya?ml$/.exec(path.basename(file))?.[1];
  const orgName = config["okta:orgName"];
  const baseUrl = config["okta:baseUrl"] ?? "okta.com";
  return {
    expected: expectedFromArgs(name, value),
    configFile,
    ...(stack !== undefined ? { stack } : {}),
    ...(orgName ? { orgUrl: `https://${orgName}.${baseUrl}` } : {}),
  };
}
