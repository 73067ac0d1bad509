/**
 * How the Pulumi engine and the Okta provider decide between no change, an in-place update and a
 * replacement, for the fields this project touches. The ForceNew fields are the provider's
 * (terraform-provider-okta v6.12.0 resource schemas, `okta/services/idaas/resource_okta_*.go`);
 * `replaceOnChanges` and `ignoreChanges` are the engine's.
 */
import { isDeepStrictEqual } from "node:util";
import type { RecordedOptions } from "./recordOptions";

const FORCE_NEW: Record<string, string[]> = {
  // `userType` is not ForceNew: a change is an update whose id still names the old type.
  "okta:index/userSchemaProperty:UserSchemaProperty": ["index", "type", "externalName", "externalNamespace", "unique"],
  // `appId` is not ForceNew either; `scope` is, although Okta ignores a scope change on an existing attribute.
  "okta:index/appUserSchemaProperty:AppUserSchemaProperty": ["index", "type", "externalName", "externalNamespace", "unique", "scope"],
  "okta:app/groupAssignment:GroupAssignment": ["appId", "groupId"],
  // A mapping's update writes to the stored `prm…` id and never re-resolves the pair.
  "okta:profile/mapping:Mapping": [],
  // RequiresReplace on all four (v6.12 resource_okta_push_group.go); its import stores only app_id and id.
  "okta:index/pushGroup:PushGroup": ["appId", "sourceGroupId", "targetGroupName", "targetGroupId"],
};

/**
 * Inputs the provider's Read never sets, so the state keeps them only from the config: one that the config
 * drops is a change (to null), not a value the provider would fill in. The push group's Read never sets
 * `target_group_name` (v6.12 resource_okta_push_group.go: an imported link has none, docs/reference/okta.md#group-push).
 */
const CONFIG_ONLY: Record<string, string[]> = {
  "okta:index/pushGroup:PushGroup": ["targetGroupName"],
};

export type Step = "same" | "update" | "replace";

/** What `pulumi up` does to a resource whose last state is `old` when the program now registers `inputs`. */
export function plannedStep(type: string, old: Record<string, unknown>, inputs: Record<string, unknown>, options: RecordedOptions): Step {
  const forceNew = FORCE_NEW[type];
  if (!forceNew) throw new Error(`providerModel: no ForceNew list for ${type}`);
  const dropped = (CONFIG_ONLY[type] ?? []).filter((key) => old[key] !== undefined);
  const keys = new Set([...Object.keys(inputs), ...Object.keys(old).filter((k) => k in inputs), ...dropped]);
  const changed = [...keys].filter((key) => !(options.ignoreChanges ?? []).includes(key) && !isDeepStrictEqual(old[key], inputs[key]));
  if (changed.length === 0) return "same";
  const replacing = [...forceNew, ...(options.replaceOnChanges ?? [])];
  return changed.some((key) => replacing.includes(key)) ? "replace" : "update";
}
