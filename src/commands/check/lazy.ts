/** What `statsig-okta check` loads once it is not printing --help: command.ts imports this module with one import(). */
export { resolveOrgTarget } from "../target";
export { authFromEnv, scrubbedOutput } from "../../okta/auth";
export { OktaClient } from "../../okta/client";
export { fetchLiveState } from "../../okta/endpoints";
export { compare } from "./compare";
export { importFile } from "./importFile";
export { comparePushLinks, fetchPushLinks } from "./pushLinks";
export { formatText, importResources, problemCount, toJson } from "./report";
