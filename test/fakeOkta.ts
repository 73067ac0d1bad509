/**
 * Pulumi mocks that answer like Okta and the Okta provider do (see shared/reference/okta-notes.md):
 * ids in Okta's formats, one mapping object per source/target pair, lookups that fail when nothing matches,
 * and errors for requests Okta rejects. Nothing here echoes what a test wants to see.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

export const DEFAULT_USER_TYPE_ID = "oty1dfltUserType0000";

export interface UserType {
  id: string;
  name: string;
  displayName: string;
  description: string;
}

export interface Registration {
  type: string;
  name: string;
  inputs: Record<string, any>;
  id: string | undefined;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A stable, Okta-shaped id: a 3-character prefix and 17 letters or digits. */
export function oktaId(prefix: string, seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  let out = prefix;
  for (let i = 0; out.length < 20; i++) out += BASE62[digest[i]! % 62];
  return out;
}

export class FakeOkta implements pulumi.runtime.Mocks {
  readonly registrations: Registration[] = [];
  readonly invocations: { token: string; inputs: Record<string, any> }[] = [];
  /** Okta keeps one mapping object per source/target pair; the provider adopts it. */
  private readonly mappingIds = new Map<string, string>();

  constructor(
    readonly preview = false,
    readonly userTypes: UserType[] = [{ id: DEFAULT_USER_TYPE_ID, name: "user", displayName: "User", description: "Okta user profile" }],
  ) {}

  byType(type: string): Registration[] {
    return this.registrations.filter((r) => r.type === type);
  }

  newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
    const inputs = args.inputs as Record<string, any>;
    const result = this.answer(args.type, args.name, inputs);
    this.registrations.push({ type: args.type, name: args.name, inputs, id: result.id });
    return result;
  }

  private answer(type: string, name: string, raw: Record<string, any>): { id: string | undefined; state: Record<string, any> } {
    // A preview sends inputs not yet known as pulumi.unknown; Okta would only see them at `up`.
    const inputs = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === pulumi.unknown ? undefined : v]));
    // In a preview Okta is not asked: a new resource's id is unknown.
    const known = (id: string | undefined) => (this.preview ? undefined : id);
    switch (type) {
      case "statsig-okta:index:OrgRoles":
        return { id: undefined, state: {} };
      case "okta:index/userSchemaProperty:UserSchemaProperty":
        requireInputs(type, inputs, ["index", "title", "type"]);
        return {
          id: known(inputs.index),
          state: { permissions: "READ_ONLY", master: "PROFILE_MASTER", userType: "default", scope: "NONE", ...inputs },
        };
      case "okta:index/appUserSchemaProperty:AppUserSchemaProperty":
        requireInputs(type, inputs, ["appId", "index", "title", "type"]);
        if (inputs.appId !== undefined && !String(inputs.appId).startsWith("0oa")) {
          throw new Error(`The app ${inputs.appId} was not found (404): app user schema needs an app instance id`);
        }
        return {
          id: inputs.appId === undefined ? undefined : known(`${inputs.appId}/${inputs.index}`),
          state: { permissions: "READ_ONLY", scope: "NONE", userType: "default", ...inputs },
        };
      case "okta:profile/mapping:Mapping": {
        requireInputs(type, inputs, ["sourceId", "targetId"]);
        for (const id of [inputs.sourceId, inputs.targetId]) {
          if (id !== undefined && !/^(0oa|oty)/.test(String(id))) {
            throw new Error("Source or target id must be of either App Instance or UserType id");
          }
        }
        const pair = `${inputs.sourceId}->${inputs.targetId}`;
        let id: string | undefined;
        if (inputs.sourceId !== undefined && inputs.targetId !== undefined) {
          id = this.mappingIds.get(pair) ?? oktaId("prm", pair);
          this.mappingIds.set(pair, id);
        }
        const mappings = (inputs.mappings ?? []).map((m: any) => ({ pushStatus: "DONT_PUSH", ...m }));
        return {
          id: known(id),
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
        return { id: known(inputs.groupId), state: { ...inputs } };
      case "pulumi:providers:okta":
        return { id: known(`${name}-provider`), state: { ...inputs } };
      case "okta:app/saml:Saml":
        requireInputs(type, inputs, ["label"]);
        return { id: known(oktaId("0oa", inputs.label)), state: { status: "ACTIVE", ...inputs } };
      case "okta:group/group:Group":
        requireInputs(type, inputs, ["name"]);
        return { id: known(oktaId("00g", inputs.name)), state: { ...inputs } };
      default:
        throw new Error(`FakeOkta: no fake for resource type ${type} (${name})`);
    }
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
    this.invocations.push({ token: args.token, inputs: args.inputs });
    switch (args.token) {
      case "okta:user/getUserType:getUserType": {
        const { id, name } = args.inputs as { id?: string; name?: string };
        const found = this.userTypes.find((t) => (id !== undefined ? t.id === id : t.name === name));
        if (!found) throw new Error(`failed to find user type ${id ?? name}`);
        return { ...found };
      }
      default:
        throw new Error(`FakeOkta: unexpected lookup ${args.token}`);
    }
  }
}

function requireInputs(type: string, inputs: Record<string, any>, names: string[]) {
  // An unknown input is present but undefined; only a key that is absent is an error.
  const missing = names.filter((n) => !(n in inputs));
  if (missing.length > 0) throw new Error(`${type}: missing required inputs ${missing.join(", ")}`);
}
