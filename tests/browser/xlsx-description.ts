/**
 * Node side of the browser fake's `insertWorksheetsFromBase64`: parses the .xlsx the pane generated (ExcelJS) and
 * describes what Excel would add — sheets (state, protection, cell values, number formats, which cells are unlocked),
 * workbook-level names and tables.
 */
import { Workbook } from "exceljs";
import { plainCellValue, splitRef } from "../../src/workbook/exceljs-adapter";
import { applyExcelJsPatches } from "../../src/workbook/exceljs-patches";
import type { WorkbookDescription } from "./fake-office";

type AnyObj = Record<string, unknown>;

export async function describeXlsx(base64: string): Promise<WorkbookDescription> {
  applyExcelJsPatches();
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(base64, "base64") as never);
  const d: WorkbookDescription = { sheets: [], names: [], tables: [] };
  for (const ws of wb.worksheets) {
    const prot = (ws as unknown as AnyObj).sheetProtection as AnyObj | undefined;
    const cells: WorkbookDescription["sheets"][number]["cells"] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = plainCellValue(cell.value, false);
        const locked = cell.protection?.locked !== false;
        if (v === null && locked && !cell.numFmt) return;
        cells.push({ a: cell.address, v, locked, ...(cell.numFmt ? { nf: cell.numFmt } : {}) });
      }),
    );
    d.sheets.push({ name: ws.name, state: ws.state === "hidden" ? "hidden" : ws.state === "veryHidden" ? "veryHidden" : "visible", protected: !!prot?.sheet, cells });
    for (const t of Object.values(((ws as unknown as AnyObj).tables ?? {}) as Record<string, AnyObj>)) {
      const model = (t.table ?? t.model) as AnyObj;
      d.tables.push({ name: String(model.name), sheet: ws.name, ref: String(model.tableRef ?? model.ref) });
    }
  }
  for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    const ref = splitRef(n.ranges[0] ?? "");
    if (ref) d.names.push({ name: n.name, sheet: ref.sheet, address: ref.address });
  }
  return d;
}
