/** `statsig-okta check --statsig` through the CLI entry: Statsig's Owner against the Owner group, and the users Statsig holds by role. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../../src/cli";
import { FakeOktaServer } from "../../support/fakeOktaServer";
import { FakeStatsigServer, type StatsigSetup } from "../../support/fakeStatsig";
import type { OktaOrg } from "../../support/oktaOrg";
import { stackYaml } from "../../support/rolesOrgs";
import { agreeingOrgs, disagreeingOrgs, SCIM_TOKEN, STATSIG_STACK } from "../../support/statsigOrgs";
import { API_TOKEN } from "../../support/stubAuth";

let okta: FakeOktaServer | undefined;
let statsig: FakeStatsigServer | undefined;
afterEach(async () => {
  await okta?.stop();
  await statsig?.stop();
});

interface Check {
  step: string;
  status: string;
  differences: { field: string; live: unknown; expected: unknown }[];
  notes: string[];
}

async function check(orgs: { okta: OktaOrg; statsig: StatsigSetup }, json = true) {
  okta = await new FakeOktaServer(orgs.okta, { apiToken: API_TOKEN }).start();
  statsig = await new FakeStatsigServer(orgs.statsig, { token: SCIM_TOKEN }).start();
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-check-statsig-"));
  writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stackYaml(STATSIG_STACK));
  let stdout = "";
  let stderr = "";
  const code = await main(
    ["check", "--org-url", okta.origin, "--stack", "prod", "--statsig", "--statsig-url", statsig.url, ...(json ? ["--json"] : [])],
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { OKTA_API_TOKEN: API_TOKEN, STATSIG_SCIM_TOKEN: SCIM_TOKEN },
      cwd: dir,
    },
  );
  return { code, stdout, stderr };
}

describe("check --statsig", () => {
  it("finds Statsig's Owner to be the one member of the Owner group, and counts what Statsig holds", async () => {
    const result = await check(agreeingOrgs());
    const report = JSON.parse(result.stdout) as { checks: Check[]; statsig: unknown };
    expect(report.checks.find((c) => c.step === "statsig")).toEqual({
      step: "statsig",
      title: "Statsig's Owner is the one member of the config's Owner group",
      status: "ok",
      differences: [],
      notes: [],
      import: null,
    });
    expect(report.statsig).toEqual({
      url: statsig!.url,
      users: 3,
      groups: 3,
      roles: { Admin: 1, Member: 1, Owner: 1 },
      withoutRole: 0,
      inactive: 0,
    });
    expect(okta!.requests.filter((r) => r.path.startsWith("/api/v1/groups/00gowners00000000001/users"))).toHaveLength(1);
  });

  it("reports another Owner as a difference (exit 1), GET only, the key never shown", async () => {
    const result = await check(disagreeingOrgs());
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { checks: Check[]; statsig: unknown };
    expect(report.checks.find((c) => c.step === "statsig")).toMatchObject({
      status: "different",
      differences: [{ field: "Owner", live: ["founder@example.com"], expected: ["olivia.owner@example.com"] }],
    });
    expect(report.statsig).toEqual({
      url: statsig!.url,
      users: 11,
      groups: 4,
      roles: { Admin: 2, Member: 6, Owner: 1 },
      withoutRole: 0,
      inactive: 2,
    });
    for (const fake of [okta!, statsig!]) expect(fake.requests.filter((r) => r.method !== "GET")).toEqual([]);
    expect(result.stdout + result.stderr).not.toContain(SCIM_TOKEN);

    const text = await check(disagreeingOrgs(), false);
    expect(text.stdout).toContain("  DIFFERENT     Statsig   Statsig's Owner is the one member of the config's Owner group\n");
    expect(text.stdout).toContain('      Owner: live ["founder@example.com"], expected ["olivia.owner@example.com"]\n');
    expect(text.stdout).toContain(`Statsig (${statsig!.url}) holds 11 users: 2 Admin, 6 Member, 1 Owner, 2 inactive; 4 groups\n`);
  });

  it("an Owner group Okta no longer has is UNREADABLE (exit 1) and the rest of the check still runs", async () => {
    const orgs = agreeingOrgs();
    orgs.okta.groups = orgs.okta.groups.filter((group) => group.id !== "00gowners00000000001");
    const result = await check(orgs);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { checks: Check[]; statsig: { users: number } };
    expect(report.checks.find((c) => c.step === "statsig")).toMatchObject({
      status: "unreadable",
      notes: [expect.stringContaining("the config's Owner group 00gowners00000000001 is not in Okta: fix the config")],
    });
    expect(report.statsig.users).toBe(3);
    expect(report.checks.filter((c) => c.step !== "statsig").length).toBeGreaterThan(0);
  });
});
