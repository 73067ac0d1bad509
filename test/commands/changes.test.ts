/**
 * The one diff of two roles reports, on generated reports: nothing changes from a report to itself, the diff
 * back is the diff forth mirrored, and the order of the reports' lines changes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffReports, type Change, type ChangeKind, type DiffReport } from "../../src/commands/changes";

const ROLES = [null, "Owner", "Admin", "Member", "member"];
const PROJECT_ROLES = [
  { project: "Web", role: "Member" },
  { project: "Web", role: "Admin" },
  { project: "Web", team: "Growth", role: "Admin" },
  { project: "Api", role: "Member" },
];

/** Up to 8 users among 12 ids (the login follows the id), their roles, project roles, Statsig roles and findings. */
const reportArb: fc.Arbitrary<DiffReport> = fc
  .record({
    users: fc.uniqueArray(
      fc.record({
        n: fc.integer({ min: 0, max: 11 }),
        role: fc.constantFrom(...ROLES),
        projectRoles: fc.subarray(PROJECT_ROLES),
        statsig: fc.option(fc.record({ orgRole: fc.constantFrom(...ROLES) }), { nil: null }),
      }),
      { selector: (user) => user.n, maxLength: 8 },
    ),
    findings: fc.array(
      fc.record({
        kind: fc.constantFrom("no-role", "not-assigned", "sync-error"),
        groupId: fc.option(fc.constantFrom("00ga", "00gb"), { nil: undefined }),
        users: fc.uniqueArray(fc.integer({ min: 0, max: 13 }), { maxLength: 4 }),
      }),
      { maxLength: 3 },
    ),
    statsig: fc.boolean(),
  })
  .map(({ users, findings, statsig }) => ({
    users: users.map(({ n, ...user }) => ({ id: `00u${n}`, login: `user${n}@example.com`, ...user })),
    // Logins 12 and 13 are never app users: a finding about an outsider.
    findings: findings.map(({ groupId, users: logins, ...finding }) => ({
      ...finding,
      ...(groupId !== undefined ? { groupId } : {}),
      users: logins.map((n) => `user${n}@example.com`),
    })),
    ...(statsig ? { statsig: { url: "https://statsigapi.net" } } : {}),
  }));

const MIRROR: Record<ChangeKind, ChangeKind> = {
  "user-added": "user-removed",
  "user-removed": "user-added",
  "org-role": "org-role",
  "statsig-org-role": "statsig-org-role",
  "project-role-added": "project-role-removed",
  "project-role-removed": "project-role-added",
  "finding-added": "finding-resolved",
  "finding-resolved": "finding-added",
};
const mirrored = (change: Change): Change => ({ ...change, kind: MIRROR[change.kind], before: change.after, after: change.before });
const asSet = (changes: Change[]) => changes.map((change) => JSON.stringify(change)).sort();

describe("diffReports", () => {
  it("finds nothing between a report and itself", () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        expect(diffReports(report, report)).toEqual([]);
      }),
    );
  });

  it("finds the same changes back as forth, mirrored", () => {
    fc.assert(
      fc.property(reportArb, reportArb, (a, b) => {
        expect(asSet(diffReports(b, a))).toEqual(asSet(diffReports(a, b).map(mirrored)));
      }),
    );
  });

  it("lists the same changes in the same order whatever the order of the reports' users and findings", () => {
    fc.assert(
      fc.property(reportArb, reportArb, (a, b) => {
        const reversed = (report: DiffReport): DiffReport => ({
          ...report,
          users: [...report.users].reverse(),
          findings: [...report.findings].reverse().map((finding) => ({ ...finding, users: [...finding.users].reverse() })),
        });
        expect(diffReports(reversed(a), reversed(b))).toEqual(diffReports(a, b));
      }),
    );
  });

  it("compares Statsig's roles only when both reports read Statsig", () => {
    const user = (orgRole: string) => ({ id: "00u1", login: "a", role: "Admin", projectRoles: [], statsig: { orgRole } });
    const before = { users: [user("Member")], findings: [] };
    const after = { users: [user("Admin")], findings: [] };
    const read = { url: "https://statsigapi.net" };
    expect(diffReports(before, after)).toEqual([]);
    expect(diffReports({ ...before, statsig: read }, after)).toEqual([]);
    expect(diffReports({ ...before, statsig: read }, { ...after, statsig: read })).toEqual([
      { login: "a", id: "00u1", kind: "statsig-org-role", before: "Member", after: "Admin" },
    ]);
  });
});
