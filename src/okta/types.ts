/**
 * The parts of Okta's Management API responses that `check` reads, named as in Okta's OpenAPI spec
 * (`UserType`, `UserSchema`/`UserSchemaAttribute`, `ListProfileMappings`/`ProfileMapping`,
 * `ApplicationGroupAssignment`). Everything is optional: what Okta leaves out is reported, never assumed.
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
