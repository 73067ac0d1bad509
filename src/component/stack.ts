import * as pulumi from "@pulumi/pulumi";
import { argsFromConfig } from "../stackConfig/keys";
import { OrgRoles } from "./orgRoles";

/** The root program: one OrgRoles from the stack's config, its outputs as stack outputs. */
export function runStack(config: Record<string, string> = pulumi.runtime.allConfig(), opts?: pulumi.ComponentResourceOptions) {
  const { name, args } = argsFromConfig(config);
  const roles = new OrgRoles(name, args, opts);
  return {
    appId: roles.appId,
    userTypeId: roles.userTypeId,
    mode: roles.mode,
    oktaAttributeName: roles.oktaAttributeName,
    appToOktaMappingId: roles.appToOktaMappingId,
    oktaToAppMappingId: roles.oktaToAppMappingId,
    groupAssignments: roles.groupAssignments,
  };
}
