/**
 * Emulates `insertWorksheetsFromBase64` on the fake: parses the .xlsx (ExcelJS) and adds its sheets, cell values,
 * tables and workbook-level names to the fake workbook. What survives is a knob, because Microsoft does not document
 * it (see docs/insert-template.md): names kept / turned into #REF! (OfficeDev/office-js#3583) / dropped, tables kept
 * or dropped, protection kept or dropped.
 */
import { Workbook } from "exceljs";
import { plainCellValue, splitRef } from "../../../src/workbook/exceljs-adapter";
import { parseRange } from "../../../src/workbook/port";
import type { FakeExcel, FakeValue } from "./fake-excel";

export interface InsertBehaviour {
  names?: "keep" | "ref-error" | "drop";
  tables?: "keep" | "drop";
  protection?: "keep" | "drop";
}

type AnyObj = Record<string, unknown>;

/** Adds the workbook's content to the fake; returns the new sheet ids. */
export function insertInto(fx: FakeExcel, wb: Workbook, behaviour: InsertBehaviour = {}): string[] {
  const ids: string[] = [];
  for (const ws of wb.worksheets) {
    const prot = (ws as unknown as AnyObj).sheetProtection as AnyObj | undefined;
    const sheet = fx.addSheet(ws.name, {
      visibility: ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible",
      protected: behaviour.protection !== "drop" && !!prot?.sheet,
    });
    ids.push(sheet.id);
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = plainCellValue(cell.value, false);
        // The template's input cells are unlocked (a protected sheet still takes typing there).
        const unlocked = cell.style?.protection?.locked === false;
        if (v !== null || unlocked) sheet.cells.set(`${cell.row},${cell.col}`, { ...(v !== null ? { value: v as FakeValue } : {}), ...(unlocked ? { locked: false } : {}) });
      }),
    );
    if (behaviour.tables !== "drop") {
      for (const t of Object.values(((ws as unknown as AnyObj).tables ?? {}) as Record<string, AnyObj>)) {
        const model = (t.table ?? t.model) as AnyObj;
        const r = parseRange(String(model.tableRef ?? model.ref));
        if (!r) continue;
        const name = String(model.name);
        fx.tables.set(name.toLowerCase(), {
          id: fx.newId("table"),
          name,
          sheetId: sheet.id,
          topLeft: r.start,
          cols: r.end.col - r.start.col + 1,
          rows: r.end.row - r.start.row,
          showHeaders: model.headerRow !== false,
          style: String(((model.style ?? {}) as AnyObj).theme ?? "TableStyleMedium2"),
        });
      }
    }
  }
  if (behaviour.names !== "drop") {
    for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) {
      const ref = splitRef(n.ranges[0] ?? "");
      if (!ref) continue;
      if (behaviour.names === "ref-error") fx.defineErrorName(n.name, `=#REF!${ref.address}`);
      else fx.defineName(n.name, ref.sheet, ref.address);
    }
  }
  return ids;
}

/** Loads an .xlsx buffer with ExcelJS. */
export async function loadXlsx(buffer: Buffer): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(buffer as never);
  return wb;
}
