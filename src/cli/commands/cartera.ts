/**
 * `raoce cartera <files or folders…> [--out cartera.xlsx] [--as-of D] [--json | --csv] [--alerta N]` (issue #11 §1):
 * one row per client × program, sorted by urgency (R58). Reads the workbooks one at a time, never changes them.
 * Exit codes: 3 with --alerta N when a program is suspended, cancelled or due within N days (for a scheduled task);
 * otherwise 2 when a file is unusable (listed; the rest are still in the portfolio), 1 when a client has errors, 0.
 */
import { resolve } from "node:path";
import { needsAlert, summarize } from "../../domain/portfolio/rows";
import { buildPortfolioWorkbook } from "../../workbook/portfolio-xlsx";
import { todayInMexico } from "../../workbook/today";
import { saveWorkbookFile } from "../../workbook/xlsx-file";
import { optionalDate, parse } from "../args";
import { EXIT, UsageError } from "../errors";
import { json, printable } from "../format";
import { readPortfolio } from "../portfolio-run";
import { portfolioCsv, portfolioText } from "../portfolio-text";
import type { CommandResult } from "./types";

export const EXIT_ALERT = 3;

export async function carteraCommand(argv: string[], now: Date): Promise<CommandResult> {
  const { values, positionals } = parse(argv, { out: { type: "string" }, "as-of": { type: "string" }, json: { type: "boolean" }, csv: { type: "boolean" }, alerta: { type: "string" } }, true);
  if (positionals.length === 0) throw new UsageError("indique libros .xlsx o carpetas: raoce cartera clientes/ --out cartera.xlsx");
  if (values.json && values.csv) throw new UsageError("use --json o --csv, no ambos");
  const asOf = optionalDate(values["as-of"] as string | undefined, "--as-of");
  const out = values.out as string | undefined;
  if (out !== undefined && !/\.xlsx$/i.test(out)) throw new UsageError(`--out ${out}: el archivo debe terminar en .xlsx`);
  let alertDays: number | null = null;
  if (values.alerta !== undefined) {
    alertDays = Number(values.alerta);
    if (!Number.isInteger(alertDays) || alertDays < 0 || alertDays > 366) throw new UsageError(`--alerta ${String(values.alerta)}: indique un número de días entre 0 y 366`);
  }
  const today = todayInMexico(now);
  const inputs = out ? positionals.filter((p) => resolve(p) !== resolve(out)) : positionals;
  if (out && inputs.length < positionals.length) throw new UsageError(`--out ${out} es uno de los libros de entrada; elija otro nombre`);

  const batch = await readPortfolio(inputs, today, asOf, out ? { skip: resolve(out) } : {});
  const effectiveAsOf = asOf ?? batch.rows[0]?.asOf ?? today;
  const summary = summarize(batch.rows, batch.unusable.length);
  const errs = batch.unusable.map((u) => printable(`raoce cartera: ${u.file}: ${u.reason}`));

  if (out) {
    try {
      await saveWorkbookFile(buildPortfolioWorkbook({ rows: batch.rows, summary, problems: batch.problems, batchNotes: batch.batchNotes, asOf: effectiveAsOf, outPath: out }), out);
    } catch (e) {
      return { stdout: "", stderr: [...errs, `raoce cartera: no se pudo escribir ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`].join("\n"), exitCode: EXIT.unusable };
    }
  }
  let stdout: string;
  if (values.json) stdout = json({ asOf: effectiveAsOf, summary, rows: batch.rows, problems: batch.problems, batchNotes: batch.batchNotes, unusable: batch.unusable });
  else if (values.csv) stdout = portfolioCsv(batch.rows);
  else {
    stdout = portfolioText(batch.rows, summary, batch.batchNotes, batch.unusable, effectiveAsOf);
    if (out) stdout += `\nCartera escrita en ${out}`;
  }
  const exitCode =
    alertDays !== null && needsAlert(batch.rows, alertDays) ? EXIT_ALERT : batch.unusable.length > 0 ? EXIT.unusable : batch.rows.some((r) => r.errors > 0) ? EXIT.inputErrors : EXIT.ok;
  const result: CommandResult = { stdout, exitCode };
  if (errs.length) result.stderr = errs.join("\n");
  return result;
}
