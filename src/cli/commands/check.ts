/**
 * `raoce check <file.xlsx>… [--as-of DATE] [--json]`: checks RAOCE workbooks without changing them.
 * Exit 2 if any file is unusable (one stderr line each), else 1 if any file has errors, else 0. Every file of the batch
 * is checked whatever happens to the others.
 */
import { afterFilingJson } from "../../domain/after-filing";
import { todayInMexico } from "../../workbook/today";
import { optionalDate, parse } from "../args";
import { EXIT, UsageError } from "../errors";
import { json, printable } from "../format";
import { analyzeFile, fileSummary } from "../workbook-run";
import type { CommandResult } from "./types";
import { CheckSummary, CollapsedBatch } from "../check-summary";

export async function checkCommand(argv: string[], now: Date): Promise<CommandResult> {
  const { values, positionals } = parse(argv, { "as-of": { type: "string" }, json: { type: "boolean" }, resumen: { type: "boolean" } }, true);
  if (positionals.length === 0) throw new UsageError("indique uno o más libros .xlsx: raoce check reporte.xlsx");
  const asOf = optionalDate(values["as-of"] as string | undefined, "--as-of");
  const today = todayInMexico(now);

  const out: string[] = [];
  const docs: unknown[] = [];
  const errs: string[] = [];
  let unusable = 0;
  let withErrors = 0;
  const brief = values.resumen && !values.json ? new CheckSummary() : null; // --resumen: one line per client
  const batch = !brief && !values.json && positionals.length > 1 ? new CollapsedBatch() : null; // repeated warnings once
  for (const file of positionals) {
    const o = await analyzeFile(file, today, asOf, true); // sequential: one workbook in memory at a time
    if (!o.ok) {
      unusable++;
      errs.push(printable(`raoce check: ${file}: ${o.reason}`));
      docs.push({ file, error: o.reason });
      brief?.addUnusable(file, o.reason);
      continue;
    }
    const a = o.analysis;
    if (a.summary.errors > 0) withErrors++;
    if (values.json) docs.push({ file, result: a.result, issues: a.issues, freshness: a.freshness, afterFiling: afterFilingJson(a.afterFiling) });
    else if (brief) brief.add(file, a);
    else if (batch) batch.add(file, a);
    else out.push(fileSummary(file, a, { freshness: true }));
  }
  if (batch) out.push(...batch.texts());
  if (!values.json && positionals.length > 1) {
    const ok = positionals.length - unusable - withErrors;
    out.push(`${positionals.length} libros: ${ok} sin errores, ${withErrors} con errores, ${unusable} inutilizables`);
  }
  const exitCode = unusable > 0 ? EXIT.unusable : withErrors > 0 ? EXIT.inputErrors : EXIT.ok;
  if (brief) out.unshift(brief.text());
  const result: CommandResult = { stdout: values.json ? json(docs) : out.join(brief ? "\n" : "\n\n"), exitCode };
  if (errs.length) result.stderr = errs.join("\n");
  return result;
}
