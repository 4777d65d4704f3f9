/**
 * The Reglas sheet: the rules catalog the product ships (src/domain/rules-catalog.ts), one rule per row, so every rule
 * id shown in Problemas or a note can be read in the workbook itself (Problemas links each id to its row here).
 * Static: written once by the template generator; RAOCE never rewrites it.
 */
import type { Worksheet } from "exceljs";
import { CONFIDENCE_WORDS, findRule, RULES_CATALOG } from "../domain/rules-catalog";
import { quoteSheet } from "./port";

export const RULES_SHEET_NAME = "Reglas" as const;
/** Header row of the list; rule k (0-based) is on row RULES_FIRST_ROW + k. */
export const RULES_HEADER_ROW = 5;
export const RULES_FIRST_ROW = RULES_HEADER_ROW + 1;
export const RULES_HEADERS = ["Regla", "Nombre", "Qué dice", "Fundamento", "Confianza"] as const;
export const RULES_WIDTHS = [8, 30, 90, 50, 30] as const;

export const RULES_SHEET_LAYOUT = {
  name: RULES_SHEET_NAME,
  title: "RAOCE — Reglas que aplica el producto",
  intro: [
    "Cada problema y cada nota de RAOCE cita la regla en que se basa; aquí está su texto, su fundamento y qué tan segura es.",
    "Confianza alta: texto oficial; media: una fuente secundaria confiable; baja: sin confirmar (el valor es configurable). Desde la consola: raoce reglas R7.",
  ],
  state: "visible" as const,
  protect: true,
  widths: [...RULES_WIDTHS] as number[],
  // Five wide text columns: landscape, fitted to one page width (print-layout.ts).
  page: { orientation: "landscape" as const, titleRows: `${RULES_HEADER_ROW}:${RULES_HEADER_ROW}` },
  wrapColumns: [2, 3, 4, 5],
};

/** The cell of a rule's row (for a hyperlink from Problemas), or null for an id the catalog does not list. */
export function ruleCell(id: string | null | undefined): string | null {
  const e = id ? findRule(id.split(/[/,\s]+/)[0]) : null;
  if (!e) return null;
  return `${quoteSheet(RULES_SHEET_NAME)}!A${RULES_FIRST_ROW + RULES_CATALOG.indexOf(e)}`;
}

/** Writes the catalog rows under the header (called by the template generator). */
export function writeRulesSheet(ws: Worksheet, headerStyle: (cell: ReturnType<Worksheet["getCell"]>) => void): void {
  RULES_HEADERS.forEach((h, j) => {
    const c = ws.getCell(RULES_HEADER_ROW, j + 1);
    c.value = h;
    headerStyle(c);
  });
  RULES_CATALOG.forEach((e, k) => {
    const row = ws.getRow(RULES_FIRST_ROW + k);
    row.values = [e.id, e.title, e.es, e.basis, CONFIDENCE_WORDS[e.confidence].es];
    // Cell by cell, not a row style: a row style covers all 16,384 columns (Gnumeric writes each of them out).
    for (let j = 1; j <= RULES_HEADERS.length; j++) row.getCell(j).alignment = { vertical: "top", wrapText: true };
    row.getCell(1).font = { bold: true };
    // Static text: give each row the height of its longest wrapped cell (spreadsheets do not all autofit on open).
    const lines = Math.max(1, ...[e.title, e.es, e.basis, CONFIDENCE_WORDS[e.confidence].es].map((t, j) => Math.ceil((t.length * 1.1) / (RULES_WIDTHS[j + 1]! - 2))));
    row.height = 15 * lines;
  });
}
