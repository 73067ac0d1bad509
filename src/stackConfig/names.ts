/**
 * The root project's names, apart from keys.ts so that a command's help can print them without loading the
 * validation (zod) that keys.ts needs.
 */

/** The config namespace of the root project (its `name` in Pulumi.yaml). */
export const CONFIG_NAMESPACE = "statsig-okta";

/** The component's name when the config sets no `statsig-okta:name`; it prefixes every child's name. */
export const DEFAULT_COMPONENT_NAME = "statsig";
