/** `raoce cartera | calendario | fill --out-dir | nuevo-ejercicio | check --resumen` (issue #11) on real .xlsx files. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import { Workbook } from "exceljs";
import { run } from "../../src/cli/main";
import { writeInputs } from "../../src/workbook/exceljs-adapter";
import { templateBuffer } from "../../src/workbook/template";
import { openWorkbookBuffer, saveWorkbookFile } from "../../src/workbook/xlsx-file";

const NOW = new Date("2025-05-20T18:00:00Z");
const EX = join(__dirname, "..", "..", "examples");
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "raoce-cartera-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const copyExamples = (names: string[], to = join(dir, "clientes")) => {
  mkdirSync(to, { recursive: true });
  for (const n of names) copyFileSync(join(EX, `${n}.xlsx`), join(to, `${n}.xlsx`));
  return to;
};
async function workbookFrom(doc: Record<string, unknown>, path: string) {
  const { workbook } = await openWorkbookBuffer(await templateBuffer());
  writeInputs(workbook, doc);
  await saveWorkbookFile(workbook, path);
}
const width = (s: string) => Math.max(...s.split("\n").map((l) => [...l].length));

describe("raoce cartera", () => {
  it("writes the portfolio workbook: summary, table with filters, frozen header, urgency formats, landscape one page wide, links, problems; no formulas", async () => {
    const folder = copyExamples(["immex-industrial", "prosec-cafe", "errores-tipicos", "immex-late-2024"]);
    writeFileSync(join(folder, "roto.xlsx"), "no soy un libro");
    const out = join(dir, "cartera.xlsx");
    const r = await run(["cartera", folder, "--out", out, "--as-of", "2025-05-26"], NOW);
    expect(r.exitCode).toBe(2); // an unusable file: listed, not fatal
    expect(r.stderr).toMatch(/roto\.xlsx: no es un libro de Excel/);
    expect(width(r.stdout)).toBeLessThanOrEqual(120);
    const lines = r.stdout.split("\n");
    const first = lines.findIndex((l) => l.startsWith("──"));
    expect(lines[first + 1]).toMatch(/^1\s+SAT970701NN3\s+Maquiladora.*IMMEX\s+Cancelado/);
    expect(lines[first + 2]).toMatch(/^2\s+CFE370814QI0.*PROSEC\s+Suspendido\s+extemp\. hasta\s+30\/06\/2025\s+35/);
    expect(r.stdout).toMatch(/Archivos inutilizables \(1\)/);

    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Cartera")!;
    expect(String(ws.getCell("A2").value)).toMatch(/^En riesgo esta semana: \d+ · Suspendidos: 1 · Cancelados: 1/);
    const table = (ws as unknown as { tables: Record<string, { table: { columns: { name: string }[]; tableRef?: string } }> }).tables;
    expect(Object.keys(table)).toEqual(["tblCartera"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const cf = (ws as unknown as { conditionalFormattings: { rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf[0]!.rules.map((x) => x.formulae[0])).toEqual(["$A7=1", "$A7=2", "$A7=3", "$A7=4", "$A7=5", "$A7=6", "$A7=7"]);
    expect(ws.getCell("A7").value).toBe(1);
    expect(ws.getCell("H8").value).toBe("Suspendido");
    expect(ws.getCell("Q8").value).toMatchObject({ text: "prosec-cafe.xlsx", hyperlink: "clientes/prosec-cafe.xlsx" });
    const ps = wb.getWorksheet("Problemas")!;
    const cells: unknown[] = [];
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => cells.push(c.formula ?? null))));
    expect(cells.filter(Boolean)).toEqual([]); // computed values only
    const probs: string[] = [];
    ps.eachRow((row) => probs.push(row.values ? (row.values as unknown[]).map((v) => (v && typeof v === "object" && "text" in v ? (v as { text: string }).text : String(v ?? ""))).join("|") : ""));
    expect(probs.join("\n")).toMatch(/Errores Comunes.*\|Cifras!B\d+\|Error\|/);
    expect(probs.join("\n")).toMatch(/Inutilizable\|Archivo inutilizable: no es un libro de Excel/);
  });

  it("--alerta N exits 3 only when a program is suspended, cancelled or due within N days; --json and --csv carry the same rows", async () => {
    const folder = copyExamples(["immex-industrial"]);
    expect((await run(["cartera", folder, "--as-of", "2025-04-10", "--alerta", "49"], NOW)).exitCode).toBe(0);
    expect((await run(["cartera", folder, "--as-of", "2025-04-10", "--alerta", "50"], NOW)).exitCode).toBe(3);
    const j = JSON.parse((await run(["cartera", folder, "--as-of", "2025-04-10", "--json"], NOW)).stdout);
    const csv = (await run(["cartera", folder, "--as-of", "2025-04-10", "--csv"], NOW)).stdout.split("\n");
    expect(j.rows).toHaveLength(1);
    expect(csv).toHaveLength(2);
    expect(j.rows[0]).toMatchObject({ rfc: "SAT970701NN3", program: "IMMEX", status: "EN_PLAZO", nextDate: "2025-05-30", daysLeft: 50, urgency: "SIN_URGENCIA" });
    expect(csv[1]).toContain("SAT970701NN3,");
    expect(csv[1]).toContain(",2025-05-30,50,");
    expect((await run(["cartera", folder, "--alerta", "x"], NOW)).exitCode).toBe(2);
    mkdirSync(join(dir, "vacia"));
    expect(await run(["cartera", join(dir, "vacia")], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/vacia: la carpeta no contiene libros \.xlsx/) });
  });

  it("says a missing or estimated exchange rate once for the whole batch", async () => {
    const folder = join(dir, "c");
    mkdirSync(folder);
    for (let i = 0; i < 3; i++) {
      await workbookFrom({ company: { rfc: "SAT970701NN3", name: `Cliente ${i}` }, filingYear: 2027, programs: [{ type: "IMMEX", number: `${i}-2015`, authorizedOn: "2015-01-01" }], figures: { totalSales: 1000, totalExports: 500 } }, join(folder, `c${i}.xlsx`));
    }
    // Fiscal year 2026 has no rate yet (R24): a warning in each workbook, one line for the batch.
    const r = await run(["cartera", folder, "--as-of", "2027-04-10", "--out", join(dir, "cartera.xlsx")], NOW);
    const flat = r.stdout.replace(/\n {4}/g, " "); // long lines wrap at 120 columns
    expect(flat.match(/tipo de cambio/gi)).toHaveLength(1);
    expect(flat).toMatch(/Para toda la cartera: No hay tipo de cambio para el ejercicio 2026.*\(3 libros\)/);
    const wb = new Workbook();
    await wb.xlsx.readFile(join(dir, "cartera.xlsx"));
    const texts: string[] = [];
    wb.getWorksheet("Problemas")!.eachRow((row) => texts.push(String(row.getCell(5).value ?? "")));
    expect(texts.filter((t) => /tipo de cambio/i.test(t))).toEqual([expect.stringMatching(/ejercicio 2026.* — en 3 libros$/)]);
  });

  it("marks results as out of date when an input changed after fill", async () => {
    const folder = copyExamples(["immex-industrial"]);
    const filled = join(dir, "llenos");
    expect((await run(["fill", folder, "--out-dir", filled, "--as-of", "2025-05-20"], NOW)).exitCode).toBe(0);
    const fresh = JSON.parse((await run(["cartera", filled, "--json"], NOW)).stdout);
    expect(fresh.rows[0].stale).toBe(false);
    const wb = new Workbook();
    await wb.xlsx.readFile(join(filled, "immex-industrial.xlsx"));
    wb.getWorksheet("Cifras")!.getCell("B7").value = 1; // exports changed, outputs not recomputed
    await wb.xlsx.writeFile(join(filled, "immex-industrial.xlsx"));
    const stale = JSON.parse((await run(["cartera", filled, "--json"], NOW)).stdout);
    expect(stale.rows[0].stale).toBe(true);
    expect(JSON.parse((await run(["cartera", folder, "--json"], NOW)).stdout).rows[0].stale).toBe(null); // never filled
  });
});

describe("raoce template --cartera", () => {
  it("writes the Cartera sheet workbook and refuses to overwrite without --force", async () => {
    const out = join(dir, "cartera-raoce.xlsx");
    expect(await run(["template", "--cartera", "--out", out], NOW)).toMatchObject({ exitCode: 0, stdout: expect.stringContaining("Hoja Cartera") });
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Cartera"]);
    expect(String((wb.getWorksheet("Cartera")!.getCell("H5").value as { formula: string }).formula)).toContain("_xldudf_RAOCE_STATUS(");
    expect((await run(["template", "--cartera", "--out", out], NOW)).exitCode).toBe(2);
  });
});

describe("raoce calendario", () => {
  it("writes every client's reminders; an independent parser reads them back as all-day events on the rules' dates", async () => {
    const folder = copyExamples(["immex-industrial", "prosec-cafe"]);
    const out = join(dir, "raoce.ics");
    const r = await run(["calendario", folder, "--out", out, "--aviso", "2", "--desde", "2025-04-01", "--hasta", "2025-12-31"], NOW);
    expect(r.exitCode).toBe(0);
    const comp = new ICAL.Component(ICAL.parse(readFileSync(out, "utf8")));
    const events = comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const byTitle = Object.fromEntries(events.map((e) => [e.summary, e.startDate.toString()]));
    expect(byTitle["SAT970701NN3 · IMMEX vence hoy"]).toBe("2025-05-30");
    expect(byTitle["CFE370814QI0 · PROSEC vence hoy"]).toBe("2025-04-30");
    expect(byTitle["CFE370814QI0 · PROSEC se cancela si no se presentó"]).toBe("2025-07-01");
    expect(events.every((e) => e.startDate.isDate)).toBe(true);
    expect(events.filter((e) => !e.component.getFirstPropertyValue("status")?.toString().includes("CANCELLED")).every((e) => String(e.component.getFirstSubcomponent("valarm")?.getFirstPropertyValue("trigger")) === "-P2D")).toBe(true);
    expect(events.every((e) => /Libro: .*\.xlsx/.test(e.description) && /Fundamento: /.test(e.description))).toBe(true);
    expect(r.stdout).toMatch(/^12 eventos entre 2025-04-01 y 2025-12-31 de 2 programas de 2 clientes/);
  });
});

describe("raoce fill --out-dir, nuevo-ejercicio, check --resumen", () => {
  it("fills a folder into copies; the inputs stay byte-identical", async () => {
    const folder = copyExamples(["immex-industrial", "prosec-cafe", "errores-tipicos"]);
    const before = ["immex-industrial", "prosec-cafe", "errores-tipicos"].map((n) => readFileSync(join(folder, `${n}.xlsx`)));
    const r = await run(["fill", folder, "--out-dir", join(dir, "llenos"), "--as-of", "2025-05-20"], NOW);
    expect(r.exitCode).toBe(1); // errores-tipicos has errors; its copy is still written
    expect(r.stdout.split("\n").at(-1)).toMatch(/^3 libros: 3 llenados en .* \(2 sin errores, 1 con errores\), 0 inutilizables; los originales no se modificaron$/);
    ["immex-industrial", "prosec-cafe", "errores-tipicos"].forEach((n, i) => expect(readFileSync(join(folder, `${n}.xlsx`)).equals(before[i]!)).toBe(true));
    const check = await run(["check", join(dir, "llenos", "prosec-cafe.xlsx")], NOW);
    expect(check.stdout).toMatch(/Tostadores/);
    expect((await run(["fill", folder, "--out-dir", folder], NOW)).exitCode).toBe(2); // would replace the inputs
  });

  it("nuevo-ejercicio carries company, programs and goods into the next year's template and leaves figures empty", async () => {
    const out = join(dir, "nuevo.xlsx");
    const r = await run(["nuevo-ejercicio", join(EX, "prosec-cafe.xlsx"), "--out", out], NOW);
    expect(r.exitCode).toBe(0);
    const j = JSON.parse((await run(["check", out, "--json", "--as-of", "2026-04-05"], NOW)).stdout)[0];
    expect(j.result).toMatchObject({ filingYear: 2026, company: { rfc: "CFE370814QI0", name: "Tostadores de Café del Sureste, S.A. de C.V." } });
    expect(j.result.programs).toEqual([expect.objectContaining({ type: "PROSEC", number: "2019-8664", status: "EN_PLAZO" })]);
    expect(j.result.goods.map((g: { tariffCode: string }) => g.tariffCode)).toEqual(["09011201", "21011101"]);
    expect(j.issues.filter((i: { code: string }) => i.code === "REQUIRED").map((i: { location: string }) => i.location)).toEqual(expect.arrayContaining(["Cifras!B6", "Cifras!B7"]));
    expect((await run(["nuevo-ejercicio", join(EX, "prosec-cafe.xlsx"), "--out", out], NOW)).exitCode).toBe(2); // never overwrites
  });

  it("check --resumen: one line per client, problems repeated across files said once", async () => {
    const folder = join(dir, "c");
    mkdirSync(folder);
    for (let i = 0; i < 3; i++) {
      await workbookFrom({ company: { rfc: "SAT970701NN3", name: `Cliente ${i}` }, filingYear: 2025, programs: [{ type: "IMMEX", number: `${i}-2015`, authorizedOn: "2015-01-01" }], figures: { totalSales: 100, totalExports: 500 } }, join(folder, `c${i}.xlsx`));
    }
    const r = await run(["check", ...[0, 1, 2].map((i) => join(folder, `c${i}.xlsx`)), "--resumen", "--as-of", "2025-05-20"], NOW);
    expect(r.exitCode).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("SAT970701NN3"))).toHaveLength(3);
    const repeated = lines.filter((l) => /— 3 libros$/.test(l));
    expect(repeated.length).toBeGreaterThan(0);
    expect(new Set(repeated).size).toBe(repeated.length);
  });

  it("check of several files (no --resumen) lists a warning repeated in every file once, at the end", async () => {
    const folder = join(dir, "c");
    mkdirSync(folder);
    const files = [0, 1, 2].map((i) => join(folder, `c${i}.xlsx`));
    for (const [i, f] of files.entries()) {
      await workbookFrom({ company: { rfc: "SAT970701NN3", name: `Cliente ${i}` }, filingYear: 2025, programs: [{ type: "IMMEX", number: `${i}-2015`, authorizedOn: "2015-01-01" }], figures: { totalSales: 100000, totalExports: 500, totalImports: 10 } }, f);
    }
    const r = await run(["check", ...files, "--as-of", "2025-05-20"], NOW);
    const notMet = r.stdout.split("\n").filter((l) => l.includes("no cumple el compromiso de exportación"));
    expect(notMet).toHaveLength(1);
    expect(notMet[0]).toMatch(/\[AVISO\] IMMEX: no cumple .* — 3 libros$/);
    expect(r.stdout.indexOf("Avisos repetidos")).toBeGreaterThan(r.stdout.lastIndexOf("Cliente 2"));
  });
});
