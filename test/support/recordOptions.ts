import type * as pulumi from "@pulumi/pulumi";

/** The resource options that carry the component's safety defaults, as a plan shows them. */
export interface RecordedOptions {
  parent?: string;
  retainOnDelete?: boolean;
  deleteBeforeReplace?: boolean;
  protect?: boolean;
  replaceOnChanges?: string[];
  ignoreChanges?: string[];
  /** Names of the resources this one waits for. */
  dependsOn: string[];
}

// A resource's name as given to its constructor (an SDK field, not in the typings).
const nameOf = (resource: unknown) => (resource as { __name?: string }).__name ?? "?";

/**
 * A transformation that calls `record` with each resource's type, name and options, and changes nothing.
 * Mock runtimes never see resource options; this is how tests observe them.
 */
export function recordOptions(record: (type: string, name: string, options: RecordedOptions) => void): pulumi.ResourceTransformation {
  return ({ type, name, opts }) => {
    const custom = opts as pulumi.CustomResourceOptions;
    record(type, name, {
      ...(opts.parent ? { parent: nameOf(opts.parent) } : {}),
      ...(opts.retainOnDelete !== undefined ? { retainOnDelete: opts.retainOnDelete } : {}),
      ...(custom.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: custom.deleteBeforeReplace } : {}),
      ...(opts.protect !== undefined ? { protect: opts.protect } : {}),
      ...(custom.replaceOnChanges ? { replaceOnChanges: custom.replaceOnChanges } : {}),
      ...(opts.ignoreChanges ? { ignoreChanges: opts.ignoreChanges } : {}),
      // An Output among them is a lookup to wait for (the app check), not a resource.
      dependsOn: ([] as unknown[])
        .concat(opts.dependsOn ?? [])
        .map((d) => ((d as { __pulumiOutput?: boolean }).__pulumiOutput ? "<lookup>" : nameOf(d))),
    });
    return undefined;
  };
}
