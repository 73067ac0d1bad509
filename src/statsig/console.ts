/**
 * Statsig's Console API, read per project with that project's key (statsig-io/docs `console-api/capiopenapi.json`:
 * header `STATSIG-API-KEY`; `GET /console/v1/users` gives each user's role in the project, `GET
 * /console/v1/users/teams` each team's `members` and `admins`; lists paged by `page` and `limit` with
 * `pagination.nextPage`). It has no org role: the SCIM API says that.
 */
import { z } from "zod";
import { CliError } from "../cli/errors";
import type { StatsigClient } from "./client";

import { CONSOLE_KEYS_VARIABLE } from "./url";

/** The page size asked for (the spec gives no maximum; its example uses 10). */
export const CONSOLE_PAGE_SIZE = 100;

export interface ConsoleKey {
  project: string;
  key: string;
}

/**
 * The pairs as written, unchecked: a pair without `=` is all key. Also what output is scrubbed of, so a
 * malformed pair's key is never shown either.
 */
export function consoleKeyPairs(text: string): ConsoleKey[] {
  return text.split(",").map((pair) => {
    const at = pair.indexOf("=");
    return { project: at > 0 ? pair.slice(0, at).trim() : "", key: pair.slice(at + 1).trim() };
  });
}

/**
 * The `Project=key` pairs of {@link CONSOLE_KEYS_VARIABLE}, comma-separated. A malformed pair is an error naming
 * its position, never its text (it holds a key).
 */
export function parseConsoleKeys(text: string | undefined): ConsoleKey[] {
  if (text === undefined || text.trim() === "") return [];
  const keys: ConsoleKey[] = [];
  for (const [index, { project, key }] of consoleKeyPairs(text).entries()) {
    if (project === "" || key === "") {
      throw new CliError(`${CONSOLE_KEYS_VARIABLE}: pair ${index + 1} is not Project=key (pairs are separated by commas)`);
    }
    if (keys.some((entry) => entry.project === project))
      throw new CliError(`${CONSOLE_KEYS_VARIABLE}: project "${project}" is given twice`);
    keys.push({ project, key });
  }
  return keys;
}

/** `UserContractDto`: `email` and `role` are required by the spec. */
const consoleUser = z.object({ email: z.string(), role: z.string() });
/** `TeamDto`: `name`, `members` (with their team role), `admins`. */
const consoleTeam = z.object({
  name: z.string(),
  members: z.array(z.object({ email: z.string() })).optional(),
  admins: z.array(z.object({ email: z.string() })).optional(),
});

/** What one project's console shows: each user's project role, and their team roles. */
export interface ConsoleProject {
  project: string;
  /** By email, lower-cased: the project role and the team roles (`Growth: admin`). */
  users: Map<string, { role: string; teams: { team: string; role: string }[] }>;
}

export async function readConsoleProject(client: StatsigClient, project: string): Promise<ConsoleProject> {
  const users = new Map<string, { role: string; teams: { team: string; role: string }[] }>();
  const entry = (email: string) => {
    const key = email.toLowerCase();
    let user = users.get(key);
    if (!user) {
      user = { role: "", teams: [] };
      users.set(key, user);
    }
    return user;
  };
  for await (const page of client.numberedPages("users", consoleUser, CONSOLE_PAGE_SIZE, `project ${project}'s users`)) {
    for (const user of page) entry(user.email).role = user.role;
  }
  for await (const page of client.numberedPages("users/teams", consoleTeam, CONSOLE_PAGE_SIZE, `project ${project}'s teams`)) {
    for (const team of page) {
      const admins = new Set((team.admins ?? []).map((admin) => admin.email.toLowerCase()));
      for (const email of admins) entry(email).teams.push({ team: team.name, role: "admin" });
      for (const member of team.members ?? []) {
        if (!admins.has(member.email.toLowerCase())) entry(member.email).teams.push({ team: team.name, role: "member" });
      }
    }
  }
  return { project, users };
}
