#!/usr/bin/env bash
# Installs the package the way a consumer does (npm pack, then npm install of the tarball in another project),
# type-checks the group-roles example against the installed typings and runs it under Pulumi mocks with
# plain node: no TypeScript sources, no dev tooling of this repo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
echo "packed $tarball: $(tar -tzf "$work/$tarball" | wc -l) files"
if tar -tzf "$work/$tarball" | grep -E '^package/(src|test)/|\.map$'; then
  echo "the tarball must not ship sources, tests or source maps that point at them" >&2
  exit 1
fi

app="$work/consumer"
mkdir -p "$app"
cp examples/group-roles/index.ts examples/group-roles/tsconfig.json "$app/"
node -e '
  const pkg = require(process.argv[1]);
  pkg.dependencies["statsig-okta"] = "file:" + process.argv[2];
  require("fs").writeFileSync(process.argv[3], JSON.stringify(pkg, null, 2));
' "$root/examples/group-roles/package.json" "$work/$tarball" "$app/package.json"

cd "$app"
npm install --prefer-offline --no-audit --no-fund --loglevel=error
npx tsc -p tsconfig.json
node - <<'JS'
const pulumi = require("@pulumi/pulumi");
const types = [];
pulumi.runtime.setMocks(
  {
    newResource: ({ type, name, inputs }) => {
      types.push(type);
      return { id: type.includes("group/group") ? `00g${name.replace(/[^A-Za-z0-9]/g, "").padEnd(17, "0").slice(0, 17)}` : `${name}-id`, state: inputs };
    },
    call: ({ token, inputs }) => {
      if (token === "okta:user/getUserType:getUserType") return { id: "oty1dfltUserType0000", name: "user" };
      if (token === "okta:app/getApp:getApp") return { id: inputs.id, status: "ACTIVE" };
      throw new Error(`unexpected lookup ${token}`);
    },
  },
  "statsig-okta-group-roles",
  "dev",
  false,
);
pulumi.runtime.setConfig("statsig-okta-group-roles:statsigAppId", "0oa1b2c3d4e5f6g7h8i9");
require("./bin/index.js");
// The SDK's own wait for outstanding registrations (internal, not in its typings).
require("@pulumi/pulumi/runtime/settings").waitForRPCs().then(() => {
  const count = (t) => types.filter((x) => x === t).length;
  const ok = count("statsig-okta:index:OrgRoles") === 1 && count("okta:app/groupAssignment:GroupAssignment") === 3;
  console.log(`installed package registered: ${JSON.stringify(types)}`);
  if (!ok) process.exit(1);
});
JS
# Only the library is importable; the CLI is reached through its bin, and the root program not at all.
node -e '
  try { require("statsig-okta/dist/main"); process.exit(1); } catch (e) { if (e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw e; }
  if (typeof require("statsig-okta").OrgRoles !== "function") process.exit(1);
'
npx --no-install statsig-okta --version >/dev/null 2>&1 || npx --no-install statsig-okta --help >/dev/null
npx --no-install statsig-okta plan >/dev/null
echo "consumer check passed"
