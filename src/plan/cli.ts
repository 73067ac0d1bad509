import { parseArgs } from "node:util";
import { UsageError, type CliIo } from "../cliIo";
import { describeOrgRoles } from "../desired";
import { flagProblem, readSource, shownFile, sourceOptionsFrom } from "../source";
import { StackFileError } from "../stackFile";
import { OrgRolesArgsError } from "../validation";
import { formatPlan, toPlan } from "./plan";

const HELP = `Usage: statsig-okta plan [--stack NAME | --config FILE] [--key KEY [--name NAME]] [--json]

Shows what \`pulumi up\` would create or adopt in Okta for a stack's config, grouped by Statsig's steps.
Offline: no Okta, no credentials, no Pulumi CLI. Reads the stack file over the project's Pulumi.yaml config.

  --stack NAME    read Pulumi.NAME.yaml in the current directory
  --config FILE   read this stack config file
  --key KEY       for a program that embeds OrgRoles: the config key holding its args as one object
                  (KEY in the project's namespace, or project:KEY). Without it: the statsig-okta:* keys
                  of this package's root program
  --name NAME     with --key: the component's name in that program (default: statsig)
  --json          print the plan as JSON
  With neither --stack nor --config, plans the example stack (Pulumi.example.yaml, placeholder ids).

Exit status: 0 valid config, 1 invalid config (the error names each config key), 2 could not plan.
`;

export async function runPlanCommand(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        stack: { type: "string" },
        config: { type: "string" },
        key: { type: "string" },
        name: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP}`);
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.stack !== undefined && values.config !== undefined) throw new UsageError("give --stack or --config, not both");
  const problem = flagProblem(sourceOptionsFrom(io.cwd, values));
  if (problem) throw new UsageError(problem);
  try {
    const source = readSource(sourceOptionsFrom(io.cwd, values));
    for (const note of source.notes) io.stderr(`statsig-okta plan: ${note}\n`);
    const plan = toPlan(describeOrgRoles(source.name, source.valid), source.file);
    io.stdout(values.json ? `${JSON.stringify(plan, null, 2)}\n` : formatPlan(plan));
    return 0;
  } catch (error) {
    if (error instanceof OrgRolesArgsError) {
      io.stderr(`statsig-okta plan: ${shownFile({ cwd: io.cwd, stack: values.stack, configFile: values.config })}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof StackFileError) {
      io.stderr(`statsig-okta plan: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
