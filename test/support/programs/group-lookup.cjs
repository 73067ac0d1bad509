// Runs OrgRoles (built) under the tests' fake Okta (test/support/fakeOkta.ts, transpiled on load) in an org
// whose Statsig app has imported some Statsig groups, with role groups and project roles whose groups the
// lookup does not find (SCENARIO=missing: a name Statsig spells otherwise, and one the app has not at all) or
// finds twice (SCENARIO=several), or a groups search Okta refuses (SCENARIO=forbidden). The program must fail, as `pulumi up` would, with one error naming each
// entry, and write nothing to Okta: it prints the registered types and the lookups it made on exit.
const { readFileSync } = require("node:fs");
const ts = require("typescript");
require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
const pulumi = require("@pulumi/pulumi");
const { FakeOkta } = require("../fakeOkta.ts");
const { addAppGroups } = require("../oktaOrg.ts");

const APP = "0oa1b2c3d4e5f6g7h8i9";
const fake = new FakeOkta();
addAppGroups(fake.org, APP, [
  { id: "00gStatsigWebMember1", name: "Statsig-Web-Member" },
  { id: "00gStatsigWebAdmin01", name: "Statsig-Web-Admin" },
  { id: "00gStatsigWebRO00001", name: "Statsig-Web-ReadOnly" },
  { id: "00gStatsigApiMember1", name: "Statsig-Api-Member" },
  { id: "00gNotStatsig0000001", name: "Web-Read-Only" },
]);
if (process.env.SCENARIO === "several") addAppGroups(fake.org, APP, [{ id: "00gStatsigWebAdmin02", name: "Statsig-Web-Admin" }]);
// Another app's group of the same name is not the Statsig app's.
addAppGroups(fake.org, "0oa9z8y7x6w5v4u3t2s1", [{ id: "00gOtherAppReadOnly1", name: "Statsig-Web-Read-Only" }]);
if (process.env.SCENARIO === "forbidden") {
  // A token without okta.groups.read: Okta's 403 (E0000006), as the provider reports an API error.
  const call = fake.call.bind(fake);
  fake.call = async (args) => {
    if (args.token !== "okta:index/getGroups:getGroups") return call(args);
    fake.invocations.push({ token: args.token, inputs: args.inputs });
    throw new Error("the API returned an error: You do not have permission to perform the requested action");
  };
}
pulumi.runtime.setMocks(fake, "statsig-okta", "test", false);

const { OrgRoles } = require("../../../dist");
const projectRoles =
  process.env.SCENARIO === "several"
    ? [
        { groupId: "00gWebAdmins00000001", project: "Web", role: "Admin" },
        { groupId: "00gWebEngineers00001", project: "Web", role: "Member" },
      ]
    : [
        { groupId: "00gWebEngineers00001", project: "Web", role: "Member" },
        { groupId: "00gWebReaders0000001", project: "Web", role: "Read-Only" },
        { groupId: "00gMobile00000000001", project: "Mobile", role: "Admin" },
      ];
new OrgRoles("statsig", { appId: APP, roleGroups: [{ groupId: "00gAdmins00000000001", role: "Admin" }], projectRoles });
process.on("exit", (code) => {
  console.log(
    JSON.stringify({
      code,
      registered: fake.registrations.map((r) => r.type),
      lookups: fake.invocations.filter((i) => i.token === "okta:index/getGroups:getGroups").map((i) => i.inputs.search),
    }),
  );
});
