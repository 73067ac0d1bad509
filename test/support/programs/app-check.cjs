// Runs OrgRoles (built) under Pulumi mocks in an org where the Statsig app is unknown (APP=missing: Okta's
// 404, E0000007 for an AppInstance) or inactive (APP=inactive). The program must fail with a message that
// names the app and what to fix, and write nothing to Okta.
const pulumi = require("@pulumi/pulumi");
const registered = [];
const APP = "0oa1b2c3d4e5f6g7h8i9";
pulumi.runtime.setMocks(
  {
    newResource: ({ type, name, inputs }) => {
      registered.push(type);
      return { id: `${name}-id`, state: inputs };
    },
    call: ({ token, inputs }) => {
      if (token === "okta:app/getApp:getApp") {
        if (process.env.APP === "missing")
          throw new Error(`the API returned an error: Not found: Resource not found: ${inputs.id} (AppInstance)`);
        return { id: inputs.id, label: "Statsig", name: "statsig_scim", status: "INACTIVE" };
      }
      if (token === "okta:user/getUserType:getUserType") return { id: "oty1dfltUserType0000", name: "user", displayName: "User" };
      throw new Error(`unexpected lookup ${token}`);
    },
  },
  "statsig-okta",
  "test",
  false,
);
const { OrgRoles } = require("../../../dist");
new OrgRoles("statsig", { appId: APP, roleGroups: [{ groupId: "00g1b2c3d4e5f6g7h8i9", role: "Admin" }] });
process.on("exit", (code) => {
  console.log(JSON.stringify({ code, registered }));
});
