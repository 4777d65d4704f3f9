/**
 * The Office side of the pane's portfolio actions (excel-portfolio-operations.ts) on a small typed fake of the Excel
 * calls it makes: one sync to look for a Cartera sheet, one to insert, and nothing inserted when one exists.
 */
import { excelPortfolioOperations } from "../../src/taskpane/excel-portfolio-operations";

function fakeExcel(sheetNames: string[]) {
  const calls = { syncs: 0, inserted: [] as { base64: string; options: unknown }[], created: [] as string[] };
  const context = {
    workbook: {
      worksheets: { load: () => ({ items: sheetNames.map((name) => ({ name })) }) },
      insertWorksheetsFromBase64: (base64: string, options: unknown) => void calls.inserted.push({ base64, options }),
    },
    sync: async () => void calls.syncs++,
  };
  const run = (async (batch: (ctx: unknown) => Promise<unknown>) => batch(context)) as unknown as typeof Excel.run;
  (globalThis as Record<string, unknown>).Office = { context: { requirements: { isSetSupported: () => true }, document: { url: "C:\\clientes\\cafe.xlsx" } } };
  (globalThis as Record<string, unknown>).Excel = { WorksheetPositionType: { end: "End" }, createWorkbook: async (b: string) => void calls.created.push(b) };
  return { run, calls };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe("Insertar cartera on Office", () => {
  it("inserts the Cartera workbook's sheet at the end in one sync after one sync to look", async () => {
    const { run, calls } = fakeExcel(["Empresa", "Programas"]);
    await expect(excelPortfolioOperations(run).insertCartera()).resolves.toEqual({ status: "inserted" });
    expect(calls.syncs).toBe(2);
    expect(calls.inserted).toHaveLength(1);
    expect(calls.inserted[0]!.options).toEqual({ positionType: "End" });
    expect(Buffer.from(calls.inserted[0]!.base64, "base64").subarray(0, 2).toString()).toBe("PK"); // an .xlsx (zip)
  });

  it("never inserts over a sheet named Cartera (any case)", async () => {
    const { run, calls } = fakeExcel(["Empresa", "cartera"]);
    await expect(excelPortfolioOperations(run).insertCartera()).resolves.toEqual({ status: "clash" });
    expect(calls.inserted).toEqual([]);
    expect(calls.syncs).toBe(1);
  });
});
