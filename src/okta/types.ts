/**
 * What the commands read of Okta's Management API answers, as zod schemas of exactly the fields the code uses,
 * named and typed as in Okta's OpenAPI spec (schema names below). Every answer is parsed with one of these
 * (okta/endpoints.ts): an answer of another shape is an error naming the field, never a verdict. A field is
 * optional only where Okta leaves it out (docs/reference/okta.md#app-attribute-responses-omit-permissions-master-and-mutability)
 * or the code reports its absence as such; unknown fields are dropped.
 *
 * Where keys are data (attribute names in a schema, a mapping or a profile), the caller names the keys it
 * reads and gets a Map of those the object has as its own keys: `__proto__`, `constructor` or `prototype` are
 * names like any other there, never Object's, and the other attributes (any number, of any shape) are not
 * read. (`z.record` would drop a `__proto__` key, and a plain object lookup finds an inherited `constructor`.)
 */
import { z } from "zod";
import { STATSIG_ATTRIBUTE } from "../domain/orgRoles";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * An object whose keys are data, as a Map of the keys `keys` it has as its own, each value parsed with
 * `value`; an issue's path names its key.
 */
export function keyedBy<T extends z.ZodType>(value: T, keys: readonly string[]): z.ZodType<ReadonlyMap<string, z.output<T>>> {
  return z.unknown().transform((input, ctx) => {
    if (!isObject(input)) {
      ctx.issues.push({ code: "invalid_type", expected: "object", input, message: "expected object" });
      return z.NEVER;
    }
    const map = new Map<string, z.output<T>>();
    for (const key of new Set(keys)) {
      if (!Object.hasOwn(input, key)) continue;
      const parsed = value.safeParse(input[key]);
      if (parsed.success) map.set(key, parsed.data);
      else for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, path: [key, ...issue.path] } as never);
    }
    return map;
  });
}

/**
 * An object's id as Okta writes it (20 letters and digits, e.g. `00g1b2c3d4e5f6g7h8i9`): ids go into request
 * paths and messages, so one with other characters is a wrong answer, not text to pass on.
 */
const oktaId = z.string().regex(/^[A-Za-z0-9]{1,64}$/, "expected an Okta id (letters and digits)");

/** `UserType` (`listUserTypes`): the default type is flagged `default: true`; its schema is named by `_links.schema`. */
export const userTypeSchema = z.object({
  id: oktaId,
  name: z.string().optional(),
  default: z.boolean().optional(),
  _links: z.object({ schema: z.object({ href: z.string() }).optional() }).optional(),
});
export type UserType = z.infer<typeof userTypeSchema>;

/** `UserSchemaAttributePermission`. */
const schemaPermission = z.object({ principal: z.string().optional(), action: z.string().optional() });
export type SchemaPermission = z.infer<typeof schemaPermission>;

/**
 * `UserSchemaAttribute`: `enum`, `oneOf`, `permissions` and `master` are nullable in the spec; app attributes
 * come without `permissions` and `master` (docs/reference/okta.md).
 */
export const schemaAttributeSchema = z.object({
  type: z.string().optional(),
  enum: z.array(z.union([z.string(), z.number()])).nullish(),
  oneOf: z.array(z.object({ const: z.string().optional(), title: z.string().optional() })).nullish(),
  permissions: z.array(schemaPermission).nullish(),
  master: z.object({ type: z.string().optional() }).nullish(),
  scope: z.string().optional(),
  externalName: z.string().optional(),
  externalNamespace: z.string().optional(),
});
export type SchemaAttribute = z.infer<typeof schemaAttributeSchema>;

/**
 * `UserSchema` (`getUserSchema`, `getApplicationUserSchema`): the custom attributes named `attributes`, by
 * variable name (`definitions.custom.properties`, `UserSchemaPublic`). Okta answers `custom` with its
 * `properties`, `{}` when there are none.
 */
export function userSchemaSchema(attributes: readonly string[]) {
  return z.object({
    definitions: z.object({ custom: z.object({ properties: keyedBy(schemaAttributeSchema.nullable(), attributes) }) }),
  });
}
export type UserSchema = z.infer<ReturnType<typeof userSchemaSchema>>;

/** `ProfileMappingSource` / `ProfileMappingTarget`: the app or user type at one end. */
const mappingEnd = z.object({ id: oktaId });

/** `ListProfileMappings` (`listProfileMappings`): a mapping without its properties. */
export const mappingSummarySchema = z.object({ id: oktaId, source: mappingEnd, target: mappingEnd });
export type MappingSummary = z.infer<typeof mappingSummarySchema>;

/** `ProfileMappingProperty`: an expression, and `PUSH` or `DONT_PUSH` (`ProfileMappingPropertyPushStatus`). */
const mappingPropertySchema = z.object({ expression: z.string(), pushStatus: z.string().optional() });
export type MappingProperty = z.infer<typeof mappingPropertySchema>;

/** `ProfileMapping` (`getProfileMapping`): the target attributes named `properties` -> their mapping; null is unmapped. */
export function profileMappingSchema(properties: readonly string[]) {
  return z.object({ id: oktaId, properties: keyedBy(mappingPropertySchema.nullable(), properties) });
}
export type ProfileMapping = z.infer<ReturnType<typeof profileMappingSchema>>;

/** An attribute value of the role in a profile: a string, null when empty. */
const roleValue = z.string().nullable().optional();

/**
 * `ApplicationGroupAssignment` (`listApplicationGroupAssignments`): `priority` (spec: integer) and the
 * `GroupAssignmentProfile`'s role; with `expand=group`, the `Group` and its name in `_embedded.group`.
 */
export const appGroupAssignmentSchema = z.object({
  id: oktaId,
  priority: z.number().int().optional(),
  profile: z.object({ [STATSIG_ATTRIBUTE]: roleValue }),
  _embedded: z.object({ group: z.object({ profile: z.object({ name: z.string() }) }).optional() }).optional(),
});
export type AppGroupAssignment = z.infer<typeof appGroupAssignmentSchema>;

/**
 * `AppUser` (`listApplicationUsers` with `expand=user`, as in the spec's `AppUserListEx`): scope, status,
 * syncState, the app user name, the role and the email Okta sends (the app user profile's `email`, as in the
 * recorded `TestAccDataSourceOktaAppUserAssignments_read` answers); the Okta `User` in `_embedded.user` with its
 * status, login, email and the Okta attribute named `oktaAttributeName` (a Map of those own keys of its profile).
 */
export function appUserSchema(oktaAttributeName: string) {
  return z.object({
    id: oktaId,
    scope: z.string().optional(),
    status: z.string().optional(),
    syncState: z.string().optional(),
    credentials: z.object({ userName: z.string().optional() }).optional(),
    profile: z.object({ [STATSIG_ATTRIBUTE]: roleValue, email: z.string().nullable().optional() }),
    // Asked for with expand=user: without the user, the login and (in personal mode) the intended role are
    // unknown, so an answer that leaves it out is a wrong answer, not a user without a role.
    _embedded: z.object({
      user: z.object({ status: z.string().optional(), profile: keyedBy(z.string().nullable(), ["login", "email", oktaAttributeName]) }),
    }),
  });
}
export type AppUser = z.infer<ReturnType<typeof appUserSchema>>;

/** `User` (`listGroupUsers`): a member of a group. */
export const groupMemberSchema = z.object({
  id: oktaId,
  status: z.string().optional(),
  profile: z.object({ login: z.string().optional() }),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

/** `Group` (`getGroup`): its name (`OktaUserGroupProfile.name`). */
export const groupSchema = z.object({ profile: z.object({ name: z.string() }) });
export type Group = z.infer<typeof groupSchema>;

/** `GroupPushMapping` (`listGroupPushMappings`); `status` is ACTIVE, INACTIVE or ERROR (`GroupPushMappingStatus`). */
export const groupPushMappingSchema = z.object({
  id: oktaId,
  sourceGroupId: oktaId.optional(),
  targetGroupId: oktaId.optional(),
  status: z.string().optional(),
  /** Why the latest push failed. */
  errorSummary: z.string().optional(),
});
export type GroupPushMapping = z.infer<typeof groupPushMappingSchema>;
