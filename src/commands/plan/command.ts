import { DEFAULT_COMPONENT_NAME } from "../../stackConfig/names";
import type { CliIo } from "../../cli/io";
import { CONFIG_OPTIONS, parseCommandArgs } from "../options";

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

const OPTIONS = { ...CONFIG_OPTIONS, json: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;

/** `statsig-okta plan`: 0 for a valid config with its plan on stdout; failures are thrown (cli.ts reports them). */
export async function runPlanCommand(argv: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(argv, OPTIONS);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  // Loaded after --help: the run needs zod and YAML, help neither.
  return (await import("./run.js")).plan(values, io);
}
