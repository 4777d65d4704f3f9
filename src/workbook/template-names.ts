/** A workbook-level defined name over a template address, as the template generators write it (absolute refs). */
import type { Workbook } from "exceljs";
import { columnLetters, parseRange, quoteSheet } from "./port";

export function addName(wb: Workbook, sheet: string, address: string, name: string): void {
  const r = parseRange(address)!;
  const abs = (c: { row: number; col: number }) => `$${columnLetters(c.col)}$${c.row}`;
  const a = abs(r.start);
  const b = abs(r.end);
  wb.definedNames.add(`${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`, name);
}
