/**
 * A broken or hostile Okta on 127.0.0.1 (random port), scripted per request: any body, wrong shapes,
 * `__proto__` keys, endless next links, huge bodies streamed chunk by chunk (never held whole, here or
 * anywhere), bodies cut short, bodies that stall or trickle. Every request no script claims goes to the fake
 * Okta org of fakeOktaServer.ts (answering like real Okta), so a command gets as far as the read under test.
 * Scripts may start from the org's own answer (`okta()`), so a test changes only what it is about.
 */
import { API_TOKEN } from "./stubAuth";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli";
import { appAttribute, oktaAttribute } from "./checkOrgs";
import { FakeOktaServer } from "./fakeOktaServer";
import { mappingOf, userSchemaId, type OktaOrg } from "./oktaOrg";
import { APP_ID, CLEAN_GROUP_STACK, cleanGroupOrg, stackYaml, USER_TYPE_ID } from "./rolesOrgs";

export { APP_ID, USER_TYPE_ID };
/** Shaped like an Okta API token. */
export const TOKEN = API_TOKEN;

/**
 * Group mode set up as MATCHING_STACK says, every step of Statsig's guide done: `check` finds everything
 * matching and `roles` no finding (both exit 0), so whatever a test makes them say instead comes from it.
 */
export function matchingOrg(): OktaOrg {
  const org = cleanGroupOrg();
  org.userSchemas[userSchemaId(USER_TYPE_ID)] = { statsigOrgRole: oktaAttribute() };
  org.apps[APP_ID]!.schema = { statsigOrgRole: appAttribute("NONE") };
  mappingOf(org, APP_ID, USER_TYPE_ID).properties.statsigOrgRole = { expression: "appuser.statsigOrgRole", pushStatus: "DONT_PUSH" };
  // The component ranks role groups from priority 1.
  for (const assignment of org.apps[APP_ID]!.groups) assignment.priority += 1;
  return org;
}

export const MATCHING_STACK = CLEAN_GROUP_STACK;

/** What the requests of both commands are, on the matching org. */
export const PATHS = {
  userTypes: "/api/v1/meta/types/user",
  userSchema: `/api/v1/meta/schemas/user/${userSchemaId(USER_TYPE_ID)}`,
  appSchema: `/api/v1/meta/schemas/apps/${APP_ID}/default`,
  /** check's, without the groups embedded. */
  checkGroups: `/api/v1/apps/${APP_ID}/groups?limit=200`,
  rolesGroups: `/api/v1/apps/${APP_ID}/groups?limit=200&expand=group`,
  appUsers: `/api/v1/apps/${APP_ID}/users?limit=500&expand=user`,
  /** The Okta -> app mapping, which both commands read. */
  oktaToApp: (org: OktaOrg) => `/api/v1/mappings/${mappingOf(org, USER_TYPE_ID, APP_ID).id}`,
  appToOkta: (org: OktaOrg) => `/api/v1/mappings/${mappingOf(org, APP_ID, USER_TYPE_ID).id}`,
  members: (groupId: string) => `/api/v1/groups/${groupId}/users?limit=1000`,
};

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the whole command. */
  ms: number;
}

/** A project directory with Pulumi.prod.yaml of `stack` (MATCHING_STACK and `extra` lines). */
export function project(extra: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-hostile-"));
  writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stackYaml([...MATCHING_STACK, ...extra]));
  return dir;
}

/** `statsig-okta <command> --stack prod --org-url <origin> …args` in-process (main), as a user runs it. */
export async function run(command: "check" | "roles", origin: string, args: string[] = [], cwd = project()): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const started = Date.now();
  const code = await main([command, "--stack", "prod", "--org-url", origin, ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { OKTA_API_TOKEN: TOKEN },
    cwd,
    // One date for every report: runs are compared whole.
    now: () => new Date("2026-11-30T09:00:00.000Z"),
  });
  return { code, stdout, stderr, ms: Date.now() - started };
}

/** The same through the built CLI (`node dist/cli.js`), its peak RSS in MB measured by Node itself. */
export function runBuilt(command: "check" | "roles", origin: string, args: string[] = []): Promise<Run & { rssMB: number }> {
  const cwd = project();
  const preload = path.join(cwd, "maxrss.cjs");
  writeFileSync(preload, `process.on("exit", () => process.stderr.write("maxRSS " + process.resourceUsage().maxRSS + "\\n"));\n`);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      ["--require", preload, path.resolve("dist/cli.js"), command, "--stack", "prod", "--org-url", origin, ...args],
      { cwd, env: { PATH: process.env.PATH ?? "", OKTA_API_TOKEN: TOKEN } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const rss = /maxRSS (\d+)\n$/.exec(stderr);
      resolve({ code, stdout, stderr: stderr.replace(/maxRSS \d+\n$/, ""), ms: Date.now() - started, rssMB: Number(rss?.[1]) / 1024 });
    });
  });
}

/** A hostile Okta in front of `org` (the matching one by default); stop() closes both servers. */
export async function startHostile(org: OktaOrg = matchingOrg()): Promise<HostileOkta> {
  return new HostileOkta(await new FakeOktaServer(org, { apiToken: TOKEN }).start()).start();
}

/** The fake org's answer to the same request. */
export interface Upstream {
  status: number;
  /** Content-Type and Link, as the org sent them. */
  headers: Record<string, string>;
  text: string;
}

export type Script = (req: IncomingMessage, res: ServerResponse, okta: () => Promise<Upstream>) => void | Promise<void>;

export class HostileOkta {
  origin = "";
  /** Every request, `path?query`, in order. */
  readonly requests: string[] = [];
  /** Bytes of body each script wrote, by request number (huge and trickling bodies count theirs). */
  readonly written: number[] = [];
  private server?: Server;
  private readonly scripts: { match: (path: string) => boolean; script: Script }[] = [];

  constructor(readonly okta: FakeOktaServer) {}

  /** `script` answers every request whose path (with its query) starts with `path`, or matches it. */
  on(path: string | RegExp, script: Script): this {
    const match = typeof path === "string" ? (p: string) => p.startsWith(path) : (p: string) => path.test(p);
    this.scripts.unshift({ match, script });
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = req.url ?? "/";
      this.requests.push(path);
      const index = this.written.push(0) - 1;
      const write = res.write.bind(res);
      res.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        this.written[index]! += Buffer.byteLength(chunk);
        return write(chunk, ...rest);
      }) as typeof res.write;
      const okta = () => this.upstream(req);
      const script = this.scripts.find((candidate) => candidate.match(path))?.script ?? passThrough;
      Promise.resolve(script(req, res, okta)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stops this server and the org's behind it. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    await this.okta.stop();
  }

  private async upstream(req: IncomingMessage): Promise<Upstream> {
    const answer = await fetch(`${this.okta.origin}${req.url ?? "/"}`, {
      headers: { authorization: req.headers.authorization ?? "", accept: "application/json" },
    });
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "link"]) {
      const value = answer.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return { status: answer.status, headers, text: await answer.text() };
  }
}

const passThrough: Script = async (_req, res, okta) => {
  const { status, headers, text } = await okta();
  res.writeHead(status, headers).end(text);
};

/** This exact text, as a 200 JSON answer. */
export const answer =
  (text: string, headers: Record<string, string> = {}): Script =>
  (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", ...headers });
    res.write(text);
    res.end();
  };

/** The org's answer with its text edited (its status and Link headers kept). */
export const rewrite =
  (edit: (text: string) => string): Script =>
  async (_req, res, okta) => {
    const { status, headers, text } = await okta();
    res.writeHead(status, headers);
    res.write(edit(text));
    res.end();
  };

/** The org's answer parsed, changed by `edit`, and sent again (for changes JSON.stringify can say). */
export const edit = (change: (body: any) => unknown): Script => rewrite((text) => JSON.stringify(change(JSON.parse(text))));

/** A list whose every page holds `item(n)` and links to a new next page: it never ends. */
export const endlessPages =
  (item: (page: number) => unknown): Script =>
  (req, res) => {
    const url = new URL(req.url ?? "/", "http://okta");
    const page = Number(url.searchParams.get("after") ?? 0);
    url.searchParams.set("after", String(page + 1));
    res.writeHead(200, { "content-type": "application/json", link: `<http://okta${url.pathname}${url.search}>; rel="next"` });
    res.write(JSON.stringify([item(page)]));
    res.end();
  };

/**
 * A JSON list of `bytes` bytes, written 64 KiB at a time as the reader takes them (never built whole), with
 * its Content-Length when `announce`. Stops when the reader goes away.
 */
export const huge =
  (bytes: number, options: { announce?: boolean } = {}): Script =>
  async (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", ...(options.announce ? { "content-length": String(bytes) } : {}) });
    const item = Buffer.from(`${JSON.stringify({ id: "00g".padEnd(20, "x"), priority: 1, profile: {} })},`.repeat(512));
    let sent = 0;
    res.write("[");
    sent++;
    while (sent + item.length + 1 < bytes && !res.destroyed) {
      sent += item.length;
      if (!res.write(item)) await drained(res);
    }
    if (!res.destroyed) res.end(`${"0".repeat(Math.max(0, bytes - sent - 1))}]`);
  };

/** Until `res` can take more, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done).off("close", done);
      resolve();
    };
    res.on("drain", done).on("close", done);
  });
}

/** The org's answer announced whole (Content-Length), then the connection closed after `after` bytes. */
export const cutShort =
  (after: number): Script =>
  async (_req, res, okta) => {
    const { status, headers, text } = await okta();
    const body = Buffer.from(text);
    res.writeHead(status, { ...headers, "content-length": String(body.length) });
    res.write(body.subarray(0, after), () => res.destroy());
  };

/** The org's answer: its first `after` bytes, then nothing, the connection left open. */
export const stall =
  (after: number): Script =>
  async (_req, res, okta) => {
    const { status, headers, text } = await okta();
    res.writeHead(status, headers);
    res.write(Buffer.from(text).subarray(0, after));
  };

/** Headers, then nothing at all. */
export const silent: Script = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.flushHeaders();
};

/** The org's answer one byte every `everyMs`: data keeps coming, the answer never finishes in time. */
export const trickle =
  (everyMs: number): Script =>
  async (_req, res, okta) => {
    const { status, headers, text } = await okta();
    res.writeHead(status, headers);
    const body = Buffer.from(text);
    for (let i = 0; i < body.length && !res.destroyed; i++) {
      res.write(body.subarray(i, i + 1));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    if (!res.destroyed) res.end();
  };

/** The org's answer after `ms`. */
export const slow =
  (ms: number): Script =>
  async (req, res, okta) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await passThrough(req, res, okta);
  };
