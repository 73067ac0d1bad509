/**
 * The parts of Okta's Management API responses that the commands read, named as in Okta's OpenAPI spec
 * (`UserType`, `UserSchema`/`UserSchemaAttribute`, `ListProfileMappings`/`ProfileMapping`,
 * `ApplicationGroupAssignment`, `AppUser`, `User`, `Group`, `GroupPushMapping`). Everything but ids is
 * optional: what Okta leaves out is reported, never assumed.
 */
export interface UserType {
  id: string;
  name?: string;
  displayName?: string;
  default?: boolean;
  _links?: { schema?: { href?: string } };
}

export interface SchemaPermission {
  principal?: string;
  action?: string;
}

export interface SchemaAttribute {
  title?: string;
  type?: string;
  enum?: unknown[] | null;
  oneOf?: { const?: unknown; title?: unknown }[] | null;
  permissions?: SchemaPermission[] | null;
  master?: { type?: string } | null;
  scope?: string;
  externalName?: string;
  externalNamespace?: string;
}

export interface UserSchema {
  definitions?: {
    custom?: { properties?: Record<string, SchemaAttribute | null> };
  };
}

export interface MappingEnd {
  id?: string;
  name?: string;
  type?: string;
}

export interface MappingProperty {
  expression?: string;
  pushStatus?: string;
}

export interface ProfileMapping {
  id: string;
  source?: MappingEnd;
  target?: MappingEnd;
  properties?: Record<string, MappingProperty | null>;
}

export interface GroupAssignment {
  id: string;
  priority?: number;
  profile?: Record<string, unknown> | null;
}

/** An app group assignment; with `expand=group`, the group itself in `_embedded.group`. */
export interface AppGroupAssignment extends GroupAssignment {
  _embedded?: { group?: { profile?: { name?: unknown } | null } };
}

/** An app user; with `expand=user`, the Okta user in `_embedded.user` (spec `AppUserListEx`). */
export interface AppUser {
  id: string;
  scope?: string;
  status?: string;
  syncState?: string;
  credentials?: { userName?: string };
  profile?: Record<string, unknown> | null;
  _embedded?: { user?: { status?: string; profile?: Record<string, unknown> | null } };
}

/** A member of a group (spec `User`). */
export interface GroupMember {
  id: string;
  status?: string;
  profile?: { login?: unknown } | null;
}

/** A group (spec `Group`). */
export interface Group {
  id?: string;
  profile?: { name?: string } | null;
}

/** A group push mapping (spec `GroupPushMapping`). */
export interface GroupPushMapping {
  id: string;
  sourceGroupId?: string;
  targetGroupId?: string;
  /** ACTIVE, INACTIVE or ERROR. */
  status?: string;
  /** Why the latest push failed. */
  errorSummary?: string;
}
