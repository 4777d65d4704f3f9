/**
 * `raoce fill <in.xlsx> [--out out.xlsx] [--in-place] [--as-of DATE]`: writes the outputs (plazos, estado, compromiso,
 * cifras, Problemas, Captura VUCEM) into a copy of the workbook, or into the workbook itself with --in-place.
 * Exit 0, 1 (the report has errors; the file is still written) or 2 (nothing written).
 *
 * What it refuses or reports (README, «Lo que fill rechaza o avisa»):
 * - an output is never written into an input cell (a name moved onto an input, a merged area that holds one): it is
 *   reported, and the cell keeps what the user typed;
 * - a value typed into an output cell is reported (cell, old value, where it belongs) as it is replaced;
 * - a list that would run past the sheet's edge is cut (or not written) and reported;
 * - what a save through ExcelJS would lose (save-loss.ts: threaded comments, sensitivity label, customXml, Power
 *   Query, dynamic arrays, text boxes, workbook protection…): `--out` writes the copy and says what it lacks;
 *   `--in-place` writes nothing;
 * - a failed write (disk full, file too large, no permission) leaves no temporary file behind.
 */
import { workbookTarget } from "./output-target";
import { saveLosses } from "../../workbook/save-loss";
import { saveBufferFile, workbookBuffer, type SaveIo } from "../../workbook/xlsx-file";
import { todayInMexico } from "../../workbook/today";
import { buildWritePlan } from "../../workbook/write-plan";
import { optionalDate, parse } from "../args";
import { printable } from "../format";
import { EXIT, UsageError } from "../errors";
import { analyzeFile, fileSummary, issueLine } from "../workbook-run";
import type { CommandResult } from "./types";
import { fillManyCommand, isFolderFill } from "./fill-many";

export { defaultOut } from "./output-target";

/** At most this many notices about the write are printed; the rest are on the Problemas sheet. */
const PRINTED_NOTICES = 50;

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: "no queda espacio en el disco",
  EFBIG: "el archivo rebasa el tamaño máximo que admite el sistema",
  EDQUOT: "se agotó la cuota de disco",
  EACCES: "sin permiso para escribir ahí",
  EPERM: "sin permiso para escribir ahí",
  EROFS: "el disco es de solo lectura",
  ENOENT: "no existe la carpeta",
  EISDIR: "es una carpeta",
};

function writeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `${WRITE_ERRORS[code] ?? "error de escritura"}, ${code}` : (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 160);
}

/** `io` is for tests (a failing disk); the CLI passes nothing. */
export async function fillCommand(argv: string[], now: Date, io?: SaveIo): Promise<CommandResult> {
  if (isFolderFill(argv)) return fillManyCommand(argv, now); // many workbooks into a folder (fill-many.ts)
  const { values, positionals } = parse(argv, { out: { type: "string" }, "in-place": { type: "boolean" }, "as-of": { type: "string" } }, true);
  if (positionals.length !== 1) throw new UsageError("indique un libro .xlsx: raoce fill reporte.xlsx [--out salida.xlsx | --in-place]");
  const input = positionals[0]!;
  const inPlace = !!values["in-place"];
  const out = workbookTarget(input, values.out as string | undefined, inPlace);
  const asOf = optionalDate(values["as-of"] as string | undefined, "--as-of");
  const today = todayInMexico(now);
  const fail = (msg: string): CommandResult => ({ stdout: "", stderr: printable(`raoce fill: ${msg}`), exitCode: EXIT.unusable });

  const o = await analyzeFile(input, today, asOf);
  if (!o.ok) return fail(`${input}: ${o.reason}`);
  const plan = buildWritePlan(o.analysis, o.snapshot, today);
  let bytes: Buffer;
  let lost: string[];
  try {
    await o.opened.adapter.apply(plan);
    bytes = await workbookBuffer(o.opened.workbook);
    lost = [...new Set([...o.opened.inspection.lossyParts, ...(await saveLosses(o.opened.source, bytes))])];
  } catch (e) {
    return fail(`${input}: no se pudo preparar el libro (${writeError(e)}); no se escribió nada`);
  }
  if (lost.length && inPlace) {
    return fail(`${input}: no se modificó: al guardarlo se perderían ${lost.join(", ")}; use --out para escribir una copia sin ellos`);
  }
  try {
    await saveBufferFile(bytes, out, io);
  } catch (e) {
    return fail(`no se pudo escribir ${out} (${writeError(e)}); ${inPlace ? "el libro quedó como estaba" : "no quedó ningún archivo a medias"}`);
  }

  const lines = [fileSummary(input, o.analysis)];
  if (plan.notices.length) {
    lines.push(`  Al escribir los resultados (${plan.notices.length.toLocaleString("es-MX")} ${plan.notices.length === 1 ? "aviso" : "avisos"}, también en la hoja Problemas):`);
    for (const n of plan.notices.slice(0, PRINTED_NOTICES)) lines.push(issueLine(n));
    if (plan.notices.length > PRINTED_NOTICES) lines.push(`    … y ${(plan.notices.length - PRINTED_NOTICES).toLocaleString("es-MX")} más en la hoja Problemas`);
  }
  lines.push(printable(`  Resultados escritos en ${out}`));
  const result: CommandResult = { stdout: lines.join("\n"), exitCode: o.analysis.summary.errors > 0 ? EXIT.inputErrors : EXIT.ok };
  if (lost.length) result.stderr = printable(`raoce fill: aviso: la copia ${out} no conserva ${lost.join(", ")} de ${input} (el original no se modificó)`);
  return result;
}
