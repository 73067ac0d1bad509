import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";

/** The stack whose committed config the README's first command plans (placeholder ids). */
export const EXAMPLE_STACK = "example";

export class StackFileError extends Error {
  override name = "StackFileError";
}

/**
 * Reads a stack's config the way the Pulumi CLI hands it to a program: full keys (`project:key`, with the
 * project's own keys namespaced) and string values, structured values as JSON. Works offline, without the
 * Pulumi CLI. Encrypted (`secure:`) values cannot be read without the stack's secrets provider: they are
 * returned as `secretKeys`, never decrypted.
 */
export function readStackConfig(
  file: string,
  project: string,
): { config: Record<string, string>; secretKeys: string[]; environment: boolean } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new StackFileError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let doc: unknown;
  try {
    doc = yaml.load(text);
  } catch (error) {
    throw new StackFileError(`${file} is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const section = doc === undefined || doc === null ? {} : ((doc as { config?: unknown }).config ?? {});
  if (typeof section !== "object" || section === null || Array.isArray(section)) {
    throw new StackFileError(`${file}: "config" must be a map of keys to values`);
  }
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [rawKey, value] of Object.entries(section)) {
    const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
    if (isSecure(value)) {
      secretKeys.push(key);
      continue;
    }
    config[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  // `environment:` imports Pulumi ESC environments, whose values only the Pulumi CLI can resolve.
  const environment = doc !== null && typeof doc === "object" && "environment" in doc;
  return { config, secretKeys, environment };
}

function isSecure(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "secure" in value;
}

/** `Pulumi.<stack>.yaml` next to the project file. */
export function stackFilePath(projectDir: string, stack: string): string {
  return path.join(projectDir, `Pulumi.${stack}.yaml`);
}
