import * as pulumi from "@pulumi/pulumi";
import { waitForRegistrations } from "../sdkInternals";
import { recordOptions, type RecordedOptions } from "./options";
import { CONFIG_NAMESPACE, runStack } from "../stack";

/** A value that only Okta knows, shown as such instead of invented. */
export interface Unknown {
  unknown: string;
}

export interface PlannedResource {
  type: string;
  name: string;
  parent?: string;
  inputs: Record<string, unknown>;
  options: Omit<RecordedOptions, "parent">;
}

export interface PlannedLookup {
  token: string;
  inputs: Record<string, unknown>;
}

export interface RawPlan {
  resources: PlannedResource[];
  lookups: PlannedLookup[];
  warnings: string[];
}

const USER_TYPE_ID: Unknown = { unknown: "the user type id, looked up in Okta by `pulumi up`" };

/** Replaces the runtime's unknown markers with a description of what the value is. */
function describeUnknowns(value: unknown, field: string): unknown {
  if (value === pulumi.unknown)
    return field === "sourceId" || field === "targetId" || field === "userType"
      ? USER_TYPE_ID
      : { unknown: `${field}, known only to Okta` };
  if (Array.isArray(value)) return value.map((v) => describeUnknowns(v, field));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, describeUnknowns(v, k)]));
  return value;
}

/**
 * Runs the root program for `config` under the Pulumi SDK's mock runtime, as a preview: nothing talks to
 * Okta or the Pulumi engine. Records what the program registers and looks up, with the resource options.
 * Throws what the program throws (an invalid config throws OrgRolesArgsError before anything is registered).
 */
export async function runPlan(config: Record<string, string>): Promise<RawPlan> {
  const resources = new Map<string, PlannedResource>();
  const lookups: PlannedLookup[] = [];
  const warnings: string[] = [];

  await pulumi.runtime.setMocks(
    {
      newResource: ({ name, inputs }) => {
        const entry = resources.get(name);
        if (entry) entry.inputs = describeUnknowns(inputs, "") as Record<string, unknown>;
        // A preview: Okta assigns the ids at `pulumi up`.
        return { id: undefined, state: inputs };
      },
      call: ({ token, inputs }) => {
        lookups.push({ token, inputs });
        if (token === "okta:user/getUserType:getUserType") {
          return { id: pulumi.unknown, name: inputs.name, displayName: pulumi.unknown, description: pulumi.unknown };
        }
        throw new Error(`statsig-okta plan: no offline answer for the lookup ${token}`);
      },
    },
    CONFIG_NAMESPACE,
    "plan",
    true,
  );

  const transformations = [
    recordOptions((type, name, { parent, ...options }) => {
      resources.set(name, { type, name, ...(parent !== undefined ? { parent } : {}), inputs: {}, options });
    }),
  ];

  // The SDK prints pulumi.log messages to the console when there is no engine; collect them instead.
  const warn = console.warn;
  console.warn = (...args: unknown[]) =>
    warnings.push(
      args
        .map(String)
        .join(" ")
        .replace(/^warning: \[runtime\] /, ""),
    );
  try {
    runStack(config, { transformations });
    await waitForRegistrations();
  } finally {
    console.warn = warn;
  }
  return { resources: [...resources.values()], lookups, warnings };
}
