import { existsSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { describeParseError, fail } from "../cliErrors";
import { UsageError, type CliIo } from "../cliIo";
import { EXAMPLE_STACK, loadStackFile, StackFileError, stackConfig, stackFilePath, stackNameProblem } from "../stackFile";

const HELP = `Usage: statsig-okta plan [--stack NAME | --config FILE] [--json]

Shows what \`pulumi up\` of the root program would create or adopt in Okta for a stack's config, grouped by
Statsig's steps. Offline: no Okta, no credentials, no Pulumi CLI.

  --stack NAME    read Pulumi.NAME.yaml in the current directory
  --config FILE   read this stack config file
  --json          print the plan as JSON (and a failure as {"result":"error",...})
  With neither, plans the example stack (Pulumi.example.yaml, placeholder ids).

Exit status: 0 valid config, 1 invalid config (the error names each config key), 2 could not plan.
`;

const OPTIONS = {
  stack: { type: "string" },
  config: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Which stack file to plan: --config, --stack, or the example (the package ships a copy). */
function resolveSource(cwd: string, stack: string | undefined, config: string | undefined): string {
  if (stack !== undefined && config !== undefined) throw new UsageError("give --stack or --config, not both");
  if (config !== undefined) return path.resolve(cwd, config);
  if (stack !== undefined) {
    const problem = stackNameProblem(stack);
    if (problem) throw new UsageError(problem);
    return stackFilePath(cwd, stack);
  }
  const local = stackFilePath(cwd, EXAMPLE_STACK);
  return existsSync(local) ? local : stackFilePath(path.join(__dirname, "..", ".."), EXAMPLE_STACK);
}

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
  const json = values.json === true;
  const file = resolveSource(io.cwd, values.stack, values.config);
  const source = path.relative(io.cwd, file) || file;
  const failure = (exitCode: number, message: string) => fail(io, { command: "plan", json, exitCode, message });
  try {
    // The file is read and checked before the Pulumi SDK loads (about 0.7 s): a hostile file fails at once.
    const stackFile = loadStackFile(file);
    const { CONFIG_NAMESPACE } = await import("../stack.js");
    const { config, secretKeys } = stackConfig(stackFile, CONFIG_NAMESPACE);
    const ours = secretKeys.filter((key) => key.startsWith(`${CONFIG_NAMESPACE}:`));
    if (ours.length > 0) {
      return failure(
        2,
        `${ours.join(", ")} ${ours.length > 1 ? "are" : "is"} encrypted in ${source}; plan works offline and cannot decrypt. None of these keys is secret: store them in plain text.`,
      );
    }
    const [{ formatPlan, toPlan }, { runPlan }] = await Promise.all([import("./plan.js"), import("./run.js")]);
    const plan = toPlan(await runPlan(config), source);
    io.stdout(json ? `${JSON.stringify(plan, null, 2)}\n` : formatPlan(plan));
    return 0;
  } catch (error) {
    if (error instanceof StackFileError) return failure(2, error.message);
    const { OrgRolesArgsError } = await import("../validation.js");
    if (error instanceof OrgRolesArgsError) return failure(1, `${source}: ${error.message}`);
    throw error;
  }
}
