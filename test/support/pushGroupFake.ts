/**
 * Okta's group push API over the fake org (oktaOrg.ts: each app's `pushMappings`, app groups in `groups`),
 * answering like the provider's recorded traffic (terraform-provider-okta v6.12.0, cassette
 * `test/fixtures/vcr/idaas/TestAccResourceOktaPushGroup_crud/classic-00.yaml`, interactions 6, 9, 13 and 17):
 * - POST /api/v1/apps/{appId}/group-push/mappings: 200 (the spec says 201) with created, id `gPm…`,
 *   lastUpdated, sourceGroupId, status, targetGroupId and `_links` (app, sourceGroup, targetGroup); no
 *   errorSummary or lastPush, although the spec's examples have them. A `targetGroupName` no app group has
 *   makes Okta create one (interaction 6: a new `00g…` target).
 * - GET …/mappings/{id}: the same object (interaction 9). PATCH `{status}`: new status and lastUpdated
 *   (interaction 13).
 * - DELETE …/mappings/{id}?deleteTargetGroup=true|false: 200 with an empty body (interaction 17; the spec says
 *   204); only INACTIVE mappings (spec: "The group push mapping must be in an `INACTIVE` state").
 * - GET …/mappings?limit&after: a list, limit 1 to 1000 (spec), paged with `Link: <…>; rel="next"` (assumed,
 *   as Okta's other lists; the spec only names the `after` cursor).
 * Refusals no recording shows, each an assumption from the source named beside it.
 * Pulumi side: {@link FakeGroupPush.mockResource} answers a PushGroup registration as the provider's Create
 * does, and {@link FakeGroupPush.refreshResource}, {@link FakeGroupPush.updateResource} and
 * {@link FakeGroupPush.destroyResource} replay its Read, Update and Delete against the fake org, refusing what
 * the provider refuses (a read of a deleted link, an update or delete in ERROR).
 */
import { groupJson, oktaError, oktaId, type FakeApp, type GroupPushMapping, type OktaOrg } from "./oktaOrg";

export interface AppGroup {
  id: string;
  name: string;
}

export interface RecordedCall {
  method: string;
  path: string;
  body?: unknown;
}

interface Answer {
  status: number;
  body: unknown;
  link?: string;
}

const error = (status: number, code: string, summary: string): Answer => ({ status, body: oktaError(code, summary) });

const PUSH_PATH = /^\/api\/v1\/apps\/([^/]+)\/group-push\/mappings(?:\/([^/]+))?$/;

export class FakeGroupPush {
  /** Every request, in order, as Okta would have received it. */
  readonly requests: RecordedCall[] = [];
  /** Groups Okta created in an app because a `targetGroupName` matched none (Statsig: a new group). */
  readonly createdGroups: AppGroup[] = [];
  /** App groups deleted through `deleteTargetGroup=true` (Statsig: a deleted group). */
  readonly deletedGroups: AppGroup[] = [];
  /** The provider's state of each mapping created through mockResource, by mapping id. */
  private readonly states = new Map<string, Record<string, unknown>>();
  private clock = Date.parse("2026-03-25T06:09:58Z");

  /**
   * @param org the org whose apps, app groups and links this API reads and changes.
   * @param origin the org URL in `_links`.
   * @param pageSize the most mappings on one page, whatever `limit` asks.
   */
  constructor(
    readonly org: OktaOrg,
    readonly origin = "https://example.okta.com",
    readonly pageSize = 1000,
  ) {}

  /** The app's groups now (deleted ones gone, created ones added). */
  groups(appId: string): AppGroup[] {
    return this.org.groups.filter((group) => group.source === appId).map(({ id, name }) => ({ id, name }));
  }

  mappings(appId: string): GroupPushMapping[] {
    return [...(this.org.apps[appId]?.pushMappings ?? [])];
  }

  /** Adds a mapping made outside Pulumi (by hand in the admin console), as a POST would. */
  link(appId: string, body: Record<string, unknown>): GroupPushMapping {
    const answer = this.handle("POST", `/api/v1/apps/${appId}/group-push/mappings`, body);
    if (answer.status !== 200) throw new Error(`link: ${JSON.stringify(answer.body)}`);
    return answer.body as GroupPushMapping;
  }

  /** One request to the group push API (or a group read), answered as Okta does. */
  handle(method: string, pathWithQuery: string, body?: unknown): Answer {
    this.requests.push({ method, path: pathWithQuery, ...(body !== undefined ? { body } : {}) });
    const url = new URL(pathWithQuery, this.origin);
    const group = /^\/api\/v1\/groups\/([^/]+)$/.exec(url.pathname);
    if (group && method === "GET") return this.getGroup(group[1]!);
    const match = PUSH_PATH.exec(url.pathname);
    if (!match) return error(404, "E0000022", `FakeGroupPush: no route for ${method} ${url.pathname}`);
    const appId = match[1]!;
    const app = this.org.apps[appId];
    if (!app) return error(404, "E0000007", `Not found: Resource not found: ${appId} (AppInstance)`);
    const mappingId = match[2];
    if (mappingId === undefined) {
      if (method === "GET") return this.list(appId, app.pushMappings, url.searchParams);
      if (method === "POST") return this.create(appId, app, (body ?? {}) as Record<string, unknown>);
      return error(405, "E0000022", "The endpoint does not support the provided HTTP method");
    }
    const mapping = app.pushMappings.find((m) => m.id === mappingId);
    if (!mapping) return error(404, "E0000007", `Not found: Resource not found: ${mappingId} (GroupPushMapping)`);
    switch (method) {
      case "GET":
        return { status: 200, body: this.json(appId, mapping) };
      case "PATCH": {
        const status = (body as { status?: unknown } | undefined)?.status;
        if (status !== "ACTIVE" && status !== "INACTIVE") return error(400, "E0000001", "Api validation failed: status");
        mapping.status = status;
        mapping.lastUpdated = this.tick();
        return { status: 200, body: this.json(appId, mapping) };
      }
      case "DELETE": {
        const flag = url.searchParams.get("deleteTargetGroup");
        if (flag !== "true" && flag !== "false") return error(400, "E0000001", "Api validation failed: deleteTargetGroup is required");
        if (mapping.status !== "INACTIVE") return error(400, "E0000001", "Api validation failed: the group push mapping must be INACTIVE");
        app.pushMappings.splice(app.pushMappings.indexOf(mapping), 1);
        if (flag === "true") {
          const target = this.org.groups.find((g) => g.source === appId && g.id === mapping.targetGroupId);
          if (target) {
            this.org.groups.splice(this.org.groups.indexOf(target), 1);
            this.deletedGroups.push({ id: target.id, name: target.name });
          }
        }
        return { status: 200, body: "" };
      }
      default:
        return error(405, "E0000022", "The endpoint does not support the provided HTTP method");
    }
  }

  /** A mapping as Okta answers it: the stored fields, then `_links`. */
  private json(appId: string, mapping: GroupPushMapping) {
    return {
      ...structuredClone(mapping),
      _links: {
        app: { href: `${this.origin}/api/v1/apps/${appId}` },
        sourceGroup: { href: `${this.origin}/api/v1/groups/${mapping.sourceGroupId}` },
        targetGroup: { href: `${this.origin}/api/v1/groups/${mapping.targetGroupId}` },
      },
    };
  }

  private create(appId: string, app: FakeApp, body: Record<string, unknown>): Answer {
    const { sourceGroupId, targetGroupId, targetGroupName } = body;
    const status = body.status ?? "ACTIVE";
    if (typeof sourceGroupId !== "string") return error(400, "E0000001", "Api validation failed: sourceGroupId");
    // Spec, createGroupPushMapping: "Either `targetGroupId` or `targetGroupName` must be provided, but not both."
    if ((targetGroupId === undefined) === (targetGroupName === undefined)) {
      return error(400, "E0000001", "Api validation failed: provide either targetGroupId or targetGroupName");
    }
    if (targetGroupId !== undefined && typeof targetGroupId !== "string")
      return error(400, "E0000001", "Api validation failed: targetGroupId");
    // Assumed: one mapping per source group and app (Statsig: "By default Okta only allows you to map 1 Okta
    // Group to 1 Statsig Group"; the provider's okta_push_group lookup treats app + source group as one mapping).
    if (app.pushMappings.some((m) => m.sourceGroupId === sourceGroupId)) {
      return error(400, "E0000001", `Api validation failed: group ${sourceGroupId} is already pushed to this app`);
    }
    const appGroups = this.org.groups.filter((g) => g.source === appId);
    let target: AppGroup | undefined;
    if (typeof targetGroupId === "string") {
      target = appGroups.find((g) => g.id === targetGroupId);
      // Assumed: linking to an id that is not a group of the app fails as a missing resource.
      if (!target) return error(404, "E0000007", `Not found: Resource not found: ${targetGroupId} (UserGroup)`);
    } else {
      // Links to the app group of that name ("Rename app groups" off), else Okta creates one (interaction 6).
      target = appGroups.find((g) => g.name === targetGroupName);
      if (!target) {
        target = { id: oktaId("00g", `${appId}/${String(targetGroupName)}`), name: String(targetGroupName) };
        this.org.groups.push({ ...target, members: [], source: appId });
        this.createdGroups.push(target);
      }
    }
    const targetId = target.id;
    // Assumed: one Okta group per app group (Statsig's docs, as above).
    if (app.pushMappings.some((m) => m.targetGroupId === targetId)) {
      return error(400, "E0000001", `Api validation failed: ${target.name} is already linked to another group`);
    }
    const now = this.tick();
    const mapping: GroupPushMapping = {
      created: now,
      id: oktaId("gPm", `${appId}/${sourceGroupId}/${targetId}/${now}`),
      lastUpdated: now,
      sourceGroupId,
      status: status as GroupPushMapping["status"],
      targetGroupId: targetId,
    };
    app.pushMappings.push(mapping);
    return { status: 200, body: this.json(appId, mapping) };
  }

  private list(appId: string, mappings: GroupPushMapping[], query: URLSearchParams): Answer {
    const limit = Number(query.get("limit") ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return error(400, "E0000001", "Api validation failed: limit");
    const after = query.get("after");
    const start = after === null ? 0 : mappings.findIndex((m) => m.id === after) + 1;
    const size = Math.min(limit, this.pageSize);
    const page = mappings.slice(start, start + size);
    const more = start + size < mappings.length;
    const next = `${this.origin}/api/v1/apps/${appId}/group-push/mappings?after=${page[page.length - 1]?.id ?? ""}&limit=${limit}`;
    return { status: 200, body: page.map((m) => this.json(appId, m)), ...(more ? { link: `<${next}>; rel="next"` } : {}) };
  }

  /** A group, as `GET /api/v1/groups/{id}` shows it. */
  private getGroup(id: string): Answer {
    const group = this.org.groups.find((g) => g.id === id);
    if (!group) return error(404, "E0000007", `Not found: Resource not found: ${id} (UserGroup)`);
    return { status: 200, body: groupJson(group, this.origin) };
  }

  /** A `fetch` for the read-only check client: GET only, answers with the status, body and Link header above. */
  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? "GET";
    const answer = this.handle(method, url.pathname + url.search);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (answer.link) headers.link = answer.link;
    return new Response(answer.body === "" ? "" : JSON.stringify(answer.body), { status: answer.status, headers });
  };

  /**
   * A PushGroup registration under Pulumi's mocks, as the provider's Create does it (resource_okta_push_group.go):
   * POST with status, sourceGroupId and the target; state from the response (id, sourceGroupId, targetGroupId,
   * status) plus the planned values, `deleteTargetGroupOnDestroy` defaulting to true. Unknown inputs
   * (preview) are not sent: the id stays unknown.
   */
  mockResource(inputs: Record<string, unknown>, preview = false): { id: string | undefined; state: Record<string, unknown> } {
    const planned: Record<string, unknown> = { status: "ACTIVE", deleteTargetGroupOnDestroy: true, ...inputs };
    const { appId, sourceGroupId, targetGroupId, targetGroupName, status } = planned;
    if (preview || appId === undefined || sourceGroupId === undefined) return { id: undefined, state: planned };
    if (targetGroupId === undefined && targetGroupName === undefined) {
      // The provider would read the source group's name and push under it; nothing here uses that.
      throw new Error("FakeGroupPush: neither targetGroupId nor targetGroupName (the provider would push the source group's own name)");
    }
    const body = {
      status,
      sourceGroupId,
      ...(targetGroupName !== undefined ? { targetGroupName } : {}),
      ...(targetGroupId !== undefined ? { targetGroupId } : {}),
    };
    const answer = this.handle("POST", `/api/v1/apps/${String(appId)}/group-push/mappings`, body);
    if (answer.status !== 200) throw new Error(`Error creating Okta Push Group : ${answer.status} ${JSON.stringify(answer.body)}`);
    const mapping = answer.body as GroupPushMapping;
    const state = { ...planned, sourceGroupId: mapping.sourceGroupId, targetGroupId: mapping.targetGroupId, status: mapping.status };
    this.states.set(mapping.id, state);
    return { id: mapping.id, state };
  }

  /**
   * `pulumi refresh` of a link created through mockResource, as the provider's Read does it: GET the link and
   * store its status and ids. Any error, 404 included, fails the read, so a link unlinked in the admin console
   * fails refresh (okta/terraform-provider-okta#2807; fixed after v6.12.0 by PR #2853).
   */
  refreshResource(mappingId: string): Record<string, unknown> {
    const state = this.stateOf(mappingId);
    const answer = this.handle("GET", `/api/v1/apps/${String(state.appId)}/group-push/mappings/${mappingId}`);
    if (answer.status !== 200) throw new Error(`failed to get push group mapping: ${answer.status} ${JSON.stringify(answer.body)}`);
    const { sourceGroupId, targetGroupId, status } = answer.body as GroupPushMapping;
    Object.assign(state, { sourceGroupId, targetGroupId, status });
    return state;
  }

  /** `pulumi up` changing a link's status, as the provider's Update does it: only a PATCH of `status`. */
  updateResource(mappingId: string, status: "ACTIVE" | "INACTIVE"): void {
    const state = this.stateOf(mappingId);
    allowedStatus(state);
    const answer = this.handle("PATCH", `/api/v1/apps/${String(state.appId)}/group-push/mappings/${mappingId}`, { status });
    if (answer.status !== 200) throw new Error(`failed to update push group mapping: ${answer.status} ${JSON.stringify(answer.body)}`);
    state.status = status;
  }

  /**
   * `pulumi destroy` of a link created through mockResource, as the provider's Delete does it: PATCH to
   * INACTIVE unless it is, then DELETE with `deleteTargetGroup` read from the stored state.
   */
  destroyResource(mappingId: string): void {
    const state = this.stateOf(mappingId);
    allowedStatus(state);
    const base = `/api/v1/apps/${String(state.appId)}/group-push/mappings/${mappingId}`;
    if (state.status !== "INACTIVE") this.expectOk(this.handle("PATCH", base, { status: "INACTIVE" }));
    this.expectOk(this.handle("DELETE", `${base}?deleteTargetGroup=${state.deleteTargetGroupOnDestroy === true}`));
    this.states.delete(mappingId);
  }

  private stateOf(mappingId: string): Record<string, unknown> {
    const state = this.states.get(mappingId);
    if (!state) throw new Error(`FakeGroupPush: no state for ${mappingId}`);
    return state;
  }

  private expectOk(answer: Answer) {
    if (answer.status !== 200) throw new Error(`failed to delete push group mapping: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
  }
}

/**
 * The provider's Update and Delete refuse a link whose stored status is neither ACTIVE nor INACTIVE
 * (terraform-provider-okta v6.12.0 `resource_okta_push_group.go`: "Group push mapping in disallowed status"), so
 * once a refresh stored ERROR, `pulumi up`, a removal and `pulumi destroy` fail until the link is fixed in the
 * admin console or dropped from the state.
 */
function allowedStatus(state: Record<string, unknown>): void {
  if (state.status !== "ACTIVE" && state.status !== "INACTIVE") throw new Error("Group push mapping in disallowed status");
}
