export { OrgRoles, ORG_ROLES_TYPE, type OrgRoleGroupAssignment } from "./orgRoles";
export type { OrgRolesArgs, RoleGroup } from "./args";
export { OrgRolesArgsError, checkOrgRolesArgs, validateOrgRolesArgs, type ArgsIssue } from "./validation";
export {
  ROLES,
  STATSIG_ATTRIBUTE,
  SCIM_CORE_USER_NAMESPACE,
  assignPriorities,
  groupAssignmentName,
  assignmentProfile,
  type Role,
} from "./roles";
