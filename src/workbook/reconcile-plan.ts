/**
 * The reconciliation between the workbook and the domain: the domain input built from an analysed workbook and a
 * source of pedimentos (Data Stage or the «Pedimentos» list), the write plan of the «Conciliación» sheet, and the
 * issues `check` / «Revisar» add at the figures. Pure.
 */
import type { IsoDate } from "../domain/dates";
import { exchangeRateFor } from "../domain/exchange-rates";
import type { Issue, Severity } from "../domain/issues";
import {
  figureIssue,
  reconcile,
  statusOf,
  statusText,
  thresholdMiles,
  type FigureReconciliation,
  type PedimentoRecord,
  type ReconcileInput,
  type ReconcileResult,
  type RectificationLink,
} from "../domain/reconcile";
import type { UsableAnalysis } from "./analyze";
import { RECONCILE_BLOCK } from "./layout-reconcile";
import { cellAddress, parseRange, type PlanValue, type WorkbookSnapshot, type WritePlan } from "./port";
import type { LocatedIssue, ReadResult } from "./read-input";
import { readReconcileSheets, type ReconcileSheetInput } from "./reconcile-read";
import { isoToSerial } from "./serial-dates";

/** Pedimentos shown under one explanation line in the sheet (all of them are in --json). */
export const MAX_DRILL_ROWS = 300;

export interface PedimentoSource {
  pedimentos: readonly PedimentoRecord[];
  rectifications: readonly RectificationLink[];
  /** "los pedimentos del Data Stage" / "la lista de pedimentos (hoja Pedimentos)". */
  label: string;
}

const numberAt = (o: unknown, key: string): number | null => {
  const v = o && typeof o === "object" ? (o as Record<string, unknown>)[key] : undefined;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

export function reconcileInputFor(input: Record<string, unknown>, fiscalYear: number, sheet: ReconcileSheetInput, source: PedimentoSource, overrides: Partial<Pick<ReconcileInput, "materiality">> = {}): ReconcileInput {
  const figures = input.figures;
  const company = input.company as Record<string, unknown> | undefined;
  const rate = exchangeRateFor(fiscalYear, numberAt(input, "exchangeRate"));
  return {
    fiscalYear,
    pedimentos: source.pedimentos,
    rectifications: source.rectifications,
    claves: sheet.claves,
    captured: {
      totalSales: numberAt(figures, "totalSales"),
      totalExports: numberAt(figures, "totalExports"),
      totalImports: numberAt(figures, "totalImports"),
      taxReturnIncome: numberAt(figures, "taxReturnIncome"),
    },
    consignment: company?.consignment === true,
    importBasis: sheet.importBasis,
    annualRate: rate?.rate ?? null,
    materiality: overrides.materiality ?? sheet.materiality,
    sourceLabel: source.label,
  };
}

const STATUS_WORD: Record<string, string> = { explains: "Explica la diferencia", no: "", na: "No se puede medir" };

function figureRows(f: FigureReconciliation, date1904: boolean): PlanValue[][] {
  const L = f.letter;
  const rows: PlanValue[][] = [];
  const row = (concept: string, miles: number | null, pct: number | null, result: string, ped: [string, string, number | null, number | null, number | null] | null = null): PlanValue[] => [L, concept, miles, pct, result, ...(ped ?? [null, null, null, null, null])];
  rows.push(row(`${f.label}: cifra capturada`, f.captured, null, f.captured === null ? "Sin cifra capturada" : ""));
  if (f.figure === "totalSales") rows.push(row("Ingresos de la declaración anual (miles de pesos)", f.taxReturn, null, f.taxReturn === null ? "Capture los ingresos en Empresa (pesos)" : ""));
  else rows.push(row("Total según pedimentos del ejercicio", f.customs, null, f.customs === null ? "Sin pedimentos de esta clase" : ""));
  const ref = f.figure === "totalSales" ? "declaración" : "pedimentos";
  rows.push(row(`Diferencia (capturada − ${ref}); materialidad ${f.threshold === null ? "—" : f.threshold.toLocaleString("es-MX", { maximumFractionDigits: 2 })} miles`, f.difference, f.differencePct, statusText(f.status)));
  f.lines.forEach((l, k) => {
    const result = l.effectMiles === null ? STATUS_WORD.na! : l.explains ? STATUS_WORD.explains! : "";
    rows.push(row(`${k + 1}. ${l.title}`, l.effectMiles, null, result));
    // The note on lines of their own: row heights of wrapped text are not recomputed when a file is written.
    for (const part of wrapText(l.note, NOTE_WIDTH)) rows.push(row(`    ${part}`, null, null, ""));
    for (const p of l.pedimentos.slice(0, MAX_DRILL_ROWS)) {
      rows.push(row("", null, null, "", [p.display, p.clave, p.paidOn ? isoToSerial(p.paidOn, date1904) : null, p.mxn, p.usd]));
    }
    if (l.pedimentos.length > MAX_DRILL_ROWS) rows.push(row(`… y ${l.pedimentos.length - MAX_DRILL_ROWS} pedimentos más (raoce conciliar --json los lista todos)`, null, null, ""));
  });
  if (f.lines.length && f.unexplained !== null && f.status !== "conciliado") rows.push(row("Diferencia sin explicar", f.unexplained, null, Math.abs(f.unexplained) <= 0.5 ? "Explicada" : "Revise"));
  rows.push(["", "", null, null, "", null, null, null, null, null]);
  return rows;
}

/** Characters of a note line in the Concepto column (62 wide). */
const NOTE_WIDTH = 64;

/** Words into lines of at most `width` characters (a longer word stays whole). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function reconcileRows(r: ReconcileResult, date1904: boolean): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (const f of r.figures) rows.push(...figureRows(f, date1904));
  const t = r.totals;
  rows.push(["b", "Composición de (b): exportaciones directas", t.exportsDirect / 1000, null, "", null, null, null, null, null]);
  rows.push(["b", "Composición de (b): exportaciones virtuales (indirectas)", t.exportsVirtual / 1000, null, "", null, null, null, null, null]);
  rows.push(["b", "Composición de (b): devoluciones restadas", -t.exportsSubtracted / 1000, null, "", null, null, null, null, null]);
  rows.push(["", `Pedimentos leídos: ${r.counts.read}; repetidos: ${r.counts.duplicates}; reemplazados por rectificación: ${r.counts.superseded}; del ejercicio ${r.fiscalYear}: ${r.counts.inYear}; de otros años: ${r.counts.otherYears}`, null, null, "", null, null, null, null, null]);
  if (r.review.length) {
    rows.push(["", "Pedimentos por revisar (clave sin tratamiento, tratamiento de confianza baja o que no cuentan)", null, null, "", null, null, null, null, null]);
    for (const x of r.review.slice(0, MAX_DRILL_ROWS * 2)) rows.push(["", x.note, null, null, x.treatment === "unknown" ? "Sin tratamiento" : "Revisar", x.ref.display, x.ref.clave, x.ref.paidOn ? isoToSerial(x.ref.paidOn, date1904) : null, x.ref.mxn, x.ref.usd]);
  }
  return rows;
}

/** Writes the «Conciliación» sheet: stamp, source, totals, and the list. Nothing else. */
export function buildReconcilePlan(r: ReconcileResult, snapshot: WorkbookSnapshot, computedAt: IsoDate, sourceText: string): WritePlan {
  const plan: WritePlan = { ranges: [], blocks: [], unprotect: [] };
  const put = (name: string, value: PlanValue & (string | number | boolean | null), numberFormat?: string) => {
    const s = snapshot.names[name];
    if (!s || !s.found) return;
    const rr = parseRange(s.address);
    if (!rr) return;
    plan.ranges.push({ sheet: s.sheet, address: cellAddress(rr.start), values: [[value]], ...(numberFormat ? { numberFormat } : {}) });
  };
  const b = r.figures.find((f) => f.figure === "totalExports")!;
  const c = r.figures.find((f) => f.figure === "totalImports")!;
  put("RAOCE_SELLO_CONCILIACION", isoToSerial(computedAt, snapshot.date1904), "dd/mm/yyyy");
  put("RAOCE_CONC_FUENTE", sourceText);
  put("RAOCE_CONC_EJERCICIO", r.fiscalYear);
  put("RAOCE_CONC_EXPORTACIONES", b.customs);
  put("RAOCE_CONC_IMPORTACIONES", c.customs);
  const anchor = snapshot.names[RECONCILE_BLOCK.anchorName];
  if (anchor && anchor.found) {
    const rr = parseRange(anchor.address);
    if (rr) plan.blocks.push({ sheet: anchor.sheet, anchor: cellAddress(rr.start), width: RECONCILE_BLOCK.headers.length, rows: reconcileRows(r, snapshot.date1904), columnFormats: RECONCILE_BLOCK.formats });
  }
  plan.unprotect = [...new Set([...plan.ranges.map((x) => x.sheet), ...plan.blocks.map((x) => x.sheet)])];
  return plan;
}

/** True when the workbook has the «Conciliación» sheet's list anchor (template ≥ 1.1). */
export function hasReconcileSheet(snapshot: WorkbookSnapshot): boolean {
  const s = snapshot.names[RECONCILE_BLOCK.anchorName];
  return !!s && s.found;
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const locate = (read: ReadResult, i: Issue): LocatedIssue => {
  const at = read.locate(i.path);
  return { ...i, location: at ? `${at.sheet}!${at.address}` : null, at };
};

/**
 * What `check` and «Revisar» add: with a «Pedimentos» list, the full reconciliation of the list; without one, the
 * captured figures against the totals the last «Conciliar» stored (Data Stage), when they are of the same year.
 */
export function reconcileCheckIssues(snapshot: WorkbookSnapshot, a: Pick<UsableAnalysis, "read" | "input" | "result">): LocatedIssue[] {
  const fiscalYear = a.result.fiscalYear;
  if (fiscalYear === null) return [];
  const sheet = readReconcileSheets(snapshot);
  if (sheet.list.length > 0) {
    const r = reconcile(reconcileInputFor(a.input, fiscalYear, sheet, { pedimentos: sheet.list, rectifications: sheet.listLinks, label: "la lista de pedimentos (hoja Pedimentos)" }));
    return [...sheet.issues, ...r.issues.map((i) => locate(a.read, i))];
  }
  const out: LocatedIssue[] = sheet.issues.filter((i) => i.code !== "RECON_CLAVE_ROW" && i.code !== "RECON_CLAVES_COLUMNS");
  if (sheet.stored.year !== fiscalYear) return out;
  const input = reconcileInputFor(a.input, fiscalYear, sheet, { pedimentos: [], rectifications: [], label: "" });
  const pairs: [FigureReconciliation["figure"], number | null, number | null][] = [
    ["totalExports", input.captured.totalExports ?? null, sheet.stored.exports],
    ["totalImports", input.captured.totalImports ?? null, sheet.stored.imports],
  ];
  for (const [figure, captured, customs] of pairs) {
    if (customs === null) continue;
    const difference = captured !== null ? captured - customs : null;
    const threshold = thresholdMiles(input.materiality, captured, customs);
    const status = statusOf(difference, captured, customs, threshold);
    const i = figureIssue({ figure, path: `figures.${figure}`, captured, customs, difference, differencePct: difference !== null && customs ? difference / customs : null, threshold, status, lines: [] }, fiscalYear, "los pedimentos (última conciliación)");
    if (i) out.push(locate(a.read, i));
  }
  return out;
}

/** The analysis' issues with the reconciliation's, errors first (stable). */
export function withReconcileIssues(issues: readonly LocatedIssue[], extra: readonly LocatedIssue[]): LocatedIssue[] {
  if (!extra.length) return [...issues];
  return [...issues, ...extra].map((x, k) => ({ x, k })).sort((p, q) => rank[p.x.severity] - rank[q.x.severity] || p.k - q.k).map(({ x }) => x);
}
