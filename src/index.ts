export { OrgRoles, ORG_ROLES_TYPE, type OrgRoleGroupAssignment } from "./component/orgRoles";
export type { OrgRolesArgs, RoleGroup, ProjectRole } from "./domain/args";
export { statsigGroupName, PROJECT_ROLES, TEAM_ROLES } from "./domain/projectRoles";
export { OrgRolesArgsError, checkOrgRolesArgs, validateOrgRolesArgs, type ArgsIssue, type ValidArgs } from "./domain/validation";
export {
  describeOrgRoles,
  childNames,
  groupAssignmentName,
  assignmentsOf,
  pushLinksOf,
  childOf,
  type Desired,
  type DesiredChild,
  type StepChild,
  type GroupAssignmentChild,
  type PushGroupChild,
  type DesiredLookup,
} from "./domain/desired";
export { ROLES, STATSIG_ATTRIBUTE, SCIM_CORE_USER_NAMESPACE, assignPriorities, assignmentProfile, type Role } from "./domain/orgRoles";
