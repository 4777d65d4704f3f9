/**
 * Results → WritePlan: the values of the output cells, the Problemas list and the Captura VUCEM list. Pure.
 * Only output names, output table columns, the two lists and the stamps are written — never an input cell.
 * Every value is plain (number / string / boolean / null): dates as serials in the workbook's date system.
 */
import type { IsoDate } from "../domain/dates";
import type { ChangeNotice } from "../domain/after-filing/notices";
import type { ProgramResult } from "../domain/evaluate";
import { formatTariffCode } from "../domain/tariff";
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
  type PlainValue,
  type PlanValue,
  type TableSnapshot,
  type WorkbookSnapshot,
  type WritePlan,
} from "./port";
import type { LocatedIssue } from "./read-input";
import { isoToSerial } from "./serial-dates";

const SEVERITY_ES = { error: "Error", warning: "Aviso", info: "Info" } as const;

/** Up to this many goods, Captura VUCEM lists each field of each good on its own row; beyond, one row per good. */
export const CAPTURE_GOODS_DETAILED = 100;

export const COMMITMENT_ES: Record<string, string> = {
  CUMPLE: "Cumple",
  NO_CUMPLE: "No cumple",
  NO_EVALUADO: "No evaluado",
  POR_CONFIRMAR: "Por confirmar",
};

export const CAPTURE_ES: Record<string, string> = {
  totalSales: "Ventas totales (a)",
  totalExports: "Total exportaciones (b)",
  totalImports: "Total importaciones (c)",
  goods: "Relación de bienes producidos",
};

function plural(n: number, one: string, many: string): string {
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
      return d ? d.source : null;
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

/** The rows of the Problemas list. */
export function issueRows(issues: readonly LocatedIssue[]): PlanValue[][] {
  if (issues.length === 0) {
    return [["—", "", "Sin problemas: el reporte está listo para capturarse en VUCEM (vea la hoja Captura VUCEM).", null, null, null]];
  }
  return issues.map((i) => [
    SEVERITY_ES[i.severity],
    i.code,
    i.message,
    i.at ? { link: { text: i.location ?? `${i.at.sheet}!${i.at.address}`, target: `${quoteSheet(i.at.sheet)}!${i.at.address}` } } : null,
    i.rule ?? null,
    i.path || null,
  ]);
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The rows of the Captura VUCEM list: what to type on each VUCEM screen, in order. */
export function captureRows(a: UsableAnalysis): PlanValue[][] {
  const r = a.result;
  const doc = a.input as { figures?: Record<string, unknown>; goods?: Record<string, unknown>[]; company?: Record<string, unknown> };
  const figures = doc.figures ?? {};
  const rows: PlanValue[][] = [];
  let step = 0;
  const screen = (program: string, name: string, fields: [string, PlanValue, string?][]) => {
    step += 1;
    for (const [field, value, note] of fields) rows.push([step, program, name, field, value, note ?? null]);
  };

  if (a.summary.errors > 0) {
    rows.push([null, null, "Antes de capturar", `Hay ${plural(a.summary.errors, "error", "errores")}`, null, "Corríjalos (hoja Problemas) antes de capturar: VUCEM no permite editar un reporte firmado (R33)."]);
  }
  const obliged = r.programs.filter((p) => p.obliged);
  if (r.programs.length === 0) {
    rows.push([null, null, "—", "Sin programas válidos", null, "Capture sus programas en la hoja Programas."]);
    return rows;
  }
  for (const p of r.programs.filter((x) => !x.obliged)) {
    rows.push([null, p.type, "—", `${p.type} ${p.number ?? ""}`.trim(), "No se captura", `${p.statusLabel ?? "No obligado"}: ${p.commitmentReason}`]);
  }
  if (obliged.length === 0) return rows;

  screen("Todos", "Ingreso a VUCEM (www.ventanillaunica.gob.mx)", [
    ["RFC", r.company.rfc, "Entre con la e.firma de la empresa o del representante legal."],
    ["Trámite", "Reporte Anual de Operaciones de Comercio Exterior", `Se presenta en ${r.filingYear ?? "?"} por el ejercicio ${r.fiscalYear ?? "?"}.`],
  ]);
  for (const p of obliged) {
    const replicated = p.type === "PROSEC" && r.programs.some((x) => x.type === "IMMEX" && x.obliged);
    if (replicated) {
      rows.push([null, p.type, "—", `PROSEC ${p.number ?? ""}`.trim(), "Se replica del reporte IMMEX", "R10: el reporte IMMEX se replica a PROSEC; no se captura por separado."]);
      continue;
    }
    const label = `${p.type} ${p.number ?? ""}`.trim();
    const d = p.deadlines;
    screen(p.type, "Selección del programa", [
      ["Programa", p.type],
      ["Número de programa", p.number, d ? `Vence el ${d.due}${d.lateUntil ? `; extemporáneo hasta el ${d.lateUntil}` : ""}.` : undefined],
      ["Ejercicio", r.fiscalYear === null ? null : String(r.fiscalYear)],
    ]);
    const fields: [string, PlanValue, string?][] = [];
    if (p.capture.includes("totalSales")) fields.push([CAPTURE_ES.totalSales!, num(figures.totalSales), "Miles de pesos; incluye las exportaciones."]);
    if (p.capture.includes("totalExports")) fields.push([CAPTURE_ES.totalExports!, num(figures.totalExports), "Miles de pesos; directas + indirectas."]);
    if (p.capture.includes("totalImports")) fields.push([CAPTURE_ES.totalImports!, num(figures.totalImports) ?? 0, "Miles de pesos."]);
    else if (p.type === "IMMEX") fields.push([CAPTURE_ES.totalImports!, "No se captura", "VUCEM deshabilita importaciones para IMMEX con programas ligados (R22)."]);
    const f = r.figures;
    fields.push(["Saldo y % de exportación", "Los calcula VUCEM", `Verifique: saldo ${f.balance ?? "—"} miles de pesos; exportación ${f.exportShare === null ? "—" : f.exportShare.toFixed(2) + " %"}.`]);
    screen(p.type, `Balanza comercial — ${label}`, fields);
    if (p.capture.includes("goods")) {
      const goods = r.goods.filter((g) => g.valid);
      if (goods.length === 0) {
        rows.push([null, p.type, "Relación de bienes producidos", "Sin bienes válidos", null, "Capture al menos un bien en la hoja Bienes (R23)."]);
      }
      const lines = goods.map((g) => {
        const src = doc.goods?.[g.index] ?? {};
        return {
          sector: g.sector,
          tariff: g.tariffCode ? formatTariffCode(g.tariffCode) : null,
          description: typeof src.description === "string" ? src.description : null,
          unit: g.unit === null ? null : `${g.unit} - ${g.unitName ?? ""}`,
          volume: num(src.totalVolume),
        };
      });
      if (lines.length > CAPTURE_GOODS_DETAILED) {
        // Long lists: one row per good (sector · fracción · unidad in Campo, volume in Valor, description in Nota).
        screen(
          p.type,
          "Relación de bienes producidos",
          lines.map((l, k) => [`Bien ${k + 1} de ${lines.length}: ${l.sector ?? "?"} · ${l.tariff ?? "?"} · ${l.unit ?? "?"}`, l.volume, l.description ?? undefined]),
        );
      } else {
        lines.forEach((l, k) =>
          screen(p.type, `Relación de bienes producidos — bien ${k + 1} de ${lines.length}`, [
            ["Sector", l.sector],
            ["Fracción arancelaria", l.tariff],
            ["Descripción del bien", l.description],
            ["Unidad de medida", l.unit],
            ["Volumen del total de bienes producidos", l.volume],
          ]),
        );
      }
    }
    screen(p.type, "Firma y acuse", [
      ["Firma", "e.firma", "Revise todo antes de firmar: un reporte firmado no se edita (R33)."],
      ["Acuse", "Guárdelo", `Anote la fecha de presentación y el folio del acuse en la hoja Programas (fila ${label}).`],
    ]);
  }
  return rows;
}

function blockWrite(b: BlockLayout, snapshot: WorkbookSnapshot, rows: PlanValue[][]) {
  const s = snapshot.names[b.anchorName];
  if (!s || !s.found) return null;
  const r = parseRange(s.address);
  if (!r) return null;
  return { sheet: s.sheet, anchor: cellAddress(r.start), width: b.headers.length, rows, columnFormats: b.formats };
}

/** Avisos: deadline, safe date and status of a change notice (R34/R49). */
function noticeOutput(key: NoticeOutputKey, n: ChangeNotice | undefined, date1904: boolean): PlainValue {
  if (!n) return null;
  if (key === "noticeDeadline") return n.deadline ? isoToSerial(n.deadline, date1904) : null;
  if (key === "noticeSafeDeadline") return n.safeDeadline ? isoToSerial(n.safeDeadline, date1904) : null;
  const left = n.status === "pendiente" && n.businessDaysLeft !== null ? ` (${n.businessDaysLeft === 0 ? "vence hoy" : n.businessDaysLeft === 1 ? "falta 1 día hábil" : `faltan ${n.businessDaysLeft} días hábiles`})` : "";
  return n.status === "sin fecha" ? "Sin fecha del cambio" : `${n.status[0]!.toUpperCase()}${n.status.slice(1)}${left}`;
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
        if (t.path === "changeNotices") return [noticeOutput(c.output as NoticeOutputKey, a.afterFiling.notices[docIndex], date1904)];
        return [null];
      });
      const start = { row: tl.row, col: tl.col + j };
      const end = { row: tl.row + s.rows.length - 1, col: tl.col + j };
      const w = { sheet: s.sheet, address: rangeAddress(start, end), values };
      plan.ranges.push(c.numberFormat ? { ...w, numberFormat: c.numberFormat } : w);
    }
  }

  const issuesBlock = blockWrite(ISSUES_BLOCK, snapshot, issueRows(a.issues));
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
