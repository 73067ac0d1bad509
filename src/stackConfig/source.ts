/**
 * Where `plan` and `check` get the component's args, the way `pulumi up` would: the stack file, over the
 * project's own `config:` in Pulumi.yaml. Either this repository's root program (`statsig-okta:*` keys), or
 * a program that embeds OrgRoles and reads its args from one structured config key (`--key`). Anything the
 * offline reader cannot resolve (an ESC environment, an encrypted key it needs) is an error, never a default.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { argsFromConfig } from "./keys";
import { CONFIG_NAMESPACE, DEFAULT_COMPONENT_NAME } from "./names";
import { PACKAGE_ROOT } from "../packageRoot";
import {
  EXAMPLE_STACK,
  loadYamlFile,
  refuseAliasExpansion,
  readStackConfig,
  StackFileError,
  stackFilePath,
  stackNameProblem,
} from "./stackFile";
import { checkOrgRolesArgs, formatPath, NAME_PATTERN, NAME_RULE, OrgRolesArgsError, type ValidArgs } from "../domain/validation";

export interface SourceOptions {
  cwd: string;
  stack?: string;
  /** A stack file, instead of `Pulumi.<stack>.yaml` in `cwd`. */
  configFile?: string;
  /** The config key that holds the args of an OrgRoles embedded in another program (`key` or `project:key`). */
  key?: string;
  /** That component's name in the program (names its children). */
  name?: string;
  /** Overrides the config's appId (check's --app-id). */
  appId?: string;
}

export interface Source {
  name: string;
  valid: ValidArgs;
  /**
   * The args as the stack config gives them (with `--app-id`'s override), before validation fills in defaults:
   * what `roles` hashes, so the hash changes with the config and not with this tool's version.
   */
  given: unknown;
  /** The stack file read, as the user named it. */
  file: string;
  stack?: string;
  /** The Pulumi project (`name` in the Pulumi.yaml beside the stack file; the root program's without one): it names URNs. */
  project?: string;
  /** The provider's config (`okta:*`), for the org URL. */
  config: Record<string, string>;
  /** Things the user should know about what was read (ignored keys). */
  notes: string[];
}

/** The source options from a command's parsed flags (those not given stay unset). */
export function sourceOptionsFrom(
  cwd: string,
  flags: {
    stack?: string | undefined;
    config?: string | undefined;
    key?: string | undefined;
    name?: string | undefined;
    "app-id"?: string | undefined;
  },
): SourceOptions {
  return {
    cwd,
    ...(flags.stack !== undefined ? { stack: flags.stack } : {}),
    ...(flags.config !== undefined ? { configFile: flags.config } : {}),
    ...(flags.key !== undefined ? { key: flags.key } : {}),
    ...(flags.name !== undefined ? { name: flags.name } : {}),
    ...(flags["app-id"] !== undefined ? { appId: flags["app-id"] } : {}),
  };
}

/** `--key` reads a stack file and `--name` goes with `--key`: a flag that would be ignored is refused. */
export function flagProblem(options: Pick<SourceOptions, "stack" | "configFile" | "key" | "name">): string | undefined {
  if (options.stack !== undefined && options.configFile !== undefined) return "give --stack or --config, not both";
  if (options.stack !== undefined) {
    const problem = stackNameProblem(options.stack);
    if (problem) return problem;
  }
  if (options.name !== undefined && options.key === undefined) return "--name goes with --key";
  if (options.key !== undefined && options.stack === undefined && options.configFile === undefined) {
    return "--key reads a stack's config: give --stack or --config too";
  }
  return undefined;
}

/** Which stack file: --config, --stack, or the example stack (the package ships a copy). */
export function stackFileFor(options: Pick<SourceOptions, "cwd" | "stack" | "configFile">): string {
  if (options.stack !== undefined && options.configFile !== undefined) throw new StackFileError("give --stack or --config, not both");
  if (options.configFile !== undefined) return path.resolve(options.cwd, options.configFile);
  if (options.stack !== undefined) return stackFilePath(options.cwd, options.stack);
  const local = stackFilePath(options.cwd, EXAMPLE_STACK);
  return existsSync(local) ? local : stackFilePath(PACKAGE_ROOT, EXAMPLE_STACK);
}

interface Project {
  name: string;
  /** Project-level config, as full keys and string values (the stack file wins over these). */
  config: Record<string, string>;
}

/**
 * `Pulumi.yaml` next to the stack file: its name (the namespace of its own keys) and its `config:` block, whose
 * entries are a plain value or `{ value }` / `{ default }` (Pulumi's project-level config).
 */
function readProject(dir: string): Project | undefined {
  const file = ["Pulumi.yaml", "Pulumi.yml"].map((name) => path.join(dir, name)).find((f) => existsSync(f));
  if (!file) return undefined;
  // The same size limit as stack files; Pulumi.yaml's config block is small, and read key by key.
  const doc = loadYamlFile(file);
  const project = doc as { name?: unknown; config?: unknown } | null;
  if (!project || typeof project.name !== "string") throw new StackFileError(`${file} has no project name`);
  const config: Record<string, string> = {};
  const block = project.config;
  if (block !== undefined && block !== null) {
    if (typeof block !== "object" || Array.isArray(block)) throw new StackFileError(`${file}: "config" must be a map of keys to values`);
    refuseAliasExpansion(file, block);
    for (const [rawKey, entry] of Object.entries(block)) {
      const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
      const isSpec = entry !== null && typeof entry === "object" && !Array.isArray(entry) && ("value" in entry || "default" in entry);
      const value = isSpec ? ((entry as { value?: unknown }).value ?? (entry as { default?: unknown }).default) : entry;
      if (value === undefined || value === null) continue; // declared without a value: the stack must set it
      config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  return { name: project.name, config };
}

/** The stack file as the user named it (or as found), for messages. */
export function shownFile(options: Pick<SourceOptions, "cwd" | "stack" | "configFile">): string {
  const fullPath = stackFileFor(options);
  return options.configFile ?? (path.relative(options.cwd, fullPath) || fullPath);
}

/** Reads and validates the args; throws StackFileError (cannot read) or OrgRolesArgsError (invalid). */
export function readSource(options: SourceOptions): Source {
  const fullPath = stackFileFor(options);
  const file = shownFile(options);
  const project = readProject(path.dirname(fullPath));
  const namespace = project?.name ?? CONFIG_NAMESPACE;
  const stackConfig = readStackConfig(fullPath, namespace);
  if (stackConfig.environment) {
    throw new StackFileError(
      `${file} imports a Pulumi ESC environment ("environment:"), whose values only the Pulumi CLI can resolve: put the component's config in the stack file itself to plan or check it offline`,
    );
  }
  const config = { ...project?.config, ...stackConfig.config };
  const stack = options.stack ?? /^Pulumi\.(.+)\.ya?ml$/.exec(path.basename(fullPath))?.[1];
  const notes: string[] = [];
  // The root program's keys are its project's own (`statsig-okta:*`), so its project is known without Pulumi.yaml.
  const projectName = project?.name ?? (options.key === undefined ? CONFIG_NAMESPACE : undefined);
  const where = { ...(stack !== undefined ? { stack } : {}), ...(projectName !== undefined ? { project: projectName } : {}) };

  if (options.key === undefined) {
    if (project && project.name !== CONFIG_NAMESPACE) {
      throw new StackFileError(
        `${file} belongs to the project "${project.name}", not to statsig-okta's root program: name the config key that holds the OrgRoles args with --key (and the component's name with --name)`,
      );
    }
    refuseEncrypted(stackConfig.secretKeys, (key) => key.startsWith(`${CONFIG_NAMESPACE}:`), file);
    const others = Object.keys(config).filter((key) => !/^(statsig-okta|okta|pulumi):/.test(key));
    if (others.length > 0) {
      notes.push(
        `not read: ${others.join(", ")} (only ${CONFIG_NAMESPACE}:* keys configure the root program; for a program that embeds OrgRoles, use --key)`,
      );
    }
    if (options.appId !== undefined) config[`${CONFIG_NAMESPACE}:appId`] = options.appId;
    const { name, args, valid } = argsFromConfig(config);
    return { name, valid, given: args, file, ...where, config, notes };
  }

  const fullKey = options.key.includes(":") ? options.key : `${namespace}:${options.key}`;
  refuseEncrypted(stackConfig.secretKeys, (key) => key === fullKey, file);
  const name = options.name ?? DEFAULT_COMPONENT_NAME;
  if (!NAME_PATTERN.test(name)) throw new StackFileError(`--name ${JSON.stringify(name)} is not a valid component name: ${NAME_RULE}`);
  const text = config[fullKey];
  const render = (p: (string | number)[]) => (p.length === 0 ? fullKey : `${fullKey}.${formatPath(p)}`);
  if (text === undefined) {
    throw new OrgRolesArgsError(
      "The stack config",
      [{ path: [], message: `is not set in ${file}${project ? " or Pulumi.yaml" : ""}` }],
      render,
    );
  }
  let args: unknown;
  try {
    args = JSON.parse(text);
  } catch {
    args = text; // a plain string: reported below as not an object of inputs
  }
  if (options.appId !== undefined && args && typeof args === "object") args = { ...args, appId: options.appId };
  const { issues, value } = checkOrgRolesArgs(args);
  if (!value) throw new OrgRolesArgsError("The stack config", issues, render);
  return { name, valid: value, given: args, file, ...where, config, notes };
}

function refuseEncrypted(secretKeys: string[], needed: (key: string) => boolean, file: string) {
  const encrypted = secretKeys.filter(needed);
  if (encrypted.length > 0) {
    throw new StackFileError(
      `${encrypted.join(", ")} ${encrypted.length > 1 ? "are" : "is"} encrypted in ${file}; this works offline and cannot decrypt. None of the component's inputs is secret: store them in plain text`,
    );
  }
}
