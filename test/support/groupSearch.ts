/**
 * Okta's groups search (`GET /api/v1/groups?search=`, Okta spec `listGroups`) over the fake org's groups, for
 * every fake that answers it: the Pulumi mock of `okta.getGroups` (fakeOkta.ts) and the HTTP fake. The spec:
 * "Searches for groups with a supported filtering expression for all properties except for `_embedded`,
 * `_links`, and `objectClass`", among them "The source of groups with type of `APP_GROUP`, accessed as
 * `source.id`", with the operators `eq`, `sw` and `co` (`co` only on `profile.name` and `profile.description`),
 * combined with `and`, `or` and parentheses (its example `type eq "APP_GROUP" and (created lt "…" and source.id
 * eq "…")`). String values are in double quotes, `"` and `\` escaped by a backslash (developer.okta.com/docs/api/
 * "Filter", "Special characters"). Assumed, as no source says: values compare case-insensitively, like the
 * SCIM filters Okta's follow (RFC 7644 §3.4.2.2). Only the properties the fake org holds are searchable; any
 * other, and a malformed expression, is Okta's 400 "Invalid search criteria" (E0000031), thrown as
 * {@link SearchError}.
 */
import type { FakeGroup } from "./oktaOrg";

export class SearchError extends Error {
  readonly errorCode = "E0000031";
  constructor(detail: string) {
    super(`Invalid search criteria: ${detail}`);
  }
}

/** The value of a searchable property of a group, as Okta's `Group` has it; undefined when it has none. */
const PROPERTIES: Record<string, (group: FakeGroup) => string | undefined> = {
  id: (group) => group.id,
  type: (group) => (group.source !== undefined ? "APP_GROUP" : "OKTA_GROUP"),
  "source.id": (group) => group.source,
  "profile.name": (group) => group.name,
};

const OPERATORS: Record<string, (value: string, wanted: string) => boolean> = {
  eq: (value, wanted) => value === wanted,
  sw: (value, wanted) => value.startsWith(wanted),
  co: (value, wanted) => value.includes(wanted),
};

type Token = { kind: "word"; text: string } | { kind: "string"; text: string } | { kind: "(" | ")" };

function tokenize(search: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < search.length) {
    const char = search[i]!;
    if (char === " ") i++;
    else if (char === "(" || char === ")") {
      tokens.push({ kind: char });
      i++;
    } else if (char === '"') {
      let text = "";
      i++;
      for (;;) {
        if (i >= search.length) throw new SearchError("a string value is not closed");
        const c = search[i]!;
        if (c === "\\") {
          if (i + 1 >= search.length) throw new SearchError("a backslash ends the search");
          text += search[i + 1];
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          text += c;
          i++;
        }
      }
      tokens.push({ kind: "string", text });
    } else {
      const word = /^[^\s()"]+/.exec(search.slice(i))![0];
      tokens.push({ kind: "word", text: word });
      i += word.length;
    }
  }
  return tokens;
}

type Matcher = (group: FakeGroup) => boolean;

/** A recursive-descent parser: or of ands of comparisons or parenthesised expressions. */
function parse(tokens: Token[]): Matcher {
  let at = 0;
  const peekWord = (text: string) => {
    const token = tokens[at];
    return token?.kind === "word" && token.text.toLowerCase() === text;
  };
  const comparison = (): Matcher => {
    const token = tokens[at];
    if (token?.kind === "(") {
      at++;
      const inner = or();
      if (tokens[at]?.kind !== ")") throw new SearchError("a parenthesis is not closed");
      at++;
      return inner;
    }
    const [property, operator, value] = [tokens[at], tokens[at + 1], tokens[at + 2]];
    if (property?.kind !== "word" || operator?.kind !== "word" || value?.kind !== "string") {
      throw new SearchError('expected <property> <operator> "<value>"');
    }
    at += 3;
    const read = PROPERTIES[property.text];
    if (!read) throw new SearchError(`${property.text} is not searchable`);
    const compare = OPERATORS[operator.text.toLowerCase()];
    if (!compare) throw new SearchError(`unknown operator ${operator.text}`);
    if (operator.text.toLowerCase() === "co" && !property.text.startsWith("profile.")) {
      throw new SearchError(`co is allowed only on profile.name and profile.description, not ${property.text}`);
    }
    const wanted = value.text.toLowerCase();
    return (group) => {
      const actual = read(group);
      return actual !== undefined && compare(actual.toLowerCase(), wanted);
    };
  };
  const and = (): Matcher => {
    const parts = [comparison()];
    while (peekWord("and")) {
      at++;
      parts.push(comparison());
    }
    return (group) => parts.every((part) => part(group));
  };
  const or = (): Matcher => {
    const parts = [and()];
    while (peekWord("or")) {
      at++;
      parts.push(and());
    }
    return (group) => parts.some((part) => part(group));
  };
  const matcher = or();
  if (at !== tokens.length) throw new SearchError("unexpected text after the expression");
  return matcher;
}

/** The groups of `groups` that the search expression selects, in their order. */
export function searchGroups(groups: readonly FakeGroup[], search: string): FakeGroup[] {
  const matches = parse(tokenize(search));
  return groups.filter(matches);
}
