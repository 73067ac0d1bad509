import { parseArgs } from "node:util";
import { DEFAULT_COMPONENT_NAME } from "../../stackConfig/names";
import { describeParseError, fail } from "../../cli/errors";
import { UsageError, type CliIo } from "../../cli/io";

const HELP = `Usage: statsig-okta plan [--stack NAME | --config FILE] [--key KEY [--name NAME]] [--json]

Shows what \`pulumi up\` would create or adopt in Okta for a stack's config, grouped by Statsig's steps.
Offline: no Okta, no credentials, no Pulumi CLI. Reads the stack file over the project's Pulumi.yaml config.

  --stack NAME    read Pulumi.NAME.yaml in the current directory
  --config FILE   read this stack config file
  --key KEY       for a program that embeds OrgRoles: the config key holding its args as one object
                  (KEY in the project's namespace, or project:KEY). Without it: the statsig-okta:* keys
                  of this package's root program
  --name NAME     with --key: the component's name in that program (default: ${DEFAULT_COMPONENT_NAME})
  --json          print the plan as JSON (and a failure as {"result":"error",...})
  With neither --stack nor --config, plans the example stack (Pulumi.example.yaml, placeholder ids).

Exit status: 0 valid config, 1 invalid config (the error names each config key), 2 could not plan.
`;

const OPTIONS = {
  stack: { type: "string" },
  config: { type: "string" },
  key: { type: "string" },
  name: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export async function runPlanCommand(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(describeParseError(error, OPTIONS));
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  // Loaded after --help, which must not pay for zod and YAML; in one import(), as each import() of a CommonJS
  // file costs an asynchronous read and a parse.
  const { flagProblem, readSource, shownFile, sourceOptionsFrom, StackFileError, OrgRolesArgsError, describeOrgRoles, formatPlan, toPlan } =
    await import("./lazy.js");
  const json = values.json === true;
  const options = sourceOptionsFrom(io.cwd, values);
  const problem = flagProblem(options);
  if (problem) throw new UsageError(problem);
  const failure = (exitCode: number, message: string) => fail(io, { command: "plan", json, exitCode, message });
  try {
    const source = readSource(options);
    for (const note of source.notes) io.stderr(`statsig-okta plan: ${note}\n`);
    const plan = toPlan(describeOrgRoles(source.name, source.valid), source.file);
    io.stdout(json ? `${JSON.stringify(plan, null, 2)}\n` : formatPlan(plan));
    return 0;
  } catch (error) {
    if (error instanceof OrgRolesArgsError) return failure(1, `${shownFile(options)}: ${error.message}`);
    if (error instanceof StackFileError) return failure(2, error.message);
    throw error;
  }
}
