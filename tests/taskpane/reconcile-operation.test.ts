/**
 * The pane's «Conciliar» over the real Office adapter and the strict fake Excel: the workbook's Pedimentos list read
 * in the one read run, the Conciliación sheet written in one write run, values only (no formulas).
 */
import { SNAPSHOT_REQUEST } from "../../src/workbook/layout";
import { createOfficeAdapter } from "../../src/workbook/office/office-adapter";
import { templateBuffer } from "../../src/workbook/template";
import { makeExcelOperations } from "../../src/taskpane/excel-operations";
import { isoToSerial } from "../../src/workbook/serial-dates";
import { FakeContext } from "../workbook/office/fake-excel";
import { layoutWorkbook } from "../workbook/office/layout-workbook";
import type { FakeExcel } from "../workbook/office/fake-excel";

function ops(fx: FakeExcel) {
  return makeExcelOperations({
    adapter: createOfficeAdapter(fx.run, SNAPSHOT_REQUEST, { isSetSupported: () => true }),
    addTableRows: jest.fn(),
    templateBase64: async () => (await templateBuffer()).toString("base64"),
    today: () => "2025-05-15",
  });
}

// The fixture captures (b) = 120,000 and (c) = 80,000 miles for fiscal year 2024.
const LIST = [
  ["24 24 3807 4000001", "A1", "Exportación", isoToSerial("2024-03-05"), 100_000_000, 5_000_000, null, null, null],
  ["24 24 3807 4000002", "V1", "Exportación", isoToSerial("2024-06-12"), 20_000_000, 1_000_000, null, null, null],
  ["24 24 3807 4000003", "IN", "Importación", isoToSerial("2024-08-01"), 80_000_000, 4_000_000, null, null, null],
];

test("reads the list in the one read run, writes the Conciliación sheet in one write run", async () => {
  const { fx } = layoutWorkbook({ pedimentos: LIST });
  const o = ops(fx);
  fx.resetCounters();
  const spy = jest.spyOn(FakeContext.prototype, "sync");
  const r = await o.reconcile!();
  expect(fx.runCount).toBe(2); // read + apply
  expect(spy.mock.calls.length).toBeLessThanOrEqual(4); // 2 to read, the adapter's write syncs: constant, not per row
  spy.mockRestore();
  expect(r.status).toBe("done");
  if (r.status !== "done") return;
  const b = r.figures.find((f) => f.figure === "totalExports")!;
  expect(b).toMatchObject({ captured: 120_000, reference: 120_000, status: "conciliado" });
  expect(r.figures.find((f) => f.figure === "totalImports")).toMatchObject({ reference: 80_000, status: "conciliado" });
  expect(r.pedimentos).toBe(3);
  expect(fx.value("Conciliación", "C7")).toBe(120_000);
  expect(fx.value("Conciliación", "C8")).toBe(80_000);
  expect(fx.value("Conciliación", "C3")).toBe(isoToSerial("2025-05-15"));
  expect(fx.value("Conciliación", "B11")).toBe("Ventas totales (a): cifra capturada");
  expect(fx.formulas()).toEqual([]);
});

test("a list that leaves virtual exports out of the captured figure: the pane says why, at the figure", async () => {
  const { fx } = layoutWorkbook({ pedimentos: [...LIST, ["24 24 3807 4000004", "V1", "Exportación", isoToSerial("2024-07-01"), 30_000_000, 1_500_000, null, null, null]] });
  const r = await ops(fx).reconcile!();
  if (r.status !== "done") throw new Error(r.status);
  const b = r.figures.find((f) => f.figure === "totalExports")!;
  expect(b.status).toBe("diferencia-material");
  expect(b.explains).toEqual([expect.objectContaining({ title: "Operaciones virtuales no incluidas", pedimentos: 2 })]);
  expect(r.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: "RECON_DIFFERENCE", location: "Cifras!B7" })]));
});

test("an empty list writes nothing", async () => {
  const { fx } = layoutWorkbook();
  const o = ops(fx);
  fx.resetCounters();
  expect(await o.reconcile!()).toEqual({ status: "empty-list" });
  expect(fx.runCount).toBe(1);
});
