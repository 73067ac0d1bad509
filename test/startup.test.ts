/**
 * Start-up: a command's --help is printed before the modules a run needs are loaded. zod alone (with the
 * locale index every zod entry point pulls in) took longer to load than node itself takes to start, so help
 * must not load it, nor the YAML reader, nor the config's validation. Measured by `npm run bench:startup`;
 * this test guards the cause without timing anything: it lists what the built CLI loads.
 */
import { describe, expect, it } from "vitest";
import { runProbed } from "./support/loadProbe";

/** What a run of the built CLI loads that help must not: zod, js-yaml, and the config's validation. */
function heavyModules(args: string[]): string[] {
  const { loaded } = runProbed(args);
  const heavy = loaded.flatMap((file) => {
    const name = /[\\/]node_modules[\\/](zod|js-yaml)[\\/]/.exec(file)?.[1] ?? /[\\/]dist[\\/](domain[\\/]validation)\.js$/.exec(file)?.[1];
    return name === undefined ? [] : [name.replace("\\", "/")];
  });
  return [...new Set(heavy)].sort();
}

describe("start-up", () => {
  it.each([[["--help"]], [["check", "--help"]], [["roles", "--help"]], [["plan", "--help"]], [["check", "-h"]], [["diff", "--help"]]])(
    "statsig-okta %j loads neither zod, YAML nor the validation",
    (args) => {
      expect(heavyModules(args)).toEqual([]);
    },
  );

  it.each([[["plan"]], [["check", "--app-id", "0oa1b2c3d4e5f6g7h8i9"]], [["roles", "--app-id", "0oa1b2c3d4e5f6g7h8i9"]]])(
    "statsig-okta %j loads them (the probe sees them)",
    (args) => {
      expect(heavyModules(args)).toEqual(["domain/validation", "js-yaml", "zod"]);
    },
  );
});
