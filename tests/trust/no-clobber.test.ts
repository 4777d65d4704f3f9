/**
 * The no-clobber check (no-clobber.ts) over every committed example:
 * - `raoce fill` on examples/*.xlsx (the files themselves, through the CLI): only outputs change, no formula is added
 *   or lost, and filling the result again changes nothing;
 * - the Office.js adapter on the same workbooks loaded into the fake (with a user's notes beside the inputs): apply
 *   changes only output cells and the lists, and a second read → analyze → apply changes nothing.
 * The random-workbook versions of both are in xlsx.fuzz.test.ts and office.fuzz.test.ts.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { analyzeSnapshot } from "../../src/workbook/analyze";
import { SHEETS } from "../../src/workbook/layout";
import { createOfficeAdapter } from "../../src/workbook/office/office-adapter";
import { buildWritePlan } from "../../src/workbook/write-plan";
import { openWorkbookFile } from "../../src/workbook/xlsx-file";
import { FakeExcel } from "../workbook/office/fake-excel";
import { insertInto } from "../workbook/office/xlsx-into-fake";
import { ROOT } from "../workbook/xlsx/helpers";
import { assertNoClobber, describeWorkbook, expectFormulasKept, expectNoNewFormulas, fakeCells, fakeClobbered } from "./no-clobber";

const NOW = new Date("2025-06-20T18:00:00Z");
const EXAMPLE_FILES = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".xlsx")).sort();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "raoce-no-clobber-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("raoce fill on examples/*.xlsx", () => {
  it("there are examples to check", () => {
    expect(EXAMPLE_FILES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(EXAMPLE_FILES)("%s: only outputs change, formulas kept, a second fill changes nothing", async (file) => {
    const input = join(ROOT, "examples", file);
    const once = join(dir, `1-${file}`);
    const twice = join(dir, `2-${file}`);
    expect([0, 1]).toContain((await run(["fill", input, "--out", once], NOW)).exitCode);
    await assertNoClobber(input, once);
    await expectNoNewFormulas(input, once);
    await expectFormulasKept(input, once);
    expect([0, 1]).toContain((await run(["fill", once, "--out", twice], NOW)).exitCode);
    expect(describeWorkbook((await openWorkbookFile(twice)).workbook)).toEqual(describeWorkbook((await openWorkbookFile(once)).workbook));
  });
});

describe("the Office.js adapter's apply on examples/*.xlsx (fake Excel)", () => {
  it.each(EXAMPLE_FILES)("%s: only output cells and lists change; a second run changes nothing", async (file) => {
    const { workbook } = await openWorkbookFile(join(ROOT, "examples", file));
    const fx = new FakeExcel();
    insertInto(fx, workbook);
    // A user's notes beside the inputs and a stale list: the notes must survive, the list be replaced.
    const empresa = fx.sheetByName(SHEETS.company)!;
    empresa.protection.protected = false;
    fx.set(SHEETS.company, "E6", "verificado contra la constancia").set(SHEETS.company, "E7", "=texto, no fórmula");
    empresa.protection.protected = true;
    const adapter = createOfficeAdapter(fx.run, undefined, { isSetSupported: () => true });

    const snapshot = await adapter.read();
    const a = analyzeSnapshot(snapshot, "2025-06-20");
    if (!a.usable) throw new Error(a.reason);
    const before = fakeCells(fx);
    await adapter.apply(buildWritePlan(a, snapshot, "2025-06-20"));
    expect(fakeClobbered(before, fakeCells(fx), snapshot)).toEqual([]);
    expect(fx.formulas()).toEqual([]);
    expect(fx.value(SHEETS.company, "E7")).toBe("=texto, no fórmula");

    const after = fakeCells(fx);
    const again = await adapter.read();
    const b = analyzeSnapshot(again, "2025-06-20");
    if (!b.usable) throw new Error(b.reason);
    await adapter.apply(buildWritePlan(b, again, "2025-06-20"));
    expect(fakeCells(fx)).toEqual(after);
  });
});

describe("the check itself", () => {
  it("catches a changed value, a changed style, a new formula and a changed cell on the fake", async () => {
    const input = join(ROOT, "examples", EXAMPLE_FILES[0]!);
    const before = (await openWorkbookFile(input)).workbook;
    const value = (await openWorkbookFile(input)).workbook;
    value.getWorksheet(SHEETS.company)!.getCell("B7").value = "otra razón social";
    await expect(assertNoClobber(before, value)).rejects.toThrow();
    const style = (await openWorkbookFile(input)).workbook;
    style.getWorksheet(SHEETS.figures)!.getCell("B6").style = { ...style.getWorksheet(SHEETS.figures)!.getCell("B6").style, numFmt: "0.0" };
    await expect(assertNoClobber(before, style)).rejects.toThrow();
    const formula = (await openWorkbookFile(input)).workbook;
    formula.getWorksheet(SHEETS.issues)!.getCell("C6").value = { formula: "1+1", result: 2 } as never;
    await expect(expectNoNewFormulas(before, formula)).rejects.toThrow();
    await expect(assertNoClobber(before, formula)).resolves.toBeUndefined(); // inside the list: allowed to change…
    const output = (await openWorkbookFile(input)).workbook;
    output.getWorksheet(SHEETS.figures)!.getCell("B14").value = 1; // an output (Saldo): allowed
    await expect(assertNoClobber(before, output)).resolves.toBeUndefined();

    const fx = new FakeExcel();
    insertInto(fx, before);
    const snapshot = await createOfficeAdapter(fx.run, undefined, { isSetSupported: () => true }).read();
    const was = fakeCells(fx);
    fx.sheetByName(SHEETS.company)!.protection.protected = false;
    fx.set(SHEETS.company, "B7", "cambiada");
    expect(fakeClobbered(was, fakeCells(fx), snapshot)).toEqual([expect.stringMatching(/^Empresa!B7: /)]);
  });
});
