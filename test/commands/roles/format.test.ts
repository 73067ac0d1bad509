/**
 * The outputs of `roles` on reports built by hand: the table's sections, its width whatever the values, and
 * values Okta sent shown as escapes in the table while `--json` and `--csv` keep them exact.
 */
import { describe, expect, it } from "vitest";
import { explainRoles } from "../../../src/commands/roles/explain";
import { formatTable } from "../../../src/commands/roles/format";
import type { LiveAppUser, LiveGroup, RolesInput } from "../../../src/commands/roles/model";

const target: RolesInput["target"] = {
  appId: "0oaapp",
  mode: "group",
  oktaAttributeName: "statsigOrgRole",
  roleGroups: [{ groupId: "00gmembers", role: "Member", priority: 0 }],
  projectRoles: [],
};
const groups: LiveGroup[] = [{ id: "00gmembers", name: "Members", assignment: { priority: 0, role: "Member" } }];
const CONTEXT = { org: "https://acme.okta.com", appId: "0oaapp" };

const user = (login: string, fields: Partial<LiveAppUser> = {}): LiveAppUser => ({
  id: `00u${login.slice(0, 17)}`,
  login,
  status: "ACTIVE",
  scope: "GROUP",
  syncState: "SYNCHRONIZED",
  role: "Member",
  groups: [0],
  ...fields,
});

const table = (users: LiveAppUser[], input: Partial<RolesInput> = {}) =>
  [...formatTable(explainRoles({ target, groups, outsiders: [], users, ...input }), CONTEXT)].join("");

describe("formatTable: sections", () => {
  it("prints each value that is not a Statsig role as one section, whatever the order of the logins", () => {
    const text = table([user("a", { role: "zeta" }), user("b", { role: "alpha" }), user("c", { role: "zeta" }), user("d")]);
    const headings = text.split("\n").filter((line) => /^(Member|Not a Statsig role|Without a role)/.test(line));
    expect(headings).toEqual(["Member (1)", 'Not a Statsig role: "alpha" (1)', 'Not a Statsig role: "zeta" (2)']);
    expect(text).toMatch(/^4 app users: 1 Member, 1 alpha, 2 zetas; /m);
  });
});
