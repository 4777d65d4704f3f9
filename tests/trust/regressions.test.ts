/**
 * The bugs the trust properties found, each pinned by the smallest example (the properties would find them again,
 * but only with their seeds; these fail with a clear name).
 */
import JSZip from "jszip";
import { evaluate } from "../../src/domain/evaluate";
import { computeFigures } from "../../src/domain/figures";
import * as core from "../../src/functions/core";
import { printable } from "../../src/cli/format";
import { analyzeSnapshot } from "../../src/workbook/analyze";
import { SHEETS } from "../../src/workbook/layout";
import { planWriteSteps } from "../../src/workbook/office/office-adapter";
import { looksLikeFormula } from "../../src/workbook/office/office-support";
import { describeTemplate } from "../../src/workbook/template-fingerprint";
import { MAX_CELL_CHARS, buildWritePlan, fitCell } from "../../src/workbook/write-plan";
import { openWorkbookBuffer, workbookBuffer } from "../../src/workbook/xlsx-file";
import { templateBuf } from "../workbook/xlsx/helpers";
import { templateSnapshot } from "./snapshots";

const TODAY = "2025-06-20";

describe("domain", () => {
  it("figures that overflow are null, never ±Infinity (a rate of 5e-324, sales near Number.MAX_VALUE)", () => {
    expect(computeFigures({ totalSales: 1, totalExports: 1 }, 5e-324)).toMatchObject({ salesUsd: null, exportsUsd: null });
    expect(computeFigures({ totalSales: 1e-300, totalExports: 1e308 }, 18)).toMatchObject({ exportShare: null });
    const r = evaluate({ filingYear: 2025, exchangeRate: 5e-324, figures: { totalSales: 100, totalExports: 10 } }, TODAY);
    expect(r.figures.salesUsd).toBeNull();
  });

  it("a closing inventory that overflows is null (volumes near Number.MAX_VALUE)", () => {
    const r = evaluate({ goods: [{ totalVolume: 0, domesticVolume: 1e308, exportVolume: Number.MAX_VALUE }] }, TODAY);
    expect(r.goods[0]!.closingInventory).toBeNull();
  });

  it("sparse arrays (a JS caller, not JSON) do not crash evaluate", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => evaluate({ programs: [, { type: "IMMEX" }], goods: [, {}] }, TODAY)).not.toThrow();
  });
});

describe("read-input", () => {
  it("a name redefined over a whole column is located at its first cell, not at «Empresa!A:A»", () => {
    const { snapshot } = templateSnapshot({ RAOCE_VENTAS_TOTALES: "mucho" }, {});
    snapshot.names.RAOCE_VENTAS_TOTALES = { found: true, sheet: "Cifras", address: "B:B", values: [["mucho"]] };
    const a = analyzeSnapshot(snapshot, TODAY);
    if (!a.usable) throw new Error(a.reason);
    const issue = a.issues.find((i) => i.path === "figures.totalSales")!;
    expect(issue.location).toBe("Cifras!B1");
  });

  it("a table body past the last row of the sheet gives no location beyond it", () => {
    const { snapshot } = templateSnapshot({}, { tblBienes: [["XIX", "=", "x", "1 - Kilo", 1, 0, 0, null], ["XIX", "=", "x", "1 - Kilo", 1, 0, 0, null]] });
    const t = snapshot.tables.tblBienes!;
    if (t.found) t.bodyTopLeft = "A1048576";
    const a = analyzeSnapshot(snapshot, TODAY);
    if (!a.usable) throw new Error(a.reason);
    for (const i of a.issues) if (i.location) expect(i.location).not.toMatch(/1048577$/);
  });

  it("no plan string is longer than a cell holds (an RFC of 100,000 characters is echoed in Problemas and Captura)", () => {
    const { snapshot } = templateSnapshot({ RAOCE_RFC: "x" + "😀".repeat(50_000), RAOCE_RAZON_SOCIAL: "x", RAOCE_ANIO_PRESENTACION: 2025, RAOCE_VENTAS_TOTALES: 1, RAOCE_EXPORTACIONES: 1 }, { tblProgramas: [["IMMEX", "83-2019", ...Array.from({ length: 21 }, () => null)]] });
    const a = analyzeSnapshot(snapshot, TODAY);
    if (!a.usable) throw new Error(a.reason);
    const plan = buildWritePlan(a, snapshot, TODAY);
    const strings = [...plan.ranges.flatMap((w) => w.values.flat()), ...plan.blocks.flatMap((b) => b.rows.flat())].filter((v): v is string => typeof v === "string");
    const longest = Math.max(...strings.map((s) => s.length));
    expect(longest).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(longest).toBeGreaterThanOrEqual(MAX_CELL_CHARS - 1); // cut, not dropped
    for (const s of strings) expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // cut between code points
    expect(fitCell("abc")).toBe("abc");
  });

  it("the plan never holds a non-finite number", () => {
    const { snapshot } = templateSnapshot({ RAOCE_TIPO_CAMBIO: 5e-324, RAOCE_VENTAS_TOTALES: 100, RAOCE_EXPORTACIONES: 10, RAOCE_ANIO_PRESENTACION: 2025 }, {});
    const a = analyzeSnapshot(snapshot, TODAY);
    if (!a.usable) throw new Error(a.reason);
    const plan = buildWritePlan(a, snapshot, TODAY);
    for (const w of plan.ranges) for (const line of w.values) for (const v of line) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  });
});

describe("the ExcelJS file path", () => {
  async function roundTrip(edit: (wb: import("exceljs").Workbook) => void) {
    const { workbook } = await openWorkbookBuffer(await templateBuf());
    edit(workbook);
    return openWorkbookBuffer(await workbookBuffer(workbook));
  }

  it("a formula input whose cached value is 0 reads as 0, not as an empty cell (ExcelJS drops falsy results)", async () => {
    const o = await roundTrip((wb) => {
      wb.getWorksheet(SHEETS.figures)!.getCell("B8").value = { formula: "SUM(D1:D3)", result: 0 } as never;
      wb.getWorksheet(SHEETS.company)!.getCell("B8").value = { formula: "1=0", result: false } as never;
    });
    const snap = await o.adapter.read();
    expect(snap.names.RAOCE_IMPORTACIONES).toMatchObject({ values: [[0]] });
    expect(snap.names.RAOCE_CONSIGNACION).toMatchObject({ values: [[false]] });
  });

  it("a number past year 9999 in a date cell (a folio pasted there) survives a fill: no <v>NaN</v>", async () => {
    const o = await roundTrip((wb) => {
      wb.getWorksheet(SHEETS.company)!.getCell("B14").value = 2e8; // Fecha de corte, dd/mm/yyyy
      wb.getWorksheet(SHEETS.programs)!.getCell("A6").value = "IMMEX";
    });
    const snap = await o.adapter.read();
    expect(snap.names.RAOCE_FECHA_CORTE).toMatchObject({ values: [[2e8]] });
    const a = analyzeSnapshot(snap, TODAY);
    if (!a.usable) throw new Error(a.reason);
    expect(a.issues.find((i) => i.location === "Empresa!B14")?.code).toBe("IMPOSSIBLE_DATE");
    await o.adapter.apply(buildWritePlan(a, snap, TODAY));
    const buf = await workbookBuffer(o.workbook);
    const zip = await JSZip.loadAsync(buf);
    for (const f of Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))) expect(await zip.file(f)!.async("string")).not.toContain("NaN");
    expect((await openWorkbookBuffer(buf)).workbook.getWorksheet(SHEETS.company)!.getCell("B14").value).toBe(2e8);
  });

  it("a formula's text result in a date cell stays text (ExcelJS made it an Invalid Date, then NaN on save)", async () => {
    const o = await roundTrip((wb) => {
      wb.getWorksheet(SHEETS.company)!.getCell("B14").value = { formula: 'IF(TRUE,"n/a",1)', result: "n/a" } as never;
    });
    expect((await o.adapter.read()).names.RAOCE_FECHA_CORTE).toMatchObject({ values: [["n/a"]] });
    const again = await openWorkbookBuffer(await workbookBuffer(o.workbook));
    expect(again.workbook.getWorksheet(SHEETS.company)!.getCell("B14").value).toEqual({ formula: 'IF(TRUE,"n/a",1)', result: "n/a" });
  });

  it("the template fingerprint does not crash on an Invalid Date", async () => {
    const { workbook } = await openWorkbookBuffer(await templateBuf());
    workbook.getWorksheet(SHEETS.company)!.getCell("E1").value = new Date(Number.NaN);
    expect(() => describeTemplate(workbook)).not.toThrow();
  });
});

describe("the Office.js adapter", () => {
  it("a link to a sheet renamed «=…» is set without a formula-like textToDisplay (the cell holds the guarded text)", () => {
    const steps = planWriteSteps({ ranges: [], unprotect: [], blocks: [{ sheet: "Problemas", anchor: "A6", width: 1, rows: [[{ link: { text: "=cmd!B6", target: "'=cmd'!B6" } }], [{ link: { text: "Cifras!B6", target: "Cifras!B6" } }]] }] });
    expect(steps.filter((s) => s.kind === "link").map((s) => (s as { text?: string }).text)).toEqual([undefined, "Cifras!B6"]);
    const values = steps.find((s) => s.kind === "values") as { values: unknown[][] };
    expect(values.values).toEqual([["'=cmd!B6"], ["Cifras!B6"]]);
    expect(looksLikeFormula("\t=1")).toBe(true);
    expect(looksLikeFormula("Cifras!B6")).toBe(false);
  });
});

describe("custom functions and the CLI", () => {
  it("an error message quotes at most ~60 characters of a pasted argument", () => {
    expect(() => core.status("A".repeat(100_000), 2025)).toThrow(/^Programa desconocido "A{57}…"/);
  });

  it("text output neutralizes line breaks, tabs, ESC sequences and bidi overrides from a workbook", () => {
    expect(printable("Empresa\r\n    [ERROR] falso")).toBe("Empresa ↵     [ERROR] falso");
    expect(printable("\u001b[2J\u001b[31mROJO\tx\u202e")).toBe("\ufffd[2J\ufffd[31mROJO x\ufffd");
    expect(printable("Café, S.A. de C.V. — 10 %")).toBe("Café, S.A. de C.V. — 10 %");
  });
});
