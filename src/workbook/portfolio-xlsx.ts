/**
 * The portfolio workbook (`raoce cartera --out cartera.xlsx`, issue #11 §1), written with ExcelJS. Computed values
 * only — no formulas, no custom functions — so it opens cleanly anywhere:
 *   Cartera   title, summary block, then an Excel table (filters) of client × program sorted by urgency (R58), frozen
 *             header, conditional formatting by urgency level, landscape one page wide, a link to each client's file;
 *   Problemas every problem of every client (client, sheet!cell linked into the client's file, severity, message),
 *             batch-wide notes first, unusable files last.
 */
import { relative, dirname, basename, sep } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import { longDateEs, parseIsoDate, type IsoDate } from "../domain/dates";
import { URGENCY_CODES, URGENCY_LABELS } from "../domain/portfolio/urgency";
import { summaryLine, type PortfolioRow, type PortfolioSummary } from "../domain/portfolio/rows";
import { COMMITMENT_ES } from "./write-plan";
import type { BatchNote, PortfolioProblem } from "../domain/portfolio/batch";

export const PORTFOLIO_SHEET = "Cartera";
export const PROBLEMS_SHEET = "Problemas";
const HEADER_ROW = 6;

import { URGENCY_FILLS } from "./portfolio-fills";
const URGENCY_FONTS: readonly (string | null)[] = ["FFFFFFFF", null, null, null, null, null, null, null];

const SEVERITY_ES: Record<PortfolioProblem["severity"], string> = { error: "Error", warning: "Aviso", info: "Nota", unusable: "Inutilizable" };
const FRESH_ES = (s: boolean | null) => (s === null ? "Sin calcular" : s ? "Desactualizados" : "Al día");

const excelDate = (iso: IsoDate | null): Date | null => {
  const d = iso ? parseIsoDate(iso) : null;
  return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : null;
};

/** Relative link from the portfolio file to a client's file, with forward slashes (Excel and LibreOffice both follow it). */
export function fileLink(outPath: string, file: string, cell?: string | null): string {
  const rel = relative(dirname(outPath), file).split(sep).join("/");
  return cell ? `${rel}#${cell}` : rel;
}

const COLUMNS: { header: string; width: number; fmt?: string }[] = [
  { header: "Nivel", width: 7 },
  { header: "Urgencia", width: 26 },
  { header: "RFC", width: 15 },
  { header: "Razón social", width: 34 },
  { header: "Programa", width: 10 },
  { header: "Número", width: 14 },
  { header: "RAOCE", width: 8 },
  { header: "Estado", width: 24 },
  { header: "Próximo paso", width: 24 },
  { header: "Fecha", width: 11, fmt: "dd/mm/yyyy" },
  { header: "Días", width: 7, fmt: "0" },
  { header: "Errores", width: 8, fmt: "0" },
  { header: "Avisos", width: 8, fmt: "0" },
  { header: "Compromiso", width: 13 },
  { header: "Resultados", width: 15 },
  { header: "Carta de corrección hasta", width: 14, fmt: "dd/mm/yyyy" },
  { header: "Libro", width: 30 },
];

function setupPage(ws: Worksheet, titleRows: string): void {
  ws.pageSetup = { ...ws.pageSetup, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 1, horizontalCentered: true } as never;
  ws.pageSetup.printTitlesRow = titleRows;
  ws.pageSetup.margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
  ws.headerFooter.oddFooter = "&LRAOCE — cartera&RPágina &P de &N";
}

export interface PortfolioWorkbookInput {
  rows: readonly PortfolioRow[];
  summary: PortfolioSummary;
  problems: readonly PortfolioProblem[];
  batchNotes: readonly BatchNote[];
  asOf: IsoDate;
  /** Where the workbook will be written (links are relative to its folder). */
  outPath: string;
}

export function buildPortfolioWorkbook(input: PortfolioWorkbookInput): Workbook {
  const wb = new Workbook();
  wb.creator = "RAOCE";
  wb.created = new Date(Date.UTC(2025, 0, 1));
  const ws = wb.addWorksheet(PORTFOLIO_SHEET, { properties: { tabColor: { argb: "FF1F4E78" } } });
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));

  ws.getCell("A1").value = `RAOCE — Cartera de clientes al ${longDateEs(input.asOf)}`;
  ws.getCell("A1").font = { bold: true, size: 14, color: { argb: "FF1F4E78" } };
  ws.getCell("A2").value = summaryLine(input.summary);
  ws.getCell("A2").font = { bold: true };
  ws.getCell("A3").value = `${input.summary.clients} clientes · ${input.summary.rows} programas · ordenado por urgencia (nivel 1 = más urgente), luego por fecha`;
  const notes = input.batchNotes.map((n) => `${n.message} (${n.files} ${n.files === 1 ? "libro" : "libros"})`);
  ws.getCell("A4").value = notes.length ? `Para toda la cartera: ${notes.join(" · ")}` : "Leyenda: " + URGENCY_CODES.map((u, i) => `${i + 1} ${URGENCY_LABELS[u].es}`).join(" · ");
  ws.getCell("A4").font = { italic: true, color: { argb: "FF595959" } };
  if (notes.length) {
    ws.getCell("A5").value = "Leyenda: " + URGENCY_CODES.map((u, i) => `${i + 1} ${URGENCY_LABELS[u].es}`).join(" · ");
    ws.getCell("A5").font = { italic: true, color: { argb: "FF595959" } };
  }

  const body = input.rows.map((r) => [
    r.urgencyRank + 1,
    r.urgencyLabel,
    r.rfc,
    r.name,
    r.program,
    r.number,
    r.filingYear,
    r.statusLabel,
    r.nextStepLabel,
    excelDate(r.nextDate),
    r.daysLeft,
    r.errors,
    r.warnings,
    r.commitment ? (COMMITMENT_ES[r.commitment] ?? r.commitment) : null,
    FRESH_ES(r.stale),
    excelDate(r.correctionBy),
    { text: basename(r.file), hyperlink: fileLink(input.outPath, r.file), tooltip: r.file },
  ]);
  if (body.length === 0) body.push([null, "Sin clientes", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null] as never);
  ws.addTable({
    name: "tblCartera",
    ref: `A${HEADER_ROW}`,
    headerRow: true,
    style: { theme: "TableStyleLight1", showRowStripes: false },
    columns: COLUMNS.map((c) => ({ name: c.header, filterButton: true })),
    rows: body as never,
  });
  const last = HEADER_ROW + body.length;
  COLUMNS.forEach((c, i) => {
    if (c.fmt) for (let r = HEADER_ROW + 1; r <= last; r++) ws.getCell(r, i + 1).numFmt = c.fmt;
  });
  for (let r = HEADER_ROW + 1; r <= last; r++) {
    const link = ws.getCell(r, COLUMNS.length);
    link.font = { color: { argb: "FF0563C1" }, underline: true };
  }
  const header = ws.getRow(HEADER_ROW);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.alignment = { vertical: "middle", wrapText: true };
  for (let c = 1; c <= COLUMNS.length; c++) ws.getCell(HEADER_ROW, c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E78" } };
  header.height = 30;
  ws.addConditionalFormatting({
    ref: `A${HEADER_ROW + 1}:${String.fromCharCode(64 + COLUMNS.length)}${last}`,
    rules: URGENCY_FILLS.flatMap((fill, i) =>
      fill
        ? [{ type: "expression", priority: i + 1, formulae: [`$A${HEADER_ROW + 1}=${i + 1}`], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } }, ...(URGENCY_FONTS[i] ? { font: { color: { argb: URGENCY_FONTS[i]! }, bold: true } } : {}) } }]
        : [],
    ) as never,
  });
  ws.views = [{ state: "frozen", xSplit: 4, ySplit: HEADER_ROW, topLeftCell: `E${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }];
  setupPage(ws, `${HEADER_ROW}:${HEADER_ROW}`);

  const ps = wb.addWorksheet(PROBLEMS_SHEET);
  const pcols = [
    { header: "Cliente", width: 34 },
    { header: "RFC", width: 15 },
    { header: "Celda", width: 22 },
    { header: "Severidad", width: 12 },
    { header: "Mensaje", width: 90 },
    { header: "Libro", width: 30 },
  ];
  pcols.forEach((c, i) => (ps.getColumn(i + 1).width = c.width));
  ps.getCell("A1").value = `RAOCE — Problemas de la cartera al ${longDateEs(input.asOf)}`;
  ps.getCell("A1").font = { bold: true, size: 14, color: { argb: "FF1F4E78" } };
  ps.getCell("A2").value = "Haga clic en la celda para abrir el libro del cliente en ese dato. Las notas informativas no se listan.";
  const prow: unknown[][] = [];
  for (const n of input.batchNotes) prow.push(["(toda la cartera)", null, null, n.code === "RATE_MISSING" ? "Aviso" : "Nota", `${n.message} — en ${n.files} ${n.files === 1 ? "libro" : "libros"}`, null]);
  const order = { error: 0, warning: 1, info: 2, unusable: 3 } as const;
  const sorted = [...input.problems].sort((a, b) => order[a.severity] - order[b.severity] || a.client.localeCompare(b.client));
  for (const p of sorted) {
    const cell = p.location ? { text: p.location, hyperlink: fileLink(input.outPath, p.file, p.location) } : null;
    prow.push([p.client, p.rfc, cell, SEVERITY_ES[p.severity], p.message, { text: basename(p.file), hyperlink: fileLink(input.outPath, p.file), tooltip: p.file }]);
  }
  if (prow.length === 0) prow.push(["Sin problemas", null, null, null, null, null]);
  ps.addTable({
    name: "tblProblemasCartera",
    ref: "A4",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: pcols.map((c) => ({ name: c.header, filterButton: true })),
    rows: prow as never,
  });
  // Wrapped messages need their height set: neither ExcelJS nor a viewer without Excel's autofit computes it.
  for (let r = 5; r < 5 + prow.length; r++) {
    for (let c = 1; c <= pcols.length; c++) ps.getCell(r, c).alignment = { vertical: "top", ...(c === 5 ? { wrapText: true } : {}) };
    const text = String(prow[r - 5]![4] ?? "");
    const lines = Math.max(1, Math.ceil(text.length / 95));
    if (lines > 1) ps.getRow(r).height = 15 * lines;
  }
  ps.views = [{ state: "frozen", ySplit: 4, topLeftCell: "A5", activeCell: "A5" }];
  setupPage(ps, "4:4");
  return wb;
}
