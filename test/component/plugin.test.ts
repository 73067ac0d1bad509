/**
 * The package as the Pulumi engine uses it after `pulumi package add <git url>@<tag>`: a source-based plugin
 * started by the Node.js language host, asked for its schema over the provider protocol.
 *
 * pulumi-language-nodejs (RunPlugin) resolves `@pulumi/pulumi/cmd/run-plugin` with `node -e require.resolve(…)`
 * in the plugin directory, then runs `node <run-plugin> <plugin directory> <engine address>` in the consumer's
 * working directory and reads the port from the first line of stdout. This does the same, with a stand-in
 * engine (it only records log messages), and talks to the plugin with the SDK's generated gRPC client.
 */
import { spawn, spawnSync, type ChildProcessByStdio } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type { Readable } from "node:stream";
import type * as GrpcJs from "@grpc/grpc-js";
import { EngineService, type IEngineServer } from "@pulumi/pulumi/proto/engine_grpc_pb";
import {
  GetRootResourceResponse,
  LogSeverity,
  RequirePulumiVersionResponse,
  SetRootResourceResponse,
} from "@pulumi/pulumi/proto/engine_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { GetSchemaRequest } from "@pulumi/pulumi/proto/provider_pb";
import type * as EmptyPb from "google-protobuf/google/protobuf/empty_pb";
import * as yaml from "js-yaml";
import * as ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOrgRolesArgs } from "../../src";

const ROOT = path.resolve(__dirname, "../..");
/** Where `pulumi` runs: the consumer project, here the YAML example. */
const CONSUMER = path.join(ROOT, "examples", "yaml");
const TOKEN = "statsig-okta:index:OrgRoles";
const ROLE_GROUP = "statsig-okta:index:RoleGroup";
const PROJECT_ROLE = "statsig-okta:index:ProjectRole";
const ASSIGNMENT = "statsig-okta:index:OrgRoleGroupAssignment";

// The same gRPC and protobuf instances as the generated stubs, which @pulumi/pulumi depends on.
const sdkRequire = createRequire(require.resolve("@pulumi/pulumi/package.json"));
const grpc = sdkRequire("@grpc/grpc-js") as typeof GrpcJs;
const { Empty } = sdkRequire("google-protobuf/google/protobuf/empty_pb") as typeof EmptyPb;

interface Property {
  type?: string;
  $ref?: string;
  items?: Property;
  plain?: boolean;
  optional?: boolean;
  description?: string;
}
interface ObjectSchema {
  type: string;
  isComponent?: boolean;
  description?: string;
  inputProperties?: Record<string, Property>;
  requiredInputs?: string[];
  properties: Record<string, Property>;
  required: string[];
}
interface PackageSchema {
  name: string;
  version: string;
  resources: Record<string, ObjectSchema>;
  types: Record<string, ObjectSchema>;
}

const packageJson = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string };

let engine: GrpcJs.Server;
const engineLogs: { severity: number; message: string }[] = [];
let plugin: ChildProcessByStdio<null, Readable, Readable>;
let pluginStderr = "";
let client: ResourceProviderClient;
let pluginVersion: string;
let schema: PackageSchema;

/** A stand-in for the engine's gRPC endpoint, whose address the engine passes to every provider it starts. */
async function startEngine(): Promise<string> {
  engine = new grpc.Server();
  const service: IEngineServer = {
    log: (call, callback) => {
      engineLogs.push({ severity: call.request.getSeverity(), message: call.request.getMessage() });
      callback(null, new Empty());
    },
    getRootResource: (_call, callback) => callback(null, new GetRootResourceResponse()),
    setRootResource: (_call, callback) => callback(null, new SetRootResourceResponse()),
    startDebugging: (_call, callback) => callback(null, new Empty()),
    requirePulumiVersion: (_call, callback) => callback(null, new RequirePulumiVersionResponse()),
  };
  engine.addService(EngineService, service);
  const port = await new Promise<number>((resolve, reject) =>
    engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return `127.0.0.1:${port}`;
}

/** As the language host's locateModule: `node -e "console.log(require.resolve(…))"` in the plugin directory. */
function locateRunPlugin(): string {
  const located = spawnSync(process.execPath, ["-e", "console.log(require.resolve('@pulumi/pulumi/cmd/run-plugin'))"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (located.status !== 0) throw new Error(`cannot resolve @pulumi/pulumi/cmd/run-plugin: ${located.stderr}`);
  return located.stdout.trim();
}

/** Reads the first stdout line as the engine does (trimmed, a port number) and keeps draining the rest. */
function readPort(child: ChildProcessByStdio<null, Readable, Readable>): Promise<number> {
  return new Promise((resolve, reject) => {
    let line = "";
    let done = false;
    const fail = (why: string) => {
      if (done) return;
      done = true;
      reject(new Error(`${why}\nplugin stderr:\n${pluginStderr}`));
    };
    const timer = setTimeout(() => fail("the plugin printed no port within 20s"), 20_000);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      if (done) return;
      line += chunk;
      const newline = line.indexOf("\n");
      if (newline < 0) return;
      clearTimeout(timer);
      const text = line.slice(0, newline).trim();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port <= 0 || port > 65535)
        return fail(`the plugin wrote an invalid port to stdout: ${JSON.stringify(text)}`);
      done = true;
      resolve(port);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      fail(`the plugin exited (${code ?? signal}) before printing a port`);
    });
  });
}

beforeAll(async () => {
  const engineAddress = await startEngine();
  // The engine runs the language host for the runtime named in PulumiPlugin.yaml; this test stands in for nodejs.
  const manifest = yaml.load(readFileSync(path.join(ROOT, "PulumiPlugin.yaml"), "utf8")) as { runtime: string | { name: string } };
  expect(typeof manifest.runtime === "string" ? manifest.runtime : manifest.runtime.name).toBe("nodejs");

  plugin = spawn(process.execPath, [locateRunPlugin(), ROOT, engineAddress], {
    cwd: CONSUMER,
    // The language host adds this for the default `typescript: true` option.
    env: { ...process.env, PULUMI_NODEJS_TYPESCRIPT: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  plugin.stderr.setEncoding("utf8");
  plugin.stderr.on("data", (chunk: string) => (pluginStderr += chunk));
  const port = await readPort(plugin);

  client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  pluginVersion = await new Promise<string>((resolve, reject) =>
    client.getPluginInfo(new Empty(), (err, info) => (err ? reject(err) : resolve(info.getVersion()))),
  );
  const schemaJson = await new Promise<string>((resolve, reject) =>
    client.getSchema(new GetSchemaRequest().setVersion(0), (err, res) => (err ? reject(err) : resolve(res.getSchema()))),
  );
  schema = JSON.parse(schemaJson) as PackageSchema;
}, 40_000);

afterAll(async () => {
  client?.close();
  if (plugin && plugin.exitCode === null && plugin.signalCode === null) {
    const exited = new Promise((resolve) => plugin.once("exit", resolve));
    plugin.kill("SIGTERM");
    const timer = setTimeout(() => plugin.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  engine?.forceShutdown();
});

/** The doc comments of an interface's or class's members, as the schema inference reads them. */
function docComments(file: string, declaration: string): { own: string; members: Record<string, string> } {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
  const doc = (node: ts.Node) =>
    ts
      .getJSDocCommentsAndTags(node)
      .filter(ts.isJSDoc)
      .map((jsDoc) => ts.getTextOfJSDocComment(jsDoc.comment) ?? "")
      .join("\n");
  for (const statement of source.statements) {
    if ((ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === declaration) {
      const members: Record<string, string> = {};
      for (const member of statement.members) {
        if ((ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) && ts.isIdentifier(member.name)) {
          members[member.name.text] = doc(member);
        }
      }
      return { own: doc(statement), members };
    }
  }
  throw new Error(`${declaration} not found in ${file}`);
}

const withoutDescriptions = (properties: Record<string, Property>) =>
  Object.fromEntries(Object.entries(properties).map(([name, { description: _, ...rest }]) => [name, rest]));

function expectDescriptionsFrom(properties: Record<string, Property>, comments: Record<string, string>) {
  for (const [name, property] of Object.entries(properties)) {
    expect(property.description, `description of ${name}`).toBeTruthy();
    expect(property.description, `description of ${name}`).toBe(comments[name]);
  }
}

describe("statsig-okta as a Pulumi plugin (started like pulumi-language-nodejs does)", () => {
  it("serves the package named after package.json, at its version, without logging errors", () => {
    expect(pluginVersion).toBe(packageJson.version);
    expect(schema.name).toBe("statsig-okta");
    expect(schema.version).toBe(packageJson.version);
    expect(Object.keys(schema.resources)).toEqual([TOKEN]);
    expect(Object.keys(schema.types).sort()).toEqual([ASSIGNMENT, PROJECT_ROLE, ROLE_GROUP]);
    expect(engineLogs.filter((log) => log.severity === LogSeverity.ERROR)).toEqual([]);
  });

  it("OrgRoles is a component whose description is the class's doc comment", () => {
    const orgRoles = schema.resources[TOKEN]!;
    expect(orgRoles.isComponent).toBe(true);
    expect(orgRoles.description).toContain("Okta SCIM Org Roles");
    expect(orgRoles.description).toBe(docComments("src/component/orgRoles.ts", "OrgRoles").own);
  });

  it("inputs: OrgRolesArgs with their types, only appId required, documented from the doc comments", () => {
    const orgRoles = schema.resources[TOKEN]!;
    const inputs = orgRoles.inputProperties!;
    expect(withoutDescriptions(inputs)).toEqual({
      appId: { type: "string" },
      userTypeId: { type: "string", optional: true },
      oktaAttributeName: { type: "string", optional: true, plain: true },
      manageOktaAttribute: { type: "boolean", optional: true, plain: true },
      oktaAttributePermissions: { type: "string", optional: true, plain: true },
      oktaAttributeMaster: { type: "string", optional: true, plain: true },
      manageAppToOktaMapping: { type: "boolean", optional: true, plain: true },
      protect: { type: "boolean", optional: true, plain: true },
      roleGroups: { type: "array", items: { $ref: `#/types/${ROLE_GROUP}`, plain: true }, optional: true, plain: true },
      firstPriority: { type: "number", optional: true, plain: true },
      retainAssignments: { type: "boolean", optional: true, plain: true },
      projectRoles: { type: "array", items: { $ref: `#/types/${PROJECT_ROLE}`, plain: true }, optional: true, plain: true },
    });
    expect(orgRoles.requiredInputs).toEqual(["appId"]);
    expect(inputs.appId!.description).toContain("Statsig SCIM app");
    expectDescriptionsFrom(inputs, docComments("src/domain/args.ts", "OrgRolesArgs").members);
  });

  it("outputs: the component's public properties, typed and documented", () => {
    const orgRoles = schema.resources[TOKEN]!;
    expect(withoutDescriptions(orgRoles.properties)).toEqual({
      appId: { type: "string" },
      userTypeId: { type: "string" },
      mode: { type: "string" },
      oktaAttributeName: { type: "string" },
      appToOktaMappingId: { type: "string", optional: true },
      oktaToAppMappingId: { type: "string", optional: true },
      groupAssignments: { type: "array", items: { $ref: `#/types/${ASSIGNMENT}` } },
    });
    expect(orgRoles.required).toEqual(["appId", "groupAssignments", "mode", "oktaAttributeName", "userTypeId"]);
    expectDescriptionsFrom(orgRoles.properties, docComments("src/component/orgRoles.ts", "OrgRoles").members);
  });

  it("RoleGroup: groupId may be an output, role and name are plain; groupId and role required", () => {
    const roleGroup = schema.types[ROLE_GROUP]!;
    expect(roleGroup.type).toBe("object");
    expect(withoutDescriptions(roleGroup.properties)).toEqual({
      groupId: { type: "string" },
      role: { type: "string", plain: true },
      name: { type: "string", optional: true, plain: true },
    });
    expect(roleGroup.required).toEqual(["groupId", "role"]);
    expectDescriptionsFrom(roleGroup.properties, docComments("src/domain/args.ts", "RoleGroup").members);
  });

  it("ProjectRole: the group and target ids may be outputs, the names plain; groupId, project and role required", () => {
    const projectRole = schema.types[PROJECT_ROLE]!;
    expect(withoutDescriptions(projectRole.properties)).toEqual({
      groupId: { type: "string" },
      project: { type: "string", plain: true },
      role: { type: "string", plain: true },
      team: { type: "string", optional: true, plain: true },
      targetGroupName: { type: "string", optional: true },
      targetGroupId: { type: "string", optional: true },
      createTeam: { type: "boolean", optional: true, plain: true },
      name: { type: "string", optional: true, plain: true },
    });
    expect(projectRole.required).toEqual(["groupId", "project", "role"]);
    expectDescriptionsFrom(projectRole.properties, docComments("src/domain/projectRoles.ts", "ProjectRole").members);
  });

  it("OrgRoleGroupAssignment: the items of the groupAssignments output", () => {
    const assignment = schema.types[ASSIGNMENT]!;
    expect(withoutDescriptions(assignment.properties)).toEqual({
      groupId: { type: "string" },
      role: { type: "string" },
      priority: { type: "number" },
    });
    expect(assignment.required).toEqual(["groupId", "priority", "role"]);
    expectDescriptionsFrom(assignment.properties, docComments("src/component/orgRoles.ts", "OrgRoleGroupAssignment").members);
  });
});

describe("examples/yaml matches the schema the plugin serves", () => {
  interface YamlProgram {
    name: string;
    packages: Record<string, string>;
    resources: Record<string, { type: string; properties: Record<string, unknown> }>;
    outputs: Record<string, string>;
  }
  const program = yaml.load(readFileSync(path.join(CONSUMER, "Pulumi.yaml"), "utf8")) as YamlProgram;
  // Pulumi YAML reads `pkg:Type` as `pkg:index:Type`.
  const fullToken = (type: string) => (type.split(":").length === 2 ? type.replace(":", ":index:") : type);

  it("loads this package from the directory holding PulumiPlugin.yaml", () => {
    const source = program.packages["statsig-okta"]!;
    expect(path.resolve(CONSUMER, source)).toBe(ROOT);
    expect(existsSync(path.join(ROOT, "PulumiPlugin.yaml"))).toBe(true);
  });

  it("uses OrgRoles with known inputs, every required one, two role groups, and valid values", () => {
    const uses = Object.entries(program.resources).filter(([, resource]) => fullToken(resource.type) === TOKEN);
    expect(uses).toHaveLength(1);
    const [, resource] = uses[0]!;
    const orgRoles = schema.resources[TOKEN]!;
    const roleGroup = schema.types[ROLE_GROUP]!;
    expect(Object.keys(orgRoles.inputProperties!)).toEqual(expect.arrayContaining(Object.keys(resource.properties)));
    expect(Object.keys(resource.properties)).toEqual(expect.arrayContaining(orgRoles.requiredInputs!));
    const groups = resource.properties.roleGroups as Record<string, unknown>[];
    expect(groups).toHaveLength(2);
    for (const group of groups) {
      expect(Object.keys(roleGroup.properties)).toEqual(expect.arrayContaining(Object.keys(group)));
      expect(Object.keys(group)).toEqual(expect.arrayContaining(roleGroup.required));
    }
    // appId is the program's config `appId`, set in the example stack file.
    expect(resource.properties.appId).toBe("${appId}");
    const stack = yaml.load(readFileSync(path.join(CONSUMER, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> };
    const appId = stack.config[`${program.name}:appId`];
    expect(checkOrgRolesArgs({ ...resource.properties, appId }).issues).toEqual([]);
  });

  it("exports only outputs the component has", () => {
    const outputs = Object.keys(schema.resources[TOKEN]!.properties);
    for (const expression of Object.values(program.outputs)) {
      const match = /^\$\{statsig\.(\w+)\}$/.exec(expression);
      expect(match, expression).not.toBeNull();
      expect(outputs).toContain(match![1]);
    }
  });
});
