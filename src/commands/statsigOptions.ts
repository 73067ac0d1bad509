// Light on purpose, like options.ts: flags and help of `--statsig`, read before the run loads the clients.
import { UsageError } from "../cli/errors";
import { CONSOLE_KEYS_VARIABLE, DEFAULT_STATSIG_URL, SCIM_TOKEN_VARIABLE } from "../statsig/url";

/** The flags of `check` and `roles` that read Statsig too. */
export const STATSIG_OPTIONS = {
  statsig: { type: "boolean" },
  "statsig-url": { type: "string" },
} as const;

export type StatsigValues = { statsig?: boolean; "statsig-url"?: string };

export { CONSOLE_KEYS_VARIABLE, SCIM_TOKEN_VARIABLE };

/** The help lines of {@link STATSIG_OPTIONS}; `adds` says what `--statsig` adds to the command's output. */
export const statsigOptionsHelp = (
  adds: string,
) => `  --statsig            Read what Statsig holds too, over its SCIM API (GET only), with the key in
                       ${SCIM_TOKEN_VARIABLE}. That key can also write: run where it already lives.
${adds}
  --statsig-url URL    Statsig's SCIM API (default: ${DEFAULT_STATSIG_URL}). https only.`;

/** `--statsig-url` means nothing without `--statsig`. */
export function checkStatsigValues(values: StatsigValues): void {
  if (values["statsig-url"] !== undefined && !values.statsig) throw new UsageError("--statsig-url needs --statsig");
}
