import { RECONCILE_SHEET_LAYOUTS } from "../../../src/workbook/layout-reconcile";
import { analyzeSnapshot } from "../../../src/workbook/analyze";
import {
  CAPTURE_BLOCK,
  CATALOGS,
  ISSUES_BLOCK,
  NAMED_CELLS,
  SHEET_LAYOUTS,
  SHEETS,
  SNAPSHOT_REQUEST,
  TABLES,
  TEMPLATE_VERSION,
  VERSION_NAME,
} from "../../../src/workbook/layout";
import { createOfficeAdapter, parseLocation, planWriteSteps, type RequirementCheck } from "../../../src/workbook/office/office-adapter";
import {
  READ_BATCH_CELLS,
  needsOfficeQuote,
  officeProtectionOptions,
  splitQualified,
  templateNameRefs,
} from "../../../src/workbook/office/office-support";
import type { WritePlan } from "../../../src/workbook/port";
import { templateBuffer } from "../../../src/workbook/template";
import { buildWritePlan } from "../../../src/workbook/write-plan";
import { FakeContext, FakeExcel } from "./fake-excel";
import { SheetPasswordError } from "../../../src/workbook/office/sheet-protection";
import { NAME_SEEDS, goodsRow, layoutWorkbook } from "./layout-workbook";
import { insertInto, loadXlsx, type InsertBehaviour } from "./xlsx-into-fake";

const ALL: RequirementCheck = () => true;
const upTo =
  (max: string): RequirementCheck =>
  (set, v) =>
    set === "ExcelApi" && Number(v.split(".")[1]) <= Number(max.split(".")[1]);

function adapterFor(fx: FakeExcel, supports: RequirementCheck = ALL, request = SNAPSHOT_REQUEST) {
  return createOfficeAdapter(fx.run, request, { isSetSupported: supports });
}

// ─── the fake itself: it must catch what Excel would reject ─────────────────────────────────────────────────────────

describe("fake Excel (honesty checks)", () => {
  test("reading a property that was not loaded fails", async () => {
    const { fx } = layoutWorkbook();
    await expect(
      fx.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Empresa").getRange("B6").load("address");
        await context.sync();
        expect(r.address).toBe("Empresa!B6");
        return r.values; // not loaded
      }),
    ).rejects.toThrow(/values read before load/);
  });

  test("reading before sync, isNullObject before sync and unsynced commands fail", async () => {
    const { fx } = layoutWorkbook();
    await expect(fx.run(async (context) => context.workbook.worksheets.getItem("Empresa").getRange("B6").load("values").values)).rejects.toThrow(/before load/);
    await expect(fx.run(async (context) => context.workbook.names.getItemOrNullObject("X").isNullObject)).rejects.toThrow(/before context.sync/);
    await expect(
      fx.run(async (context) => {
        context.workbook.worksheets.getItem("Empresa").getRange("B6").values = [["x"]];
      }),
    ).rejects.toThrow(/never synced/);
  });

  test("writes are shape-checked, refused on protected sheets, and strings are interpreted like Excel does", async () => {
    const { fx } = layoutWorkbook();
    await expect(
      fx.run(async (context) => {
        context.workbook.worksheets.getItem("Empresa").getRange("B6:B7").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toThrow(/1×1 array for 2×1/);
    await expect(
      fx.run(async (context) => {
        context.workbook.worksheets.getItem("Empresa").getRange("B6").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toThrow(/protected sheet/);
    fx.sheetByName("Empresa")!.protection.protected = false;
    await fx.run(async (context) => {
      context.workbook.worksheets.getItem("Empresa").getRange("A40:D40").values = [["=HYPERLINK(1)", "00123", "'=ok", "TRUE"]];
      await context.sync();
    });
    expect(fx.cell("Empresa", "A40")?.formula).toBe("=HYPERLINK(1)");
    expect(fx.value("Empresa", "B40")).toBe(123);
    expect(fx.value("Empresa", "C40")).toBe("=ok");
    expect(fx.value("Empresa", "D40")).toBe(true);
  });
});

// ─── read ───────────────────────────────────────────────────────────────────────────────────────────────────────────

describe("read()", () => {
  test("a workbook laid out like the template reads as the layout says, in 1 run and 2 syncs", async () => {
    const { fx, expected } = layoutWorkbook();
    const spy = jest.spyOn(FakeContext.prototype, "sync");
    const snapshot = await adapterFor(fx).read();
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
    expect(fx.runCount).toBe(1);
    expect(snapshot).toEqual(expected);

    // A few entries spelled out, independent of the expectation builder.
    expect(snapshot.version).toBe(TEMPLATE_VERSION);
    expect(snapshot.date1904).toBe(false);
    expect(snapshot.sheets).toEqual([...SHEET_LAYOUTS, ...RECONCILE_SHEET_LAYOUTS].map((s) => s.name));
    expect(snapshot.names.RAOCE_RFC).toEqual({ found: true, sheet: "Empresa", address: "B6", values: [["SAT970701NN3"]] });
    expect(snapshot.names.RAOCE_FECHA_CORTE).toEqual({ found: true, sheet: "Empresa", address: "B14", values: [[null]] });
    expect(snapshot.names.RAOCE_CAPTURA).toEqual({ found: true, sheet: "Captura VUCEM", address: "A6", values: [[null]] });
    expect(snapshot.names[VERSION_NAME]).toEqual({ found: true, sheet: "Catálogos", address: "B2", values: [[TEMPLATE_VERSION]] });
    const goods = snapshot.tables.tblBienes;
    expect(goods).toMatchObject({ found: true, sheet: "Bienes", headerAddress: "A5:H5", bodyTopLeft: "A6" });
    expect(goods?.found && goods.headers).toEqual([
      "Sector",
      "Fracción arancelaria",
      "Descripción del bien",
      "Unidad de medida",
      "Volumen total producido",
      "Volumen mercado nacional",
      "Volumen exportado",
      "Inventario final implícito",
    ]);
    expect(goods?.found && goods.rows[0]).toEqual(["XIX - Industria química", "28000000", "Bien producido 0", "1 - Kilo", 1000, 400, 500, null]);
    expect(snapshot.tables.tblInhabiles).toMatchObject({ found: true, sheet: "Empresa", headerAddress: "A28:B28", bodyTopLeft: "A29", rows: [[45650, "Acuerdo SE"]] });
    // and the shared reader accepts it
    expect(analyzeSnapshot(snapshot, "2025-04-15").usable).toBe(true);
  });

  test("moved names and tables are reported where they are now", async () => {
    const { fx } = layoutWorkbook();
    fx.set("Cifras", "D30", 750000).defineName("RAOCE_VENTAS_TOTALES", "Cifras", "D30");
    fx.sheetByName("Captura VUCEM")!.name = "Captura";
    const s = await adapterFor(fx).read();
    expect(s.names.RAOCE_VENTAS_TOTALES).toEqual({ found: true, sheet: "Cifras", address: "D30", values: [[750000]] });
    expect(s.names.RAOCE_CAPTURA).toEqual({ found: true, sheet: "Captura", address: "A6", values: [[null]] });
    expect(s.sheets).toContain("Captura");
  });

  test("a name stretched over a huge block is read only in its top-left 1,000 cells, in the same 2 syncs", async () => {
    const { fx } = layoutWorkbook();
    fx.set("Empresa", "B6", "SAT970701NN3").defineName("RAOCE_RFC", "Empresa", "B6:B50000");
    const before = fx.syncCount;
    const s = await adapterFor(fx).read();
    expect(fx.syncCount - before).toBe(2);
    const rfc = s.names.RAOCE_RFC;
    expect(rfc?.found).toBe(true);
    if (rfc?.found) {
      expect(rfc.values.length).toBe(1_000);
      expect(rfc.values[0]).toEqual(["SAT970701NN3"]);
    }
  });

  test("the sync count does not grow with rows: 10 and 10,000 goods rows both read in 2 syncs", async () => {
    const counts: number[] = [];
    for (const goodsRows of [10, 10_000]) {
      const { fx, expected } = layoutWorkbook({ goodsRows });
      const snapshot = await adapterFor(fx).read();
      expect(snapshot.tables.tblBienes).toEqual(expected.tables.tblBienes);
      counts.push(fx.syncCount);
    }
    expect(counts).toEqual([2, 2]);
  });

  test("a deleted sheet, name or table is reported missing/broken, a constant name is not-a-range", async () => {
    const { fx } = layoutWorkbook();
    fx.deleteSheet("Bienes"); // Excel: its table goes, names on it become #REF!
    fx.names.delete("raoce_rfc");
    fx.tables.delete("tblinhabiles");
    fx.defineConstantName("RAOCE_TIPO_CAMBIO", 17.5);
    const s = await adapterFor(fx).read();
    expect(s.sheets).not.toContain("Bienes");
    expect(s.tables.tblBienes).toEqual({ found: false, reason: "missing" });
    expect(s.tables.tblInhabiles).toEqual({ found: false, reason: "missing" });
    expect(s.names.RAOCE_SELLO_BIENES).toMatchObject({ found: false, reason: "broken" });
    expect(s.names.RAOCE_RFC).toEqual({ found: false, reason: "missing" });
    expect(s.names.RAOCE_TIPO_CAMBIO).toMatchObject({ found: false, reason: "not-a-range" });
    expect(s.names.RAOCE_RAZON_SOCIAL).toMatchObject({ found: true });
    expect(fx.syncCount).toBe(2);
  });

  test("a missing version name gives version null", async () => {
    const { fx } = layoutWorkbook();
    fx.names.delete(VERSION_NAME.toLowerCase());
    const s = await adapterFor(fx).read();
    expect(s.version).toBeNull();
    expect(s.names[VERSION_NAME]).toEqual({ found: false, reason: "missing" });
  });

  test("error cells read as { error }", async () => {
    const { fx } = layoutWorkbook();
    fx.set("Cifras", "B6", { error: "#N/A" });
    fx.set("Bienes", "E7", { error: "#DIV/0!" });
    const s = await adapterFor(fx).read();
    expect(s.names.RAOCE_VENTAS_TOTALES).toMatchObject({ values: [[{ error: "#N/A" }]] });
    const goods = s.tables.tblBienes;
    expect(goods?.found && goods.rows[1]?.[4]).toEqual({ error: "#DIV/0!" });
    // the text "#N/A" typed as text is still text
    fx.set("Empresa", "B7", "#N/A");
    const again = await adapterFor(fx).read();
    expect(again.names.RAOCE_RAZON_SOCIAL).toMatchObject({ values: [["#N/A"]] });
  });

  test("the 1904 date system is detected (and assumed off where the probe is unavailable)", async () => {
    const { fx } = layoutWorkbook();
    fx.date1904 = true;
    expect((await adapterFor(fx).read()).date1904).toBe(true);
    expect((await adapterFor(fx, () => false).read()).date1904).toBe(false);
    fx.date1904 = false;
    expect((await adapterFor(fx).read()).date1904).toBe(false);
  });

  test("a table longer than maxTableRows is too-large and its values are not read", async () => {
    const { fx } = layoutWorkbook({ goodsRows: 50 });
    const s = await adapterFor(fx, ALL, { ...SNAPSHOT_REQUEST, maxTableRows: 20 }).read();
    expect(s.tables.tblBienes).toEqual({ found: false, reason: "too-large", sheet: "Bienes", detail: expect.stringContaining("50") });
    const limited = fx.syncStats[1]!.responseBytes;
    fx.resetCounters();
    await adapterFor(fx).read();
    const full = fx.syncStats[1]!.responseBytes;
    // the 50 goods rows (values + valueTypes) are what the limited read did not fetch
    expect(full - limited).toBeGreaterThan(JSON.stringify(Array.from({ length: 50 }, (_, i) => goodsRow(i))).length);
  });

  test("past the web limits the read is chunked: a constant number of syncs per ~4 MB, each within 5 MB", async () => {
    const rows = 40_000; // 320,000 cells in tblBienes
    const { fx, expected } = layoutWorkbook({ goodsRows: rows });
    const snapshot = await adapterFor(fx).read();
    expect(snapshot.tables.tblBienes).toEqual(expected.tables.tblBienes);
    const batches = Math.ceil((rows * 8) / READ_BATCH_CELLS);
    expect(fx.syncCount).toBeGreaterThanOrEqual(1 + batches);
    expect(fx.syncCount).toBeLessThanOrEqual(2 + batches);
    for (const s of fx.syncStats) expect(s.responseBytes).toBeLessThan(5_000_000); // the fake also enforces it
  });
});

// ─── apply ──────────────────────────────────────────────────────────────────────────────────────────────────────────

function smallPlan(): WritePlan {
  return {
    ranges: [
      { sheet: "Cifras", address: "B14", values: [[380000]], numberFormat: "#,##0.00" },
      { sheet: "Empresa", address: "B18", values: [["=cmd|' /C calc'!A0"]] },
      { sheet: "Programas", address: "N6:O6", values: [["Sí", null]] },
    ],
    blocks: [
      {
        sheet: "Problemas",
        anchor: "A6",
        width: 6,
        rows: [
          ["Error", "RFC", "+52 55 1234 5678", { link: { text: "Empresa!B6", target: "Empresa!B6" } }, "R1", "-fin"],
          ["Aviso", "X", "@usuario", { link: { text: "Captura VUCEM!A6", target: "'Captura VUCEM'!A6" } }, "R2", "00123"],
        ],
        columnFormats: [null, null, null, null, null, "@"],
      },
    ],
    unprotect: ["Cifras", "Empresa", "Programas", "Problemas"],
  };
}

describe("apply()", () => {
  test("one run, two syncs (protection state; write); strings that Excel would take as formulas (or convert) are written as text", async () => {
    const { fx } = layoutWorkbook();
    await adapterFor(fx).apply(smallPlan());
    expect(fx.runCount).toBe(1);
    expect(fx.syncCount).toBe(2);
    expect(fx.formulas()).toEqual([]);
    expect(fx.coercions()).toEqual([]);
    expect(fx.value("Empresa", "B18")).toBe("=cmd|' /C calc'!A0");
    expect(fx.cell("Empresa", "B18")?.quotePrefix).toBe(true);
    expect(fx.value("Problemas", "C6")).toBe("+52 55 1234 5678");
    expect(fx.value("Problemas", "F6")).toBe("-fin");
    expect(fx.value("Problemas", "C7")).toBe("@usuario");
    expect(fx.value("Problemas", "F7")).toBe("00123");
    expect(fx.value("Programas", "N6")).toBe("Sí");
    expect(fx.cell("Programas", "N6")?.quotePrefix).toBeUndefined(); // plain text is not prefixed
    expect(fx.value("Cifras", "B14")).toBe(380000);
    expect(fx.cell("Cifras", "B14")?.numberFormat).toBe("#,##0.00");
  });

  test("protection is lifted for the write and each sheet gets back its OWN state (options kept; unprotected stays so)", async () => {
    const { fx } = layoutWorkbook();
    const plan = smallPlan();
    const own: Excel.WorksheetProtectionOptions = { allowFormatCells: true, allowInsertRows: false, selectionMode: "Unlocked" };
    fx.sheetByName("Cifras")!.protection = { protected: true, options: own };
    fx.sheetByName("Empresa")!.protection = { protected: false }; // the user unprotected it to work
    await adapterFor(fx).apply(plan);
    expect(fx.sheetByName("Cifras")!.protection).toEqual({ protected: true, options: own });
    expect(fx.sheetByName("Empresa")!.protection).toEqual({ protected: false });
    for (const s of ["Programas", "Problemas"]) expect(fx.sheetByName(s)!.protection.protected).toBe(true);
    expect(fx.value("Empresa", "B18")).toBe("=cmd|' /C calc'!A0");
    expect(fx.value("Cifras", "B14")).toBe(380000);
    expect(officeProtectionOptions()).toMatchObject({ allowFormatCells: false, allowInsertRows: true, allowDeleteRows: true, allowSort: true, allowAutoFilter: true, selectionMode: "Normal" });
    expect(fx.sheetByName("Bienes")!.protection).toEqual({ protected: true }); // untouched
  });

  test("a sheet protected with a password: a clear message naming it, nothing written (Excel on the web knows up front)", async () => {
    const { fx } = layoutWorkbook();
    fx.sheetByName("Cifras")!.protection = { protected: true, password: "secreto" };
    const before = fx.value("Cifras", "B14");
    const error = await adapterFor(fx).apply(smallPlan()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetPasswordError);
    expect(error).toMatchObject({ code: "SheetPassword", sheets: ["Cifras"] });
    expect((error as Error).message).toMatch(/«Cifras» está protegida con contraseña/);
    expect(fx.syncCount).toBe(1); // refused after reading the state, before any write
    expect(fx.value("Cifras", "B14")).toBe(before);
    expect(fx.value("Problemas", "B6")).toBeNull();
    for (const s of smallPlan().unprotect) expect(fx.sheetByName(s)!.protection.protected).toBe(true);
  });

  test("a password sheet on a host that cannot say so (desktop): the failed unprotect is recognised, the others re-protected", async () => {
    const { fx } = layoutWorkbook();
    fx.sheetByName("Programas")!.protection = { protected: true, password: "secreto" };
    const noOnline: RequirementCheck = (set) => set !== "ExcelApiOnline";
    const error = await adapterFor(fx, noOnline).apply(smallPlan()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SheetPassword", sheets: ["Programas"] });
    expect(fx.sheetByName("Programas")!.protection).toEqual({ protected: true, password: "secreto" });
    for (const s of smallPlan().unprotect) expect(fx.sheetByName(s)!.protection.protected).toBe(true);
    expect(fx.value("Problemas", "B6")).toBeNull();
  });

  test("a failed write still leaves the sheets protected", async () => {
    const { fx } = layoutWorkbook();
    fx.failWritesTo = "Problemas";
    await expect(adapterFor(fx).apply(smallPlan())).rejects.toThrow(/injected failure/);
    for (const s of smallPlan().unprotect) expect(fx.sheetByName(s)!.protection.protected).toBe(true);
  });

  test("blocks: the old list is cleared (contents and links), the new one written with links and formats", async () => {
    const { fx } = layoutWorkbook();
    fx.set("Problemas", "A6", Array.from({ length: 40 }, (_, i) => ["Error", `OLD${i}`, "viejo", "Empresa!B6", "R0", "x"]));
    fx.sheetByName("Problemas")!.cells.set("31,4", { value: "Empresa!B9", hyperlink: { documentReference: "Empresa!B9" } });
    fx.set("Problemas", "G6", "fuera del bloque");
    await adapterFor(fx).apply(smallPlan());
    expect(fx.value("Problemas", "B6")).toBe("RFC");
    expect(fx.value("Problemas", "B8")).toBeNull();
    expect(fx.value("Problemas", "B45")).toBeNull();
    expect(fx.cell("Problemas", "D31")?.hyperlink).toBeUndefined();
    expect(fx.value("Problemas", "G6")).toBe("fuera del bloque");
    expect(fx.cell("Problemas", "D6")?.hyperlink).toEqual({ documentReference: "Empresa!B6", textToDisplay: "Empresa!B6" });
    expect(fx.cell("Problemas", "D7")?.hyperlink).toEqual({ documentReference: "'Captura VUCEM'!A6", textToDisplay: "Captura VUCEM!A6" });
    expect(fx.cell("Problemas", "F7")?.numberFormat).toBe("@");
    expect(fx.cell("Problemas", "E7")?.numberFormat).toBeUndefined();
  });

  test("undo grouping and cell-edit delay are feature-detected", async () => {
    const { fx } = layoutWorkbook();
    await adapterFor(fx, ALL).apply(smallPlan());
    await adapterFor(fx, upTo("1.19")).apply(smallPlan());
    await adapterFor(fx, upTo("1.10")).apply(smallPlan());
    expect(fx.runOptions).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }, { delayForCellEdit: true }, undefined]);
  });

  test("the real pipeline (read → analyze → plan → apply) takes 2 + 2 syncs for 10 and for 10,000 goods rows", async () => {
    const counts: [number, number][] = [];
    for (const goodsRows of [10, 10_000]) {
      const { fx } = layoutWorkbook({ goodsRows });
      const adapter = adapterFor(fx);
      const snapshot = await adapter.read();
      const reads = fx.syncCount;
      const analysis = analyzeSnapshot(snapshot, "2025-04-15");
      if (!analysis.usable) throw new Error(analysis.reason);
      const plan = buildWritePlan(analysis, snapshot, "2025-04-15");
      await adapter.apply(plan);
      counts.push([reads, fx.syncCount - reads]);
      expect(fx.formulas()).toEqual([]);
      expect(fx.coercions()).toEqual([]);
      expect(fx.value("Bienes", "H6")).toBe(100); // closing inventory of row 0: 1000 − 400 − 500
      expect(fx.value("Bienes", `H${5 + goodsRows}`)).toBe(100 + goodsRows - 1);
      for (const s of plan.unprotect) expect(fx.sheetByName(s)!.protection.protected).toBe(true);
    }
    expect(counts).toEqual([
      [2, 2],
      [2, 2],
    ]);
  });

  test("past 5 MB of request the write is split into a few syncs, each within the limit", async () => {
    const { fx } = layoutWorkbook({ protect: false });
    const rows = Array.from({ length: 60_000 }, (_, i) => ["Aviso", `COD_${i}`, `Mensaje bastante largo número ${i} `.repeat(4), "Empresa!B6", "R1", "campo"]);
    const plan: WritePlan = { ranges: [], blocks: [{ sheet: "Problemas", anchor: "A6", width: 6, rows }], unprotect: ["Problemas"] };
    const steps = planWriteSteps(plan);
    const total = steps.reduce((n, s) => n + s.bytes, 0);
    await adapterFor(fx).apply(plan);
    expect(total).toBeGreaterThan(5_000_000);
    // + 1: the protection state is read first.
    expect(fx.syncCount).toBeGreaterThanOrEqual(Math.ceil(total / 4_000_000) + 1);
    expect(fx.syncCount).toBeLessThanOrEqual(Math.ceil(total / 4_000_000) + 2);
    for (const s of fx.syncStats) expect(s.requestBytes).toBeLessThanOrEqual(5_000_000);
    expect(fx.value("Problemas", "B60005")).toBe("COD_59999");
  });

  test("a plan whose values do not fit its address is rejected before anything is sent", async () => {
    const { fx } = layoutWorkbook();
    const plan: WritePlan = { ranges: [{ sheet: "Cifras", address: "B14:B15", values: [[1]] }], blocks: [], unprotect: ["Cifras"] };
    await expect(adapterFor(fx).apply(plan)).rejects.toThrow(/is 2×1 but 1×1/);
    expect(fx.syncCount).toBe(0);
  });
});

// ─── insertTemplate ─────────────────────────────────────────────────────────────────────────────────────────────────

describe("insertTemplate()", () => {
  let template: Buffer;
  beforeAll(async () => {
    template = await templateBuffer();
  });

  async function blankWorkbookWithInserter(behaviour: InsertBehaviour = {}) {
    const fx = new FakeExcel();
    fx.addSheet("Hoja1");
    fx.set("Hoja1", "A1", "datos del usuario");
    const parsed = await loadXlsx(template);
    const calls: string[] = [];
    fx.onInsertWorksheets = (base64, options) => {
      calls.push(base64);
      expect(options).toEqual({ positionType: "End" });
      return insertInto(fx, parsed, behaviour);
    };
    return { fx, calls, base64: template.toString("base64") };
  }

  test("template names in the generated file are exactly the ones the adapter checks and repairs", async () => {
    const wb = await loadXlsx(template);
    const fileNames = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => ({ name: n.name, ...splitQualified(n.ranges[0]!) }));
    const refs = templateNameRefs();
    expect(refs.map((r) => r.name).sort()).toEqual(fileNames.map((n) => n.name).sort());
    for (const r of refs) expect(fileNames.find((n) => n.name === r.name)).toEqual({ name: r.name, sheet: r.sheet, address: r.address });
    expect(refs.filter((r) => r.name in CATALOGS)).toHaveLength(Object.keys(CATALOGS).length);
  });

  test("inserts into a workbook without RAOCE sheets in 3 syncs, keeps the user's sheet, protects and reads back", async () => {
    const { fx, calls, base64 } = await blankWorkbookWithInserter();
    const adapter = adapterFor(fx);
    const result = await adapter.insertTemplate(base64);
    expect(result).toEqual({ inserted: true, sheetIds: expect.any(Array), repairedNames: [], repairedTables: [] });
    expect(calls).toHaveLength(1);
    expect(fx.syncCount).toBe(3);
    expect(fx.value("Hoja1", "A1")).toBe("datos del usuario");
    // The template keeps the hidden catalog sheet last, after the reconciliation sheets.
    const declared = [...SHEET_LAYOUTS, ...RECONCILE_SHEET_LAYOUTS].map((s) => s.name as string);
    expect(fx.sheets.map((s) => s.name)).toEqual(["Hoja1", ...declared.filter((n) => n !== SHEETS.catalogs), SHEETS.catalogs]);
    for (const s of SHEET_LAYOUTS) {
      expect(fx.sheetByName(s.name)!.protection).toEqual({ protected: true, options: officeProtectionOptions() });
      expect(fx.sheetByName(s.name)!.visibility).toBe(s.state === "hidden" ? "Hidden" : "Visible");
    }
    expect(fx.activeSheetId).toBe(fx.sheetByName(SHEETS.company)!.id);
    const snapshot = await adapter.read();
    expect(snapshot.version).toBe(TEMPLATE_VERSION);
    for (const n of SNAPSHOT_REQUEST.names) expect(snapshot.names[n]).toMatchObject({ found: true });
    for (const t of TABLES) expect(snapshot.tables[t.name]).toMatchObject({ found: true, sheet: t.sheet, headers: t.columns.map((c) => c.header) });
  });

  test("names that arrive as #REF! (office-js#3583) or not at all, and lost tables, are re-created from the layout", async () => {
    for (const names of ["ref-error", "drop"] as const) {
      const { fx, base64 } = await blankWorkbookWithInserter({ names, tables: "drop", protection: "drop" });
      const adapter = adapterFor(fx);
      const result = await adapter.insertTemplate(base64);
      if (!result.inserted) throw new Error("not inserted");
      expect(result.repairedNames.sort()).toEqual(templateNameRefs().map((r) => r.name).sort());
      expect(result.repairedTables).toEqual(TABLES.map((t) => t.name));
      expect(fx.syncCount).toBe(3);
      const snapshot = await adapter.read();
      for (const n of NAMED_CELLS) expect(snapshot.names[n.name]).toMatchObject({ found: true, sheet: n.sheet, address: n.cell });
      expect(snapshot.names[ISSUES_BLOCK.anchorName]).toMatchObject({ found: true, sheet: ISSUES_BLOCK.sheet, address: ISSUES_BLOCK.anchor });
      expect(snapshot.names[CAPTURE_BLOCK.anchorName]).toMatchObject({ found: true, sheet: CAPTURE_BLOCK.sheet, address: CAPTURE_BLOCK.anchor });
      expect(snapshot.version).toBe(TEMPLATE_VERSION);
      const programs = snapshot.tables.tblProgramas;
      expect(programs).toMatchObject({ found: true, sheet: "Programas", headerAddress: "A5:X5", bodyTopLeft: "A6" });
      expect(programs?.found && programs.rows).toHaveLength(8);
      for (const s of SHEET_LAYOUTS) expect(fx.sheetByName(s.name)!.protection.protected).toBe(s.protect);
    }
  });

  test("lost tables are re-created on sheets that arrive PROTECTED: unprotect, repair, protect (Excel refuses tables.add otherwise)", async () => {
    const { fx, base64 } = await blankWorkbookWithInserter({ tables: "drop", protection: "keep" });
    const result = await adapterFor(fx).insertTemplate(base64);
    expect(result).toMatchObject({ inserted: true, repairedTables: TABLES.map((t) => t.name) });
    for (const s of SHEET_LAYOUTS) expect(fx.sheetByName(s.name)!.protection).toEqual(s.protect ? { protected: true, options: officeProtectionOptions() } : { protected: false });
    expect([...fx.tables.values()].map((t) => t.name).sort()).toEqual(TABLES.map((t) => t.name).sort());
  });

  test("a failure half-way removes every sheet and name this run inserted; the user's sheet stays", async () => {
    const { fx, base64 } = await blankWorkbookWithInserter({ tables: "drop", protection: "keep" });
    fx.failWritesTo = SHEETS.goods; // tables.add on Bienes fails after the insert succeeded
    await expect(adapterFor(fx).insertTemplate(base64)).rejects.toThrow(/injected failure: tables.add/);
    expect(fx.sheets.map((s) => s.name)).toEqual(["Hoja1"]);
    expect(fx.value("Hoja1", "A1")).toBe("datos del usuario");
    expect([...fx.names.values()].map((n) => n.name)).toEqual([]);
    expect(fx.tables.size).toBe(0);
    // and a second attempt, once the cause is gone, inserts normally (nothing left over to clash with)
    fx.failWritesTo = undefined;
    expect(await adapterFor(fx).insertTemplate(base64)).toMatchObject({ inserted: true });
  });

  describe("addTableRows(): tables cannot grow on a protected sheet in Excel", () => {
    async function templated() {
      const { fx, base64 } = await blankWorkbookWithInserter();
      const adapter = adapterFor(fx);
      await adapter.insertTemplate(base64);
      fx.resetCounters();
      return { fx, adapter };
    }
    const goods = TABLES.find((t) => t.name === "tblBienes")!;

    test("the fake refuses it as Excel does: rows.add on the protected sheet is AccessDenied", async () => {
      const { fx } = await templated();
      await expect(
        fx.run(async (context) => {
          context.workbook.tables.getItem("tblBienes").rows.add(undefined, [Array.from({ length: goods.columns.length }, () => "")]);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "AccessDenied" });
    });

    test("lifts the protection, adds the rows and protects again with the sheet's own options, in 3 syncs", async () => {
      const { fx, adapter } = await templated();
      const result = await adapter.addTableRows("tblBienes", 25);
      expect(result).toEqual({ table: "tblBienes", sheet: SHEETS.goods, added: 25, rows: goods.blankRows + 25 });
      expect(fx.syncCount).toBe(3);
      expect(fx.tables.get("tblbienes")!.rows).toBe(goods.blankRows + 25);
      expect(fx.sheetByName(SHEETS.goods)!.protection).toEqual({ protected: true, options: officeProtectionOptions() });
      // The new rows took the last row's format: the user can type in an input cell of the protected sheet, not in an output.
      const last = 5 + goods.blankRows + 25;
      await fx.run(async (context) => {
        context.workbook.worksheets.getItem(SHEETS.goods).getRange(`C${last}`).values = [["Bien nuevo"]];
        await context.sync();
      });
      expect(fx.value(SHEETS.goods, `C${last}`)).toBe("Bien nuevo");
      await expect(
        fx.run(async (context) => {
          context.workbook.worksheets.getItem(SHEETS.goods).getRange(`H${last}`).values = [[1]];
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "AccessDenied" });
      const snapshot = await adapter.read();
      expect(snapshot.tables.tblBienes?.found && snapshot.tables.tblBienes.rows).toHaveLength(goods.blankRows + 25);
    });

    test("a sheet the user left unprotected stays unprotected", async () => {
      const { fx, adapter } = await templated();
      fx.sheetByName(SHEETS.programs)!.protection = { protected: false };
      await adapter.addTableRows("tblProgramas", 4);
      expect(fx.sheetByName(SHEETS.programs)!.protection).toEqual({ protected: false });
    });

    test("a password-protected sheet: SheetPasswordError, nothing added; a missing table or a bad count: clear errors", async () => {
      const { fx, adapter } = await templated();
      fx.sheetByName(SHEETS.goods)!.protection = { protected: true, password: "x" };
      await expect(adapter.addTableRows("tblBienes", 3)).rejects.toMatchObject({ code: "SheetPassword", sheets: [SHEETS.goods] });
      const desktop = adapterFor(fx, (set) => set !== "ExcelApiOnline");
      await expect(desktop.addTableRows("tblBienes", 3)).rejects.toMatchObject({ code: "SheetPassword", sheets: [SHEETS.goods] });
      expect(fx.tables.get("tblbienes")!.rows).toBe(goods.blankRows);
      expect(fx.sheetByName(SHEETS.goods)!.protection).toEqual({ protected: true, password: "x" });
      await expect(adapter.addTableRows("tblNoExiste", 3)).rejects.toMatchObject({ code: "ItemNotFound" });
      await expect(adapter.addTableRows("tblBienes", 0)).rejects.toMatchObject({ code: "InvalidArgument" });
      await expect(adapter.addTableRows("tblBienes", 501)).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("clashes are reported and nothing is inserted", async () => {
    const { fx, calls, base64 } = await blankWorkbookWithInserter();
    fx.addSheet("empresa");
    fx.defineName("RAOCE_RFC", "Hoja1", "A1");
    fx.addTable("tblBienes", "Hoja1", "C1", ["a"], [[1]]);
    const result = await adapterFor(fx).insertTemplate(base64);
    expect(result).toEqual({
      inserted: false,
      clashes: [
        { kind: "sheet", name: "empresa" },
        { kind: "name", name: "RAOCE_RFC" },
        { kind: "table", name: "tblBienes" },
      ],
    });
    expect(calls).toEqual([]);
    expect(fx.syncCount).toBe(1);
    expect(fx.sheets.map((s) => s.name)).toEqual(["Hoja1", "empresa"]);
  });

  test("without ExcelApi 1.13 nothing is attempted", async () => {
    const { fx, base64 } = await blankWorkbookWithInserter();
    expect(await adapterFor(fx, upTo("1.12")).insertTemplate(base64)).toEqual({ inserted: false, clashes: [], unsupported: "ExcelApi 1.13" });
    expect(fx.runCount).toBe(0);
  });
});

// ─── selectCell ─────────────────────────────────────────────────────────────────────────────────────────────────────

describe("selectCell()", () => {
  test("activates the sheet and selects the range", async () => {
    const { fx } = layoutWorkbook();
    expect(await adapterFor(fx).selectCell("'Captura VUCEM'!A6:F6")).toEqual({ ok: true, sheet: "Captura VUCEM", address: "A6:F6" });
    expect(fx.activeSheetId).toBe(fx.sheetByName("Captura VUCEM")!.id);
    expect(fx.selection).toEqual({ sheet: "Captura VUCEM", address: "A6:F6" });
    expect(await adapterFor(fx).selectCell("Programas!G6")).toMatchObject({ ok: true });
    expect(fx.selection).toEqual({ sheet: "Programas", address: "G6" });
  });

  test("a deleted sheet, a hidden sheet or a bad location return an error instead of throwing", async () => {
    const { fx } = layoutWorkbook();
    fx.deleteSheet("Bienes");
    await expect(adapterFor(fx).selectCell("Bienes!A6")).resolves.toMatchObject({ ok: false, reason: "missing-sheet" });
    await expect(adapterFor(fx).selectCell("Catálogos!B2")).resolves.toMatchObject({ ok: false, reason: "hidden-sheet" });
    await expect(adapterFor(fx).selectCell("no es celda")).resolves.toMatchObject({ ok: false, reason: "bad-location" });
    expect(fx.selection).toBeNull();
  });
});

// ─── pure helpers ───────────────────────────────────────────────────────────────────────────────────────────────────

describe("helpers", () => {
  test("splitQualified / parseLocation", () => {
    expect(splitQualified("'Captura VUCEM'!$A$6:$F$9")).toEqual({ sheet: "Captura VUCEM", address: "A6:F9" });
    expect(splitQualified("=Empresa!$B$6")).toEqual({ sheet: "Empresa", address: "B6" });
    expect(splitQualified("'It''s'!A1")).toEqual({ sheet: "It's", address: "A1" });
    expect(splitQualified("B6")).toEqual({ sheet: null, address: "B6" });
    expect(parseLocation("Empresa!B6")).toEqual({ sheet: "Empresa", address: "B6" });
    expect(parseLocation("B6")).toBeNull();
  });

  test("needsOfficeQuote: formulas and strings Excel would convert, not ordinary text", () => {
    for (const s of ["=1", "+52", "-x", "@a", "00123", "2019-08-01", "12%", "TRUE", "falso", "#N/A", "'x", "$5", " =1", "(3)"]) expect([s, needsOfficeQuote(s)]).toEqual([s, true]);
    for (const s of ["Sí", "No", "SAT970701NN3", "Benchmark, S.A. de C.V.", "XIX - Industria química", "Empresa!B6", ""]) expect([s, needsOfficeQuote(s)]).toEqual([s, false]);
  });

  test("planWriteSteps keeps one rectangle per write below the budget", () => {
    const steps = planWriteSteps({
      ranges: [{ sheet: "Bienes", address: "H6:H10005", values: Array.from({ length: 10_000 }, (_, i) => [i]), numberFormat: "#,##0.###" }],
      blocks: [],
      unprotect: ["Bienes"],
    });
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: "values", address: "H6:H10005" });
    expect(goodsRow(0)).toHaveLength(8);
    expect(NAME_SEEDS.RAOCE_RFC).toBe("SAT970701NN3");
  });
});
