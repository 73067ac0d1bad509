import { ORG_ROLES_TYPE } from "../orgRoles";

/** Type tokens of the component's children, as `pulumi import` wants them. */
export const RESOURCE_TYPES = {
  userSchemaProperty: "okta:index/userSchemaProperty:UserSchemaProperty",
  appUserSchemaProperty: "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
  mapping: "okta:profile/mapping:Mapping",
  groupAssignment: "okta:app/groupAssignment:GroupAssignment",
} as const;

/** One live object the component would adopt: its child resource's type and name, and the provider's import id. */
export interface ImportResource {
  type: string;
  name: string;
  id: string;
}

/** The URN of the OrgRoles component at the top of a stack of `project`. */
export function componentUrn(stack: string, project: string, name: string): string {
  return `urn:pulumi:${stack}::${project}::${ORG_ROLES_TYPE}::${name}`;
}

/**
 * A `pulumi import --file` document: every resource parented to the component, which the name table maps to
 * its URN, so the imported resources get the URNs the component's children have.
 */
export function importFile(resources: ImportResource[], component: { stack: string; project: string; name: string }) {
  return {
    nameTable: { [component.name]: componentUrn(component.stack, component.project, component.name) },
    resources: resources.map((resource) => ({ ...resource, parent: component.name })),
  };
}
