import { describeOrgRoles, type Desired } from "../desired";
import { isDeferred, type ValidArgs } from "../validation";
import { CheckError } from "./errors";

/** What `check` compares a live org with: the component's description, with the ids it needs as plain strings. */
export interface Expected {
  desired: Desired;
  appId: string;
  /** Set when the config names a user type; the org's default type otherwise. */
  userTypeId?: string;
}

const plain = (value: unknown, what: string): string => {
  if (typeof value !== "string" || isDeferred(value)) throw new CheckError(`${what} must be a plain string to check a live org`);
  return value;
};

/** The expectation for validated args (defaults filled in): exactly what the component would create. */
export function expectedFromArgs(name: string, valid: ValidArgs): Expected {
  for (const group of valid.roleGroups ?? []) plain(group.groupId, `roleGroups "${group.key}" groupId`);
  return {
    desired: describeOrgRoles(name, valid),
    appId: plain(valid.appId, "appId"),
    ...(valid.userTypeId !== undefined ? { userTypeId: plain(valid.userTypeId, "userTypeId") } : {}),
  };
}
