/**
 * The template (assets/plantilla-raoce.xlsx) is generated from layout.ts and is never stale; a client without the
 * add-in opens it cleanly; every input and output is reachable by a name or a table column.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Workbook } from "exceljs";
import { FIELD_LABELS } from "../../src/domain/field-labels";
import { openWorkbookBuffer } from "../../src/workbook/xlsx-file";
import { CATALOGS, NAMED_CELLS, SHEET_LAYOUTS, TABLES, TEMPLATE_VERSION, describeLayout } from "../../src/workbook/layout";
import { parseCell } from "../../src/workbook/port";
import { templateBuffer } from "../../src/workbook/template";
import { describeTemplate, fingerprint } from "../../src/workbook/template-fingerprint";
import { ROOT, templateBuf } from "./xlsx/helpers";

let wb: Workbook;
beforeAll(async () => {
  wb = (await openWorkbookBuffer(await templateBuf())).workbook;
});

describe("template asset", () => {
  it("assets/plantilla-raoce.xlsx is up to date (run `npm run template` if this fails)", async () => {
    const asset = await openWorkbookBuffer(readFileSync(join(ROOT, "assets", "plantilla-raoce.xlsx")));
    expect(describeTemplate(asset.workbook)).toEqual(describeTemplate(wb));
    expect(fingerprint(asset.workbook)).toBe(fingerprint(wb));
  });

  it("generation is deterministic in content", async () => {
    const again = await openWorkbookBuffer(await templateBuffer());
    expect(fingerprint(again.workbook)).toBe(fingerprint(wb));
  });
});

describe("template content", () => {
  it("has the Spanish sheets, the catalog/version sheet hidden", () => {
    // The reconciliation sheets (layout-reconcile.ts) come before the hidden catalog sheet, which stays last.
    const core = SHEET_LAYOUTS.filter((s) => s.name !== "Catálogos").map((s) => [s.name, s.state]);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([...core, ["Pedimentos", "visible"], ["Claves", "visible"], ["Conciliación", "visible"], ["Catálogos", "hidden"]]);
    expect(wb.getWorksheet("Catálogos")!.getCell("B2").value).toBe(TEMPLATE_VERSION);
  });

  it("every input and output is a workbook-level name or a table column", () => {
    const names = new Map((wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => [n.name, n.ranges]));
    for (const n of NAMED_CELLS) {
      const ref = parseCell(n.cell)!;
      expect(names.get(n.name)).toEqual([`${n.sheet.includes(" ") || /[^A-Za-z]/.test(n.sheet) ? `'${n.sheet}'` : n.sheet}!$${n.cell.replace(/\d+/, "")}$${ref.row}`]);
    }
    for (const t of TABLES) {
      const ws = wb.getWorksheet(t.sheet)! as unknown as { tables: Record<string, { table: { columns: { name: string }[] } }> };
      expect(ws.tables[t.name]!.table.columns.map((c) => c.name)).toEqual(t.columns.map((c) => c.header));
    }
    const layout = describeLayout();
    expect(layout.version).toBe(TEMPLATE_VERSION);
    expect(layout.inputs.map((e) => e.ref)).toContain("tblProgramas[Fecha de presentación]");
    expect(layout.outputs.map((e) => e.ref)).toContain("tblBienes[Inventario final implícito]");
  });

  it("every input path has a Spanish label (issue messages use them)", () => {
    for (const n of NAMED_CELLS) if (n.path) expect(FIELD_LABELS[n.path]).toBeDefined();
    for (const t of TABLES) for (const c of t.columns) if (c.kind === "input" && c.field && !t.scalarField) expect(FIELD_LABELS[`${t.path}.${c.field}`]).toBeDefined();
  });

  it("opens cleanly without the add-in: only standard formulas, no outputs yet", () => {
    const formulas: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => (c.formula ? formulas.push(c.formula) : null))));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) {
      const functions = [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
      // Ejercicio (IF, ISNUMBER) and the Captura VUCEM staleness banner (layout-freshness.ts).
      for (const fn of functions) expect(["IF", "ISNUMBER", "IFERROR", "ABS", "MAX", "N", "SUM", "SUMPRODUCT", "ISTEXT", "LEN"]).toContain(fn);
      expect(f).not.toMatch(/RAOCE\./);
    }
  });

  it("output cells are locked and shaded, input cells unlocked; sheets protected without a password", () => {
    for (const n of NAMED_CELLS) {
      const c = wb.getWorksheet(n.sheet)!.getCell(n.cell);
      if (n.kind === "input") expect(c.style.protection?.locked).toBe(false);
      else {
        expect(c.style.protection?.locked ?? true).toBe(true);
        expect((c.style.fill as { fgColor?: { argb?: string } })?.fgColor?.argb).toBe("FFE7E6E6");
      }
    }
    for (const t of TABLES) {
      const tl = parseCell(t.topLeft)!;
      t.columns.forEach((col, j) => {
        const c = wb.getWorksheet(t.sheet)!.getCell(tl.row + 1, tl.col + j);
        expect(c.style.protection?.locked ?? true).toBe(col.kind === "output" || !!col.locked); // Evidencia: read, never typed
        if (col.numberFormat) expect(c.numFmt).toBe(col.numberFormat);
      });
    }
    for (const s of SHEET_LAYOUTS) {
      const prot = (wb.getWorksheet(s.name) as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
      expect(prot?.sheet).toBe(true);
      expect(prot?.hashValue).toBeUndefined();
      expect(prot?.password).toBeUndefined();
    }
  });

  it("dropdowns for program type, modality, sector, unit, yes/no and exporter type", () => {
    const dv = (sheet: string) => (wb.getWorksheet(sheet) as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    const lists = (sheet: string) => Object.values(dv(sheet)).map((v) => v.formulae[0]);
    expect(lists("Programas")).toEqual(expect.arrayContaining(["RAOCE_LISTA_PROGRAMAS", "RAOCE_LISTA_MODALIDADES", "RAOCE_LISTA_EXPORTADOR"]));
    expect(lists("Bienes")).toEqual(expect.arrayContaining(["RAOCE_LISTA_SECTORES", "RAOCE_LISTA_UNIDADES"]));
    expect(lists("Empresa")).toContain("RAOCE_LISTA_SINO");
    expect(CATALOGS.RAOCE_LISTA_UNIDADES).toContain("1 - Kilo");
    expect(CATALOGS.RAOCE_LISTA_SECTORES).toContain("XXII - Café");
  });

  it("number formats: miles de pesos with separators, %, dates", () => {
    const c = wb.getWorksheet("Cifras")!;
    expect(c.getCell("B6").numFmt).toBe("#,##0.00");
    expect(c.getCell("B15").numFmt).toBe("0.00%");
    expect(wb.getWorksheet("Empresa")!.getCell("B14").numFmt).toBe("dd/mm/yyyy");
  });
});

describe("reconciliation sheets (issue #12)", () => {
  it("ship the editable clave mapping (R54) as a table, the empty Pedimentos list and the Conciliación names", () => {
    const { DEFAULT_CLAVES } = jest.requireActual("../../src/domain/reconcile/claves") as typeof import("../../src/domain/reconcile/claves");
    const claves = wb.getWorksheet("Claves")! as unknown as { tables: Record<string, { table: { columns: { name: string }[]; rows: unknown[][] } }> };
    expect(claves.tables.tblClaves!.table.columns.map((c) => c.name)).toEqual(["Clave", "Operación", "Tratamiento", "Revisar", "Confianza", "Nota"]);
    const row = (r: number) => [1, 2, 3, 4, 5, 6].map((c) => wb.getWorksheet("Claves")!.getCell(r, c).value);
    expect(row(6)).toEqual(["A1", "Exportación", "Exportación directa", "No", "Alta", "Exportación definitiva"]);
    // Read back through the snapshot and the reader: the shipped table IS the default mapping.
    const { readReconcileSheets } = jest.requireActual("../../src/workbook/reconcile-read") as typeof import("../../src/workbook/reconcile-read");
    const { snapshotOf } = jest.requireActual("../../src/workbook/exceljs-adapter") as typeof import("../../src/workbook/exceljs-adapter");
    const read = readReconcileSheets(snapshotOf(wb));
    expect(read.clavesFromWorkbook).toBe(true);
    expect(read.claves).toEqual(DEFAULT_CLAVES);
    expect(read.issues).toEqual([]);
    const ped = wb.getWorksheet("Pedimentos")! as unknown as { tables: Record<string, { table: { columns: { name: string }[] } }> };
    expect(ped.tables.tblPedimentos!.table.columns.map((c) => c.name).slice(0, 6)).toEqual(["Pedimento", "Clave", "Operación", "Fecha de pago", "Valor en pesos", "Valor en dólares"]);
    const names = new Map((wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => [n.name, n.ranges]));
    expect(names.get("RAOCE_MATERIALIDAD")).toEqual(["'Conciliación'!$C$4"]);
    expect(names.get("RAOCE_CONCILIACION")).toEqual(["'Conciliación'!$A$11"]);
  });
});
