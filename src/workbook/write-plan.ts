/**
 * Results → WritePlan: the values of the output cells, the Problemas list and the Captura VUCEM list. Pure.
 * Only output names, output table columns, the two lists and the stamps are written — never an input cell.
 * Every value is plain (number / string / boolean / null): dates as serials in the workbook's date system.
 */
import type { IsoDate } from "../domain/dates";
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
  type ProgramOutputKey,
} from "./layout";
import {
  cellAddress,
  isLinkValue,
  parseCell,
  parseRange,
  quoteSheet,
  rangeAddress,
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

/** The rows of the Problemas list. */
export function issueRows(issues: readonly LocatedIssue[], rulesSheet = true): PlanValue[][] {
  if (issues.length === 0) {
    return [["—", "", "Sin problemas: el reporte está listo para capturarse en VUCEM (vea la hoja Captura VUCEM).", null, null, null]];
  }
  return issues.map((i) => [
    SEVERITY_ES[i.severity],
    i.code,
    i.message,
    i.at ? { link: { text: i.location ?? `${i.at.sheet}!${i.at.address}`, target: `${quoteSheet(i.at.sheet)}!${i.at.address}` } } : null,
    ruleValue(i.rule, rulesSheet),
    i.path || null,
  ]);
}

function blockWrite(b: BlockLayout, snapshot: WorkbookSnapshot, rows: PlanValue[][]) {
  const s = snapshot.names[b.anchorName];
  if (!s || !s.found) return null;
  const r = parseRange(s.address);
  if (!r) return null;
  return { sheet: s.sheet, anchor: cellAddress(r.start), width: b.headers.length, rows, columnFormats: b.formats };
}

/** The plan for `fill` / the add-in: outputs only. `computedAt` is the date stamped next to the outputs. */
export function buildWritePlan(a: UsableAnalysis, snapshot: WorkbookSnapshot, computedAt: IsoDate): WritePlan {
  const plan: WritePlan = { ranges: [], blocks: [], unprotect: [] };
  const { date1904 } = snapshot;

  for (const n of NAMED_CELLS) {
    if (n.kind !== "output" || !n.output) continue;
    const s = snapshot.names[n.name];
    if (!s || !s.found) continue;
    const r = parseRange(s.address);
    if (!r) continue;
    const w = { sheet: s.sheet, address: cellAddress(r.start), values: [[namedOutput(n.output, a, computedAt, date1904)]] };
    plan.ranges.push(n.numberFormat ? { ...w, numberFormat: n.numberFormat } : w);
  }

  for (const t of TABLES) {
    const s = snapshot.tables[t.name] as TableSnapshot | undefined;
    if (!s || !s.found || s.rows.length === 0) continue;
    const tl = parseCell(s.bodyTopLeft);
    if (!tl) continue;
    const byRow = new Map<number, number>(); // body row → document index
    a.read.rows[t.path].forEach((bodyRow, docIndex) => byRow.set(bodyRow, docIndex));
    const headers = s.headers.map((h) => String(h ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim());
    for (const c of t.columns) {
      if (c.kind !== "output" || !c.output || c.output === "none") continue;
      const j = headers.indexOf(c.header.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim());
      if (j < 0) continue;
      const values: PlainValue[][] = s.rows.map((_, bodyRow) => {
        const docIndex = byRow.get(bodyRow);
        if (docIndex === undefined) return [null];
        if (t.path === "programs") {
          const p = a.result.programs.find((x) => x.index === docIndex);
          return [p ? programOutput(c.output as ProgramOutputKey, p, date1904) : null];
        }
        if (t.path === "goods") {
          const g = a.result.goods.find((x) => x.index === docIndex);
          const key = c.output as GoodOutputKey;
          return [g && key === "closingInventory" ? g.closingInventory : null];
        }
        return [null];
      });
      const start = { row: tl.row, col: tl.col + j };
      const end = { row: tl.row + s.rows.length - 1, col: tl.col + j };
      const w = { sheet: s.sheet, address: rangeAddress(start, end), values };
      plan.ranges.push(c.numberFormat ? { ...w, numberFormat: c.numberFormat } : w);
    }
  }

  // Rule links only for lists of ordinary length: each link is one more Office.js write (and payload) per row.
  const ruleLinks = snapshot.sheets.includes(RULES_SHEET_NAME) && a.issues.length <= MAX_RULE_LINKS;
  const issuesBlock = blockWrite(ISSUES_BLOCK, snapshot, issueRows(a.issues, ruleLinks));
  if (issuesBlock) plan.blocks.push(issuesBlock);
  const captureBlock = blockWrite(CAPTURE_BLOCK, snapshot, captureRows(a));
  if (captureBlock) plan.blocks.push(captureBlock);

  plan.unprotect = [...new Set([...plan.ranges.map((r) => r.sheet), ...plan.blocks.map((b) => b.sheet)])];
  return fitCells(plan);
}

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

function fitCells(plan: WritePlan): WritePlan {
  for (const w of plan.ranges) w.values = w.values.map((line) => line.map(fitCell));
  for (const b of plan.blocks) {
    b.rows = b.rows.map((line) => line.map((v) => (isLinkValue(v) ? { link: { text: fitCell(v.link.text), target: v.link.target } } : fitCell(v))));
  }
  return plan;
}
