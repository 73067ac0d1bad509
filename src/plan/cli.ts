import { existsSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { UsageError, type CliIo } from "../cliIo";
import { argsFromConfig, CONFIG_NAMESPACE } from "../config";
import { describeOrgRoles } from "../desired";
import { EXAMPLE_STACK, readStackConfig, StackFileError, stackFilePath } from "../stackFile";
import { OrgRolesArgsError } from "../validation";
import { formatPlan, toPlan } from "./plan";

const HELP = `Usage: statsig-okta plan [--stack NAME | --config FILE] [--json]

Shows what \`pulumi up\` of the root program would create or adopt in Okta for a stack's config, grouped by
Statsig's steps. Offline: no Okta, no credentials, no Pulumi CLI.

  --stack NAME    read Pulumi.NAME.yaml in the current directory
  --config FILE   read this stack config file
  --json          print the plan as JSON
  With neither, plans the example stack (Pulumi.example.yaml, placeholder ids).

Exit status: 0 valid config, 1 invalid config (the error names each config key), 2 could not plan.
`;

/** Which stack file to plan: --config, --stack, or the example (the package ships a copy). */
function resolveSource(cwd: string, stack: string | undefined, config: string | undefined): string {
  if (stack !== undefined && config !== undefined) throw new UsageError("give --stack or --config, not both");
  if (config !== undefined) return path.resolve(cwd, config);
  if (stack !== undefined) return stackFilePath(cwd, stack);
  const local = stackFilePath(cwd, EXAMPLE_STACK);
  return existsSync(local) ? local : stackFilePath(path.join(__dirname, "..", ".."), EXAMPLE_STACK);
}

export async function runPlanCommand(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { stack: { type: "string" }, config: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
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
  const file = resolveSource(io.cwd, values.stack, values.config);
  const source = path.relative(io.cwd, file) || file;
  try {
    const { config, secretKeys } = readStackConfig(file, CONFIG_NAMESPACE);
    const ours = secretKeys.filter((key) => key.startsWith(`${CONFIG_NAMESPACE}:`));
    if (ours.length > 0) {
      io.stderr(
        `statsig-okta plan: ${ours.join(", ")} ${ours.length > 1 ? "are" : "is"} encrypted in ${source}; plan works offline and cannot decrypt. None of these keys is secret: store them in plain text.\n`,
      );
      return 2;
    }
    const { name, valid } = argsFromConfig(config);
    const plan = toPlan(describeOrgRoles(name, valid), source);
    io.stdout(values.json ? `${JSON.stringify(plan, null, 2)}\n` : formatPlan(plan));
    return 0;
  } catch (error) {
    if (error instanceof OrgRolesArgsError) {
      io.stderr(`statsig-okta plan: ${source}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof StackFileError) {
      io.stderr(`statsig-okta plan: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
