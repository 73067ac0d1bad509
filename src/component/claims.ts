import * as pulumi from "@pulumi/pulumi";
import { monitorAddress } from "./sdkInternals";
import type { ArgsIssue, ValidArgs } from "../domain/validation";

/**
 * What the OrgRoles instances of one deployment share, per Okta provider: the Okta objects each owns (two
 * owners of one object would fight over it, and destroying either would unassign or forget what the other
 * manages), and the last schema write (Okta mishandles parallel schema writes, so instances chain them).
 */
interface RunState {
  claims: Map<unknown, Map<string, string>>;
  lastSchemaWrite: Map<unknown, pulumi.Resource>;
}

const runs = new Map<unknown, RunState>();
const NO_MONITOR = {};

/**
 * One key per deployment. A program run talks to one engine monitor address for its whole life. When the
 * component runs as a plugin for another language, the SDK resets its monitor object on every Construct
 * call, but the address stays that of the deployment, so the key does too. Mock runtimes (tests, `plan`)
 * have no address: each mock monitor is its own run.
 */
export function runKey(): unknown {
  const address = monitorAddress();
  if (address && address !== "mock") return `monitor:${address}`;
  return (pulumi.runtime.getMonitor() as object | undefined) ?? NO_MONITOR;
}

function runState(): RunState {
  const key = runKey();
  let state = runs.get(key);
  if (!state) runs.set(key, (state = { claims: new Map(), lastSchemaWrite: new Map() }));
  return state;
}

/** Claims `valid`'s Okta objects for `owner`; returns one issue per object another instance already owns. */
export function claimOktaObjects(owner: string, provider: pulumi.ProviderResource | undefined, valid: ValidArgs): ArgsIssue[] {
  const { claims: byProvider } = runState();
  let claims = byProvider.get(provider);
  if (!claims) byProvider.set(provider, (claims = new Map()));

  const wanted: { key: string; path: string; fix: string }[] = [];
  // Ids that are Outputs cannot be compared now; Okta would still take both writes.
  if (valid.manageOktaAttribute && (valid.userTypeId === undefined || typeof valid.userTypeId === "string")) {
    wanted.push({
      key: `the Okta attribute ${valid.oktaAttributeName} on ${valid.userTypeId ?? "the default user type"}`,
      path: "oktaAttributeName",
      fix: "set manageOktaAttribute: false here, or give this instance its own oktaAttributeName",
    });
  }
  if (typeof valid.appId === "string") {
    wanted.push({ key: `the app ${valid.appId}`, path: "appId", fix: "use one OrgRoles per Statsig app" });
  }

  const issues: ArgsIssue[] = [];
  for (const { key, path, fix } of wanted) {
    const other = claims.get(key);
    if (other !== undefined)
      issues.push({ path: [path], message: `${key} is already managed by ${other} with the same Okta provider: ${fix}` });
  }
  if (issues.length === 0) for (const { key } of wanted) claims.set(key, owner);
  return issues;
}

/** The last schema write of an earlier instance on this provider in this deployment, if any. */
export function previousSchemaWrite(provider: pulumi.ProviderResource | undefined): pulumi.Resource | undefined {
  return runState().lastSchemaWrite.get(provider);
}

export function recordSchemaWrite(provider: pulumi.ProviderResource | undefined, resource: pulumi.Resource): void {
  runState().lastSchemaWrite.set(provider, resource);
}
