import type { RegexEngine } from "@vault/engine";
import { RE2JS } from "re2js";

/**
 * The engine's `regex` operator run by RE2 (re2js, pure JavaScript): matching takes time linear in the text, so no
 * pattern a flag author writes can make evaluation backtrack for seconds. RE2 has no backreferences or lookaround; a
 * pattern using them is refused when the rule is written. Patterns are compiled once per snapshot.
 */
export const re2RegexEngine: RegexEngine = {
  compile(pattern, { caseInsensitive }) {
    const compiled = RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    return (text) => compiled.test(text);
  },
};
