/**
 * The SDK internals this package relies on, in one place: they are not in the typings.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs?: () => Promise<void> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as {
  getStore?: () => { settings?: { options?: { monitorAddr?: string } } };
};

/**
 * Waits until every outstanding registration and lookup has reached the (mock) monitor. The SDK uses it
 * itself before a program exits.
 */
export function waitForRegistrations(): Promise<void> {
  if (typeof settings.waitForRPCs !== "function") {
    throw new Error("this @pulumi/pulumi version has no runtime/settings.waitForRPCs; statsig-okta needs @pulumi/pulumi ^3.142");
  }
  return settings.waitForRPCs();
}

/** The engine monitor's address of the running deployment ("mock" under mocks), if the SDK exposes it. */
export function monitorAddress(): string | undefined {
  return state.getStore?.().settings?.options?.monitorAddr;
}
