import * as pulumi from "@pulumi/pulumi";
import type { ArgsIssue, ValidArgs } from "./validation";

/**
 * The Okta objects that OrgRoles instances of the running program own, per Okta provider: two owners of one
 * object would fight over it, and destroying either would unassign or forget what the other manages. Keyed by
 * the resource monitor so that each program run (and each test's mock runtime) starts empty.
 */
const claimsByRun = new WeakMap<object, Map<unknown, Map<string, string>>>();
const NO_MONITOR = {};

/** Claims `valid`'s Okta objects for `owner`; returns one issue per object another instance already owns. */
export function claimOktaObjects(owner: string, provider: pulumi.ProviderResource | undefined, valid: ValidArgs): ArgsIssue[] {
  const monitor = (pulumi.runtime.getMonitor() as object | undefined) ?? NO_MONITOR;
  let byProvider = claimsByRun.get(monitor);
  if (!byProvider) claimsByRun.set(monitor, (byProvider = new Map()));
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
