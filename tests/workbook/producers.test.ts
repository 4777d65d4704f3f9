/**
 * Workbooks saved by other tools read exactly like the original (issue #8 §1). The corpus is
 * tests/fixtures/producers/<producer>/<example>.xlsx, made by `npm run fixtures` (scripts/make-fixtures.js) from
 * examples/*.xlsx with openpyxl, LibreOffice and Gnumeric's ssconvert, and committed (CI has none of these tools).
 *
 * For openpyxl and LibreOffice: the same report as the original (result and located issues), and `fill` keeps sheet
 * protection, the unlocked input cells, defined names, tables, data validations and number formats — checked on the
 * ExcelJS model and on the raw XML of the filled file. Gnumeric drops every Excel table: such a file is refused with
 * a line that says so, never read as a template whose lists were deleted.
 */
import { RECONCILE_SHEET_LAYOUTS, RECONCILE_TABLES } from "../../src/workbook/layout-reconcile";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { Workbook } from "exceljs";
import { analyzeSnapshot, type UsableAnalysis } from "../../src/workbook/analyze";
import { SHEET_LAYOUTS, TABLES } from "../../src/workbook/layout";
import { buildWritePlan } from "../../src/workbook/write-plan";
import { openWorkbookBuffer, workbookBuffer } from "../../src/workbook/xlsx-file";
import { normalisePackage, relativeTarget } from "../../src/workbook/xlsx-normalise";
import { UnusableWorkbookError } from "../../src/workbook/xlsx-guard";
import { ROOT, makeZip, minimalXlsx, sheetXml } from "./xlsx/helpers";

const TODAY = "2025-05-15";
const FIXTURES = join(ROOT, "tests", "fixtures", "producers");
const READ_ALIKE = ["openpyxl", "libreoffice"] as const;
/** Every committed example workbook (what `npm run fixtures` re-saves). */
const EXAMPLES = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".xlsx")).map((f) => f.replace(/\.xlsx$/, "")).sort();

const fixture = (producer: string, example: string) => join(FIXTURES, producer, `${example}.xlsx`);
const original = (example: string) => join(ROOT, "examples", `${example}.xlsx`);

async function report(buf: Buffer) {
  const o = await openWorkbookBuffer(buf);
  const snap = await o.adapter.read();
  const a = analyzeSnapshot(snap, TODAY);
  if (!a.usable) throw new Error(`unusable: ${a.reason}`);
  return { o, snap, a: a as UsableAnalysis };
}

/** What `fill` must keep, per sheet: protection, unlocked cells, validations, tables, number formats; and the names. */
function keeps(wb: Workbook) {
  const sheets: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    const unlocked: string[] = [];
    const formats: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        if (c.protection?.locked === false) unlocked.push(c.address);
        if (c.numFmt && c.numFmt !== "General") formats.push(`${c.address}=${c.numFmt}`);
      }),
    );
    const p = (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
    const tables = Object.values((ws as unknown as { tables: Record<string, { table?: { name: string; tableRef?: string; ref?: string } }> }).tables ?? {}).map((t) => `${t.table?.name}`);
    sheets[ws.name] = {
      state: ws.state,
      protected: !!p?.sheet,
      unlocked: unlocked.sort(),
      validations: Object.keys((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model).sort(),
      tables: tables.sort(),
      formats: formats.sort(),
    };
  }
  const names = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => `${n.name}=${n.ranges.join(",")}`).sort();
  return { sheets, names };
}

async function filled(buf: Buffer): Promise<Buffer> {
  const { o, snap, a } = await report(buf);
  await o.adapter.apply(buildWritePlan(a, snap, TODAY));
  return workbookBuffer(o.workbook);
}

describe("the corpus is complete and fresh (npm run fixtures after changing an example)", () => {
  const manifest = JSON.parse(readFileSync(join(FIXTURES, "manifest.json"), "utf8")) as { producers: Record<string, { version: string; examples: Record<string, string> }> };
  it.each(["openpyxl", "libreoffice", "gnumeric"])("%s: every example re-saved from its current bytes", (producer) => {
    for (const e of EXAMPLES) {
      expect(existsSync(fixture(producer, e))).toBe(true);
      const made = manifest.producers[producer]?.examples[`${e}.xlsx`];
      const now = createHash("sha256").update(readFileSync(original(e))).digest("hex");
      expect(`${producer}/${e}.xlsx made from ${made}`).toBe(`${producer}/${e}.xlsx made from ${now}`); // else: npm run fixtures
    }
  });
  it("openpyxl really wrote absolute targets and LibreOffice true/false booleans (what the normaliser exists for)", async () => {
    const py = await JSZip.loadAsync(readFileSync(fixture("openpyxl", "immex-industrial")));
    expect(await py.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="/xl/worksheets/sheet1.xml"');
    const lo = await JSZip.loadAsync(readFileSync(fixture("libreoffice", "immex-industrial")));
    expect(await lo.file("xl/worksheets/sheet1.xml")!.async("string")).toMatch(/<sheetProtection [^>]*sheet="true"/);
    expect(await lo.file("xl/styles.xml")!.async("string")).toContain('locked="false"');
  });
});

describe.each(READ_ALIKE)("saved by %s", (producer) => {
  it.each(EXAMPLES)("%s: the same report as the original", async (example) => {
    const mine = await report(readFileSync(original(example)));
    const theirs = await report(readFileSync(fixture(producer, example)));
    expect(theirs.a.result).toEqual(mine.a.result);
    expect(theirs.a.issues).toEqual(mine.a.issues);
    expect(theirs.a.summary).toEqual(mine.a.summary);
  });

  it.each(EXAMPLES)("%s: fill keeps protection, unlocked cells, names, tables, validations and formats", async (example) => {
    const mineOut = await filled(readFileSync(original(example)));
    const theirsOut = await filled(readFileSync(fixture(producer, example)));
    const mine = keeps((await openWorkbookBuffer(mineOut)).workbook);
    const theirs = keeps((await openWorkbookBuffer(theirsOut)).workbook);
    expect(theirs).toEqual(mine);
    // And on the bytes (not through our own reader): every sheet protected but the two lists users paste into
    // (Pedimentos, Claves: issue #12), input cells unlocked, five tables.
    const zip = await JSZip.loadAsync(theirsOut);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const declared = [...SHEET_LAYOUTS, ...RECONCILE_SHEET_LAYOUTS];
    expect(sheets).toHaveLength(declared.length);
    // Sheets the layout protects stay protected (Pedimentos and Claves are left open on purpose, to paste lists).
    const protectedSheets = await Promise.all(sheets.map(async (s) => /<sheetProtection [^>]*sheet="1"/.test(await zip.file(s)!.async("string"))));
    expect(protectedSheets.filter(Boolean)).toHaveLength(SHEET_LAYOUTS.filter((l) => l.protect).length + 1); // + Conciliación
    expect(await zip.file("xl/styles.xml")!.async("string")).toContain('locked="0"');
    expect(Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))).toHaveLength(TABLES.length + RECONCILE_TABLES.length);
  });
});

describe("saved by Gnumeric (ssconvert drops every Excel table)", () => {
  it.each(EXAMPLES)("%s: refused with a line that names the tool and what it lost", async (example) => {
    const e = await openWorkbookBuffer(readFileSync(fixture("gnumeric", example))).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnusableWorkbookError);
    expect((e as Error).message).toBe(
      `el libro se guardó con «gnumeric», que no conserva las tablas de Excel (${[...TABLES, ...RECONCILE_TABLES].map((t) => t.name).join(", ")}): sus listas ya no se pueden leer; abra el original en Excel o LibreOffice, o copie sus datos a una plantilla nueva (raoce template)`,
    );
  });
});

describe("xlsx-normalise: the rules on hand-made packages", () => {
  it("relative targets are computed from the folder of the part holding the relationship", () => {
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/tables/table1.xml")).toBe("../tables/table1.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet1.xml")).toBe("worksheets/sheet1.xml");
    expect(relativeTarget("x", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });

  it("true/false booleans become 1/0 (protection kept), text attributes that read \"true\" stay text", async () => {
    const parts = minimalXlsx(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>true</t></is></c></row>', '<sheetProtection sheet="true" objects="true" scenarios="true"/>'));
    parts[2]!.data = String(parts[2]!.data).replace('name="Hoja1"', 'name="true"').replace("</sheets>", '</sheets><definedNames><definedName name="Verdad">"true"</definedName></definedNames>');
    const wb = (await openWorkbookBuffer(makeZip(parts))).workbook;
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("true");
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(ws.getCell("A1").value).toBe("true");
  });

  it("targets written with \"./\" or a detour through \"..\" resolve as Excel resolves them", async () => {
    const parts = minimalXlsx(sheetXml('<row r="1"><c r="A1"><v>1000</v></c></row>'));
    parts[3]!.data = String(parts[3]!.data).replace('Target="worksheets/sheet1.xml"', 'Target="./../xl/./worksheets/sheet1.xml"');
    const wb = (await openWorkbookBuffer(makeZip(parts))).workbook;
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hoja1"]);
    expect(wb.worksheets[0]!.getCell("A1").value).toBe(1000);
  });

  it("parts whose names only look like ExcelJS's are not loaded over the real ones", async () => {
    const parts = minimalXlsx(sheetXml('<row r="1"><c r="A1"><v>1000</v></c></row>'));
    parts.push({ name: "copia/xl/worksheets/sheet1.xml", data: sheetXml('<row r="1"><c r="A1"><v>9000</v></c></row>') });
    parts.push({ name: "xl/worksheets/sheet1.xml.bak", data: sheetXml('<row r="1"><c r="A1"><v>9000</v></c></row>') });
    const wb = (await openWorkbookBuffer(makeZip(parts))).workbook;
    expect(wb.worksheets[0]!.getCell("A1").value).toBe(1000);
    const names = Object.keys((await JSZip.loadAsync(normalisePackage([{ name: "xl/worksheets/sheet1.xml.bak", data: Buffer.from("<x/>") }]))).files);
    expect(names).toEqual([]);
  });
});
