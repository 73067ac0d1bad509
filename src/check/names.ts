/** Child resource names, exactly as src/orgRoles.ts gives them (group assignments: groupAssignmentName). */
export const childNames = (name: string) => ({
  oktaAttribute: `${name}-okta-attribute`,
  appAttribute: `${name}-app-attribute`,
  appToOkta: `${name}-app-to-okta`,
  oktaToApp: `${name}-okta-to-app`,
});
