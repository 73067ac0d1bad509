/** Two lookups both `check` and `roles` compose from the endpoints: the config's user type, and a mapping. */
import { cell } from "../cli/terminal";
import { CliError } from "../cli/errors";
import type { OktaClient } from "../okta/client";
import { getProfileMapping, listProfileMappings, listUserTypes } from "../okta/endpoints";
import { OktaError } from "../okta/errors";
import type { MappingProperty, UserType } from "../okta/types";

/**
 * A profile mapping's mapped properties of those asked for (Okta's unmapped ones, set to null, left out), by
 * target attribute name: an object without a prototype, so a name such as `constructor` is a key like any other.
 */
export interface LiveMapping {
  id: string;
  properties: Record<string, MappingProperty>;
}

/** The user type the config names by `userTypeId`, otherwise the org's default type. */
export async function findUserType(client: OktaClient, userTypeId: string | undefined): Promise<UserType> {
  const types = await listUserTypes(client);
  if (userTypeId !== undefined) {
    const found = types.find((type) => type.id === userTypeId);
    if (!found) {
      const known = types.map((t) => `${cell(t.id)} "${cell(String(t.name))}"`).join(", ");
      throw new CliError(`the config's userTypeId ${userTypeId} is not a user type of this org (it has: ${known})`);
    }
    return found;
  }
  // The default type is flagged `default: true`; its name is "user", which the component looks up.
  const found = types.find((type) => type.default === true) ?? types.find((type) => type.name === "user");
  if (!found) throw new OktaError("Okta listed no default user type");
  return found;
}

/** Okta keeps one mapping object per source/target pair: list it by pair, then read its `properties`. */
export async function findMapping(
  client: OktaClient,
  sourceId: string,
  targetId: string,
  properties: readonly string[],
): Promise<LiveMapping | undefined> {
  const list = await listProfileMappings(client, sourceId, targetId);
  const summary = list.find((mapping) => mapping.source.id === sourceId && mapping.target.id === targetId);
  if (!summary) return undefined;
  const mapping = await getProfileMapping(client, summary.id, properties);
  const mapped: Record<string, MappingProperty> = Object.create(null);
  for (const [key, value] of mapping.properties) {
    // A property set to null is unmapped.
    if (value) mapped[key] = value;
  }
  return { id: summary.id, properties: mapped };
}
