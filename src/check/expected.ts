import { describeOrgRoles, type Desired } from "../desired";
import type { ValidArgs } from "../validation";
import { plain } from "./plain";
import { expectedPushLinks, type ExpectedPushLink } from "./pushLinks";

/** What `check` compares a live org with: the component's description, with the ids it needs as plain strings. */
export interface Expected {
  desired: Desired;
  appId: string;
  /** Set when the config names a user type; the org's default type otherwise. */
  userTypeId?: string;
  /** The group push links of project and team roles. */
  pushLinks: ExpectedPushLink[];
}

/** The expectation for validated args (defaults filled in): exactly what the component would create. */
export function expectedFromArgs(name: string, valid: ValidArgs): Expected {
  for (const group of valid.roleGroups ?? []) plain(group.groupId, `roleGroups "${group.key}" groupId`);
  const desired = describeOrgRoles(name, valid);
  return {
    desired,
    pushLinks: expectedPushLinks(desired),
    appId: plain(valid.appId, "appId"),
    ...(valid.userTypeId !== undefined ? { userTypeId: plain(valid.userTypeId, "userTypeId") } : {}),
  };
}
