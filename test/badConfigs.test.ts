import { describe, expect, it } from "vitest";
import { OrgRolesArgsError } from "../src/validation";
import { runStack } from "../src/stack";
import { BAD_CONFIGS, config } from "./corpus/badConfigs";
import { run } from "./harness";

describe("the bad-config corpus", () => {
  it("has at least 40 entries with distinct names", () => {
    expect(BAD_CONFIGS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BAD_CONFIGS.map((b) => b.name)).size).toBe(BAD_CONFIGS.length);
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
    // What was wrong and what to do: every line says more than the key.
    expect(line!.length).toBeGreaterThan(`  - statsig-okta:${entry.field}: `.length + 10);
    // A very long value is summarized, not echoed.
    expect(message.length).toBeLessThan(2000);
  });
});
