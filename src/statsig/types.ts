/**
 * What `--statsig` reads of Statsig's SCIM answers, as zod schemas of exactly the fields the code uses. Statsig
 * documents request bodies only (`ScimCreateUserDto` in its SCIM spec), no response: these follow the SCIM
 * standard it implements (RFC 7643 core schemas, RFC 7644 list responses) and the fields of that request body
 * (docs/reference/statsig.md#what-statsigs-scim-api-answers). An answer of another shape is an error naming
 * the field, never a verdict; unknown fields are dropped, and no key of an answer becomes a key of ours.
 */
import { z } from "zod";
import { STATSIG_ATTRIBUTE } from "../domain/orgRoles";

/** The SCIM core user schema's URN, under which Statsig's SCIM attribute may come (RFC 7643 section 3). */
export const CORE_USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";

/**
 * A SCIM `id` (RFC 7643 section 3.1: a string the server chooses, never reused): shown in messages and used
 * to join members to users, never sent back; so 1 to 256 characters, no controls.
 */
const scimId = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u, "expected a SCIM id (text without control characters)");

/** `statsigOrgRole`: a nullable string in `ScimCreateUserDto`. */
const orgRole = z.string().nullable().optional();

/** RFC 7644 section 3.4.2: `totalResults` always; `Resources` when there are any; the other two informative. */
export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({
    totalResults: z.number().int().nonnegative(),
    startIndex: z.number().int().optional(),
    itemsPerPage: z.number().int().nonnegative().optional(),
    Resources: z.array(item).optional(),
  });

/**
 * A SCIM user: `id`, `userName`, `emails` (`value`, `primary`), `active` (RFC 7643 section 4.1), and Statsig's
 * `statsigOrgRole` at the top level (as its create body has it) or under the core schema's URN (where Okta's
 * app attribute puts it: external namespace `urn:ietf:params:scim:schemas:core:2.0:User`). Both given and
 * different is an error: no guess which one Statsig acts on.
 */
export const scimUserSchema = z
  .object({
    id: scimId,
    userName: z.string().min(1),
    emails: z.array(z.object({ value: z.string(), primary: z.boolean().optional() })).optional(),
    active: z.boolean().optional(),
    [STATSIG_ATTRIBUTE]: orgRole,
    [CORE_USER_URN]: z.object({ [STATSIG_ATTRIBUTE]: orgRole }).optional(),
  })
  .check(
    z.superRefine((user, ctx) => {
      const top = user[STATSIG_ATTRIBUTE];
      const nested = user[CORE_USER_URN]?.[STATSIG_ATTRIBUTE];
      if (top != null && nested != null && top !== nested) {
        ctx.addIssue({
          code: "custom",
          path: [STATSIG_ATTRIBUTE],
          message: `${JSON.stringify(top)} at the top level but ${JSON.stringify(nested)} under ${CORE_USER_URN}: which one Statsig holds cannot be told`,
        });
      }
    }),
  );
export type ScimUser = z.infer<typeof scimUserSchema>;

/** A SCIM group (RFC 7643 section 4.2): `id`, `displayName`, `members` (`value`: the member's id, `display`). */
export const scimGroupSchema = z.object({
  id: scimId,
  displayName: z.string(),
  members: z.array(z.object({ value: scimId, display: z.string().optional() })).optional(),
});
export type ScimGroup = z.infer<typeof scimGroupSchema>;
