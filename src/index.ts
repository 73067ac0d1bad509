export { OrgRoles, ORG_ROLES_TYPE, type OrgRoleGroupAssignment } from "./orgRoles";
export type { OrgRolesArgs, RoleGroup, ProjectRole } from "./args";
export { statsigGroupName, PROJECT_ROLES, TEAM_ROLES } from "./projectRoles";
export { OrgRolesArgsError, checkOrgRolesArgs, validateOrgRolesArgs, type ArgsIssue, type ValidArgs } from "./validation";
export { describeOrgRoles, childNames, groupAssignmentName, type Desired, type DesiredChild, type DesiredLookup } from "./desired";
export { ROLES, STATSIG_ATTRIBUTE, SCIM_CORE_USER_NAMESPACE, assignPriorities, assignmentProfile, type Role } from "./roles";
