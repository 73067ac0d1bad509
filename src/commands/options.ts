import { parseArgs, type ParseArgsConfig } from "node:util";
// Light on purpose: every command reads its flags and prints its help through this module before it loads
// what a run needs (zod, YAML, the Okta client), so help stays fast.
import { describeParseError, UsageError } from "../cli/errors";
import { CONFIG_NAMESPACE, DEFAULT_COMPONENT_NAME } from "../stackConfig/names";
import { MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, READ_LIMITS } from "../okta/limits";

/** How every command finds the config: a stack or a stack file, and for a program that embeds OrgRoles its key and name. */
export const CONFIG_OPTIONS = {
  stack: { type: "string" },
  config: { type: "string" },
  key: { type: "string" },
  name: { type: "string" },
} as const;

/**
 * The options of every command that reads a live org: how it finds the org, the app and the config, and how
 * long a request may take.
 */
export const TARGET_OPTIONS = {
  "org-url": { type: "string" },
  "app-id": { type: "string" },
  ...CONFIG_OPTIONS,
  timeout: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * The help lines of {@link TARGET_OPTIONS}, shared by check and roles; `use` says what the config is for
 * ("Compare with", "Intended roles from").
 */
export const targetOptionsHelp = (
  use: string,
  withoutConfig: string,
) => `  --org-url URL        The Okta org, e.g. https://acme.okta.com. Default: https://<okta:orgName>.<okta:baseUrl>
                       from the stack's config.
  --app-id ID          The Statsig SCIM app's id (0oa...). Default: the config's appId.
  --stack NAME         ${use} the config in Pulumi.NAME.yaml (current directory) and Pulumi.yaml.
  --config FILE        ${use} the config in this stack file.
                       Without --stack and --config: ${withoutConfig}.
  --key KEY            For a program that embeds OrgRoles: the config key holding its args as one object
                       (KEY in the project's namespace, or project:KEY). Default: the ${CONFIG_NAMESPACE}:* keys.
  --name NAME          With --key: the component's name in that program (default: ${DEFAULT_COMPONENT_NAME}).
  --timeout SECONDS    How long each request (to Okta, and to Statsig) may take, from sending it to the last byte
                       of the answer (default: ${READ_LIMITS.timeoutMs / 1000}; ${MIN_TIMEOUT_SECONDS} to ${MAX_TIMEOUT_SECONDS}).`;

export type TargetValues = {
  "org-url"?: string;
  "app-id"?: string;
  stack?: string;
  config?: string;
  key?: string;
  name?: string;
  timeout?: string;
};

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>
>["values"];

/** A command's options, strictly: an unknown option or a positional is a {@link UsageError}. */
export function parseCommandArgs<T extends Options>(args: string[], options: T): Values<T> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(describeParseError(error, options));
  }
}

/**
 * `--timeout SECONDS` in milliseconds (the default without it): a plain number of seconds from
 * {@link MIN_TIMEOUT_SECONDS} to {@link MAX_TIMEOUT_SECONDS}; anything else is a {@link UsageError}.
 */
export function parseTimeout(text: string | undefined): number {
  if (text === undefined) return READ_LIMITS.timeoutMs;
  const seconds = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw new UsageError(
      `--timeout ${JSON.stringify(text)} is not a time limit: give the seconds each request to Okta may take, from ${MIN_TIMEOUT_SECONDS} to ${MAX_TIMEOUT_SECONDS} (default ${READ_LIMITS.timeoutMs / 1000})`,
    );
  }
  return Math.round(seconds * 1000);
}
