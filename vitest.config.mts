import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/globalSetup.ts"],
    // Each file gets its own process: the Pulumi runtime keeps global state.
    pool: "forks",
    testTimeout: 20000,
  },
});
