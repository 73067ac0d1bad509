/**
 * The README and the docs against the code: every promise they make that the code can answer is checked here,
 * where it now lives (README, docs/*.md, CONTRIBUTING.md, bench/RESULTS.md). A missing file or heading fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../src/stackConfig/keys";
import { runStack } from "../src/component/stack";
import { wrongScopeMessage } from "../src/domain/desired";
import { validateOrgRolesArgs } from "../src/domain/validation";
import { CHECK_SCOPES, PUSH_LINK_SCOPES, ROLES_SCOPES } from "../src/okta/scopes";
import { run } from "./support/harness";

/** Every Markdown file a reader is pointed to. */
const DOCS = [
  "README.md",
  "CONTRIBUTING.md",
  "bench/RESULTS.md",
  "docs/component.md",
  "docs/operations.md",
  "docs/cli.md",
  "docs/reference/okta.md",
  "docs/reference/statsig.md",
];

const read = (file: string): string => readFileSync(file, "utf8");

/** The text under a `## heading`, up to the next heading of level 1 or 2 (`#` lines in code blocks are not headings). */
function section(file: string, heading: string): string {
  const lines = read(file).split("\n");
  const start = lines.indexOf(`## ${heading}`);
  if (start === -1) throw new Error(`${file} has no heading "## ${heading}"`);
  let inCode = false;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("```")) inCode = !inCode;
    if (!inCode && /^#{1,2} /.test(line)) break;
    body.push(line);
  }
  return body.join("\n");
}

/** The first-column names of the table in a section. */
const tableNames = (text: string): string[] => [...text.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]!);

/** Markdown without its fenced code blocks (whose `#` lines are not headings and whose text is not links). */
const prose = (text: string): string => text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "");

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of prose(read(file)).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading!
      .toLowerCase()
      .replace(/[^a-z0-9 _-]/g, "")
      .replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Whether `file#anchor` exists; a missing file or anchor is returned as the problem. */
function resolve(target: string, anchor: string | undefined): string | undefined {
  if (!existsSync(target)) return `${target} does not exist`;
  if (anchor === undefined) return undefined;
  if (!target.endsWith(".md")) return `${target} is not Markdown, so #${anchor} cannot be checked`;
  return anchorsOf(target).has(anchor) ? undefined : `${target} has no section #${anchor}`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("README", () => {
  const readme = read("README.md");

  it("starts with the two commands a newcomer runs, and .ci/run runs the same test command", () => {
    expect(readme).toMatch(/```sh\nnpm ci && npm start .*\nnpm test .*\n```/);
    expect(JSON.parse(read("package.json")).scripts.start).toBe("node dist/cli.js plan");
    expect(read(".ci/run")).toMatch(/^npm ci\b/m);
    expect(read(".ci/run")).toMatch(/^npm test\b/m);
  });

  it("stays a front page of about 250 lines at most, the rest in docs/", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(250);
  });

  it("the example validation error is the real one", () => {
    const shown = section("README.md", "Use it as a component in your stack")
      .split("Bad input fails before anything is created")[1]!
      .split("```")[1]!
      .trim();
    let message = "";
    try {
      validateOrgRolesArgs('statsig-okta:index:OrgRoles "statsig"', {
        appId: "00g1b2c3d4e5f6g7h8i9",
        roleGroups: [{ groupId: "00g2adminGroup000002", role: "admin" }],
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(shown).toBe(message);
  });
});

describe("docs/component.md", () => {
  it("the Inputs table lists every input, in the args interface's order", () => {
    expect(tableNames(section("docs/component.md", "Inputs"))).toEqual(Object.keys(CONFIG_KEYS).filter((k) => k !== "name"));
  });

  it("the Inputs table marks only appId as required", () => {
    const required = [...section("docs/component.md", "Inputs").matchAll(/^\| `([A-Za-z]+)` \|.*\| (yes|no) \|$/gm)]
      .filter((m) => m[2] === "yes")
      .map((m) => m[1]);
    expect(required).toEqual(["appId"]);
  });

  it("the Outputs table lists every output", async () => {
    const { result } = await run(() => runStack({ "statsig-okta:appId": "0oa1b2c3d4e5f6g7h8i9" }));
    expect(tableNames(section("docs/component.md", "Outputs")).sort()).toEqual(Object.keys(result).sort());
  });

  it("the project role errors it quotes are the real ones", () => {
    const text = section("docs/component.md", "Project and team roles").replace(/\s*\n\s*/g, " ");
    const messageOf = (entry: Record<string, string>): string => {
      try {
        validateOrgRolesArgs("x", {
          appId: "0oa1b2c3d4e5f6g7h8i9",
          projectRoles: [{ groupId: "00g1webEngineers0001", ...entry } as never],
        });
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    const teamOwner = text.split('role: "Owner" }` fails with `')[1]!.split("`")[0]!;
    expect(messageOf({ project: "Web", team: "Growth", role: "Owner" })).toContain(teamOwner);
    const readOnly = text.split('`role: "read-only"` with `')[1]!.split("`")[0]!;
    expect(messageOf({ project: "Web", role: "read-only" })).toContain(readOnly);
  });
});

describe("docs/operations.md", () => {
  it("Switching modes gives the steps in the order the component's warning and check give them", () => {
    const steps = [...section("docs/operations.md", "Switching modes").matchAll(/^(\d)\. (.*)$/gm)].map((m) => m[2]!);
    const message = wrongScopeMessage("SELF", "NONE");
    const inMessage = [...message.matchAll(/(\d)\. ([^;(]+)/g)].map((m) => m[2]!.trim());
    expect(steps).toHaveLength(inMessage.length);
    steps.forEach((step, i) =>
      expect(step.toLowerCase().replace(/`/g, "")).toContain(
        inMessage[i]!.toLowerCase()
          .replace(/`/g, "")
          .replace(/ in okta$/, ""),
      ),
    );
  });
});

describe("docs/cli.md", () => {
  const commands = {
    plan: "Plan offline: `statsig-okta plan`",
    check: "Check a live org: `statsig-okta check`",
    roles: "Who has which role: `statsig-okta roles`",
    diff: "What changed: `statsig-okta diff`",
  };

  it.each(Object.entries(commands))("the options of %s are exactly those its --help lists", (command, heading) => {
    const help = spawnSync(process.execPath, ["dist/cli.js", command, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    const inHelp = new Set([...help.stdout.matchAll(/^ {2}(?:-h, )?(--[a-z-]+)/gm)].map((m) => m[1]!));
    const table = section("docs/cli.md", heading).split("| Option | Meaning |")[1]!.split("\n\n")[0]!;
    const inDocs = new Set([...table.matchAll(/^\| (.*?) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`(--[a-z-]+)/g)].map((o) => o[1]!)));
    expect([...inDocs].sort()).toEqual([...inHelp].sort());
  });

  it.each([
    ["check", [...CHECK_SCOPES, ...PUSH_LINK_SCOPES]],
    ["roles", ROLES_SCOPES],
  ] as const)("%s lists exactly the read-only scopes it asks OAuth for", (command, asked) => {
    const table = section("docs/cli.md", commands[command]).split("| Reads | Scope |")[1]!.split("\n\n")[0]!;
    const scopes = new Set([...table.matchAll(/`(okta\.[A-Za-z]+\.read)`/g)].map((m) => m[1]!));
    expect([...scopes].sort()).toEqual([...asked].sort());
  });
});

describe("the docs as a whole", () => {
  it.each(DOCS)("%s has no placeholder left", (file) => {
    expect(read(file)).not.toMatch(/BENCH_TABLE|TODO|TBD/);
  });

  it.each(DOCS)("every relative link and anchor in %s resolves", (file) => {
    const problems: string[] = [];
    for (const [, link] of prose(read(file)).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(link!)) continue; // https:, mailto:
      const [target, anchor] = link!.split("#") as [string, string | undefined];
      const problem = resolve(target === "" ? file : path.join(path.dirname(file), target), anchor);
      if (problem) problems.push(`${link}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("every docs/reference citation in src/, test/ and the docs names a file and section that exist", () => {
    const citation = new RegExp(["docs", "reference", "([\\w.-]+\\.md)(?:#([\\w-]+))?"].join("/"), "g");
    const files = [...sourceFiles("src"), ...sourceFiles("test").filter((f) => f !== path.join("test", "docs.test.ts")), ...DOCS];
    const cited = files.flatMap((file) =>
      [...read(file).matchAll(citation)].map((m) => ({ file, target: `docs/reference/${m[1]}`, anchor: m[2] })),
    );
    expect(cited.length).toBeGreaterThan(0);
    const problems = cited.flatMap(({ file, target, anchor }) => {
      const problem = resolve(target, anchor);
      return problem ? [`${file}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("CONTRIBUTING.md describes every folder of src/ and points to the import rule's source", () => {
    const contributing = read("CONTRIBUTING.md");
    const folders = readdirSync("src").filter((name) => statSync(path.join("src", name)).isDirectory());
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(contributing).toContain(`\`src/${folder}/\``);
    expect(contributing).toMatch(/`LAYERS` in\s+\[`test\/layering\.test\.ts`\]\(test\/layering\.test\.ts\)/);
    expect(existsSync("test/layering.test.ts")).toBe(true);
  });
});
