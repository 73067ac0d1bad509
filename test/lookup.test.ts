import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

it("a default user type lookup that finds nothing fails the program and creates no mapping", () => {
  // In a subprocess: the failure surfaces as the unhandled rejections that end a real `pulumi up`.
  const child = spawnSync(process.execPath, ["test/fixtures/missing-user-type.cjs"], { encoding: "utf8" });
  expect(child.status).not.toBe(0);
  expect(child.stdout).not.toContain("user type id:");
  const { registered } = JSON.parse(child.stdout.trim().split("\n").pop()!) as { registered: string[] };
  expect(registered).not.toContain("okta:profile/mapping:Mapping");
  expect(registered).toContain("okta:index/appUserSchemaProperty:AppUserSchemaProperty");
});
