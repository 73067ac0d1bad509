import { execFileSync } from "node:child_process";

// Subprocess tests run the built package, as a consumer and the CLI do: build it once first.
export default function setup() {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
