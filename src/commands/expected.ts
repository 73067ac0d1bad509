import { describeOrgRoles, pushLinksOf, type Desired } from "../domain/desired";
import { statsigGroupName } from "../domain/projectRoles";
import { isDeferred } from "../domain/values";
import { ConfigError } from "../cli/errors";
import type { ValidArgs } from "../domain/validation";

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

/** A link the config asks for, with plain ids (check compares values, not Outputs). */
export interface ExpectedPushLink {
  key: string;
  groupId: string;
  project: string;
  role: string;
  team?: string;
  /** Statsig's name of the role's group. */
  statsigName: string;
  /** Exactly one of the two: what the link must target. */
  targetGroupName?: string;
  targetGroupId?: string;
}

/** The links the component's description asks for (its push group children), with plain ids. */
export function expectedPushLinks(desired: Desired): ExpectedPushLink[] {
  return pushLinksOf(desired).map(({ inputs, push }) => {
    const { key, project, role, team } = push;
    return {
      key,
      groupId: plain(inputs.sourceGroupId, `projectRoles "${key}" groupId`),
      project,
      role,
      ...(team !== undefined ? { team } : {}),
      statsigName: statsigGroupName({ project, role, team }),
      // A looked-up or created link targets its group by name; only a given id is compared as an id.
      ...(push.target === "id"
        ? { targetGroupId: plain(inputs.targetGroupId, `projectRoles "${key}" targetGroupId`) }
        : { targetGroupName: plain(push.targetName, `projectRoles "${key}" targetGroupName`) }),
    };
  });
}

/** A value `check` needs as a plain string: an id known only at deploy (an Output) cannot be compared. */
export function plain(value: unknown, what: string): string {
  if (typeof value !== "string" || isDeferred(value)) throw new ConfigError(`${what} must be a plain string to check a live org`);
  return value;
}
