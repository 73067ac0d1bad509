/**
 * One function per read of Okta's Management API, named by its operation in Okta's spec, each a GET through
 * the read-only {@link OktaClient} returning the answer parsed with its schema (okta/types.ts): a wrong shape
 * is an error naming the request and the field. A `notFound` text explains a 404 in the caller's terms. Long
 * lists come one page at a time, so a caller can reduce each page before the next is read; the commands
 * compose these reads (commands/check/live.ts, commands/roles/read.ts).
 */
import { z } from "zod";
import type { OktaClient } from "./client";
import { OktaError } from "./errors";
import {
  appGroupAssignmentSchema,
  appUserSchema,
  groupMemberSchema,
  groupPushMappingSchema,
  groupSchema,
  mappingSummarySchema,
  profileMappingSchema,
  userSchemaSchema,
  userTypeSchema,
  type AppGroupAssignment,
  type AppUser,
  type Group,
  type GroupMember,
  type GroupPushMapping,
  type MappingSummary,
  type ProfileMapping,
  type UserSchema,
  type UserType,
} from "./types";
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
  return client.get("/api/v1/meta/types/user", z.array(userTypeSchema));
}

/**
 * `getUserSchema`: a user type's schema, named by the type's `_links.schema` (`…/schemas/user/osc…`), not by its
 * id; of its custom attributes, those named `attributes`.
 */
export async function getUserSchema(client: OktaClient, type: UserType, attributes: readonly string[]): Promise<UserSchema> {
  const href = type._links?.schema?.href;
  let path: string;
  if (href) path = onOrigin(client.origin, href, "/api/v1/meta/schemas/user/");
  else if (type.default === true) path = "/api/v1/meta/schemas/user/default";
  else throw new OktaError(`Okta gave no schema link for user type ${type.id}`);
  return client.get(path, userSchemaSchema(attributes), `the schema of user type ${type.id} is gone`);
}

/** `getApplicationUserSchema`: the app's user schema; of its custom attributes, those named `attributes`. */
export async function getAppUserSchema(client: OktaClient, appId: string, attributes: readonly string[]): Promise<UserSchema> {
  return client.get(
    `/api/v1/meta/schemas/apps/${enc(appId)}/default`,
    userSchemaSchema(attributes),
    `Okta has no app ${appId} with a user schema: check the app id, and that the app is active with provisioning enabled`,
  );
}

/** `listProfileMappings` for one source/target pair: summaries, without their properties. */
export async function listProfileMappings(client: OktaClient, sourceId: string, targetId: string): Promise<MappingSummary[]> {
  return client.getAll(`/api/v1/mappings?sourceId=${enc(sourceId)}&targetId=${enc(targetId)}`, mappingSummarySchema, {
    what: `the profile mappings from ${sourceId} to ${targetId}`,
  });
}

/** `getProfileMapping`: one mapping; of its properties, those named `properties`. */
export async function getProfileMapping(client: OktaClient, mappingId: string, properties: readonly string[]): Promise<ProfileMapping> {
  return client.get(
    `/api/v1/mappings/${enc(mappingId)}`,
    profileMappingSchema(properties),
    `mapping ${mappingId} disappeared while reading it`,
  );
}

/** `listApplicationGroupAssignments`, page by page; `expandGroup` embeds each group (its name). */
export function listAppGroupAssignments(
  client: OktaClient,
  appId: string,
  options: { expandGroup?: boolean } = {},
): AsyncGenerator<AppGroupAssignment[]> {
  const expand = options.expandGroup ? "&expand=group" : "";
  return client.pages(`/api/v1/apps/${enc(appId)}/groups?limit=${PAGE_SIZE.appGroups}${expand}`, appGroupAssignmentSchema, {
    notFound: noApp(appId),
    what: "the app's group assignments",
  });
}

/**
 * `listApplicationUsers` with `expand=user`, page by page; of each embedded user's profile, the login and the
 * Okta attribute named `oktaAttributeName`.
 */
export function listAppUsers(client: OktaClient, appId: string, oktaAttributeName: string): AsyncGenerator<AppUser[]> {
  return client.pages(`/api/v1/apps/${enc(appId)}/users?limit=${PAGE_SIZE.appUsers}&expand=user`, appUserSchema(oktaAttributeName), {
    notFound: noApp(appId),
    what: "the app's users",
  });
}

/** `listGroupUsers`: a group's members, page by page. */
export function listGroupMembers(client: OktaClient, groupId: string, notFound: string): AsyncGenerator<GroupMember[]> {
  return client.pages(`/api/v1/groups/${enc(groupId)}/users?limit=${PAGE_SIZE.groupMembers}`, groupMemberSchema, {
    notFound,
    what: `the members of group ${groupId}`,
  });
}

/** `getGroup`. */
export async function getGroup(client: OktaClient, groupId: string, notFound: string): Promise<Group> {
  return client.get(`/api/v1/groups/${enc(groupId)}`, groupSchema, notFound);
}

/** `listGroupPushMappings`: every group push link of the app. */
export async function listGroupPushMappings(client: OktaClient, appId: string): Promise<GroupPushMapping[]> {
  return client.getAll(`/api/v1/apps/${enc(appId)}/group-push/mappings?limit=${PAGE_SIZE.pushMappings}`, groupPushMappingSchema, {
    notFound: `Okta has no app ${appId}, or it has no provisioning (group push needs it)`,
    what: "the app's group push mappings",
  });
}
