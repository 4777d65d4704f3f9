/**
 * Results → WritePlan: the values of the output cells, the Problemas list and the Captura VUCEM list. Pure.
 * Only output names, output table columns, the two lists and the stamps are written — never an input cell.
 * Every value is plain (number / string / boolean / null): dates as serials in the workbook's date system.
 */
import type { IsoDate } from "../domain/dates";
import type { ChangeNotice } from "../domain/after-filing/notices";
import type { ProgramResult } from "../domain/evaluate";
import type { UsableAnalysis } from "./analyze";
import {
  CAPTURE_BLOCK,
  ISSUES_BLOCK,
  NAMED_CELLS,
  TABLES,
  type BlockLayout,
  type GoodOutputKey,
  type NamedOutputKey,
  type NoticeOutputKey,
  type ProgramOutputKey,
} from "./layout";
import {
  cellAddress,
  isLinkValue,
  parseCell,
  parseRange,
  quoteSheet,
  rangeAddress,
  type CellRef,
  type CellValue,
  type PlainValue,
  type PlanValue,
  type TableSnapshot,
  type WorkbookSnapshot,
  type WritePlan,
} from "./port";
import type { LocatedIssue } from "./read-input";
import { isoToSerial } from "./serial-dates";
import { CAPTURE_ES, captureRows } from "./capture-vucem";
import { explainRuleIds, findRule } from "../domain/rules-catalog";
import { ruleCell, RULES_SHEET_NAME } from "./rules-sheet";

export { CAPTURE_ES, CAPTURE_GOODS_DETAILED, captureRows } from "./capture-vucem";
import { summarizeIssues } from "../domain/issues";
import { labelOf } from "../domain/field-labels";
import { captureDigest, cellKey, changedOutputs, formatFingerprint, inputsHash, outputDigest, parseFingerprint } from "./fingerprint";
import { CAPTURE_DIGEST_TERMS, FINGERPRINT_NAME } from "./layout-freshness";
import { fitBlock, InputMap, refusedNotice, typedOverNotice, type TypedOver } from "./write-guard";

const SEVERITY_ES = { error: "Error", warning: "Aviso", info: "Info" } as const;

export const COMMITMENT_ES: Record<string, string> = {
  CUMPLE: "Cumple",
  NO_CUMPLE: "No cumple",
  NO_EVALUADO: "No evaluado",
  POR_CONFIRMAR: "Por confirmar",
};

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summaryText(s: { errors: number; warnings: number; infos: number }): string {
  if (s.errors + s.warnings + s.infos === 0) return "Sin problemas";
  return [plural(s.errors, "error", "errores"), plural(s.warnings, "aviso", "avisos"), plural(s.infos, "nota", "notas")].join(" · ");
}

function dateValue(iso: IsoDate | null | undefined, date1904: boolean): number | null {
  if (!iso) return null;
  try {
    return isoToSerial(iso, date1904);
  } catch {
    return null;
  }
}

function programOutput(key: ProgramOutputKey, p: ProgramResult, date1904: boolean): PlainValue {
  const d = p.deadlines;
  switch (key) {
    case "obliged":
      return p.obliged ? "Sí" : "No";
    case "opens":
      return dateValue(d?.opens, date1904);
    case "due":
      return dateValue(d?.due, date1904);
    case "lateUntil":
      return d ? (d.lateUntil ? dateValue(d.lateUntil, date1904) : "Sin prórroga") : null;
    case "cancelledOn":
      return dateValue(d?.cancelledOn, date1904);
    case "status":
      return p.statusLabel;
    case "reactivationBy":
      return dateValue(p.reactivationBy, date1904);
    case "commitment":
      return COMMITMENT_ES[p.commitment] ?? p.commitment;
    case "commitmentReason":
      return p.commitmentReason;
    case "capture":
      return p.capture.length ? p.capture.map((c) => CAPTURE_ES[c] ?? c).join(", ") : "No se captura";
    case "datesSource":
      return d ? explainRuleIds(d.source.replace(/^Todas las fechas:\s*/i, "")) : null;
  }
}

function namedOutput(key: NamedOutputKey, a: UsableAnalysis, computedAt: IsoDate, date1904: boolean): PlainValue {
  const f = a.result.figures;
  switch (key) {
    case "stamp":
      return dateValue(computedAt, date1904);
    case "asOfUsed":
      return dateValue(a.result.asOf, date1904);
    case "exchangeRateSource":
      return f.exchangeRateSource;
    case "exchangeRateUsed":
      return f.exchangeRate;
    case "balance":
      return f.balance;
    case "exportShare":
      return f.exportShare === null ? null : f.exportShare / 100;
    case "salesUsd":
      return f.salesUsd;
    case "exportsUsd":
      return f.exportsUsd;
    case "issuesSummary":
      return summaryText(a.summary);
    case "fingerprint":
    case "captureDigest":
      return null; // computed last, from everything else the plan writes
  }
}

/** Above this many issues the Regla column is plain text (the Reglas sheet still lists each id, sorted). */
export const MAX_RULE_LINKS = 1_000;

/** "R7 · Plazos IMMEX", linked to its row of the Reglas sheet when the workbook has it. */
function ruleValue(rule: string | undefined, rulesSheet: boolean): PlanValue {
  if (!rule) return null;
  const e = findRule(rule.split(/[/,\s]+/)[0]);
  const text = e ? `${rule} · ${e.title}` : rule;
  const target = rulesSheet ? ruleCell(rule) : null;
  return target ? { link: { text, target } } : text;
}

/**
 * Problemas lists at most this many issues one per row; the rest are summed up, one row per code. A filled workbook
 * must always read back (`check`/`fill` refuse a sheet past 50,000 rows), and 20,000 goods with 7 problems each
 * would otherwise write 140,005 rows. `raoce check` still lists every issue.
 */
export const MAX_LISTED_ISSUES = 1_000;

/** The «Campo» of a Problemas row in words: "Fecha de presentación, fila 2" rather than "programs[1].filedOn". */
export function fieldText(path: string | undefined): string | null {
  if (!path) return null;
  const label = labelOf(path).es;
  const rows = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
  return rows.length ? `${label}, fila ${rows.join(", ")}` : label;
}

/** The rows of the Problemas list. */
export function issueRows(issues: readonly LocatedIssue[], rulesSheet = true): PlanValue[][] {
  if (issues.length === 0) {
    return [["—", "", "Sin problemas: el reporte está listo para capturarse en VUCEM (vea la hoja Captura VUCEM).", null, null, null]];
  }
  const listed = Math.min(issues.length, MAX_LISTED_ISSUES);
  const rows: PlanValue[][] = [];
  for (let k = 0; k < listed; k++) {
    const i = issues[k]!;
    rows.push([
      SEVERITY_ES[i.severity],
      i.code,
      i.message,
      i.at ? { link: { text: i.location ?? `${i.at.sheet}!${i.at.address}`, target: `${quoteSheet(i.at.sheet)}!${i.at.address}` } } : null,
      ruleValue(i.rule, rulesSheet),
      fieldText(i.path),
    ]);
  }
  if (issues.length > listed) {
    const rest = new Map<string, { severity: LocatedIssue["severity"]; count: number; rule: string | null; example: string }>();
    for (let k = listed; k < issues.length; k++) {
      const i = issues[k]!;
      const key = `${i.severity}\u0000${i.code}`;
      const r = rest.get(key);
      if (r) r.count++;
      else rest.set(key, { severity: i.severity, count: 1, rule: i.rule ?? null, example: i.location ?? i.path });
    }
    const fmt = (n: number) => n.toLocaleString("es-MX");
    for (const [key, r] of rest) {
      const code = key.slice(key.indexOf("\u0000") + 1);
      rows.push([SEVERITY_ES[r.severity], code, `… y ${fmt(r.count)} ${r.count === 1 ? "problema más" : "problemas más"} con este código (por ejemplo en ${r.example || "el libro"}). Esta hoja lista los primeros ${fmt(listed)} de ${fmt(issues.length)}; corrija estos y vuelva a revisar, o vea la lista completa con raoce check.`, null, r.rule, null]);
    }
  }
  return rows;
}

/** The plan `fill` and the add-in apply, with what the run reports about the write itself. */
export interface FillPlan extends WritePlan {
  /**
   * Located warnings about the write (an output not written because its cell is an input, a value typed into an output
   * cell that was replaced, a list cut at the sheet's edge). They are also the first rows of Problemas.
   */
  notices: LocatedIssue[];
}

/** Avisos: deadline, safe date and status of a change notice (R34/R49). */
function noticeOutput(key: NoticeOutputKey, n: ChangeNotice | undefined, date1904: boolean): PlainValue {
  if (!n) return null;
  if (key === "noticeDeadline") return n.deadline ? isoToSerial(n.deadline, date1904) : null;
  if (key === "noticeSafeDeadline") return n.safeDeadline ? isoToSerial(n.safeDeadline, date1904) : null;
  const left = n.status === "pendiente" && n.businessDaysLeft !== null ? ` (${n.businessDaysLeft === 0 ? "vence hoy" : n.businessDaysLeft === 1 ? "falta 1 día hábil" : `faltan ${n.businessDaysLeft} días hábiles`})` : "";
  return n.status === "sin fecha" ? "Sin fecha del cambio" : `${n.status[0]!.toUpperCase()}${n.status.slice(1)}${left}`;
}

/** One output cell about to be written: where, what it holds now, what it will hold. */
interface PlannedCell {
  sheet: string;
  row: number;
  col: number;
  label: string;
  output: string;
  format: string | undefined;
  old: CellValue;
  next: PlainValue;
}

const FRESHNESS_OUTPUTS = new Set<string>(["fingerprint", "captureDigest"]);

/** The plan for `fill` / the add-in: outputs only. `computedAt` is the date stamped next to the outputs. */
export function buildWritePlan(a: UsableAnalysis, snapshot: WorkbookSnapshot, computedAt: IsoDate): FillPlan {
  const plan: FillPlan = { ranges: [], blocks: [], unprotect: [], notices: [] };
  const { date1904 } = snapshot;
  const map = new InputMap(snapshot, NAMED_CELLS);
  const cells: PlannedCell[] = [];

  for (const n of NAMED_CELLS) {
    if (n.kind !== "output" || !n.output || FRESHNESS_OUTPUTS.has(n.output)) continue;
    const s = snapshot.names[n.name];
    if (!s || !s.found) continue;
    const r = parseRange(s.address);
    if (!r) continue;
    const why = map.refusal(s.sheet, r.start);
    if (why) {
      plan.notices.push(refusedNotice(s.sheet, cellAddress(r.start), n.label || n.name, why, `El nombre ${n.name} debe apuntar a una celda gris; en la plantilla está en ${n.sheet}!${n.cell} (Fórmulas › Administrador de nombres).`));
      continue;
    }
    cells.push({ sheet: s.sheet, ...r.start, label: n.label || n.name, output: n.output, format: n.numberFormat, old: s.values[0]?.[0] ?? null, next: fitCell(namedOutput(n.output, a, computedAt, date1904)) });
    const w = { sheet: s.sheet, address: cellAddress(r.start), values: [[cells[cells.length - 1]!.next]] };
    plan.ranges.push(n.numberFormat ? { ...w, numberFormat: n.numberFormat } : w);
  }

  const programsByIndex = new Map(a.result.programs.map((p) => [p.index, p]));
  const goodsByIndex = new Map(a.result.goods.map((g) => [g.index, g]));
  for (const t of TABLES) {
    const s = snapshot.tables[t.name] as TableSnapshot | undefined;
    if (!s || !s.found || s.rows.length === 0) continue;
    const tl = parseCell(s.bodyTopLeft);
    if (!tl) continue;
    const byRow = new Map<number, number>(); // body row → document index
    a.read.rows[t.path].forEach((bodyRow, docIndex) => byRow.set(bodyRow, docIndex));
    const headers = s.headers.map((h) => normalizeHeader(String(h ?? "")));
    for (const c of t.columns) {
      if (c.kind !== "output" || !c.output || c.output === "none") continue;
      const j = headers.indexOf(normalizeHeader(c.header));
      if (j < 0) continue;
      const col = tl.col + j;
      const merges = map.relevantMerges(s.sheet, tl.row, col, tl.row + s.rows.length - 1, col);
      // Runs of writable rows: a refused cell splits the column into separate writes.
      let run: { start: number; values: PlainValue[][] } | null = null;
      const flush = () => {
        if (!run) return;
        const w = { sheet: s.sheet, address: rangeAddress({ row: run.start, col }, { row: run.start + run.values.length - 1, col }), values: run.values };
        plan.ranges.push(c.numberFormat ? { ...w, numberFormat: c.numberFormat } : w);
        run = null;
      };
      for (let bodyRow = 0; bodyRow < s.rows.length; bodyRow++) {
        const row = tl.row + bodyRow;
        const why = map.refusal(s.sheet, { row, col }, merges);
        if (why) {
          flush();
          plan.notices.push(refusedNotice(s.sheet, cellAddress({ row, col }), c.header, why, `Revise los encabezados de la tabla ${t.name}: «${c.header}» es una columna de resultados y no puede ocupar el lugar de una de captura.`));
          continue;
        }
        const docIndex = byRow.get(bodyRow);
        let next: PlainValue = null;
        if (docIndex !== undefined && t.path === "programs") {
          const p = programsByIndex.get(docIndex);
          next = p ? programOutput(c.output as ProgramOutputKey, p, date1904) : null;
        } else if (docIndex !== undefined && t.path === "goods") {
          const g = goodsByIndex.get(docIndex);
          next = g && (c.output as GoodOutputKey) === "closingInventory" ? g.closingInventory : null;        } else if (docIndex !== undefined && t.path === "changeNotices") {
          next = noticeOutput(c.output as NoticeOutputKey, a.afterFiling.notices[docIndex], date1904);
        }
        next = fitCell(next);
        cells.push({ sheet: s.sheet, row, col, label: c.header, output: c.output, format: c.numberFormat, old: s.rows[bodyRow]?.[j] ?? null, next });
        if (!run) run = { start: row, values: [] };
        run.values.push([next]);
      }
      flush();
    }
  }

  // Values typed into output cells, reported before they are replaced (§ fingerprint.ts).
  for (const t of typedOver(snapshot, cells)) plan.notices.push(typedOverNotice(t, date1904));

  // Captura VUCEM, then Problemas: Problemas lists the notices of every other write (a clipped Captura included).
  const capture = listAt(CAPTURE_BLOCK, snapshot);
  if (capture) {
    const fitted = fitBlock(CAPTURE_BLOCK, capture.sheet, capture.anchor, captureRows(a), map);
    if (fitted.notice) plan.notices.push(fitted.notice);
    if (fitted.rows) plan.blocks.push({ sheet: capture.sheet, anchor: cellAddress(capture.anchor), width: CAPTURE_BLOCK.headers.length, rows: fitted.rows, columnFormats: CAPTURE_BLOCK.formats });
  }
  const problems = listAt(ISSUES_BLOCK, snapshot);
  if (problems) {
    const all = [...plan.notices, ...a.issues];
    const fitted = fitBlock(ISSUES_BLOCK, problems.sheet, problems.anchor, issueRows(all, snapshot.sheets.includes(RULES_SHEET_NAME) && all.length <= MAX_RULE_LINKS), map);
    if (fitted.notice) plan.notices.push(fitted.notice);
    if (fitted.rows) plan.blocks.push({ sheet: problems.sheet, anchor: cellAddress(problems.anchor), width: ISSUES_BLOCK.headers.length, rows: fitted.rows, columnFormats: ISSUES_BLOCK.formats });
  }
  // The summary next to Problemas counts the write's notices too (before the fingerprint records it).
  if (plan.notices.length) {
    const summary = fitCell(summaryText(summarizeIssues([...plan.notices, ...a.issues])));
    const k = cells.findIndex((x) => x.output === "issuesSummary");
    const w = k < 0 ? undefined : plan.ranges.find((x) => x.sheet === cells[k]!.sheet && x.address === cellAddress(cells[k]!));
    if (w) {
      cells[k]!.next = summary;
      w.values = [[summary]];
    }
  }


  // The fingerprint of what this run computed from, and the number the Captura VUCEM banner recomputes in Excel.
  const outputs = outputDigest(cells.map((c) => ({ at: `${c.sheet}!${cellAddress(c)}`, value: c.next })));
  const freshness: Record<string, PlainValue> = {
    fingerprint: formatFingerprint({ inputs: inputsHash(a.read.input), computedOn: computedAt, outputs }),
    captureDigest: Number.isFinite(captureDigestOf(snapshot)) ? captureDigestOf(snapshot) : null, // Excel: #NUM! → no banner
  };
  for (const n of NAMED_CELLS) {
    if (n.kind !== "output" || !n.output || !FRESHNESS_OUTPUTS.has(n.output)) continue;
    const s = snapshot.names[n.name];
    const r = s?.found ? parseRange(s.address) : null;
    if (!s?.found || !r) continue;
    const why = map.refusal(s.sheet, r.start);
    if (why) {
      plan.notices.push(refusedNotice(s.sheet, cellAddress(r.start), n.label || n.name, why, `El nombre ${n.name} debe apuntar a ${n.sheet}!${n.cell}.`));
      continue;
    }
    plan.ranges.push({ sheet: s.sheet, address: cellAddress(r.start), values: [[freshness[n.output] ?? null]] });
  }

  plan.unprotect = [...new Set([...plan.ranges.map((r) => r.sheet), ...plan.blocks.map((b) => b.sheet)])];
  return fitCells(plan);
}

function listAt(b: BlockLayout, snapshot: WorkbookSnapshot): { sheet: string; anchor: CellRef } | null {
  const s = snapshot.names[b.anchorName];
  const r = s?.found ? parseRange(s.address) : null;
  return s?.found && r ? { sheet: s.sheet, anchor: r.start } : null;
}

/**
 * Output cells whose current value someone typed: the value differs from what the last write left there (per the
 * stored fingerprint), or — in a workbook never calculated (no fingerprint, no stamp) — any value at all. Only cells
 * whose value is about to change are reported.
 */
function typedOver(snapshot: WorkbookSnapshot, cells: readonly PlannedCell[]): TypedOver[] {
  const stored = parseFingerprint(foundValue(snapshot, FINGERPRINT_NAME));
  let candidates: number[] | null;
  if (stored) {
    candidates = changedOutputs(stored.outputs, cells.map((c) => ({ at: `${c.sheet}!${cellAddress(c)}`, value: c.old })));
  } else {
    const stamped = NAMED_CELLS.some((n) => n.output === "stamp" && cellKey(foundValue(snapshot, n.name)) !== "");
    candidates = stamped ? null : cells.map((_, k) => k); // filled by an older RAOCE: nothing to compare with
  }
  const out: TypedOver[] = [];
  for (const k of candidates ?? []) {
    const c = cells[k]!;
    if (cellKey(c.old) === "" || cellKey(c.old) === cellKey(c.next)) continue;
    out.push({ sheet: c.sheet, address: cellAddress(c), label: c.label, output: c.output, old: c.old, next: c.next, format: c.format });
  }
  return out;
}

function foundValue(snapshot: WorkbookSnapshot, name: string): CellValue {
  const s = snapshot.names[name];
  return s?.found ? (s.values[0]?.[0] ?? null) : null;
}

/** The Captura digest from the cells as read (the Excel formula's twin: layout-freshness.ts). */
function captureDigestOf(snapshot: WorkbookSnapshot): number {
  return captureDigest(
    CAPTURE_DIGEST_TERMS.map((t) => {
      if (t.name) {
        const v = foundValue(snapshot, t.name);
        return { weight: t.weight, kind: t.kind, values: [typeof v === "boolean" ? (v ? 1 : 0) : v] }; // N(TRUE) = 1
      }
      const s = snapshot.tables[t.table!];
      if (!s?.found) return { weight: t.weight, kind: t.kind, values: [] };
      const j = s.headers.map((h) => normalizeHeader(String(h ?? ""))).indexOf(normalizeHeader(t.column!));
      return { weight: t.weight, kind: t.kind, values: j < 0 ? [] : s.rows.map((r) => r[j] ?? null) };
    }),
  );
}

const normalizeHeader = (h: string): string => h.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

/**
 * Text longer than a cell holds, cut to fit with a final "…" (between code points). Messages and Captura rows echo
 * what the user typed, and a workbook not made by Excel can hold longer text: Office.js rejects the whole write
 * ("InvalidArgument") and Excel "repairs" an .xlsx with such a cell.
 */
export function fitCell<T>(v: T): T {
  if (typeof v !== "string" || v.length <= MAX_CELL_CHARS) return v;
  let end = MAX_CELL_CHARS - 1;
  const last = v.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // do not split a surrogate pair
  return `${v.slice(0, end)}…` as T;
}

function fitCells<P extends WritePlan>(plan: P): P {
  for (const w of plan.ranges) w.values = w.values.map((line) => line.map(fitCell));
  for (const b of plan.blocks) {
    b.rows = b.rows.map((line) => line.map((v) => (isLinkValue(v) ? { link: { text: fitCell(v.link.text), target: v.link.target } } : fitCell(v))));
  }
  return plan;
}
