/**
 * The reads of `statsig-okta check`: GET only, one after the other (a handful, gentle on the org's rate
 * limits), composed from the endpoints of okta/endpoints.ts.
 */
import { STATSIG_ATTRIBUTE } from "../../domain/orgRoles";
import type { OktaClient } from "../../okta/client";
import { unreadableGroup } from "../../okta/errors";
import { getAppUserSchema, getGroup, getUserSchema, listAppGroupAssignments, listGroupPushMappings } from "../../okta/endpoints";
import type { AppGroupAssignment, GroupPushMapping, SchemaAttribute, UserSchema } from "../../okta/types";
import { findMapping, findUserType, type LiveMapping } from "../lookups";

/** What `check` needs to know to find the live objects. */
export interface LiveTarget {
  appId: string;
  /** A configured user type id; otherwise the org's default type. */
  userTypeId?: string;
  oktaAttributeName: string;
}

/** The live org, as far as Statsig's org roles go. `undefined` means Okta has no such object. */
export interface LiveState {
  userType: { id: string; name: string; isDefault: boolean };
  oktaAttribute?: SchemaAttribute;
  appAttribute?: SchemaAttribute;
  appToOkta?: LiveMapping;
  oktaToApp?: LiveMapping;
  groupAssignments: AppGroupAssignment[];
}

/** A live group push link with the name of the group it targets. */
export interface LivePushLink extends GroupPushMapping {
  /** The target group's `profile.name`; undefined when the mapping names no target or it cannot be read. */
  targetGroupName?: string;
  /** Why the target group could not be read (Okta's refusal), when it could not. */
  targetUnreadable?: string;
}

/** Steps 1-5 as they are: the user type and its attribute, the app attribute, both mappings, the group assignments. */
export async function fetchLiveState(client: OktaClient, target: LiveTarget): Promise<LiveState> {
  const userType = await findUserType(client, target.userTypeId);
  const userSchema = await getUserSchema(client, userType, [target.oktaAttributeName]);
  const appSchema = await getAppUserSchema(client, target.appId, [STATSIG_ATTRIBUTE]);
  // The app -> Okta mapping sets the Okta attribute; the Okta -> app one, the app's role.
  const appToOkta = await findMapping(client, target.appId, userType.id, [target.oktaAttributeName]);
  const oktaToApp = await findMapping(client, userType.id, target.appId, [STATSIG_ATTRIBUTE]);
  const groupAssignments: AppGroupAssignment[] = [];
  for await (const page of listAppGroupAssignments(client, target.appId)) groupAssignments.push(...page);
  return {
    userType: { id: userType.id, name: userType.name ?? userType.id, isDefault: userType.default === true },
    oktaAttribute: customProperty(userSchema, target.oktaAttributeName),
    appAttribute: customProperty(appSchema, STATSIG_ATTRIBUTE),
    appToOkta,
    oktaToApp,
    groupAssignments,
  };
}

function customProperty(schema: UserSchema, name: string): SchemaAttribute | undefined {
  return schema.definitions.custom.properties.get(name) ?? undefined;
}

/**
 * Every push mapping of the app, then the name of each group they target (one GET per group; the `search`
 * of groups would be one request but is eventually consistent, per the spec). Scopes: okta.apps.read and
 * okta.groups.read (see okta/scopes.ts). A target group Okta refuses to show (404: deleted, e.g. with its
 * Statsig project; 403: outside the admin's groups) is reported with its link instead of ending the check; a
 * token without okta.groups.read, or any other failure, still ends it.
 */
export async function fetchPushLinks(client: OktaClient, appId: string): Promise<LivePushLink[]> {
  const mappings = await listGroupPushMappings(client, appId);
  const targets = new Map<string, Pick<LivePushLink, "targetGroupName" | "targetUnreadable">>();
  for (const mapping of mappings) {
    const id = mapping.targetGroupId;
    if (id === undefined || targets.has(id)) continue;
    try {
      const group = await getGroup(client, id, `group ${id}, the target of push mapping ${mapping.id}, is gone`);
      targets.set(id, { targetGroupName: group.profile.name });
    } catch (error) {
      if (!unreadableGroup(error)) throw error;
      targets.set(id, { targetUnreadable: error.message });
    }
  }
  return mappings.map((mapping) => ({ ...mapping, ...(mapping.targetGroupId !== undefined ? targets.get(mapping.targetGroupId) : {}) }));
}
