/** What `statsig-okta roles` loads once it is not printing --help: command.ts imports this module with one import(). */
export { resolveOrgTarget } from "../target";
export { authFromEnv, scrubbedOutput } from "../../okta/auth";
export { OktaClient } from "../../okta/client";
export { readRoles } from "./read";
export { explainRoles } from "./explain";
export { formatCsv, formatJson, formatTable, summaryLine } from "./format";
export { rolesTargetFrom } from "./model";
