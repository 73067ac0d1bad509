import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";

/** The stack whose committed config the README's first command plans (placeholder ids). */
export const EXAMPLE_STACK = "example";

/**
 * Limits for a stack file written by someone else (a pull request): a stack config is a few kilobytes. A
 * YAML alias can name a whole list again, so ten lines can stand for billions of values ("billion laughs");
 * the values are counted as if every alias were written out, before anything walks them in full.
 */
export const MAX_STACK_FILE_BYTES = 1024 * 1024;
export const MAX_CONFIG_VALUES = 100_000;

/** Pulumi's stack names: letters, digits, "-", "_" and "." (the file is `Pulumi.<stack>.yaml`). */
export const STACK_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/;

export class StackFileError extends Error {
  override name = "StackFileError";
}

/** A stack file's `config` section, read and checked; keys as written (`appId`, `okta:orgName`). */
export interface StackFile {
  file: string;
  section: Record<string, unknown>;
  /** The file imports Pulumi ESC environments (`environment:`), whose values only the Pulumi CLI can resolve. */
  environment: boolean;
}

/**
 * Reads a stack file and checks what a hostile one could do (size, alias expansion) without loading anything
 * else, so a bad file fails fast: callers load the Pulumi SDK only after this.
 */
export function loadStackFile(file: string): StackFile {
  const doc = loadYamlFile(file);
  const section = (doc as { config?: unknown } | null | undefined)?.config ?? {};
  if (typeof section !== "object" || Array.isArray(section)) {
    throw new StackFileError(`${file}: "config" must be a map of keys to values`);
  }
  refuseAliasExpansion(file, section);
  const environment = typeof doc === "object" && doc !== null && "environment" in doc;
  return { file, section: section as Record<string, unknown>, environment };
}

/** A YAML file (a stack file or Pulumi.yaml) within the size limit, parsed; alias expansion is checked by the caller. */
/**
 * Refuses a `config` block whose YAML aliases expand to more than {@link MAX_CONFIG_VALUES} values (a "billion
 * laughs" file), before anything walks or serialises it: the stack file's and Pulumi.yaml's alike.
 */
export function refuseAliasExpansion(file: string, config: object): void {
  const expanded = expandedSize(config);
  if (expanded > MAX_CONFIG_VALUES) {
    const count = expanded > 1e15 ? "more than 10^15" : String(expanded);
    throw new StackFileError(
      `${file}: "config" stands for ${count} values once its YAML aliases are expanded; at most ${MAX_CONFIG_VALUES} are read. Write the values out instead of repeating aliases`,
    );
  }
}

export function loadYamlFile(file: string): unknown {
  return loadYaml(file, readText(file));
}

/**
 * A stack's config the way the Pulumi CLI hands it to a program: full keys (`project:key`, with the
 * project's own keys namespaced) and string values, structured values as JSON. Works offline, without the
 * Pulumi CLI. Encrypted (`secure:`) values cannot be read without the stack's secrets provider: they are
 * returned as `secretKeys` (with their path inside a structured value, `project:key[0].field`), never
 * decrypted, and their key is left out of `config`. An empty value (`key:` with nothing after it) is "".
 */
export function stackConfig({ section }: StackFile, project: string): { config: Record<string, string>; secretKeys: string[] } {
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [rawKey, value] of Object.entries(section)) {
    const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
    const secure = securePaths(value, []);
    if (secure.length > 0) {
      secretKeys.push(...secure.map((at) => `${key}${configPath(at)}`));
      continue;
    }
    config[key] = typeof value === "string" ? value : value === null ? "" : JSON.stringify(value);
  }
  return { config, secretKeys };
}

/** {@link loadStackFile}, then {@link stackConfig}. */
export function readStackConfig(
  file: string,
  project: string,
): { config: Record<string, string>; secretKeys: string[]; environment: boolean } {
  const loaded = loadStackFile(file);
  return { ...stackConfig(loaded, project), environment: loaded.environment };
}

/** A path inside a config value as `pulumi config set --path` spells it: `[0].groupId`, `["a.b"]`. */
function configPath(at: (string | number)[]): string {
  // An index is not an identifier either: [0].
  return at.map((part) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(part)) ? `.${part}` : `[${JSON.stringify(part)}]`)).join("");
}

function readText(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw cannotRead(file, error);
  }
  if (size > MAX_STACK_FILE_BYTES) {
    throw new StackFileError(`${file} is ${size} bytes; a stack file of more than ${MAX_STACK_FILE_BYTES} bytes is not read`);
  }
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw cannotRead(file, error);
  }
}

function cannotRead(file: string, error: unknown): StackFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new StackFileError(`cannot read ${file}: ENOENT (no such file).${stacksHint(path.dirname(file))}`);
  return new StackFileError(`cannot read ${file}: ${code ?? String(error)}`);
}

function loadYaml(file: string, text: string): unknown {
  try {
    return yaml.load(text);
  } catch (error) {
    throw new StackFileError(`${file} is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
}

/**
 * How many values `value` stands for with every alias written out. Shared nodes are counted once per use
 * (memoized, so this is linear in the nodes YAML built); a node that contains itself is infinite.
 */
function expandedSize(root: object): number {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const size = (value: unknown): number => {
    if (typeof value !== "object" || value === null) return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    if (open.has(value)) return Infinity;
    open.add(value);
    let total = 1;
    for (const child of Object.values(value)) total += size(child);
    open.delete(value);
    sizes.set(value, total);
    return total;
  };
  return size(root);
}

/** Where `value` holds an encrypted value (`{secure: …}`): what `pulumi config set --secret [--path]` writes. */
function securePaths(value: unknown, at: (string | number)[]): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [];
  if ("secure" in value) return [at];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  return entries.flatMap(([key, child]) => securePaths(child, [...at, key]));
}

/** The stacks that have a file in `dir`, for a message about one that does not. */
export function stacksIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => /^Pulumi\.(.+)\.ya?ml$/.exec(name)?.[1] ?? []).sort();
}

function stacksHint(dir: string): string {
  const stacks = stacksIn(dir);
  return stacks.length > 0 ? ` Stacks in ${dir}: ${stacks.join(", ")}` : ` ${dir} has no Pulumi.<stack>.yaml files`;
}

/** Why `stack` cannot name a stack file, or undefined when it can. */
export function stackNameProblem(stack: string): string | undefined {
  if (STACK_NAME_PATTERN.test(stack)) return undefined;
  const shown = stack.trim() === "" ? "is empty" : `${JSON.stringify(stack)} is not a stack name`;
  return `--stack ${shown}: give a stack name (letters, digits, "-", "_" or "."), e.g. --stack prod for Pulumi.prod.yaml`;
}

/** `Pulumi.<stack>.yaml` next to the project file. */
export function stackFilePath(projectDir: string, stack: string): string {
  const problem = stackNameProblem(stack);
  if (problem) throw new StackFileError(problem);
  return path.join(projectDir, `Pulumi.${stack}.yaml`);
}
