import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { OrgRoles } from "statsig-okta";

const config = new pulumi.Config();

// Org roles: each member gets the role of their highest group (see examples/group-roles).
const admins = new okta.group.Group("statsig-admins", { name: "Statsig Admins" });
const members = new okta.group.Group("statsig-members", { name: "Statsig Members" });

// Project and team roles: one Okta group per Statsig group. Before the first `pulumi up`, bring Statsig's
// groups into Okta (Statsig app > Import > "Import Now"): at deploy the component looks up the imported
// `Statsig-Web-Member` and `Statsig-Web-Growth-Admin` and links to them by id, or fails before writing
// anything, listing the imported names (then set targetGroupName to the name Statsig uses).
const webEngineers = new okta.group.Group("statsig-web-engineers", {
  name: "Statsig Web Engineers",
  description: "Member of the Statsig project Web.",
});
const growthLeads = new okta.group.Group("statsig-web-growth-admins", {
  name: "Statsig Web Growth Admins",
  description: "Admin of the team Growth in the Statsig project Web.",
});

const experimenters = new okta.group.Group("statsig-web-experiments", {
  name: "Statsig Web Experiments",
  description: "Member of the new team Experiments in the Statsig project Web.",
});

const roles = new OrgRoles("statsig", {
  appId: config.require("statsigAppId"),
  roleGroups: [
    { groupId: admins.id, role: "Admin", name: "admins" },
    { groupId: members.id, role: "Member", name: "members" },
  ],
  // Each entry links its group to Statsig's group with Group Push. Removing an entry or destroying only
  // unlinks it: the Statsig group and its members stay in Statsig. Okta pushes only users assigned to the
  // app, and does not support assigning a pushed group itself: put these people in a role group too.
  projectRoles: [
    { groupId: webEngineers.id, project: "Web", role: "Member", name: "web-engineers" },
    { groupId: growthLeads.id, project: "Web", team: "Growth", role: "Admin", name: "web-growth-admins" },
    // A team Statsig does not have yet: createTeam links by Statsig's name, Statsig-Web-Experiments-Member,
    // so that Statsig creates the team. Remove it once the team exists and Okta imported it.
    { groupId: experimenters.id, project: "Web", team: "Experiments", role: "Member", createTeam: true, name: "web-experiments" },
  ],
});

export const groupAssignments = roles.groupAssignments;
