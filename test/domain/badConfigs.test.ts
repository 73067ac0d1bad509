import { describe, expect, it } from "vitest";
import { OrgRolesArgsError } from "../../src/domain/validation";
import { runStack } from "../../src/component/stack";
import { BAD_CONFIGS, config } from "../support/badConfigs";
import { run } from "../support/harness";

describe("the bad-config corpus", () => {
  it("has at least 40 entries with distinct names, each saying what its message must say", () => {
    expect(BAD_CONFIGS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BAD_CONFIGS.map((b) => b.name)).size).toBe(BAD_CONFIGS.length);
    expect(BAD_CONFIGS.filter((b) => b.says.length === 0).map((b) => b.name)).toEqual([]);
  });

  it.each(BAD_CONFIGS)("$name: rejected naming statsig-okta:$field, nothing registered", async (entry) => {
    let error: unknown;
    const { resources } = await run(() => {
      try {
        runStack(config(entry));
      } catch (e) {
        error = e;
      }
    });
    expect(resources).toEqual([]);
    expect(error).toBeInstanceOf(OrgRolesArgsError);
    const message = (error as Error).message;
    const line = message.split("\n").find((l) => l.startsWith(`  - statsig-okta:${entry.field}: `));
    expect(line, message).toBeDefined();
    // What was wrong and what is allowed, in the key's own line.
    for (const part of entry.says) expect(line, message).toContain(part);
    // A very long value is summarized, not echoed.
    expect(message.length).toBeLessThan(2000);
  });
});
