import type { Role } from "../roles";
import { planAssignments, type ValidArgs } from "../validation";
import { CheckError } from "./errors";

export interface ExpectedRoleGroup {
  groupId: string;
  /** Names the component's child resource (groupAssignmentName). */
  key: string;
  role: Role;
  priority: number;
}

/** What the OrgRoles component would create for a config: the yardstick of `check`. */
export interface Expected {
  /** The component's name, which prefixes its children's names. */
  name: string;
  appId: string;
  /** Set when the config names a user type; the default type otherwise. */
  userTypeId?: string;
  mode: "personal" | "group";
  oktaAttributeName: string;
  manageOktaAttribute: boolean;
  oktaAttributePermissions: ValidArgs["oktaAttributePermissions"];
  oktaAttributeMaster: ValidArgs["oktaAttributeMaster"];
  manageAppToOktaMapping: boolean;
  /** Group mode only, in priority order. */
  roleGroups: ExpectedRoleGroup[];
}

const plain = (value: unknown, what: string): string => {
  if (typeof value !== "string") throw new CheckError(`${what} must be a plain string to check a live org`);
  return value;
};

/** The expectation for validated args (defaults filled in), as src/orgRoles.ts creates its children. */
export function expectedFromArgs(name: string, valid: ValidArgs): Expected {
  return {
    name,
    appId: plain(valid.appId, "appId"),
    ...(valid.userTypeId !== undefined ? { userTypeId: plain(valid.userTypeId, "userTypeId") } : {}),
    // Any roleGroups list, even an empty one, means group mode.
    mode: valid.roleGroups !== undefined ? "group" : "personal",
    oktaAttributeName: valid.oktaAttributeName,
    manageOktaAttribute: valid.manageOktaAttribute,
    oktaAttributePermissions: valid.oktaAttributePermissions,
    oktaAttributeMaster: valid.oktaAttributeMaster,
    manageAppToOktaMapping: valid.manageAppToOktaMapping,
    roleGroups: planAssignments(valid).map(({ group, priority }) => ({
      groupId: plain(group.groupId, `roleGroups "${group.key}" groupId`),
      key: group.key,
      role: group.role,
      priority,
    })),
  };
}
