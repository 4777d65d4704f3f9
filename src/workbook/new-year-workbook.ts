/**
 * R60 into a workbook: last year's analysed inputs → `nextFilingYear` → typed into a fresh template of this version
 * (so every output, override, folio and figure starts empty). Browser-safe: the task pane uses it for *Nuevo ejercicio*.
 */
import type { Workbook } from "exceljs";
import { nextFilingYear, type NewYearResult } from "../domain/portfolio/new-year";
import { writeInputs } from "./exceljs-adapter";
import { buildTemplate } from "./template";

export interface NewYearWorkbook extends NewYearResult {
  workbook: Workbook;
}

export function newYearWorkbook(previousInput: Record<string, unknown>): NewYearWorkbook {
  const r = nextFilingYear(previousInput);
  const workbook = buildTemplate();
  writeInputs(workbook, r.doc);
  return { ...r, workbook };
}
