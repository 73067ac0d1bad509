/**
 * Pulumi mocks that answer like Okta and the Okta provider (terraform-provider-okta v6.12.0, which
 * `@pulumi/okta` bridges) do, writing into the fake org of oktaOrg.ts, which persists across runs (so a second
 * `pulumi up` meets what the first left, and `check` can read it over HTTP with fakeOktaServer.ts): ids in
 * Okta's formats, one mapping object per source/target pair, lookups that fail when nothing matches, and
 * Okta's quirks: priority 0 is never sent, concurrent assignment writes re-index priorities, and an existing
 * app attribute keeps its scope. Nothing here echoes what a test wants to see.
 */
import * as pulumi from "@pulumi/pulumi";
import { addApp, defaultUserType, mappingOf, newOrg, oktaId, userSchemaId, type Attribute, type OktaOrg } from "./oktaOrg";
import { FakeGroupPush } from "./pushGroupFake";
import { searchGroups } from "./groupSearch";

export const DEFAULT_USER_TYPE_ID = "oty1dfltUserType0000";

export interface Registration {
  type: string;
  name: string;
  inputs: Record<string, any>;
  id: string | undefined;
  /** What the provider stored after the write: what Okta answered, not only what was sent. */
  state: Record<string, any>;
}

export class FakeOkta implements pulumi.runtime.Mocks {
  registrations: Registration[] = [];
  invocations: { token: string; inputs: Record<string, any> }[] = [];
  /** The org the provider writes to: the default user type, and the apps (active, provisioning on). */
  readonly org: OktaOrg = newOrg(DEFAULT_USER_TYPE_ID);
  /** The group push API over the same org (pushGroupFake.ts). */
  readonly push = new FakeGroupPush(this.org);
  /** Assignment writes in flight per app, and the priority Okta answers all of them while they overlap. */
  private readonly inFlight = new Map<string, { count: number; priority: number | undefined }>();

  constructor(
    public preview = false,
    appIds: string[] = ["0oa1b2c3d4e5f6g7h8i9", "0oa9z8y7x6w5v4u3t2s1"],
  ) {
    for (const id of appIds) addApp(this.org, id);
  }

  /** A new `pulumi up` (or preview) against the same org: what was registered before is forgotten, Okta is not. */
  nextRun(preview = false): this {
    this.registrations = [];
    this.invocations = [];
    this.preview = preview;
    return this;
  }

  byType(type: string): Registration[] {
    return this.registrations.filter((r) => r.type === type);
  }

  async newResource(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string | undefined; state: Record<string, any> }> {
    const inputs = args.inputs as Record<string, any>;
    const registration: Registration = { type: args.type, name: args.name, inputs, id: undefined, state: {} };
    // Recorded in call order, before any await, so tests see the order in which writes started.
    this.registrations.push(registration);
    const result = await this.answer(args.type, args.name, inputs);
    registration.id = result.id;
    registration.state = result.state;
    return result;
  }

  private async answer(
    type: string,
    name: string,
    raw: Record<string, any>,
  ): Promise<{ id: string | undefined; state: Record<string, any> }> {
    // A preview sends inputs not yet known as pulumi.unknown; Okta would only see them at `up`.
    const inputs = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === pulumi.unknown ? undefined : v]));
    // In a preview Okta is not asked: a new resource's id is unknown.
    const known = (id: string | undefined) => (this.preview ? undefined : id);
    switch (type) {
      case "statsig-okta:index:OrgRoles":
        return { id: undefined, state: {} };
      case "okta:index/userSchemaProperty:UserSchemaProperty": {
        requireInputs(type, inputs, ["index", "title", "type"]);
        const state = { permissions: "READ_ONLY", master: "PROFILE_MASTER", userType: "default", scope: "NONE", ...inputs };
        if (!this.preview && inputs.index !== undefined) this.userSchemaOf(state.userType)[inputs.index] = attributeOf(state);
        return { id: known(inputs.index), state };
      }
      case "okta:index/appUserSchemaProperty:AppUserSchemaProperty": {
        requireInputs(type, inputs, ["appId", "index", "title", "type"]);
        if (inputs.appId === undefined) return { id: undefined, state: { ...inputs } };
        const app = this.org.apps[String(inputs.appId)];
        // A 404 on the app schema (wrong id, inactive app, provisioning off) makes the provider clear the id
        // without an error (terraform-provider-okta v6.12.0, okta_app_user_schema_property Create); Pulumi
        // then reports this.
        if (!app || app.status !== "ACTIVE") throw new Error("expected non-empty ID for new state during Create");
        if (this.preview) return { id: undefined, state: { ...inputs } };
        // A partial schema POST adopts an existing property, and Okta ignores a scope change on it
        // (okta/terraform-provider-okta#317). Okta answers it without permissions or master (fakeOktaServer.ts).
        const scope = app.schema[inputs.index]?.scope ?? inputs.scope ?? "NONE";
        app.schema[inputs.index] = { ...attributeOf(inputs), scope };
        return { id: `${inputs.appId}/${inputs.index}`, state: { ...inputs, scope } };
      }
      case "okta:profile/mapping:Mapping": {
        requireInputs(type, inputs, ["sourceId", "targetId"]);
        for (const id of [inputs.sourceId, inputs.targetId]) {
          if (id !== undefined && !/^(0oa|oty)/.test(String(id))) {
            throw new Error("Source or target id must be of either App Instance or UserType id");
          }
        }
        // The provider defaults an omitted pushStatus to DONT_PUSH and always sends it.
        const mappings = (inputs.mappings ?? []).map((m: any) => ({ pushStatus: "DONT_PUSH", ...m }));
        let id: string | undefined;
        if (!this.preview && inputs.sourceId !== undefined && inputs.targetId !== undefined) {
          // Okta keeps one mapping object per source/target pair: the provider adopts it, and with
          // deleteWhenAbsent false only writes the properties it manages.
          const mapping = mappingOf(this.org, String(inputs.sourceId), String(inputs.targetId));
          for (const { id: property, expression, pushStatus } of mappings) mapping.properties[property] = { expression, pushStatus };
          id = mapping.id;
        }
        return {
          id,
          state: {
            ...inputs,
            mappings,
            sourceType: String(inputs.sourceId ?? "").startsWith("0oa") ? "appuser" : "user",
            targetType: String(inputs.targetId ?? "").startsWith("0oa") ? "appuser" : "user",
          },
        };
      }
      case "okta:app/groupAssignment:GroupAssignment":
        requireInputs(type, inputs, ["appId", "groupId"]);
        if (inputs.profile !== undefined) JSON.parse(inputs.profile); // Okta rejects a profile that is not JSON
        if (this.preview || inputs.appId === undefined || inputs.groupId === undefined) return { id: undefined, state: { ...inputs } };
        return this.putAssignment(String(inputs.appId), String(inputs.groupId), inputs);
      case "okta:index/pushGroup:PushGroup": {
        requireInputs(type, inputs, ["appId", "sourceGroupId"]);
        // Mocks register every resource again on a later run, where the engine would only read an unchanged
        // link; a changed one it replaces, unlinking first (deleteBeforeReplace).
        const existing = this.preview
          ? undefined
          : this.push.mappings(String(inputs.appId)).find((m) => m.sourceGroupId === inputs.sourceGroupId);
        if (existing) {
          const sameTarget =
            inputs.targetGroupId !== undefined
              ? existing.targetGroupId === inputs.targetGroupId
              : this.push.groups(String(inputs.appId)).some((g) => g.id === existing.targetGroupId && g.name === inputs.targetGroupName);
          if (sameTarget) return { id: existing.id, state: { ...inputs, targetGroupId: existing.targetGroupId } };
          this.push.destroyResource(existing.id);
        }
        return this.push.mockResource(inputs, this.preview) as { id: string | undefined; state: Record<string, any> };
      }
      case "pulumi:providers:okta":
        return { id: known(`${name}-provider`), state: { ...inputs } };
      case "okta:app/saml:Saml":
        requireInputs(type, inputs, ["label"]);
        if (!this.preview) addApp(this.org, oktaId("0oa", inputs.label));
        return { id: known(oktaId("0oa", inputs.label)), state: { status: "ACTIVE", ...inputs } };
      case "okta:group/group:Group":
        requireInputs(type, inputs, ["name"]);
        return { id: known(oktaId("00g", inputs.name)), state: { ...inputs } };
      default:
        throw new Error(`FakeOkta: no fake for resource type ${type} (${name})`);
    }
  }

  /**
   * `PUT /api/v1/apps/{app}/groups/{group}` as the provider sends it and Okta answers it. The provider reads
   * priority with GetOk, so 0 is never sent: the body has no priority and Okta appends the group (0 on an
   * empty app, else after the last: cassettes `TestAccResourceOktaAppGroupAssignment_crud`, interaction 16, and
   * `TestAccResourceOktaAppGroupAssignment_retain`, interaction 10). Writes that overlap on one app are all
   * answered the same priority, as two simultaneous PUTs were recorded answering priority 1.
   */
  private async putAssignment(appId: string, groupId: string, inputs: Record<string, any>) {
    const app = this.org.apps[appId];
    if (!app) throw new Error(`the API returned an error: Not found: Resource not found: ${appId} (AppInstance)`);
    const sent = inputs.priority ? Number(inputs.priority) : undefined;
    const flight = this.inFlight.get(appId) ?? { count: 0, priority: undefined };
    this.inFlight.set(appId, flight);
    const overlapping = flight.count > 0;
    flight.count++;
    if (!overlapping) flight.priority = sent;
    // Let any other write that is already on its way start before this one is answered.
    await new Promise((resolve) => setImmediate(resolve));
    const others = app.groups.filter((g) => g.id !== groupId).map((g) => g.priority);
    let priority: number;
    if (overlapping && flight.priority !== undefined) priority = flight.priority;
    else if (sent === undefined) priority = others.length === 0 ? 0 : Math.max(...others) + 1;
    else priority = sent;
    flight.count--;
    const assignment = { id: groupId, priority, profile: JSON.parse(inputs.profile ?? "{}") };
    const at = app.groups.findIndex((g) => g.id === groupId);
    if (at === -1) app.groups.push(assignment);
    else app.groups[at] = assignment;
    return { id: groupId, state: { ...inputs, priority } };
  }

  async call(args: pulumi.runtime.MockCallArgs): Promise<Record<string, any>> {
    this.invocations.push({ token: args.token, inputs: args.inputs });
    switch (args.token) {
      case "okta:user/getUserType:getUserType": {
        const { id, name } = args.inputs as { id?: string; name?: string };
        const found = this.org.userTypes.find((t) => (id !== undefined ? t.id === id : t.name === name));
        // The provider's data source fails when nothing matches (data_source_okta_user_type.go, v6.12.0).
        if (!found) throw new Error(`failed to find user type ${id ?? name}`);
        return { id: found.id, name: found.name, displayName: found.displayName, description: found.description };
      }
      case "okta:app/getApp:getApp": {
        // GET /api/v1/apps/{id}: Okta's 404 for an unknown app id (E0000007, the AppInstance resource).
        const { id } = args.inputs as { id: string };
        const app = this.org.apps[id];
        if (!app) throw new Error(`the API returned an error: Not found: Resource not found: ${id} (AppInstance)`);
        return { id, label: app.label, name: app.name, status: app.status, links: "{}", groups: [], users: [] };
      }
      case "okta:index/getGroups:getGroups": {
        // The provider's data source (okta_groups) lists GET /api/v1/groups with `search`, `q` and `type`, every
        // page, and returns each group's id, name, type, description, source and custom profile attributes as
        // JSON (schema `okta:index/getGroupsGroup:getGroupsGroup`); an empty list when nothing matches.
        const { search, q, type } = args.inputs as { search?: string; q?: string; type?: string };
        let groups = this.org.groups;
        try {
          if (search !== undefined) groups = searchGroups(groups, search);
        } catch (error) {
          throw new Error(`the API returned an error: ${(error as Error).message}`);
        }
        if (q !== undefined) groups = groups.filter((group) => group.name.toLowerCase().startsWith(q.toLowerCase()));
        const typeOf = (group: (typeof groups)[number]) => (group.source !== undefined ? "APP_GROUP" : "OKTA_GROUP");
        if (type !== undefined) groups = groups.filter((group) => typeOf(group) === type);
        return {
          id: oktaId("dsg", JSON.stringify([search, q, type])),
          ...(search !== undefined ? { search } : {}),
          groups: groups.map((group) => ({
            id: group.id,
            name: group.name,
            type: typeOf(group),
            description: "",
            source: group.source ?? "",
            customProfileAttributes: "{}",
          })),
        };
      }
      default:
        throw new Error(`FakeOkta: unexpected lookup ${args.token}`);
    }
  }

  /**
   * The custom properties of a user type's schema; `default` names the org's default type. The provider
   * reads a named type first, which fails for a type the org does not have.
   */
  private userSchemaOf(userType: string): Record<string, Attribute> {
    const type = userType === "default" ? defaultUserType(this.org) : this.org.userTypes.find((t) => t.id === userType);
    if (!type) throw new Error(`the API returned an error: Not found: Resource not found: ${userType} (UserType)`);
    return this.org.userSchemas[userSchemaId(type.id)]!;
  }
}

/** A schema property as the provider sends it (its inputs in Okta's words, `UserSchemaAttribute`). */
function attributeOf(inputs: Record<string, any>): Attribute {
  return {
    title: inputs.title,
    ...(inputs.description !== undefined ? { description: inputs.description } : {}),
    type: inputs.type,
    ...(inputs.scope !== undefined ? { scope: inputs.scope } : {}),
    ...(inputs.enums !== undefined ? { enum: inputs.enums } : {}),
    ...(inputs.oneOfs !== undefined ? { oneOf: inputs.oneOfs } : {}),
    ...(inputs.permissions !== undefined ? { permissions: [{ principal: "SELF", action: inputs.permissions }] } : {}),
    ...(inputs.master !== undefined ? { master: { type: inputs.master } } : {}),
    ...(inputs.externalName !== undefined ? { externalName: inputs.externalName } : {}),
    ...(inputs.externalNamespace !== undefined ? { externalNamespace: inputs.externalNamespace } : {}),
  };
}

function requireInputs(type: string, inputs: Record<string, any>, names: string[]) {
  // An unknown input is present but undefined; only a key that is absent is an error.
  const missing = names.filter((n) => !(n in inputs));
  if (missing.length > 0) throw new Error(`${type}: missing required inputs ${missing.join(", ")}`);
}
