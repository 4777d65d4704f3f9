/** The Data Stage reader (R50–R53): layout by header name with SAT's spellings, CRLF, latin-1, dates, streaming. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { readDataStage, DataStageSourceError } from "../../src/datastage";
import { parseDsDate, parseDsNumber } from "../../src/datastage/fields";
import { fileCode, mapColumns } from "../../src/datastage/layout";
import { forEachLine } from "../../src/datastage/lines";
import { deliveryFiles, generateMaquila } from "../../scripts/make-datastage";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "raoce-ds-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function* chunksOf(buf: Buffer, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

describe("fields and lines", () => {
  it("dates in the forms SAT files use", () => {
    expect(parseDsDate("2026-01-05 17:48:15")).toBe("2026-01-05");
    expect(parseDsDate("20260105")).toBe("2026-01-05");
    expect(parseDsDate("05/01/2026")).toBe("2026-01-05");
    expect(parseDsDate("2026-02-30 10:00:00")).toBeNull();
    expect(parseDsDate("")).toBeNull();
  });
  it("numbers with a point, no separators; text is not a number", () => {
    expect(parseDsNumber("35553")).toBe(35553);
    expect(parseDsNumber("1976.88")).toBe(1976.88);
    expect(parseDsNumber(" ")).toBeNull();
    expect(parseDsNumber("1,976.88")).toBeNaN();
  });
  it("latin-1 text, CRLF and a trailing pipe, whatever the chunk boundaries", async () => {
    const text = "Patente|Pedimento|DescripcionMercancia\r\n3807|4000001|ARNÉS ELÉCTRICO PEÑA|\r\n3807|4000002|CAÑÓN|\r\n";
    const buf = Buffer.from(text, "latin1");
    for (const size of [1, 3, 7, buf.length]) {
      const rows: string[][] = [];
      await forEachLine(chunksOf(buf, size), (f) => rows.push(f));
      expect(rows).toEqual([["Patente", "Pedimento", "DescripcionMercancia"], ["3807", "4000001", "ARNÉS ELÉCTRICO PEÑA"], ["3807", "4000002", "CAÑÓN"]]);
    }
  });
  it("a UTF-8 file with a BOM is read as UTF-8", async () => {
    const rows: string[][] = [];
    await forEachLine(chunksOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("A|B\nÑ|É|\n", "utf8")]), 2), (f) => rows.push(f));
    expect(rows).toEqual([["A", "B"], ["Ñ", "É"]]);
  });
  it("columns by header name, tolerant of case, spaces, underscores and SAT's spellings; positions when there is no header", () => {
    const m = mapColumns("501", "patente|PEDIMENTO|Seccion Aduanera|Tipo_Operacion|ClaveDocumento|FechaValidacionPagoR".split("|"));
    expect(m).toMatchObject({ headerless: false, missing: [], index: { Patente: 0, Pedimento: 1, SeccionAduanera: 2, TipoOperacion: 3, ClaveDocumento: 4, FechaPagoReal: 5 } });
    expect(mapColumns("551", "Patente|Pedimento|SeccionAduanera|ValorComerical".split("|")).index.ValorComercial).toBe(3);
    expect(mapColumns("501", "3953|6000098|240|2|RT".split("|"))).toMatchObject({ headerless: true, index: { TipoOperacion: 3, FechaPagoReal: 30 } });
    expect(mapColumns("551", "Patente|Pedimento|Seccion".split("|")).missing).toEqual(["SeccionAduanera", "ValorComercial"]);
    expect(fileCode("x/1875724_501.asc")).toBe("501");
    expect(fileCode("1875724_Resumen.asc")).toBe("resumen");
    expect(fileCode("Data stage 2024.xlsx")).toBeNull();
  });
});

describe("readDataStage", () => {
  const model = generateMaquila({ year: 2024, itemsTarget: 200 });
  const write = async (name: string, files: Record<string, string>, nested = "") => {
    const zip = new JSZip();
    for (const [n, t] of Object.entries(files)) zip.file(nested + n, Buffer.from(t, "latin1"));
    zip.file("__MACOSX/._x_501.asc", "garbage");
    const p = join(dir, name);
    writeFileSync(p, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    return p;
  };

  it("sums the 551 items per pedimento and rebuilds the 15-digit numbers; nested folders and __MACOSX are fine", async () => {
    const p = await write("1875705_Solicitudes.zip", deliveryFiles(model, "1875705", ["2024-05"]), "1875705/");
    const r = await readDataStage([p]);
    const may = model.pedimentos.filter((x) => x.delivery === "2024-05");
    expect(r.records).toHaveLength(may.length);
    for (const g of may) {
      const rec = r.records.find((x) => x.number === `24${g.seccion.slice(0, 2)}${g.patente}${g.pedimento}`)!;
      expect(rec).toBeDefined();
      expect(rec.commercialMxn).toBe(g.items.reduce((s, it) => s + it.vc, 0));
      expect(rec.items).toBe(g.items.length);
      expect(rec.direction).toBe(g.tipoOp === 2 ? "export" : "import");
    }
    expect(r.resumen).toEqual([{ file: "1875705_Solicitudes.zip › 1875705_Resumen.asc", rfc: model.rfc, from: "2024-05-01", to: "2024-05-31" }]);
    expect(r.problems).toEqual([]);
  });

  it("reads a folder of .asc files the same way as the ZIP", async () => {
    const files = deliveryFiles(model, "1875706", ["2024-06"], { variantHeaders: true });
    mkdirSync(join(dir, "junio"));
    for (const [n, t] of Object.entries(files)) writeFileSync(join(dir, "junio", n), Buffer.from(t, "latin1"));
    const fromFolder = await readDataStage([join(dir, "junio")]);
    const fromZip = await readDataStage([await write("z.zip", files)]);
    expect(fromFolder.records.map((x) => [x.number, x.commercialMxn, x.usd])).toEqual(fromZip.records.map((x) => [x.number, x.commercialMxn, x.usd]));
    expect(fromFolder.records.length).toBeGreaterThan(0);
  });

  it("items without a 501 header are counted and located (R57); a missing column is a located error", async () => {
    const files = deliveryFiles(model, "1875707", ["2024-07"]);
    const lines501 = files["1875707_501.asc"]!.split("\r\n");
    files["1875707_501.asc"] = [lines501[0], ...lines501.slice(2)].join("\r\n"); // drop the first pedimento's header
    const r = await readDataStage([await write("a.zip", files)]);
    expect(r.orphanItems.count).toBeGreaterThan(0);
    expect(r.orphanItems.examples[0]).toMatch(/1875707_551\.asc, línea \d+/);

    const bad = deliveryFiles(model, "1875708", ["2024-08"]);
    bad["1875708_551.asc"] = bad["1875708_551.asc"]!.replace("ValorComercial", "Importe");
    const r2 = await readDataStage([await write("b.zip", bad)]);
    expect(r2.problems).toEqual([expect.objectContaining({ severity: "error", code: "DS_COLUMNS", message: expect.stringMatching(/1875708_551\.asc: faltan las columnas ValorComercial/) })]);
  });

  it("701 links: the R1 and the pedimento it replaces, with the effective clave", async () => {
    const r = await readDataStage([await write("abr.zip", deliveryFiles(model, "1875704", ["2024-04"]))]);
    const rect = model.rectifications[0]!;
    expect(r.rectifications).toEqual([expect.objectContaining({ number: `2424${rect.r1.patente}${rect.r1.pedimento}`, previous: `2424${rect.prev.patente}${rect.prev.pedimento}`, clave: "A1" })]);
  });

  it("a zip bomb in place of the 551 stops with a message (no minutes of inflating)", async () => {
    const files = deliveryFiles(model, "1875709", ["2024-09"]);
    const zip = new JSZip();
    for (const [n, t] of Object.entries(files)) zip.file(n, Buffer.from(t, "latin1"));
    zip.file("1875709_551.asc", Buffer.alloc(96 * 1024 * 1024, `${"A".repeat(999)}\n`)); // 96 MB of lines of "A": ~1,000× compression
    const p = join(dir, "bomba.zip");
    writeFileSync(p, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const r = await readDataStage([p]);
    expect(r.problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: "error", code: "DS_UNREADABLE", message: expect.stringMatching(/1875709_551\.asc: no se pudo leer \(.*parece una bomba zip/) })]));
  });

  it("unusable sources get one clear sentence", async () => {
    await expect(readDataStage([join(dir, "no-existe.zip")])).rejects.toThrow(DataStageSourceError);
    writeFileSync(join(dir, "roto.zip"), "not a zip");
    await expect(readDataStage([join(dir, "roto.zip")])).rejects.toThrow(/no es un ZIP legible/);
    await expect(readDataStage([await write("vacio.zip", { "leeme.txt": "x" })])).rejects.toThrow(/no contiene archivos \.asc/);
  });
});
