/**
 * What changed between two `roles` reports, user by user: the one diff behind `statsig-okta diff` and
 * `roles --since`. Pure and linear: each report's users go into a Map once, so two reports of 50,000 users
 * diff in one pass each (bench/RESULTS.md), plus the sort of the changes found.
 */
import { byText, projectRoleText } from "./report";

/** The kinds of change, in the order they are listed for one user. */
export const CHANGE_KINDS = [
  "user-added",
  "user-removed",
  "org-role",
  "statsig-org-role",
  "project-role-added",
  "project-role-removed",
  "finding-added",
  "finding-resolved",
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * One change. `before` and `after` are the value in the old and the new report, null for none: the org role
 * Okta sends (`user-added`, `user-removed`, `org-role`), the org role Statsig holds (`statsig-org-role`), a
 * project role as `Web/Growth: Admin`, a finding as `kind[:reason][ (group 00g…)]`.
 */
export interface Change {
  login: string;
  /** The Okta user id; null for a finding about someone who is not an app user in either report (`not-assigned`). */
  id: string | null;
  kind: ChangeKind;
  before: string | null;
  after: string | null;
}

/** What the diff reads of a report's user: the fields of a `roles --json` user object it compares. */
export interface DiffUser {
  id: string;
  login: string;
  /** The org role Okta sends; null for none. */
  role: string | null;
  projectRoles: readonly { project: string; role: string; team?: string | undefined }[];
  /** `roles --statsig` only: what Statsig holds for the user, null when Statsig has no such user. */
  statsig?: { orgRole: string | null } | null | undefined;
}

export interface DiffFinding {
  kind: string;
  reason?: string | undefined;
  groupId?: string | undefined;
  users: readonly string[];
}

export interface DiffReport {
  users: readonly DiffUser[];
  findings: readonly DiffFinding[];
  /** Present when the report read Statsig too (`roles --statsig`): then, and only then, Statsig's roles are compared. */
  statsig?: unknown;
}

/** A user's identity across reports: the Okta user id (a login can be renamed), the login when there is no id. */
export const userKey = (user: { id: string; login: string }): string => (user.id !== "" ? `id:${user.id}` : `login:${user.login}`);

/** The text of a finding in a change: `kind`, `kind:reason`, and the group it is about. */
export const findingText = (finding: Omit<DiffFinding, "users">): string =>
  `${finding.reason !== undefined ? `${finding.kind}:${finding.reason}` : finding.kind}${finding.groupId !== undefined ? ` (group ${finding.groupId})` : ""}`;

/** Statsig's org role of a user, null when Statsig has none (or no such user). */
const statsigRole = (user: DiffUser): string | null => user.statsig?.orgRole ?? null;

/**
 * Every change from `before` to `after`, sorted by {@link compareChanges}. Statsig's org roles are compared
 * only when both reports read Statsig.
 */
export function diffReports(before: DiffReport, after: DiffReport): Change[] {
  const changes: Change[] = [];
  const withStatsig = before.statsig !== undefined && after.statsig !== undefined;
  const oldUsers = new Map<string, DiffUser>();
  for (const user of before.users) oldUsers.set(userKey(user), user);
  const newKeys = new Set<string>();

  for (const user of after.users) {
    const key = userKey(user);
    newKeys.add(key);
    const old = oldUsers.get(key);
    if (old === undefined) changes.push(change(user, "user-added", null, user.role));
    else if (old.role !== user.role) changes.push(change(user, "org-role", old.role, user.role));
    if (withStatsig) {
      const from = old === undefined ? null : statsigRole(old);
      if (from !== statsigRole(user)) changes.push(change(user, "statsig-org-role", from, statsigRole(user)));
    }
    projectRoleChanges(user, old?.projectRoles ?? [], user.projectRoles, changes);
  }
  for (const [key, user] of oldUsers) {
    if (newKeys.has(key)) continue;
    changes.push(change(user, "user-removed", user.role, null));
    if (withStatsig && statsigRole(user) !== null) changes.push(change(user, "statsig-org-role", statsigRole(user), null));
    projectRoleChanges(user, user.projectRoles, [], changes);
  }
  findingChanges(before, after, changes);
  return changes.sort(compareChanges);
}

const change = (user: DiffUser, kind: ChangeKind, before: string | null, after: string | null): Change => ({
  login: user.login,
  id: user.id,
  kind,
  before,
  after,
});

function projectRoleChanges(user: DiffUser, before: DiffUser["projectRoles"], after: DiffUser["projectRoles"], changes: Change[]): void {
  // Most users keep their project roles, in the same order (roles sorts them): no sets for them.
  if (before.length === after.length && before.every((role, i) => projectRoleText(role) === projectRoleText(after[i]!))) return;
  const old = new Set(before.map(projectRoleText));
  const now = new Set(after.map(projectRoleText));
  for (const role of now) if (!old.has(role)) changes.push(change(user, "project-role-added", null, role));
  for (const role of old) if (!now.has(role)) changes.push(change(user, "project-role-removed", role, null));
}

/**
 * Findings by what they are and whom they concern: a finding that names a user in one report and not in the
 * other appeared or was resolved for that user. Its message and fix are left out of the comparison: their
 * wording may change between versions of the tool.
 */
function findingChanges(before: DiffReport, after: DiffReport, changes: Change[]): void {
  const pairs = (report: DiffReport) => {
    const found = new Map<string, { text: string; login: string }>();
    for (const finding of report.findings) {
      const text = findingText(finding);
      for (const login of finding.users) found.set(`${text}\u0000${login}`, { text, login });
    }
    return found;
  };
  const ids = new Map<string, string>();
  for (const user of before.users) ids.set(user.login, user.id);
  for (const user of after.users) ids.set(user.login, user.id);
  const old = pairs(before);
  const now = pairs(after);
  for (const [key, { text, login }] of now) {
    if (!old.has(key)) changes.push({ login, id: ids.get(login) ?? null, kind: "finding-added", before: null, after: text });
  }
  for (const [key, { text, login }] of old) {
    if (!now.has(key)) changes.push({ login, id: ids.get(login) ?? null, kind: "finding-resolved", before: text, after: null });
  }
}

/**
 * The one order of changes: by login, then user id, then kind in {@link CHANGE_KINDS}' order, then the
 * values. Every field takes part, so the order does not depend on the order of the reports' lines.
 */
export function compareChanges(a: Change, b: Change): number {
  return (
    byText(a.login, b.login) ||
    byText(a.id ?? "", b.id ?? "") ||
    CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) ||
    byText(a.before ?? "", b.before ?? "") ||
    byText(a.after ?? "", b.after ?? "")
  );
}
