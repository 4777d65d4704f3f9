/** `raoce reglas [ID] [--json]`: the rules catalog the product ships (the ids shown in Problemas and notes). */
import { CONFIDENCE_WORDS, findRule, RULES_CATALOG, type RuleEntry } from "../../domain/rules-catalog";
import { parse } from "../args";
import { UsageError } from "../errors";
import { json } from "../format";
import type { CommandResult } from "./types";

function entryText(e: RuleEntry): string {
  return [
    `${e.id} — ${e.title}`,
    `  ${e.es}`,
    `  Fundamento: ${e.basis}.`,
    `  Confianza: ${CONFIDENCE_WORDS[e.confidence].es}.`,
  ].join("\n");
}

export function rulesCommand(argv: string[]): CommandResult {
  const { values, positionals } = parse(argv, { json: { type: "boolean" } }, true);
  if (positionals.length > 1) throw new UsageError("indique una sola regla, p. ej. raoce reglas R7");
  const id = positionals[0];
  const list = id === undefined ? RULES_CATALOG : [findRule(id)].filter((e): e is RuleEntry => e !== null);
  if (id !== undefined && list.length === 0) throw new UsageError(`no hay regla «${id}» en el catálogo; use raoce reglas para ver la lista`);
  const withWords = list.map((e) => ({ ...e, confidenceText: CONFIDENCE_WORDS[e.confidence].es, confidenceTextEn: CONFIDENCE_WORDS[e.confidence].en }));
  if (values.json) return { stdout: json(id === undefined ? withWords : withWords[0]), exitCode: 0 };
  const head = id === undefined ? [`Catálogo de reglas de RAOCE (${list.length} reglas). Detalle de una: raoce reglas R7`, ""] : [];
  return { stdout: [...head, list.map(entryText).join("\n\n")].join("\n"), exitCode: 0 };
}
