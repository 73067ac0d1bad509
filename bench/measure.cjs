// One measurement in a fresh process (the Pulumi runtime is global): evaluate `groups` role groups under the
// mock runtime, either through OrgRoles ("component") or by registering the same resources directly
// ("baseline"). Prints {ms, heapMB, retainedMB, resources} as JSON. Run by bench/run.cjs.
const [mode, groupsArg] = process.argv.slice(2);
const groups = Number(groupsArg);
const pulumi = require("@pulumi/pulumi");
const okta = require("@pulumi/okta");
const { waitForRegistrations } = require("../dist/component/sdkInternals");

let resources = 0;
pulumi.runtime.setMocks(
  {
    newResource: ({ name, inputs }) => {
      resources++;
      return { id: `${name}-id`, state: inputs };
    },
    // The two lookups the component makes: the app check and the default user type.
    call: ({ token, inputs }) =>
      token === "okta:app/getApp:getApp" ? { id: inputs.id, status: "ACTIVE" } : { id: "oty1dfltUserType0000", name: "user" },
  },
  "bench",
  "bench",
  false,
);

// The component writes priorities 1-100, so one app takes at most 100 role groups: larger counts use several apps.
const PER_APP = 100;
const appId = (i) => `0oa${String(i).padStart(17, "0")}`;
const groupId = (i) => `00g${String(i).padStart(17, "0")}`;
const roles = ["Member", "Admin"];

// Loaded before the clock starts in both modes: module loading is not what is compared.
const { OrgRoles } = require("../dist");

function component() {
  for (let app = 0, next = 0; next < groups; app++) {
    const roleGroups = [];
    for (let i = 0; i < PER_APP && next < groups; i++, next++) roleGroups.push({ groupId: groupId(next), role: roles[next % 2] });
    new OrgRoles(`statsig${app}`, { appId: appId(app), manageOktaAttribute: app === 0, oktaAttributeName: "statsigOrgRole", roleGroups });
  }
}

function baseline() {
  const enums = ["Member", "Admin", "Owner"];
  const oneOfs = enums.map((r) => ({ const: r, title: r }));
  const typeId = okta.user.getUserTypeOutput({ name: "user" }).id;
  let userAttr;
  for (let app = 0, next = 0; next < groups; app++) {
    const opts = { retainOnDelete: true, deleteBeforeReplace: true };
    if (app === 0)
      userAttr = new okta.UserSchemaProperty(
        `u${app}`,
        {
          index: "statsigOrgRole",
          title: "Statsig org role",
          type: "string",
          enums,
          oneOfs,
          permissions: "READ_ONLY",
          master: "PROFILE_MASTER",
        },
        opts,
      );
    const appAttr = new okta.AppUserSchemaProperty(
      `a${app}`,
      {
        appId: appId(app),
        index: "statsigOrgRole",
        title: "Statsig org role",
        type: "string",
        externalName: "statsigOrgRole",
        externalNamespace: "urn:ietf:params:scim:schemas:core:2.0:User",
        scope: "NONE",
        enums,
        oneOfs,
        permissions: "READ_ONLY",
      },
      { ...opts, dependsOn: [userAttr] },
    );
    new okta.profile.Mapping(
      `m${app}`,
      {
        sourceId: appId(app),
        targetId: typeId,
        deleteWhenAbsent: false,
        mappings: [{ id: "statsigOrgRole", expression: "appuser.statsigOrgRole", pushStatus: "DONT_PUSH" }],
      },
      { retainOnDelete: true, replaceOnChanges: ["sourceId", "targetId"], dependsOn: [userAttr, appAttr] },
    );
    for (let i = 0; i < PER_APP && next < groups; i++, next++) {
      new okta.app.GroupAssignment(
        `g${next}`,
        { appId: appId(app), groupId: groupId(next), priority: i, profile: JSON.stringify({ statsigOrgRole: roles[next % 2] }) },
        { dependsOn: [appAttr] },
      );
    }
  }
}

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const start = process.hrtime.bigint();
(mode === "component" ? component : baseline)();
waitForRegistrations().then(() => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // The heap the evaluation used, then what it still holds on to after a full collection.
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  global.gc?.();
  const retainedMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  process.stdout.write(JSON.stringify({ ms, heapMB, retainedMB, resources }));
});
