/**
 * `raoce presentado <libro.xlsx> --fecha D --folio F [--programa P] [--preparo N] [--reviso N] [--reemplazar]
 *  (--out X | --in-place)`: records a filing (R33). Writes the date and folio into the program's row, appends a
 * dated evidence block to the Evidencia sheet (an earlier block is never rewritten) and recomputes the outputs.
 * Same no-clobber rules as `fill`. Exit 0, 1 (the report has errors; still recorded) or 2.
 */
import { saveWorkbookFile } from "../../workbook/xlsx-file";
import { todayInMexico } from "../../workbook/today";
import { buildMarkFiledPlan } from "../../workbook/mark-filed";
import { optionalDate, parse } from "../args";
import { printable } from "../format";
import { EXIT, UsageError } from "../errors";
import { analyzeFile, fileSummary } from "../workbook-run";
import { workbookTarget } from "./output-target";
import type { CommandResult } from "./types";

export async function presentadoCommand(argv: string[], now: Date): Promise<CommandResult> {
  const { values, positionals } = parse(
    argv,
    { fecha: { type: "string" }, folio: { type: "string" }, programa: { type: "string" }, preparo: { type: "string" }, reviso: { type: "string" }, reemplazar: { type: "boolean" }, out: { type: "string" }, "in-place": { type: "boolean" } },
    true,
  );
  if (positionals.length !== 1) throw new UsageError("indique un libro .xlsx: raoce presentado libro.xlsx --fecha AAAA-MM-DD --folio F (--out salida.xlsx | --in-place)");
  const input = positionals[0]!;
  const filedOn = optionalDate(values.fecha as string | undefined, "--fecha");
  if (!filedOn) throw new UsageError("falta --fecha (fecha de presentación del acuse, AAAA-MM-DD)");
  const folio = (values.folio as string | undefined)?.trim();
  if (!folio) throw new UsageError("falta --folio (folio del acuse de VUCEM)");
  const inPlace = !!values["in-place"];
  const out = workbookTarget(input, values.out as string | undefined, inPlace);
  const today = todayInMexico(now);

  const o = await analyzeFile(input, today);
  if (!o.ok) return { stdout: "", stderr: printable(`raoce presentado: ${input}: ${o.reason}`), exitCode: EXIT.unusable };
  const lossy = o.opened.inspection.lossyParts;
  if (lossy.length && inPlace) {
    return { stdout: "", stderr: `raoce presentado: ${input}: contiene ${lossy.join(", ")} que se perderían al guardarlo; use --out para escribir una copia`, exitCode: EXIT.unusable };
  }
  const m = buildMarkFiledPlan(o.analysis, o.snapshot, {
    filedOn,
    folio,
    markedOn: today,
    ...(values.programa ? { program: values.programa as string } : {}),
    ...(values.preparo ? { preparedBy: values.preparo as string } : {}),
    ...(values.reviso ? { reviewedBy: values.reviso as string } : {}),
    replace: !!values.reemplazar,
  });
  if (!m.ok) return { stdout: "", stderr: printable(`raoce presentado: ${input}: ${m.reason}`), exitCode: EXIT.unusable };
  await o.opened.adapter.apply(m.plan);
  try {
    await saveWorkbookFile(o.opened.workbook, out);
  } catch (e) {
    return { stdout: "", stderr: `raoce presentado: no se pudo escribir ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, exitCode: EXIT.unusable };
  }
  const b = m.block;
  const lines = [
    fileSummary(input, m.analysis),
    `  Presentación registrada: ${b.program}${b.number ? ` ${b.number}` : ""}, ${b.filedOn}, folio ${b.folio} — bloque ${b.block} de la hoja Evidencia (${b.captured.length} valores capturados, SHA-256 ${b.inputsSha256.slice(0, 16)}…)`,
    ...m.notes.map((n) => `  ${n}`),
    `  Libro escrito en ${out}`,
  ];
  const result: CommandResult = { stdout: lines.map(printable).join("\n"), exitCode: m.analysis.summary.errors > 0 ? EXIT.inputErrors : EXIT.ok };
  if (lossy.length) result.stderr = `raoce presentado: aviso: ${input} contiene ${lossy.join(", ")}; la copia ${out} no los conserva`;
  return result;
}
