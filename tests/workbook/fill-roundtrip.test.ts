/**
 * `fill` writes outputs only: every cell outside the output cells, the Problemas list and the Captura VUCEM list is
 * unchanged (value, formula, number format, style), names/tables/validations/protection are kept, and re-running fill
 * is idempotent. Also: text is never turned into a formula, links are internal, dates follow the date system.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Workbook } from "exceljs";
import { analyzeSnapshot, type UsableAnalysis } from "../../src/workbook/analyze";
import { openWorkbookBuffer, workbookBuffer, type OpenedWorkbook } from "../../src/workbook/xlsx-file";
import { parseCell, parseRange, type WorkbookSnapshot } from "../../src/workbook/port";
import { isoToSerial } from "../../src/workbook/serial-dates";
import { describeTemplate } from "../../src/workbook/template-fingerprint";
import { buildWritePlan } from "../../src/workbook/write-plan";
import { TABLES } from "../../src/workbook/layout";
import { assertNoClobber, describeWorkbook, writableCells } from "../trust/no-clobber";
import { EXAMPLES, ROOT, exampleDoc, makeZip, reopen, workbookFor } from "./xlsx/helpers";

const TODAY = "2025-06-20";

async function fill(o: OpenedWorkbook, computedAt = TODAY): Promise<OpenedWorkbook> {
  const snap = await o.adapter.read();
  const a = analyzeSnapshot(snap, computedAt) as UsableAnalysis;
  await o.adapter.apply(buildWritePlan(a, snap, computedAt));
  return reopen(o.workbook);
}

/** "Sheet!A1" of every cell fill may write, from the snapshot (names, output columns, list blocks). */
function outputCells(snap: WorkbookSnapshot): { cells: Set<string>; blockFrom: Map<string, { row: number; col: number; width: number }> } {
  const { cells, blocks } = writableCells(snap);
  return { cells, blockFrom: blocks };
}

/** A user's own additions around the template: a sheet with formulas, formats, merges, a link; notes beside inputs. */
function userAdditions(wb: Workbook): void {
  const notes = wb.addWorksheet("Notas del contador");
  notes.getCell("A1").value = "Conciliación";
  notes.getCell("A1").style = { font: { bold: true, size: 13 } };
  notes.getCell("A2").value = { formula: "RAOCE_VENTAS_TOTALES*1000", result: 120000000 } as never;
  notes.getCell("A2").numFmt = "#,##0";
  notes.getCell("B2").value = new Date(Date.UTC(2025, 2, 31));
  notes.getCell("B2").numFmt = "dd/mm/yyyy";
  notes.getCell("C2").value = { text: "SAT", hyperlink: "https://www.sat.gob.mx" } as never;
  notes.mergeCells("A4:C4");
  notes.getCell("A4").value = "=esto es texto, no fórmula";
  wb.getWorksheet("Empresa")!.getCell("D6").value = "Verificado contra la constancia";
  wb.getWorksheet("Cifras")!.getCell("D6").value = { formula: "B6*1000", result: 120000000 } as never;
}

describe("fill round trips", () => {
  it.each(EXAMPLES)("%s: nothing outside the outputs changes; a second fill changes nothing", async (name) => {
    const original = await workbookFor(exampleDoc(name), userAdditions);
    const snap = await original.adapter.read();
    const once = await fill(await reopen(original.workbook));
    await assertNoClobber(original.workbook, once.workbook, { snapshot: snap });
    const after = describeWorkbook(once.workbook);
    const twice = await fill(once);
    expect(describeWorkbook(twice.workbook)).toEqual(after);
  });

  it("tables grow past the template's blank rows (styles and dropdowns carried down) and still round-trip", async () => {
    const GOODS_ROWS = TABLES.find((t) => t.name === "tblBienes")!.blankRows;
    const base = exampleDoc("prosec-cafe");
    const goods = Array.from({ length: 130 }, (_, g) => ({ sector: "XXII", tariffCode: String(9011200 + g).padStart(8, "0"), description: `Café ${g}`, unit: "Kilogramo", totalVolume: 100 + g, domesticVolume: 10, exportVolume: 20 }));
    const o = await workbookFor({ ...base, goods });
    const snap = await o.adapter.read();
    expect((snap.tables.tblBienes as { rows: unknown[] }).rows).toHaveLength(130);
    const dv = (o.workbook.getWorksheet("Bienes") as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(Object.entries(dv).filter(([, v]) => v.formulae[0] === "RAOCE_LISTA_UNIDADES").map(([k]) => k).sort()).toEqual([`D${6 + GOODS_ROWS}:D135`, `D6:D${5 + GOODS_ROWS}`].sort());
    expect(o.workbook.getWorksheet("Bienes")!.getCell("E135").numFmt).toBe("#,##0.###");
    const filled = await fill(o);
    const a = analyzeSnapshot(await filled.adapter.read(), TODAY) as UsableAnalysis;
    expect(a.result.goods.filter((g) => g.valid)).toHaveLength(130);
    expect(filled.workbook.getWorksheet("Bienes")!.getCell("H135").value).toBe(229 - 30);
    // more than 100 goods: Captura VUCEM lists one row per good
    const cap: string[] = [];
    filled.workbook.getWorksheet("Captura VUCEM")!.eachRow((row) => cap.push(String(row.getCell(4).value ?? "")));
    expect(cap.filter((c) => c.startsWith("Bien "))).toHaveLength(130);
    expect(cap).toContain("Bien 1 de 130: XXII · 0901.12.00 · 1 - Kilo");
  });

  it("the committed examples are the JSON documents typed into the current template", async () => {
    for (const name of EXAMPLES) {
      const committed = await openWorkbookBuffer(readFileSync(join(ROOT, "examples", `${name}.xlsx`)));
      const fresh = await workbookFor(exampleDoc(name));
      expect(describeTemplate(committed.workbook)).toEqual(describeTemplate(fresh.workbook));
    }
  });

  it("outputs land next to their inputs, with dates as serials", async () => {
    const o = await fill(await workbookFor(exampleDoc("immex-prosec-autopartes")));
    const p = o.workbook.getWorksheet("Programas")!;
    const header = (h: string) => {
      let col = 0;
      p.getRow(5).eachCell((c, n) => (c.value === h ? (col = n) : null));
      return col;
    };
    expect(p.getCell(6, header("Estado")).value).toBe("Presentado fuera de plazo (reactivación)");
    expect(p.getCell(6, header("Reactivación a más tardar")).value).toEqual(new Date(Date.UTC(2025, 5, 12)));
    expect(p.getCell(6, header("Vence")).numFmt).toBe("dd/mm/yyyy");
    expect(p.getCell(6, header("Compromiso de exportación")).value).toBe("No cumple");
    expect(p.getCell(8, header("Estado")).value).toBeNull(); // blank table row: no stale output
    const c = o.workbook.getWorksheet("Cifras")!;
    expect(c.getCell("B15").value).toBeCloseTo(0.08, 10);
    expect(c.getCell("B15").numFmt).toBe("0.00%");
    expect(o.workbook.getWorksheet("Empresa")!.getCell("B3").value).toEqual(new Date(Date.UTC(2025, 5, 20)));
    // Excel recalculates the standard formulas (=RAOCE_ANIO_PRESENTACION-1) on open: ExcelJS computes none.
    const raw = await workbookFor(exampleDoc("immex-prosec-autopartes"));
    const snap = await raw.adapter.read();
    await raw.adapter.apply(buildWritePlan(analyzeSnapshot(snap, TODAY) as UsableAnalysis, snap, TODAY));
    const JSZip = (await import("jszip")).default;
    const xml = await (await JSZip.loadAsync(await workbookBuffer(raw.workbook))).file("xl/workbook.xml")!.async("string");
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("stale outputs are cleared when a program row is emptied", async () => {
    const filled = await fill(await workbookFor(exampleDoc("immex-prosec-autopartes")));
    const ws = filled.workbook.getWorksheet("Programas")!;
    for (let c = 1; c <= 12; c++) ws.getCell(7, c).value = null;
    const again = await fill(filled);
    const row7 = again.workbook.getWorksheet("Programas")!.getRow(7);
    for (let c = 13; c <= 23; c++) expect(row7.getCell(c).value).toBeNull();
  });

  it("text that looks like a formula stays text (company name echoed in Captura VUCEM)", async () => {
    const doc = { ...exampleDoc("immex-industrial"), company: { rfc: "=1+1", name: "=HYPERLINK(\"http://x\",\"clic\")" } };
    const o = await fill(await workbookFor(doc));
    const cap = o.workbook.getWorksheet("Captura VUCEM")!;
    let seen = 0;
    const banner = cap.getCell("A4").address; // the template's own staleness formula (layout-freshness.ts)
    cap.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.startsWith("=")) seen++;
        if (cell.address === banner) return;
        expect(typeof cell.value === "object" && cell.value !== null && "formula" in cell.value).toBe(false);
      }),
    );
    expect(seen).toBeGreaterThan(0);
    expect(o.workbook.getWorksheet("Empresa")!.getCell("B6").value).toBe("=1+1");
  });

  it("Problemas links are internal links to the located cell (no external relationship)", async () => {
    const o = await fill(await workbookFor(exampleDoc("errores-tipicos")));
    const ws = o.workbook.getWorksheet("Problemas")!;
    const links: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => (c.hyperlink ? links.push(`${c.text}→${c.hyperlink}`) : null)));
    expect(links).toContain("Bienes!D6→Bienes!D6");
    expect(links).toContain("Cifras!B6→Cifras!B6");
    const buf = await workbookBuffer(o.workbook);
    const xml = (await import("jszip")).default;
    const zip = await xml.loadAsync(buf);
    const sheetRels = await Promise.all(Object.keys(zip.files).filter((f) => /worksheets\/_rels\/.+/.test(f)).map((f) => zip.file(f)!.async("string")));
    expect(sheetRels.join("")).not.toMatch(/hyperlink/);
    const sheets = await Promise.all(Object.keys(zip.files).filter((f) => /worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    expect(sheets.join("")).toMatch(/<hyperlink ref="D6" location="Cifras!B6"\/>|<hyperlink ref="D\d+" location="[^"]+"\/>/);
  });

  it("1904 workbooks get 1904 serials", async () => {
    const o = await workbookFor(exampleDoc("immex-industrial"), undefined, (wb) => ((wb.properties as { date1904?: boolean }).date1904 = true));
    const snap = await o.adapter.read();
    const a = analyzeSnapshot(snap, TODAY) as UsableAnalysis;
    const plan = buildWritePlan(a, snap, TODAY);
    const stamp = plan.ranges.find((r) => r.sheet === "Empresa" && r.address === "B3")!;
    expect(stamp.values).toEqual([[isoToSerial(TODAY, true)]]);
  });

  it("the plan never touches an input cell", async () => {
    const o = await workbookFor(exampleDoc("prosec-cafe"));
    const snap = await o.adapter.read();
    const plan = buildWritePlan(analyzeSnapshot(snap, TODAY) as UsableAnalysis, snap, TODAY);
    const { cells, blockFrom } = outputCells(snap);
    for (const w of plan.ranges) {
      const r = parseRange(w.address)!;
      for (let row = r.start.row; row <= r.end.row; row++)
        for (let col = r.start.col; col <= r.end.col; col++) expect(cells.has(`${w.sheet}!${String.fromCharCode(64 + col)}${row}`)).toBe(true);
    }
    for (const b of plan.blocks) expect(blockFrom.get(b.sheet)).toMatchObject(parseCell(b.anchor)!);
    expect(plan.unprotect.sort()).toEqual(["Bienes", "Captura VUCEM", "Catálogos", "Cifras", "Empresa", "Problemas", "Programas"]); // Catálogos: the fingerprint
  });

  it("tables from Excel (no headerRowCount attribute) keep their header row through a fill", async () => {
    const o = await workbookFor(exampleDoc("immex-industrial"));
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await workbookBuffer(o.workbook));
    for (const f of Object.keys(zip.files).filter((n) => /^xl\/tables\/.+/.test(n))) {
      zip.file(f, (await zip.file(f)!.async("string")).replace(/ headerRowCount="1"/, ""));
    }
    const excelSaved = await openWorkbookBuffer(await zip.generateAsync({ type: "nodebuffer" }));
    const filled = await fill(excelSaved);
    const out = await JSZip.loadAsync(await workbookBuffer(filled.workbook));
    for (const f of Object.keys(out.files).filter((n) => /^xl\/tables\/.+/.test(n))) {
      expect(await out.file(f)!.async("string")).not.toMatch(/headerRowCount="0"/);
    }
    expect(makeZip).toBeDefined();
  });
});
