/**
 * `check` and `roles` against an Okta that never stops: endless next links, huge answers, answers cut short,
 * stalled or trickling, a run that goes on. Each run ends with exit 2, one line naming the request, the bound
 * or the cause, no verdict, and in bounded time. The bounds are made small here (okta/limits.ts, mocked;
 * `--timeout` for the time per request) so each test takes a second or two; the built CLI with its real
 * bounds is run once against a 300 MB answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  APP_ID,
  cutShort,
  endlessPages,
  huge,
  PATHS,
  project,
  run,
  runBuilt,
  silent,
  stall,
  startHostile,
  trickle,
  type HostileOkta,
  type Script,
} from "../../support/hostileOkta";

const small = vi.hoisted(() => ({
  maxBodyBytes: 64 * 1024,
  maxPagesPerList: 20,
  maxItemsPerList: 1_000_000,
  maxRunMs: 60 * 60 * 1000,
  timeoutMs: 30_000,
}));
vi.mock("../../../src/okta/limits", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../../src/okta/limits")>()),
  READ_LIMITS: small,
}));
const defaults = { ...small };

let okta: HostileOkta;
let host: string;
beforeEach(async () => {
  okta = await startHostile();
  host = new URL(okta.origin).host;
});
afterEach(async () => {
  Object.assign(small, defaults);
  await okta.stop();
});

/** What each command reads of the app's group assignments. */
const GROUPS = { check: PATHS.checkGroups, roles: PATHS.rolesGroups };
const COMMANDS = ["check", "roles"] as const;

/** One failure: exit 2, nothing on stdout, stderr the one line `statsig-okta <command>: <message>`. */
function failedWith(result: { code: number | null; stdout: string; stderr: string }, command: string, message: string | RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  const line = result.stderr.replace(/\n$/, "");
  expect(line).not.toContain("\n");
  const prefix = `statsig-okta ${command}: `;
  expect(line.startsWith(prefix)).toBe(true);
  if (typeof message === "string") expect(line.slice(prefix.length)).toBe(message);
  else expect(line.slice(prefix.length)).toMatch(message);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const assignment = (page: number) => ({ id: `00gendless${String(page).padStart(10, "0")}`, priority: 10 + page, profile: {} });
const LIST_BOUND = "the most statsig-okta reads of one list (enough for 200,000 app users, with a wide margin)";

describe("a list whose every page links to a new one", () => {
  it.each(COMMANDS)("%s: refused after maxPagesPerList pages, naming the list", async (command) => {
    okta.on(PATHS.checkGroups, endlessPages(assignment));
    const result = await run(command, okta.origin);
    failedWith(
      result,
      command,
      new RegExp(
        `^GET ${escape(GROUPS[command])}: the app's group assignments goes on past 20 pages, ${escape(LIST_BOUND)}; stopped before /api/v1/apps/.*after=20`,
      ),
    );
    expect(okta.requests.filter((path) => path.startsWith(PATHS.checkGroups))).toHaveLength(20);
    expect(result.ms).toBeLessThan(10_000);
  });

  it("roles: the app's users too", async () => {
    okta.on(
      PATHS.appUsers,
      endlessPages((page) => ({
        id: `00uendless${String(page).padStart(10, "0")}`,
        profile: { statsigOrgRole: "Member" },
        _embedded: { user: { profile: {} } },
      })),
    );
    failedWith(
      await run("roles", okta.origin),
      "roles",
      new RegExp(`^GET ${escape(PATHS.appUsers)}: the app's users goes on past 20 pages`),
    );
  });
});

describe("group push links whose every page links to a new one (with project roles)", () => {
  it.each(COMMANDS)("%s: refused after maxPagesPerList pages, naming the list", async (command) => {
    const web = "00gwebengineers00001";
    okta.okta.org.groups.push({ id: web, name: "Web Engineers", members: [] });
    const links = `/api/v1/apps/${APP_ID}/group-push/mappings?limit=1000`;
    okta.on(
      links.split("?")[0]!,
      endlessPages((page) => ({ id: `gPmendless${String(page).padStart(10, "0")}`, sourceGroupId: web, status: "ACTIVE" })),
    );
    const cwd = project([`statsig-okta:projectRoles: '[{"groupId":"${web}","project":"Web","role":"Member"}]'`]);
    failedWith(
      await run(command, okta.origin, [], cwd),
      command,
      new RegExp(`^GET ${escape(links)}: the app's group push mappings goes on past 20 pages, ${escape(LIST_BOUND)}`),
    );
  });
});

describe("an answer larger than maxBodyBytes", () => {
  it.each(COMMANDS)("%s: 300 MB streamed without a Content-Length: reading stops at the cap", async (command) => {
    okta.on(PATHS.checkGroups, huge(300 * 1024 * 1024));
    const result = await run(command, okta.origin);
    failedWith(
      result,
      command,
      new RegExp(
        `^GET ${escape(GROUPS[command])}: Okta's answer is larger than 64 KiB, the most statsig-okta reads of one answer: stopped reading it after \\d+(\\.\\d)? KiB$`,
      ),
    );
    // What the server got out before the client hung up: socket buffers' worth, not 300 MB.
    const served = okta.written[okta.requests.findIndex((path) => path.startsWith(PATHS.checkGroups))]!;
    expect(served).toBeLessThan(32 * 1024 * 1024);
    expect(result.ms).toBeLessThan(10_000);
  });

  it("roles: 300 MB announced by Content-Length: not read at all", async () => {
    okta.on(PATHS.appUsers, huge(300 * 1024 * 1024, { announce: true }));
    failedWith(
      await run("roles", okta.origin),
      "roles",
      `GET ${PATHS.appUsers}: Okta announced an answer of 300 MiB (Content-Length), more than 64 KiB, the most statsig-okta reads of one answer: not read`,
    );
  });
});

describe("transport failures, with the host, the request and the cause", () => {
  it.each(COMMANDS)("%s: a body cut short", async (command) => {
    okta.on(PATHS.checkGroups, cutShort(50));
    failedWith(
      await run(command, okta.origin),
      command,
      new RegExp(
        `^GET ${escape(GROUPS[command])}: the connection to ${escape(host)} closed after 50 bytes of the answer \\(of [\\d,]+ announced\\): other side closed$`,
      ),
    );
  });

  it.each(COMMANDS)("%s: a body that stalls, with --timeout 0.5", async (command) => {
    okta.on(PATHS.checkGroups, stall(30));
    const result = await run(command, okta.origin, ["--timeout", "0.5"]);
    failedWith(
      result,
      command,
      new RegExp(
        `^GET ${escape(GROUPS[command])}: the answer from ${escape(host)} stopped: no data for 0\\.[45] s after 30 bytes \\(each request may take 0\\.5 s; --timeout SECONDS sets it\\)$`,
      ),
    );
    expect(result.ms).toBeLessThan(5_000);
  });

  it("roles: a body that trickles in, a byte every 20 ms", async () => {
    okta.on(PATHS.appUsers, trickle(20));
    const result = await run("roles", okta.origin, ["--timeout", "0.5"]);
    failedWith(
      result,
      "roles",
      new RegExp(
        `^GET ${escape(PATHS.appUsers)}: the answer from ${escape(host)} did not finish within 0\\.5 s: only \\d+ bytes came, trickling in \\(`,
      ),
    );
    expect(result.ms).toBeLessThan(5_000);
  });

  it.each(COMMANDS)("%s: headers, then silence", async (command) => {
    okta.on(PATHS.userTypes, silent);
    failedWith(
      await run(command, okta.origin, ["--timeout", "0.3"]),
      command,
      `GET ${PATHS.userTypes}: the answer from ${host} stopped: no data for 0.3 s after 0 bytes (each request may take 0.3 s; --timeout SECONDS sets it)`,
    );
  });

  it.each(COMMANDS)("%s: no answer at all", async (command) => {
    okta.on(PATHS.userTypes, () => {});
    failedWith(
      await run(command, okta.origin, ["--timeout", "0.3"]),
      command,
      `GET ${PATHS.userTypes}: no answer from ${host} within 0.3 s (each request may take 0.3 s; --timeout SECONDS sets it)`,
    );
  });
});

describe("a run that goes on", () => {
  it.each(COMMANDS)("%s: stopped at maxRunMs, naming what it was reading", async (command) => {
    small.maxRunMs = 1_500;
    small.maxPagesPerList = 1_000;
    const slowly: Script = async (req, res, upstream) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await endlessPages(assignment)(req, res, upstream);
    };
    okta.on(PATHS.checkGroups, slowly);
    const result = await run(command, okta.origin);
    failedWith(
      result,
      command,
      new RegExp(
        `^GET /api/v1/apps/.*/groups\\?.*: stopped reading the app's group assignments after 1\\.5 s, the longest statsig-okta reads from Okta in one run \\(enough for 200,000 app users, with a wide margin\\)$`,
      ),
    );
    expect(result.ms).toBeLessThan(5_000);
  });
});

describe("the built CLI with its real bounds (32 MiB per answer)", () => {
  it("roles: a 300 MB answer is cut off at 32 MiB, in bounded time and memory", async () => {
    okta.on(PATHS.appUsers, huge(300 * 1024 * 1024));
    const result = await runBuilt("roles", okta.origin);
    failedWith(
      result,
      "roles",
      new RegExp(
        `^GET ${escape(PATHS.appUsers)}: Okta's answer is larger than 32 MiB, the most statsig-okta reads of one answer: stopped reading it after 32 MiB$`,
      ),
    );
    const served = okta.written[okta.requests.indexOf(PATHS.appUsers)]!;
    expect(served).toBeLessThan(64 * 1024 * 1024);
    // Node and the CLI take about 60 MB, the answer up to the cap 32 MiB more; the rest is never held (it was 1.1 GB).
    expect(result.rssMB).toBeLessThan(300);
    expect(result.ms).toBeLessThan(20_000);
  });
});
