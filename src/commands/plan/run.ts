/** The run of `statsig-okta plan`, loaded by command.ts once the flags are read and help is not asked for. */
import { UsageError } from "../../cli/errors";
import type { CliIo } from "../../cli/io";
import { cell, MAX_LINE } from "../../cli/terminal";
import { describeOrgRoles } from "../../domain/desired";
import { flagProblem, sourceOptionsFrom } from "../../stackConfig/source";
import { readConfig } from "../target";
import { formatPlan, toPlan } from "./plan";

/** 0 for a valid config with its plan on stdout; failures are thrown. */
export async function plan(
  values: { stack?: string; config?: string; key?: string; name?: string; json?: boolean },
  io: CliIo,
): Promise<number> {
  const options = sourceOptionsFrom(io.cwd, values);
  const problem = flagProblem(options);
  if (problem) throw new UsageError(problem);
  const source = readConfig(options);
  for (const note of source.notes) io.stderr(`statsig-okta plan: ${cell(note, MAX_LINE)}\n`);
  const shown = toPlan(describeOrgRoles(source.name, source.valid), source.file);
  io.stdout(values.json ? `${JSON.stringify(shown, null, 2)}\n` : formatPlan(shown));
  return 0;
}
