/**
 * One function per read of Okta's Management API, named by its operation in Okta's spec, each a GET through
 * the read-only {@link OktaClient} returning the typed answer. A `notFound` text explains a 404 in the caller's
 * terms. Long lists come one page at a time, so a caller can reduce each page before the next is read; the
 * commands compose these reads (commands/check/live.ts, commands/roles/read.ts).
 */
import type { OktaClient } from "./client";
import { OktaError } from "./errors";
import type { AppGroupAssignment, AppUser, Group, GroupMember, GroupPushMapping, ProfileMapping, UserSchema, UserType } from "./types";
import { onOrigin } from "./url";

/**
 * Page sizes, the largest Okta's Management API spec allows:
 * - app users (`listApplicationUsers`, `queryAppLimit`): maximum 500;
 * - app group assignments (`listApplicationGroupAssignments`, `queryGroupAssignmentLimit`): maximum 200;
 * - group members (`listGroupUsers`): the spec gives no maximum, only the default 1000 (and recommends 200 for
 *   load reasons). 1000 is the largest size the spec names; whether Okta serves more per page is unconfirmed;
 * - group push mappings (`listGroupPushMappings`, `limit`): maximum 1000.
 * Embedding saves whole rounds of requests: `listApplicationUsers` takes `expand=user` (`queryAppUserExpand`,
 * "Valid value: user": the Okta user in `_embedded.user`, so login, status and the Okta attribute need no
 * request per user), and `listApplicationGroupAssignments` takes `expand=group`
 * (`queryGroupAssignmentWithMetadataExpand`: the group, so its name, in `_embedded.group`).
 */
export const PAGE_SIZE = { appUsers: 500, appGroups: 200, groupMembers: 1000, pushMappings: 1000 } as const;

const enc = encodeURIComponent;
const noApp = (appId: string) => `Okta has no app ${appId}: check the app id`;

/** `listUserTypes`: every user type of the org (one answer, not paginated). */
export async function listUserTypes(client: OktaClient): Promise<UserType[]> {
  const path = "/api/v1/meta/types/user";
  const types = await client.get<UserType[]>(path);
  if (!Array.isArray(types)) throw new OktaError(`GET ${path}: Okta answered with something other than a list`, { method: "GET", path });
  return types;
}

/** `getUserSchema`: a user type's schema, named by the type's `_links.schema` (`…/schemas/user/osc…`), not by its id. */
export async function getUserSchema(client: OktaClient, type: UserType): Promise<UserSchema> {
  const href = type._links?.schema?.href;
  let path: string;
  if (href) path = onOrigin(client.origin, href, "/api/v1/meta/schemas/user/");
  else if (type.default === true) path = "/api/v1/meta/schemas/user/default";
  else throw new OktaError(`Okta gave no schema link for user type ${type.id}`);
  return client.get<UserSchema>(path, `the schema of user type ${type.id} is gone`);
}

/** `getApplicationUserSchema`: the app's user schema. */
export async function getAppUserSchema(client: OktaClient, appId: string): Promise<UserSchema> {
  return client.get<UserSchema>(
    `/api/v1/meta/schemas/apps/${enc(appId)}/default`,
    `Okta has no app ${appId} with a user schema: check the app id, and that the app is active with provisioning enabled`,
  );
}

/** `listProfileMappings` for one source/target pair: summaries, without their properties. */
export async function listProfileMappings(client: OktaClient, sourceId: string, targetId: string): Promise<ProfileMapping[]> {
  return client.getAll<ProfileMapping>(`/api/v1/mappings?sourceId=${enc(sourceId)}&targetId=${enc(targetId)}`);
}

/** `getProfileMapping`: one mapping with its properties. */
export async function getProfileMapping(client: OktaClient, mappingId: string): Promise<ProfileMapping> {
  return client.get<ProfileMapping>(`/api/v1/mappings/${enc(mappingId)}`, `mapping ${mappingId} disappeared while reading it`);
}

/** `listApplicationGroupAssignments`, page by page; `expandGroup` embeds each group (its name). */
export function listAppGroupAssignments(
  client: OktaClient,
  appId: string,
  options: { expandGroup?: boolean } = {},
): AsyncGenerator<AppGroupAssignment[]> {
  const expand = options.expandGroup ? "&expand=group" : "";
  return client.pages<AppGroupAssignment>(`/api/v1/apps/${enc(appId)}/groups?limit=${PAGE_SIZE.appGroups}${expand}`, noApp(appId));
}

/** `listApplicationUsers` with `expand=user`, page by page. */
export function listAppUsers(client: OktaClient, appId: string): AsyncGenerator<AppUser[]> {
  return client.pages<AppUser>(`/api/v1/apps/${enc(appId)}/users?limit=${PAGE_SIZE.appUsers}&expand=user`, noApp(appId));
}

/** `listGroupUsers`: a group's members, page by page. */
export function listGroupMembers(client: OktaClient, groupId: string, notFound: string): AsyncGenerator<GroupMember[]> {
  return client.pages<GroupMember>(`/api/v1/groups/${enc(groupId)}/users?limit=${PAGE_SIZE.groupMembers}`, notFound);
}

/** `getGroup`. */
export async function getGroup(client: OktaClient, groupId: string, notFound: string): Promise<Group> {
  return client.get<Group>(`/api/v1/groups/${enc(groupId)}`, notFound);
}

/** `listGroupPushMappings`: every group push link of the app. */
export async function listGroupPushMappings(client: OktaClient, appId: string): Promise<GroupPushMapping[]> {
  return client.getAll<GroupPushMapping>(
    `/api/v1/apps/${enc(appId)}/group-push/mappings?limit=${PAGE_SIZE.pushMappings}`,
    `Okta has no app ${appId}, or it has no provisioning (group push needs it)`,
  );
}
