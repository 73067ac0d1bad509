/** What `statsig-okta plan` loads once it is not printing --help: command.ts imports this module with one import(). */
export { flagProblem, readSource, shownFile, sourceOptionsFrom } from "../../stackConfig/source";
export { StackFileError } from "../../stackConfig/stackFile";
export { OrgRolesArgsError } from "../../domain/validation";
export { describeOrgRoles } from "../../domain/desired";
export { formatPlan, toPlan } from "./plan";
