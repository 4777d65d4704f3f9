/**
 * `raoce conciliar <libro.xlsx> [datastage.zip | carpeta | archivo.asc]… [--out salida.xlsx | --in-place] [--json]
 * [--materialidad 1%]`: reconciles the workbook's figures with the year's pedimentos — the Data Stage files given, or
 * else the workbook's «Pedimentos» list — and writes the «Conciliación» sheet (and the refreshed Problemas / Captura
 * outputs) into a copy, or into the workbook itself with --in-place. Everything is read and computed locally.
 * Exit 0 (reconciled or within materiality), 1 (a material difference or an error in the data), 2 (unusable input).
 */
import { readDataStage, DataStageSourceError, type DataStageRead } from "../../datastage";
import { checkIntegrity, fmtMiles, fmtPct, parseMateriality, reconcile, statusText, type Materiality, type ReconcileResult } from "../../domain/reconcile";
import type { Issue } from "../../domain/issues";
import { analyzeSnapshot } from "../../workbook/analyze";
import { buildReconcilePlan, hasReconcileSheet, reconcileInputFor, type PedimentoSource } from "../../workbook/reconcile-plan";
import { readReconcileSheets } from "../../workbook/reconcile-read";
import { saveWorkbookFile } from "../../workbook/xlsx-file";
import { todayInMexico } from "../../workbook/today";
import { buildWritePlan } from "../../workbook/write-plan";
import { parse } from "../args";
import { EXIT, UsageError } from "../errors";
import { json, printable } from "../format";
import { analyzeFile } from "../workbook-run";
import { workbookTarget } from "./output-target";
import type { CommandResult } from "./types";

const SEVERITY_ES = { error: "ERROR", warning: "AVISO", info: "NOTA" } as const;

function summary(file: string, r: ReconcileResult, sourceText: string, issues: readonly Issue[]): string {
  const lines = [printable(`${file} — conciliación del ejercicio ${r.fiscalYear} con ${sourceText}`)];
  for (const f of r.figures) {
    const ref = f.figure === "totalSales" ? `declaración ${fmtMiles(f.taxReturn)}` : `pedimentos ${fmtMiles(f.customs)}`;
    lines.push(`  (${f.letter}) ${f.label.replace(/ \([abc]\)$/, "").padEnd(22)} capturada ${fmtMiles(f.captured).padStart(16)}   ${ref.padEnd(28)} diferencia ${fmtMiles(f.difference)} (${fmtPct(f.differencePct)})   ${statusText(f.status)}`);
    for (const l of f.lines.filter((x) => x.explains)) lines.push(`        explica: ${l.title} (${fmtMiles(l.effectMiles)} miles; ${l.pedimentos.length} pedimentos)`);
    if (f.lines.some((x) => x.explains) && f.unexplained !== null) lines.push(`        sin explicar: ${fmtMiles(f.unexplained)} miles`);
  }
  lines.push(`  Pedimentos: ${r.counts.read} leídos, ${r.counts.duplicates} repetidos, ${r.counts.superseded} reemplazados por rectificación, ${r.counts.inYear} del ejercicio, ${r.counts.review} por revisar, ${r.counts.unknownClave} con clave sin tratamiento`);
  for (const i of issues) if (i.severity !== "info" || i.code === "DS_LATE_R1") lines.push(printable(`    [${SEVERITY_ES[i.severity]}] ${i.message}`));
  return lines.join("\n");
}

export async function conciliarCommand(argv: string[], now: Date): Promise<CommandResult> {
  const { values, positionals } = parse(argv, { out: { type: "string" }, "in-place": { type: "boolean" }, json: { type: "boolean" }, materialidad: { type: "string" } }, true);
  if (positionals.length === 0) throw new UsageError("indique el libro y los archivos del Data Stage: raoce conciliar libro.xlsx datastage*.zip [--out salida.xlsx]");
  const [input, ...sources] = positionals as [string, ...string[]];
  if (!/\.xlsx$/i.test(input)) throw new UsageError(`${input}: el primer argumento es el libro RAOCE (.xlsx); después, los ZIP o carpetas del Data Stage`);
  const inPlace = !!values["in-place"];
  const out = workbookTarget(input, values.out as string | undefined, inPlace);
  let materiality: Materiality | undefined;
  if (values.materialidad !== undefined) {
    const m = parseMateriality(values.materialidad as string);
    if (!m) throw new UsageError(`--materialidad ${values.materialidad}: use un porcentaje (1%) o miles de pesos (250)`);
    materiality = m;
  }
  const today = todayInMexico(now);

  const o = await analyzeFile(input, today);
  if (!o.ok) return { stdout: "", stderr: printable(`raoce conciliar: ${input}: ${o.reason}`), exitCode: EXIT.unusable };
  const fiscalYear = o.analysis.result.fiscalYear;
  if (fiscalYear === null) return { stdout: "", stderr: `raoce conciliar: ${input}: falta el año de presentación (Empresa, «Año de presentación»): sin él no se sabe qué ejercicio conciliar`, exitCode: EXIT.unusable };
  const sheet = readReconcileSheets(o.snapshot);

  let source: PedimentoSource;
  let ds: DataStageRead | null = null;
  let sourceText: string;
  const issues: Issue[] = [];
  if (sources.length) {
    try {
      ds = await readDataStage(sources);
    } catch (e) {
      if (e instanceof DataStageSourceError) return { stdout: "", stderr: printable(`raoce conciliar: ${e.message}`), exitCode: EXIT.unusable };
      throw e;
    }
    source = { pedimentos: ds.records, rectifications: ds.rectifications, label: "los pedimentos del Data Stage" };
    sourceText = `el Data Stage (${ds.stats.deliveries} entrega(s), ${ds.stats.pedimentos.toLocaleString("es-MX")} pedimentos, ${ds.stats.items.toLocaleString("es-MX")} partidas)`;
    issues.push(...ds.problems);
    issues.push(...checkIntegrity(ds.records, { orphanItems: ds.orphanItems, resumen: ds.resumen, companyRfc: o.analysis.result.company.rfc, fiscalYear, dataStage: true }));
  } else {
    if (sheet.list.length === 0) {
      throw new UsageError(`${input}: la hoja Pedimentos está vacía; indique los ZIP o carpetas del Data Stage (raoce conciliar libro.xlsx datastage*.zip) o pegue la lista de su Anexo 24 en la hoja Pedimentos`);
    }
    source = { pedimentos: sheet.list, rectifications: sheet.listLinks, label: "la lista de pedimentos (hoja Pedimentos)" };
    sourceText = `la lista de pedimentos del libro (${sheet.list.length.toLocaleString("es-MX")} pedimentos)`;
    issues.push(...checkIntegrity(sheet.list, { orphanItems: { count: 0, examples: [] }, resumen: [], companyRfc: null, fiscalYear, dataStage: false }));
  }
  issues.push(...sheet.issues.map(({ location, at: _at, ...i }) => ({ ...i, message: location ? `${location}: ${i.message}` : i.message })));
  const result = reconcile(reconcileInputFor(o.analysis.input, fiscalYear, sheet, source, materiality ? { materiality } : {}));
  issues.unshift(...result.issues);
  const ordered = [...issues].sort((a, b) => ["error", "warning", "info"].indexOf(a.severity) - ["error", "warning", "info"].indexOf(b.severity));

  const material = result.figures.some((f) => f.status === "diferencia-material");
  const errors = ordered.some((i) => i.severity === "error");
  const exitCode = material || errors ? EXIT.inputErrors : EXIT.ok;

  // Write the sheet (never the input without --in-place), then refresh the usual outputs so Problemas shows the
  // reconciliation's warnings at the figures.
  let written: string | null = null;
  let notWritten: string | null = null;
  const lossy = o.opened.inspection.lossyParts;
  if (!hasReconcileSheet(o.snapshot)) {
    notWritten = `el libro no tiene la hoja Conciliación (plantilla ${o.snapshot.version ?? "anterior"}); copie sus datos a una plantilla nueva (raoce template) para guardarla. La conciliación se muestra aquí sin escribirse.`;
  } else if (lossy.length && inPlace) {
    notWritten = `${input} contiene ${lossy.join(", ")} que se perderían al guardarlo; use --out para escribir una copia`;
  } else {
    await o.opened.adapter.apply(buildReconcilePlan(result, o.snapshot, today, `Con ${sourceText}`));
    const again = await o.opened.adapter.read();
    const a2 = analyzeSnapshot(again, today);
    if (a2.usable) await o.opened.adapter.apply(buildWritePlan(a2, again, today));
    try {
      await saveWorkbookFile(o.opened.workbook, out);
      written = out;
    } catch (e) {
      return { stdout: "", stderr: `raoce conciliar: no se pudo escribir ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, exitCode: EXIT.unusable };
    }
  }

  const stderr: string[] = [];
  if (notWritten) stderr.push(printable(`raoce conciliar: aviso: ${notWritten}`));
  if (written && lossy.length) stderr.push(`raoce conciliar: aviso: ${input} contiene ${lossy.join(", ")}; la copia ${out} no los conserva`);
  const doc = {
    file: input,
    written,
    fiscalYear,
    source: sourceText,
    dataStage: ds ? { stats: ds.stats, resumen: ds.resumen } : null,
    totals: result.totals,
    counts: result.counts,
    figures: result.figures,
    review: result.review,
    issues: ordered,
  };
  const text = `${summary(input, result, sourceText, ordered)}${written ? `\n  Conciliación escrita en ${written} (hoja Conciliación)` : ""}`;
  const res: CommandResult = { stdout: values.json ? json(doc) : text, exitCode };
  if (stderr.length) res.stderr = stderr.join("\n");
  return res;
}
