/**
 * `roles --json` reports written by hand for `statsig-okta diff`: a head with every metadata field and users
 * and findings in the shape `roles` writes (the real command's reports are diffed in test/commands/diff/reports.test.ts).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli";

export const ORG = "https://acme.okta.com";
export const APP = "0oastatsigapp0000001";
export const ARGS_SHA = "a".repeat(64);

export interface FixtureUser {
  id: string;
  login: string;
  role: string | null;
  projectRoles?: { project: string; role: string; team?: string }[];
  findings?: string[];
  statsig?: { orgRole: string | null; active: boolean; projectRoles: unknown[] } | null;
}

export interface FixtureFinding {
  kind: string;
  reason?: string;
  groupId?: string;
  users: string[];
}

/** A report as `roles --json` writes it, with the fields diff does not read filled in as roles fills them. */
export function report(users: FixtureUser[], findings: FixtureFinding[] = [], head: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    generatedAt: "2026-08-30T09:00:00.000Z",
    tool: "statsig-okta",
    version: "0.1.0",
    report: "roles",
    reportVersion: 1,
    org: ORG,
    appId: APP,
    config: "Pulumi.prod.yaml",
    argsSha256: ARGS_SHA,
    requests: 7,
    result: findings.length === 0 ? "ok" : "findings",
    mode: "group",
    summary: { users: users.length, roles: {}, withoutRole: 0, findings: findings.length },
    ...head,
    users: users.map((user) => ({
      id: user.id,
      login: user.login,
      status: "ACTIVE",
      assignment: { individual: false, groups: [] },
      role: user.role,
      source: { kind: "unknown" },
      syncState: "SYNCHRONIZED",
      projectRoles: user.projectRoles ?? [],
      findings: user.findings ?? [],
      ...(user.statsig !== undefined ? { statsig: user.statsig } : {}),
    })),
    findings: findings.map((finding) => ({ message: "m", fix: "f", ...finding })),
  };
}

/** A fresh folder for report files. */
export const folder = (): string => mkdtempSync(path.join(tmpdir(), "statsig-okta-diff-"));

/** Writes `content` (an object as JSON, or text as is) to `name` in `dir`; returns the name. */
export function write(dir: string, name: string, content: unknown): string {
  writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  return name;
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** `statsig-okta diff …` in this process, from `cwd`, with no credentials in the environment. */
export async function diff(args: string[], cwd: string): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const code = await main(["diff", ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd });
  return { code, stdout, stderr };
}

/**
 * A report object written in the layout `roles --json` writes (the head on one line, then one user and one
 * finding per line), which diff reads line by line; JSON.stringify of the whole is read whole.
 */
export function inRolesLayout(body: Record<string, unknown>): string {
  const { users, findings, ...head } = body as { users: unknown[]; findings: unknown[] };
  const list = (items: unknown[]) => items.map((entry, i) => `${JSON.stringify(entry)}${i < items.length - 1 ? "," : ""}\n`).join("");
  return `${JSON.stringify(head).slice(0, -1)},\n"users": [\n${list(users)}],\n"findings": [\n${list(findings)}]}\n`;
}
