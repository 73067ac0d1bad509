import { ORG_ROLES_TYPE } from "../../domain/desired";

/** One live object the component would adopt: its child resource's type and name, and the provider's import id. */
export interface ImportResource {
  type: string;
  name: string;
  id: string;
}

/**
 * A `pulumi import --file` document for a stack that does not have the component yet: the OrgRoles component
 * itself (`component: true`, created empty by the import; Pulumi 3.94+), then every live object as its child,
 * so the imported resources get exactly the URNs that `pulumi up` of the component gives its children.
 */
export function importFile(resources: ImportResource[], componentName: string) {
  return {
    resources: [
      { type: ORG_ROLES_TYPE, name: componentName, component: true },
      ...resources.map((resource) => ({ ...resource, parent: componentName })),
    ],
  };
}
