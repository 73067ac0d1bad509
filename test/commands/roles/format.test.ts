/**
 * The outputs of `roles` on reports built by hand: the table's sections, its width whatever the values, and
 * values Okta sent shown as escapes in the table while `--json` and `--csv` keep them exact.
 */
import { describe, expect, it } from "vitest";
import { MAX_CELL } from "../../../src/cli/terminal";
import { explainRoles } from "../../../src/commands/roles/explain";
import { formatCsv, formatJson, formatTable, summaryLine } from "../../../src/commands/roles/format";
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

/** Every character a terminal may act on, or that reorders or hides text; the line feed apart. */
const RAW_UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe("formatTable: sections", () => {
  it("prints each value that is not a Statsig role as one section, whatever the order of the logins", () => {
    const text = table([user("a", { role: "zeta" }), user("b", { role: "alpha" }), user("c", { role: "zeta" }), user("d")]);
    const headings = text.split("\n").filter((line) => /^(Member|Not a Statsig role|Without a role)/.test(line));
    expect(headings).toEqual(["Member (1)", 'Not a Statsig role: "alpha" (1)', 'Not a Statsig role: "zeta" (2)']);
    expect(text).toMatch(/^4 app users: 1 Member, 1 alpha, 2 zetas; /m);
  });
});

describe("formatJson: summary", () => {
  it('counts users by the role value Okta sends, and users without one apart (a value may be "none")', () => {
    const users = [user("a", { role: "none" }), user("b", { role: undefined, groups: [] }), user("c"), user("d", { role: "__proto__" })];
    const text = [...formatJson(explainRoles({ target, groups, outsiders: [], users }), CONTEXT)].join("");
    const summary = (JSON.parse(text) as { summary: { roles: Record<string, number>; withoutRole: number } }).summary;
    expect(summary.roles).toEqual(JSON.parse('{"Member": 1, "none": 1, "__proto__": 1}'));
    expect(summary.withoutRole).toBe(1);
  });
});

describe("formatTable: width", () => {
  it("draws a 1 MB login among 20 users in a table of a few KB; --json and --csv keep it whole", () => {
    const huge = `${"x".repeat(1_000_000)}@example.com`;
    // The huge login has no role: it is listed in a finding too.
    const users = [...Array.from({ length: 19 }, (_, i) => user(`user${i}@example.com`)), user(huge, { role: undefined, groups: [] })];
    const report = explainRoles({ target, groups, outsiders: [], users });
    const text = [...formatTable(report, CONTEXT)].join("");
    expect(text.length).toBeLessThan(6_000);
    expect(text).toContain(`${"x".repeat(MAX_CELL - 1)}…`);
    const rows = text.split("\n").filter((line) => line.startsWith("  ") && line.includes("ACTIVE"));
    expect(rows).toHaveLength(20);
    expect(rows.filter((row) => row.includes("x…"))).toHaveLength(1);
    // Every row padded to the same width, a cut cell's included.
    expect(new Set(rows.map((row) => row.indexOf("ACTIVE"))).size).toBe(1);

    const json = JSON.parse([...formatJson(report, CONTEXT)].join("")) as { users: { login: string }[] };
    expect(json.users.map((u) => u.login)).toContain(huge);
    expect([...formatCsv(report)].join("")).toContain(`\r\n${huge},`);
  });
});

describe("formatTable: what Okta sent", () => {
  const HOSTILE = {
    login: "eve\x1b[2J\u202Emoc.elpmaxe@example.com",
    status: "ACTIVE\rSUSPENDED",
    syncState: "SYNCHRONIZED\x1b]8;;https://evil.example\x07x\x1b]8;;\x07",
    role: "Owner\b\b\b\b\bMember\u0085",
    group: "Members\u2066\0\u2069",
  };

  function report() {
    return explainRoles({
      target,
      groups: [{ id: "00gmembers", name: HOSTILE.group, assignment: { priority: 0, role: HOSTILE.role } }],
      outsiders: [],
      users: [user(HOSTILE.login, { status: HOSTILE.status, syncState: HOSTILE.syncState, role: HOSTILE.role })],
    });
  }

  it("shows every control and formatting character as an escape, in cells, headings, the summary and findings", () => {
    const text = [...formatTable(report(), CONTEXT)].join("");
    expect(text).not.toMatch(RAW_UNSAFE);
    expect(text).toContain("eve\\x1b[2J\\u202emoc.elpmaxe@example.com");
    expect(text).toContain("ACTIVE\\x0dSUSPENDED");
    expect(text).toContain("SYNCHRONIZED\\x1b]8;;https://evil.example\\x07x\\x1b]8;;\\x07");
    expect(text).toContain('Not a Statsig role: "Owner\\x08\\x08\\x08\\x08\\x08Member\\x85" (1)');
    expect(text).toContain('group "Members\\u2066\\x00\\u2069" (priority 0)');
    expect(summaryLine(report())).toContain("1 Owner\\x08\\x08\\x08\\x08\\x08Member\\x85");
  });

  it("keeps the exact values in --json and --csv", () => {
    const json = JSON.parse([...formatJson(report(), CONTEXT)].join("")) as {
      users: { login: string; status: string; syncState: string; role: string; source: { group: string } }[];
    };
    expect(json.users[0]).toMatchObject({
      login: HOSTILE.login,
      status: HOSTILE.status,
      syncState: HOSTILE.syncState,
      role: HOSTILE.role,
      source: { group: HOSTILE.group },
    });
    const csv = [...formatCsv(report())].join("");
    expect(csv).toContain(`${HOSTILE.login},`);
    expect(csv).toContain(`,"${HOSTILE.status}",`);
    expect(csv).toContain(`,${HOSTILE.role},`);
  });
});
