/** Ids and type tokens shared by the component tests. The ids are Okta-shaped placeholders. */
export const APP = "0oa1b2c3d4e5f6g7h8i9";
export const OTHER_APP = "0oa9z8y7x6w5v4u3t2s1";
export const OWNER = "00gOwnerGroup0000001";
export const ADMINS = "00gAdminsGroup000001";
export const LEADS = "00gLeadsGroup0000001";
export const MEMBERS = "00gMembersGroup00001";

export const USER_ATTR = "okta:index/userSchemaProperty:UserSchemaProperty";
export const APP_ATTR = "okta:index/appUserSchemaProperty:AppUserSchemaProperty";
export const MAPPING = "okta:profile/mapping:Mapping";
export const ASSIGNMENT = "okta:app/groupAssignment:GroupAssignment";
