import { STATSIG_ATTRIBUTE } from "../domain/orgRoles";
import { CliError } from "../cli/errors";
import { OktaError } from "./errors";
import type { OktaClient } from "./client";
import type { GroupAssignment, MappingProperty, ProfileMapping, SchemaAttribute, UserSchema, UserType } from "./types";
import { onOrigin } from "./url";

/** What `check` needs to know to find the live objects. */
export interface LiveTarget {
  appId: string;
  /** A configured user type id; otherwise the org's default type. */
  userTypeId?: string;
  oktaAttributeName: string;
}

export interface LiveMapping {
  id: string;
  properties: Record<string, MappingProperty>;
}

/** The live org, as far as Statsig's org roles go. `undefined` means Okta has no such object. */
export interface LiveState {
  userType: { id: string; name: string; isDefault: boolean };
  oktaAttribute?: SchemaAttribute;
  appAttribute?: SchemaAttribute;
  appToOkta?: LiveMapping;
  oktaToApp?: LiveMapping;
  groupAssignments: GroupAssignment[];
}

const enc = encodeURIComponent;

/** Reads the live state with GET requests only, one after the other: a handful, gentle on the org's rate limits. */
export async function fetchLiveState(client: OktaClient, target: LiveTarget): Promise<LiveState> {
  const userType = await findUserType(client, target.userTypeId);
  const userSchema = await client.get<UserSchema>(userSchemaPath(client, userType), `the schema of user type ${userType.id} is gone`);
  const appSchema = await client.get<UserSchema>(
    `/api/v1/meta/schemas/apps/${enc(target.appId)}/default`,
    `Okta has no app ${target.appId} with a user schema: check the app id, and that the app is active with provisioning enabled`,
  );
  const appToOkta = await findMapping(client, target.appId, userType.id);
  const oktaToApp = await findMapping(client, userType.id, target.appId);
  const groupAssignments = await client.getAll<GroupAssignment>(
    `/api/v1/apps/${enc(target.appId)}/groups?limit=200`,
    `Okta has no app ${target.appId}`,
  );
  return {
    userType: { id: userType.id, name: userType.name ?? userType.id, isDefault: userType.default === true },
    oktaAttribute: customProperty(userSchema, target.oktaAttributeName),
    appAttribute: customProperty(appSchema, STATSIG_ATTRIBUTE),
    appToOkta,
    oktaToApp,
    groupAssignments,
  };
}

export async function findUserType(client: OktaClient, userTypeId: string | undefined): Promise<UserType> {
  const types = await client.get<UserType[]>("/api/v1/meta/types/user");
  if (!Array.isArray(types)) throw new OktaError("GET /api/v1/meta/types/user: Okta answered with something other than a list");
  if (userTypeId !== undefined) {
    const found = types.find((type) => type.id === userTypeId);
    if (!found)
      throw new CliError(
        `the config's userTypeId ${userTypeId} is not a user type of this org (it has: ${types.map((t) => `${t.id} "${t.name}"`).join(", ")})`,
      );
    return found;
  }
  // The default type is flagged `default: true`; its name is "user", which the component looks up.
  const found = types.find((type) => type.default === true) ?? types.find((type) => type.name === "user");
  if (!found) throw new OktaError("Okta listed no default user type");
  return found;
}

/** The type's schema is named by its `_links.schema` (`/api/v1/meta/schemas/user/osc…`), not by the type id. */
function userSchemaPath(client: OktaClient, type: UserType): string {
  const href = type._links?.schema?.href;
  if (href) return onOrigin(client.origin, href, "/api/v1/meta/schemas/user/");
  if (type.default === true) return "/api/v1/meta/schemas/user/default";
  throw new OktaError(`Okta gave no schema link for user type ${type.id}`);
}

function customProperty(schema: UserSchema, name: string): SchemaAttribute | undefined {
  return schema?.definitions?.custom?.properties?.[name] ?? undefined;
}

/** Okta keeps one mapping object per source/target pair: list it by pair, then read its properties. */
export async function findMapping(client: OktaClient, sourceId: string, targetId: string): Promise<LiveMapping | undefined> {
  const list = await client.getAll<ProfileMapping>(`/api/v1/mappings?sourceId=${enc(sourceId)}&targetId=${enc(targetId)}`);
  const summary = list.find((mapping) => mapping.source?.id === sourceId && mapping.target?.id === targetId);
  if (!summary) return undefined;
  const mapping = await client.get<ProfileMapping>(
    `/api/v1/mappings/${enc(summary.id)}`,
    `mapping ${summary.id} disappeared while reading it`,
  );
  const properties: Record<string, MappingProperty> = {};
  for (const [key, value] of Object.entries(mapping.properties ?? {})) {
    // A property set to null is unmapped.
    if (value) properties[key] = value;
  }
  return { id: summary.id, properties };
}
