/**
 * The pane's Excel operations (makeExcelOperations) over the real Office adapter and the team's strict fake Excel
 * (tests/workbook/office/fake-excel.ts): settings read from and written to their input cells, validate / calculate
 * and write, insert outcomes, select errors. Node environment: no React here.
 */
import { serialToIso, isoToSerial } from "../../src/workbook/serial-dates";
import { resetWorkbookDateSystem, setDateSystemDetector, workbookDate1904 } from "../../src/functions/date-system";
import { NAMED_CELLS, SHEETS, SNAPSHOT_REQUEST, TABLES, VERSION_CELL } from "../../src/workbook/layout";
import { createOfficeAdapter } from "../../src/workbook/office/office-adapter";
import { templateBuffer } from "../../src/workbook/template";
import { cellsOf, makeExcelOperations, settingsOf, type ExcelOperationsDeps } from "../../src/taskpane/excel-operations";
import { describeError } from "../../src/taskpane/errors";
import { ES } from "../../src/taskpane/strings";
import { EN } from "../../src/taskpane/strings-en";
import { FakeExcel } from "../workbook/office/fake-excel";
import { layoutWorkbook } from "../workbook/office/layout-workbook";
import { insertInto, loadXlsx } from "../workbook/office/xlsx-into-fake";

const cellOf = (name: string) => {
  const n = NAMED_CELLS.find((x) => x.name === name)!;
  return [n.sheet, n.cell] as const;
};
const days = TABLES.find((t) => t.name === "tblInhabiles")!;

function operations(fx: FakeExcel, over: Partial<ExcelOperationsDeps> = {}) {
  const deps: ExcelOperationsDeps = {
    adapter: createOfficeAdapter(fx.run, SNAPSHOT_REQUEST, { isSetSupported: () => true }),
    // What Table.rows.add does (the strict fake has no rows.add; the browser test runs the real call).
    addTableRows: jest.fn(async (name: string, _sheet: string, rows: number) => {
      fx.tables.get(name.toLowerCase())!.rows += rows;
    }),
    templateBase64: async () => (await templateBuffer()).toString("base64"),
    today: () => "2025-05-15",
    ...over,
  };
  return { ops: makeExcelOperations(deps), deps };
}

describe("settings in the workbook", () => {
  test("read from their input cells (the seeded extra day is a serial in tblInhabiles)", async () => {
    const { fx } = layoutWorkbook();
    const { ops } = operations(fx);
    expect(await ops.readSettings()).toEqual({ filingYear: 2025, asOf: null, exchangeRate: null, extraNonBusinessDays: [serialToIso(45_650)] });
  });

  test("only the changed settings are written, into their input cells; a kept day keeps its note", async () => {
    const { fx } = layoutWorkbook();
    const { ops, deps } = operations(fx);
    const before = fx.value(...cellOf("RAOCE_ANIO_PRESENTACION"));
    const kept = serialToIso(45_650)!;
    const stored = await ops.writeSettings({ exchangeRate: 18.5, asOf: "2025-05-15", extraNonBusinessDays: ["2025-04-17", kept] });
    expect(stored).toEqual({ filingYear: 2025, asOf: "2025-05-15", exchangeRate: 18.5, extraNonBusinessDays: [kept, "2025-04-17"] });
    expect(fx.value(...cellOf("RAOCE_TIPO_CAMBIO"))).toBe(18.5);
    expect(fx.value(...cellOf("RAOCE_FECHA_CORTE"))).toBe(isoToSerial("2025-05-15"));
    expect(fx.cell(...cellOf("RAOCE_FECHA_CORTE"))?.numberFormat).toBe("dd/mm/yyyy");
    expect(fx.value(...cellOf("RAOCE_ANIO_PRESENTACION"))).toBe(before);
    // tblInhabiles had one body row: one more was needed for two days.
    expect(deps.addTableRows).toHaveBeenCalledWith("tblInhabiles", SHEETS.company, 1);
    expect(fx.value(days.sheet, "A29")).toBe(45_650);
    expect(fx.value(days.sheet, "B29")).toBe("Acuerdo SE");
  });

  test("clearing a setting empties its cell", async () => {
    const { fx } = layoutWorkbook();
    const { ops } = operations(fx);
    await ops.writeSettings({ filingYear: null, extraNonBusinessDays: [] });
    expect(fx.value(...cellOf("RAOCE_ANIO_PRESENTACION"))).toBeNull();
    expect(fx.value(days.sheet, "A29")).toBeNull();
    expect(fx.value(days.sheet, "B29")).toBeNull();
  });

  test("settingsOf ignores what is not a setting value", () => {
    expect(settingsOf({ filingYear: "2025", asOf: 5, exchangeRate: Number.NaN, extraNonBusinessDays: ["2025-04-17", 3] })).toEqual({ filingYear: null, asOf: null, exchangeRate: null, extraNonBusinessDays: ["2025-04-17"] });
  });
});

describe("validate and calculate", () => {
  test("validate: located issues, errors first, nothing written", async () => {
    const { fx } = layoutWorkbook();
    const { ops } = operations(fx);
    fx.resetCounters();
    const onStage = jest.fn();
    const v = await ops.validate(undefined, onStage);
    expect(onStage.mock.calls.map((c) => c[0])).toEqual(["reading", "validating"]);
    expect(v.issues.length).toBeGreaterThan(0);
    expect(v.summary.errors + v.summary.warnings + v.summary.infos).toBe(v.issues.length);
    expect(v.issues.some((i) => i.location !== null && /^[^!]+![A-Z]+\d+$/.test(i.location))).toBe(true);
    const ranks = v.issues.map((i) => ({ error: 0, warning: 1, info: 2 })[i.severity]);
    expect(ranks).toEqual([...ranks].sort());
    expect(fx.runCount).toBe(1); // one read, no write
  });

  test("a pending settings change is written first, then the workbook is read and judged", async () => {
    const { fx } = layoutWorkbook();
    const { ops } = operations(fx);
    const onStage = jest.fn();
    const v = await ops.validate({ exchangeRate: 19 }, onStage);
    expect(onStage.mock.calls.map((c) => c[0])).toEqual(["saving", "reading", "validating"]);
    expect(v.settings.exchangeRate).toBe(19);
  });

  test("calculate and write: outputs written in one write run, the result and the cell count returned", async () => {
    const { fx } = layoutWorkbook();
    const { ops } = operations(fx);
    fx.resetCounters();
    const w = await ops.calculateAndWrite();
    expect(fx.runCount).toBe(2); // read + apply
    expect(w.result.programs.map((p) => p.type)).toEqual(["PROSEC"]);
    expect(w.cellsWritten).toBeGreaterThan(20);
    expect(fx.value(...cellOf("RAOCE_SALDO"))).toBe(120000 - 80000);
    expect(fx.value(...cellOf("RAOCE_SELLO_EMPRESA"))).toBe(isoToSerial("2025-05-15"));
    expect(fx.formulas()).toEqual([]);
  });

  test("a workbook without the template → TemplateMissing, readable", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Hoja1");
    const { ops } = operations(fx);
    const e = await ops.validate().catch((x: unknown) => x);
    expect(describeError(e, ES).message).toBe(ES.errors.templateMissing);
    await expect(ops.readSettings()).rejects.toMatchObject({ code: "TemplateMissing" });
  });

  test("a template of another major version is refused before anything is written", async () => {
    const { fx } = layoutWorkbook();
    fx.set(SHEETS.catalogs, VERSION_CELL, "2.0.0");
    const { ops } = operations(fx);
    fx.resetCounters();
    const e = await ops.calculateAndWrite().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "TemplateVersion", message: expect.stringMatching(/plantilla RAOCE más nueva .*actualice RAOCE/) });
    expect(describeError(e, ES).detail).toMatch(/más nueva/);
    expect(describeError(e, EN).detail).toMatch(/^Technical detail: TemplateVersion — this is a newer RAOCE template \(version «2\.0\.0» at .*: update RAOCE/);
    expect(describeError(e, EN).detail).not.toMatch(/más nueva/);
    expect(fx.runCount).toBe(1); // the read only: no write run
  });

  test("calculate and write reports a value typed into an output cell (cell, old value, where it belongs) and replaces it", async () => {
    const { fx } = layoutWorkbook();
    fx.set(SHEETS.programs, "S6", "PRESENTADO").set(SHEETS.figures, "B15", 0.785);
    const { ops } = operations(fx);
    const w = await ops.calculateAndWrite();
    expect(w.issues.slice(0, 2)).toEqual([
      expect.objectContaining({ code: "OUTPUT_TYPED_OVER", location: "Cifras!B15", message: expect.stringMatching(/^Tenía «78\.5 %», escrito a mano en una celda de resultado/) }),
      expect.objectContaining({ code: "OUTPUT_TYPED_OVER", location: "Programas!S6", message: expect.stringMatching(/^Tenía «PRESENTADO», escrito a mano/) }),
    ]);
    expect(w.issues[1]!.message).toContain("«Fecha de presentación»");
    expect(w.summary.warnings).toBe(w.issues.filter((i) => i.severity === "warning").length);
    expect(fx.value(SHEETS.programs, "S6")).not.toBe("PRESENTADO");
  });

  test("an output name moved onto an input cell: the pane reports it and the input keeps its value", async () => {
    const { fx } = layoutWorkbook();
    fx.defineName("RAOCE_SALDO", SHEETS.company, "B6");
    const rfc = fx.value(SHEETS.company, "B6");
    const { ops } = operations(fx);
    const w = await ops.calculateAndWrite();
    expect(w.issues[0]).toMatchObject({ code: "OUTPUT_NOT_WRITTEN", location: "Empresa!B6" });
    expect(fx.value(SHEETS.company, "B6")).toBe(rfc);
  });

  test("a merged area joining an input and an output (Empresa!B14:B15): the output is not written, the input keeps its date", async () => {
    const { fx } = layoutWorkbook();
    fx.set(SHEETS.company, "B14", 45_800);
    fx.sheetByName(SHEETS.company)!.merges = ["B14:B15"];
    const { ops } = operations(fx);
    const w = await ops.calculateAndWrite();
    expect(w.issues[0]).toMatchObject({ code: "OUTPUT_NOT_WRITTEN", location: "Empresa!B15", message: expect.stringContaining("está combinada (B14:B15) con una celda de captura") });
    expect(fx.value(SHEETS.company, "B14")).toBe(45_800);
    expect(fx.value(SHEETS.company, "B15")).toBeNull();
  });

  test("validate after the inputs changed says the results are stale, first; a new calculation clears it", async () => {
    const { fx } = layoutWorkbook();
    const { ops } = operations(fx);
    await ops.calculateAndWrite();
    expect((await ops.validate()).issues.some((i) => i.code === "RESULTS_STALE")).toBe(false);
    fx.set(...cellOf("RAOCE_VENTAS_TOTALES"), 130_000);
    const v = await ops.validate();
    expect(v.issues[0]).toMatchObject({ code: "RESULTS_STALE", severity: "warning", location: "Empresa!B3", message: expect.stringMatching(/^Resultados desactualizados: vuelva a calcular: los datos cambiaron después del cálculo del 15 de mayo de 2025/) });
    await ops.calculateAndWrite();
    expect((await ops.validate()).issues.some((i) => i.code === "RESULTS_STALE")).toBe(false);
  });

  test("cellsOf counts ranges and block rows", () => {
    expect(cellsOf({ ranges: [{ sheet: "A", address: "A1:B2", values: [[1, 2], [3, 4]] }], blocks: [{ sheet: "B", anchor: "A6", width: 3, rows: [[1, 2, 3]] }], unprotect: [] })).toBe(7);
  });
});

describe("insert the template", () => {
  async function withInsert(fx: FakeExcel) {
    const wb = await loadXlsx(await templateBuffer());
    fx.onInsertWorksheets = () => insertInto(fx, wb);
    return operations(fx).ops;
  }

  test("an empty workbook gets the template", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Hoja1");
    const ops = await withInsert(fx);
    await expect(ops.insertTemplate()).resolves.toEqual({ status: "inserted", sheets: [...Object.values(SHEETS), "Pedimentos", "Claves", "Conciliación"] });
    // The reconciliation sheets arrive with the template, before the hidden catalog sheet.
    expect(fx.sheets.map((s) => s.name)).toEqual(["Hoja1", ...Object.values(SHEETS).filter((n) => n !== SHEETS.catalogs), "Pedimentos", "Claves", "Conciliación", SHEETS.catalogs]);
    await expect(ops.readSettings()).resolves.toMatchObject({ filingYear: null });
  });

  test("a workbook that already has it → present; one with a clashing sheet → clash, nothing inserted", async () => {
    await expect((await withInsert(layoutWorkbook().fx)).insertTemplate()).resolves.toEqual({ status: "present" });
    const fx = new FakeExcel();
    fx.addSheet("Cifras");
    await expect((await withInsert(fx)).insertTemplate()).resolves.toEqual({ status: "clash", sheets: ["Cifras"] });
    expect(fx.sheets.map((s) => s.name)).toEqual(["Cifras"]);
  });

  test("an Excel without ExcelApi 1.13 → a readable 'unsupported' error", async () => {
    const fx = new FakeExcel();
    const { ops } = operations(fx, { adapter: createOfficeAdapter(fx.run, SNAPSHOT_REQUEST, { isSetSupported: () => false }) });
    const e = await ops.insertTemplate().catch((x: unknown) => x);
    expect(describeError(e, ES).message).toBe(ES.errors.unsupported);
  });
});

describe("select a cell", () => {
  test("selects; a missing or hidden sheet is a readable error", async () => {
    const { fx } = layoutWorkbook();
    const { ops } = operations(fx);
    await ops.selectCell("Empresa!B6");
    expect(fx.selection).toEqual({ sheet: "Empresa", address: "B6" });
    expect(describeError(await ops.selectCell("Nada!A1").catch((x: unknown) => x), ES).message).toBe(ES.errors.notFound);
    expect(describeError(await ops.selectCell(`${SHEETS.catalogs}!B2`).catch((x: unknown) => x), ES).message).toBe(ES.errors.hiddenSheet);
  });
});

describe("the workbook's date system, shared with the custom functions (same runtime)", () => {
  afterEach(resetWorkbookDateSystem);

  test("every read of a 1904 workbook tells the functions' date-system state, and a 1900 one resets it", async () => {
    const { fx } = layoutWorkbook();
    fx.date1904 = true;
    const { ops } = operations(fx);
    setDateSystemDetector(() => Promise.reject(new Error("the pane's answer must be used, not a new question")));
    await ops.readSettings();
    expect(await workbookDate1904()).toBe(true);
    fx.date1904 = false;
    await ops.validate();
    expect(await workbookDate1904()).toBe(false);
  });
});
