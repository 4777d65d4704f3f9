/** Hostile and broken files fail fast with one clear Spanish line, before ExcelJS sees them (bounded time and memory). */
import { deflateRawSync } from "node:zlib";
import { openWorkbookBuffer } from "../../src/workbook/xlsx-file";
import { DEFAULT_LIMITS, inspectXlsx, UnusableWorkbookError } from "../../src/workbook/xlsx-guard";
import { plainCellValue } from "../../src/workbook/exceljs-adapter";
import { isoToSerial } from "../../src/workbook/serial-dates";
import { makeZip, minimalXlsx, sheetXml, templateBuf } from "./xlsx/helpers";

async function refusal(buf: Buffer, limits = DEFAULT_LIMITS): Promise<string> {
  try {
    await openWorkbookBuffer(buf, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(UnusableWorkbookError);
    const msg = (e as Error).message;
    expect(msg).not.toContain("\n");
    return msg;
  }
  throw new Error("expected the file to be refused");
}

describe("xlsx guard", () => {
  it("accepts the template and reads what ExcelJS loses", async () => {
    const info = inspectXlsx(await templateBuf());
    expect(info.date1904).toBe(false);
    expect(info.sheets.map((s) => s.name)).toContain("Catálogos");
    expect(info.sheets.find((s) => s.name === "Catálogos")!.state).toBe("hidden");
    expect(info.definedNames.find((n) => n.name === "RAOCE_RFC")).toEqual({ name: "RAOCE_RFC", text: "Empresa!$B$6", localSheetId: null });
    expect(info.lossyParts).toEqual([]);
  });

  it.each([
    ["empty file", Buffer.alloc(0), /vacío/],
    ["plain text / CSV", Buffer.from("RFC,Razón social\nSAT970701NN3,ACME\n"), /no es un libro de Excel.*no es un zip/],
    ["an HTML page saved as .xls", Buffer.from("<html><body><table></table></body></html>"), /página HTML/],
    ["a PDF", Buffer.from("%PDF-1.7\n..."), /PDF/],
  ])("not a zip: %s", async (_, buf, re) => {
    expect(await refusal(buf)).toMatch(re);
  });

  it("password-protected workbook (encrypted OLE container)", async () => {
    const buf = Buffer.alloc(4096);
    Buffer.from("D0CF11E0A1B11AE1", "hex").copy(buf, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(buf, 1024);
    expect(await refusal(buf)).toMatch(/protegido con contraseña/);
  });

  it("old .xls (OLE without encryption)", async () => {
    const buf = Buffer.alloc(4096);
    Buffer.from("D0CF11E0A1B11AE1", "hex").copy(buf, 0);
    Buffer.from("Workbook", "utf16le").copy(buf, 1024);
    expect(await refusal(buf)).toMatch(/\.xls de Excel 97-2003/);
  });

  it("a zip that is not a workbook (a Word document)", async () => {
    expect(await refusal(makeZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w:document/>" }]))).toMatch(/documento de Word/);
    expect(await refusal(makeZip([{ name: "hola.txt", data: "hola" }]))).toMatch(/no contiene xl\/workbook\.xml/);
  });

  it("truncated / corrupt zip", async () => {
    const good = await templateBuf();
    expect(await refusal(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/dañado o incompleto/);
  });

  it("zip bomb: declared sizes over the cap", async () => {
    const parts = minimalXlsx(sheetXml(""));
    parts.push({ name: "xl/media/bomba.bin", data: Buffer.alloc(10), declaredSize: 0xfffffff0 });
    expect(await refusal(makeZip(parts))).toMatch(/bomba zip|ZIP64|demasiado grande/);
  });

  it("zip bomb: a part that inflates far beyond the size it declares", async () => {
    const parts = minimalXlsx(sheetXml(""));
    parts.push({ name: "xl/media/bomba.bin", data: Buffer.alloc(64 * 1024 * 1024), declaredSize: 1000 });
    const buf = makeZip(parts);
    expect(buf.length).toBeLessThan(200_000); // 64 MB of zeros deflate to ~64 KB
    // With a cap below what the compressed bytes could expand to, every part is inflated against its declared size.
    expect(await refusal(buf, { ...DEFAULT_LIMITS, maxUncompressedBytes: 16 * 1024 * 1024 })).toMatch(/bomba zip: la parte xl\/media\/bomba\.bin/);
    // Under the default cap too: every part is inflated with its declared size as the output cap.
    expect(await refusal(buf)).toMatch(/bomba zip: la parte xl\/media\/bomba\.bin/);
  });

  it("a lying worksheet header cannot hide a million rows", async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"/>`).join("");
    const parts = minimalXlsx(sheetXml(rows));
    parts[parts.length - 1]!.declaredSize = 500;
    expect(await refusal(makeZip(parts))).toMatch(/bomba zip: la parte xl\/worksheets\/sheet1\.xml/);
  });

  it("a sheet with a million rows", async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"/>`).join("");
    const parts = minimalXlsx(sheetXml(rows));
    expect(await refusal(makeZip(parts))).toBe("la hoja «Hoja1» tiene más de 50,000 filas; RAOCE abre libros de hasta 50,000 filas por hoja"); // counting stops at the cap
  });

  it("merged cells over a whole sheet", async () => {
    const parts = minimalXlsx(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    expect(await refusal(makeZip(parts))).toMatch(/combina 17,179,869,184 celdas/);
  });

  it("read-only loads (raoce check): merged areas are skipped, rows capped, a million rows still refused", async () => {
    const merged = makeZip(minimalXlsx(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')));
    await expect(openWorkbookBuffer(merged, { readOnly: true })).resolves.toBeDefined();
    const rows = makeZip(minimalXlsx(sheetXml(Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"/>`).join(""))));
    await expect(openWorkbookBuffer(rows, { readOnly: true })).rejects.toThrow(/tiene más de 50,000 filas/);
    const few = makeZip(minimalXlsx(sheetXml(Array.from({ length: 2_000 }, (_, i) => `<row r="${i + 1}"/>`).join(""))));
    await expect(openWorkbookBuffer(few, { readOnly: true, limits: { ...DEFAULT_LIMITS, maxRowsPerSheet: 1_000 } })).rejects.toThrow(/más de 1,000 filas/);
  });

  it("reports what a save through ExcelJS would drop (charts, named formulas, sheet-level names)", () => {
    const parts = minimalXlsx(
      sheetXml(""),
      '<definedNames><definedName name="IVA">0.16</definedName><definedName name="Local" localSheetId="0">Hoja1!$A$1</definedName><definedName name="Rango">Hoja1!$A$1:$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Hoja1!$A$1:$C$9</definedName></definedNames>',
    );
    parts.push({ name: "xl/charts/chart1.xml", data: "<c:chartSpace/>" });
    expect(inspectXlsx(makeZip(parts)).lossyParts).toEqual(["gráficas", "nombres definidos con fórmulas o constantes (IVA)", "nombres definidos de hoja (Local)"]);
  });

  it("a defined name over a whole sheet", async () => {
    const parts = minimalXlsx(sheetXml(""), '<definedNames><definedName name="Todo">Hoja1!$A$1:$XFD$1048576</definedName></definedNames>');
    expect(await refusal(makeZip(parts))).toMatch(/nombre definido «Todo» abarca/);
  });

  it("a zip-encrypted part", async () => {
    const buf = makeZip(minimalXlsx(sheetXml("")));
    // set the "encrypted" flag of the first central-directory entry
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), buf.length - 22);
    const first = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(cd).toBeGreaterThan(0);
    buf.writeUInt16LE(1, first + 8);
    expect(await refusal(buf)).toMatch(/contraseña/);
  });

  it("a data validation over a whole sheet loads fast (ranges are not expanded cell by cell)", async () => {
    const parts = minimalXlsx(
      sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"Sí,No"</formula1></dataValidation></dataValidations>'),
    );
    const { workbook } = await openWorkbookBuffer(makeZip(parts));
    const dv = (workbook.worksheets[0] as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    expect(Object.keys(dv)).toEqual(["A1:XFD1048576"]);
  });

  it("Strict Open XML (purl.oclc.org namespaces or conformance=\"strict\") is refused before ExcelJS misreads it", async () => {
    const strict = minimalXlsx(sheetXml('<row r="1"><c r="A1" t="d"><v>2025-05-15</v></c></row>').replaceAll("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"));
    strict[2]!.data = String(strict[2]!.data).replaceAll("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main");
    const msg = await refusal(makeZip(strict));
    expect(msg).toBe("el libro está guardado en formato «Hoja de cálculo Open XML estricta» (Strict Open XML), que RAOCE no lee: ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)»");
    const flagged = minimalXlsx(sheetXml(""));
    flagged[2]!.data = String(flagged[2]!.data).replace("<workbook ", '<workbook conformance="strict" ');
    expect(await refusal(makeZip(flagged))).toBe(msg);
  });

  it("ISO 8601 date cells (t=\"d\") are read as dates, not as the year (exceljs-patches.ts #7)", async () => {
    const cells = ["2025-05-15", "2025-05-15T12:30:00", "2025-02-30", "no es fecha"].map((v, i) => `<c r="${"ABCD"[i]}1" t="d"><v>${v}</v></c>`).join("");
    const { workbook } = await openWorkbookBuffer(makeZip(minimalXlsx(sheetXml(`<row r="1">${cells}</row>`))));
    const [a, b, c, d] = [1, 2, 3, 4].map((col) => workbook.worksheets[0]!.getCell(1, col).value);
    expect(a).toEqual(new Date("2025-05-15T00:00:00Z"));
    expect(plainCellValue(a, false)).toBe(isoToSerial("2025-05-15", false)); // ExcelJS alone: 2025
    expect(b).toEqual(new Date("2025-05-15T12:30:00Z"));
    expect(c).toBe("2025-02-30"); // not a date: kept as the text it is (the reader says why)
    expect(d).toBe("no es fecha");
  });

  it("malformed XML inside a valid zip is reported as a damaged workbook", async () => {
    const parts = minimalXlsx(sheetXml("<row><c r="));
    expect(await refusal(makeZip(parts))).toMatch(/dañado/);
  });

  it("never throws anything but UnusableWorkbookError on random bytes", async () => {
    for (let seed = 1; seed <= 30; seed++) {
      let x = seed;
      const buf = Buffer.alloc(200 + seed * 37, 0).map(() => ((x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff);
      if (seed % 2) Buffer.from("PK\x03\x04").copy(buf, 0);
      await expect(openWorkbookBuffer(Buffer.from(buf))).rejects.toBeInstanceOf(UnusableWorkbookError);
    }
    expect(deflateRawSync).toBeDefined();
  });
});
