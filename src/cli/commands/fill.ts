/**
 * `raoce fill <in.xlsx> [--out out.xlsx] [--in-place] [--as-of DATE]`: writes the outputs (plazos, estado, compromiso,
 * cifras, Problemas, Captura VUCEM) into a copy of the workbook, or into the workbook itself with --in-place.
 * Nothing the user typed is changed. Exit 0, 1 (the report has errors; the file is still written) or 2.
 */
import { basename, dirname, extname, join, resolve } from "node:path";
import { saveWorkbookFile } from "../../workbook/xlsx-file";
import { todayInMexico } from "../../workbook/today";
import { buildWritePlan } from "../../workbook/write-plan";
import { optionalDate, parse } from "../args";
import { printable } from "../format";
import { EXIT, UsageError } from "../errors";
import { analyzeFile, fileSummary } from "../workbook-run";
import type { CommandResult } from "./types";
import { fillManyCommand, isFolderFill } from "./fill-many";

export function defaultOut(input: string): string {
  const ext = extname(input) || ".xlsx";
  return join(dirname(input), `${basename(input, ext)}-raoce${ext}`);
}

export async function fillCommand(argv: string[], now: Date): Promise<CommandResult> {
  if (isFolderFill(argv)) return fillManyCommand(argv, now); // many workbooks into a folder (fill-many.ts)
  const { values, positionals } = parse(argv, { out: { type: "string" }, "in-place": { type: "boolean" }, "as-of": { type: "string" } }, true);
  if (positionals.length !== 1) throw new UsageError("indique un libro .xlsx: raoce fill reporte.xlsx [--out salida.xlsx | --in-place]");
  const input = positionals[0]!;
  const inPlace = !!values["in-place"];
  const outOpt = values.out as string | undefined;
  if (inPlace && outOpt && resolve(outOpt) !== resolve(input)) throw new UsageError("use --out o --in-place, no ambos");
  const out = inPlace ? input : outOpt ?? defaultOut(input);
  if (!inPlace && resolve(out) === resolve(input)) throw new UsageError(`--out ${out} es el mismo archivo de entrada; para sobrescribirlo use --in-place`);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`${out}: la salida debe terminar en .xlsx`);
  const asOf = optionalDate(values["as-of"] as string | undefined, "--as-of");
  const today = todayInMexico(now);

  const o = await analyzeFile(input, today, asOf);
  if (!o.ok) return { stdout: "", stderr: printable(`raoce fill: ${input}: ${o.reason}`), exitCode: EXIT.unusable };
  const lossy = o.opened.inspection.lossyParts;
  if (lossy.length && inPlace) {
    return { stdout: "", stderr: `raoce fill: ${input}: contiene ${lossy.join(", ")} que se perderían al guardarlo; use --out para escribir una copia`, exitCode: EXIT.unusable };
  }
  await o.opened.adapter.apply(buildWritePlan(o.analysis, o.snapshot, today));
  try {
    await saveWorkbookFile(o.opened.workbook, out);
  } catch (e) {
    return { stdout: "", stderr: `raoce fill: no se pudo escribir ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, exitCode: EXIT.unusable };
  }
  const result: CommandResult = {
    stdout: `${fileSummary(input, o.analysis)}\n  Resultados escritos en ${out}`,
    exitCode: o.analysis.summary.errors > 0 ? EXIT.inputErrors : EXIT.ok,
  };
  if (lossy.length) result.stderr = `raoce fill: aviso: ${input} contiene ${lossy.join(", ")}; la copia ${out} no los conserva`;
  return result;
}
