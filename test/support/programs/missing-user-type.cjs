// Runs OrgRoles (built) under Pulumi mocks in an org whose default user type lookup finds nothing: the lookup
// fails (LOOKUP=throw, as the provider's getUserType does) or answers an empty id (LOOKUP=empty, as
// getUserProfileMappingSource does). The program must fail, as `pulumi up` would, and create no mapping.
const pulumi = require("@pulumi/pulumi");
const registered = [];
pulumi.runtime.setMocks(
  {
    newResource: ({ type, name, inputs }) => {
      registered.push(type);
      return { id: `${name}-id`, state: inputs };
    },
    call: ({ token, inputs }) => {
      if (token === "okta:user/getUserType:getUserType") {
        if (process.env.LOOKUP === "empty") return { id: "", name: inputs.name, displayName: "", description: "" };
        throw new Error(`failed to find user type ${inputs.name}`);
      }
      if (token === "okta:app/getApp:getApp") return { id: inputs.id, label: "Statsig", name: "statsig_scim", status: "ACTIVE" };
      throw new Error(`unexpected lookup ${token}`);
    },
  },
  "statsig-okta",
  "test",
  false,
);
const { OrgRoles } = require("../../../dist");
const roles = new OrgRoles("statsig", { appId: "0oa1b2c3d4e5f6g7h8i9" });
process.on("exit", (code) => {
  console.log(JSON.stringify({ code, registered }));
});
roles.userTypeId.apply((id) => console.log(`user type id: ${JSON.stringify(id)}`));
