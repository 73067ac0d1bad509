import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { OrgRoles } from "statsig-okta";

const config = new pulumi.Config();

// The groups that decide Statsig roles. Membership is managed in Okta (by hand, group rules or HR sync);
// Okta pushes the role of each member's highest group to Statsig.
const owner = new okta.group.Group("statsig-owner", {
  name: "Statsig Owner",
  description: "Exactly one person: Statsig has a single Owner.",
});
const admins = new okta.group.Group("statsig-admins", { name: "Statsig Admins" });
const members = new okta.group.Group("statsig-members", { name: "Statsig Members" });

const roles = new OrgRoles("statsig", {
  appId: config.require("statsigAppId"),
  // The ids are Outputs (the groups are created above), so each entry has a stable `name` for its assignment.
  roleGroups: [
    { groupId: owner.id, role: "Owner", name: "owner" },
    { groupId: admins.id, role: "Admin", name: "admins" },
    { groupId: members.id, role: "Member", name: "members" },
  ],
});

export const groupAssignments = roles.groupAssignments;
