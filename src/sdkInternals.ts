/**
 * The one SDK internal this package relies on: waiting until every outstanding registration and lookup has
 * reached the (mock) monitor. The SDK uses it itself before a program exits; it is not in the typings.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs?: () => Promise<void> };

export function waitForRegistrations(): Promise<void> {
  if (typeof settings.waitForRPCs !== "function") {
    throw new Error("this @pulumi/pulumi version has no runtime/settings.waitForRPCs; statsig-okta plan needs @pulumi/pulumi ^3.142");
  }
  return settings.waitForRPCs();
}
