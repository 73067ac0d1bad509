import * as pulumi from "@pulumi/pulumi";
import { OrgRoles } from "statsig-okta";

// The Okta provider reads okta:orgName, okta:baseUrl and okta:apiToken (a secret) from this stack's config.
const config = new pulumi.Config();

// Statsig's five steps: the statsigOrgRole attribute on the Okta user profile and on the Statsig app, and
// the mappings both ways. Admins then set each user's role in Okta (Directory > People > Profile).
const roles = new OrgRoles("statsig", {
  appId: config.require("statsigAppId"),
});

export const userTypeId = roles.userTypeId;
export const oktaToAppMappingId = roles.oktaToAppMappingId;
