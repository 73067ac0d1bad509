/** Runs code under Pulumi's mock runtime and records what each resource was registered with. */
import * as pulumi from "@pulumi/pulumi";
import { recordOptions, type RecordedOptions } from "./recordOptions";
import { waitForRegistrations } from "../../src/component/sdkInternals";
import { FakeOkta, type Registration } from "./fakeOkta";

export interface Recorded extends Registration {
  opts: RecordedOptions;
}

/**
 * Calls `build` with component options that record every child's resource options (mocks do not see
 * options), waits until every registration reached the fake, and returns them with their options.
 */
export async function run<T>(
  build: (opts: pulumi.ComponentResourceOptions) => T,
  { fake = new FakeOkta(), project = "statsig-okta", stack = "test" }: { fake?: FakeOkta; project?: string; stack?: string } = {},
): Promise<{ result: T; fake: FakeOkta; resources: Recorded[]; find: (type: string, name?: string) => Recorded }> {
  await pulumi.runtime.setMocks(fake, project, stack, fake.preview);
  const options = new Map<string, RecordedOptions>();
  const transformations = [recordOptions((_type, name, recorded) => options.set(name, recorded))];
  const result = build({ transformations });
  await settle();
  const resources = fake.registrations.map((r) => ({ ...r, opts: options.get(r.name) ?? { dependsOn: [] } }));
  const find = (type: string, name?: string) => {
    const hits = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
    if (hits.length !== 1) throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${hits.length}`);
    return hits[0]!;
  };
  return { result, fake, resources, find };
}

/** Waits until no registration or lookup is outstanding. */
export function settle(): Promise<void> {
  return withTimeout(waitForRegistrations(), "registrations to finish");
}

/** The value of an Output, or `unknown` for one not known (preview). Fails with a message, not a hang. */
export async function valueOf<T>(output: pulumi.Output<T>): Promise<T | typeof UNKNOWN> {
  const internal = output as unknown as { promise(): Promise<T>; isKnown: Promise<boolean> };
  const [value, isKnown] = await withTimeout(Promise.all([internal.promise(), internal.isKnown]), "an Output to resolve");
  return isKnown ? value : UNKNOWN;
}

export const UNKNOWN = Symbol("unknown");

function withTimeout<T>(promise: Promise<T>, what: string, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
