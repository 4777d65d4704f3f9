/**
 * Every bad-input class becomes an issue located at its cell ("Sheet!A1"): cell problems found while reading and
 * engine issues mapped from their path. Real workbooks (template + example typed in + the user's mistake).
 */
import type { Workbook } from "exceljs";
import { addBusinessDays, calendarOf } from "../../src/domain/calendar";
import { analyzeSnapshot, type UsableAnalysis } from "../../src/workbook/analyze";
import { FILE_MAX_TABLE_ROWS, SNAPSHOT_REQUEST, TABLES } from "../../src/workbook/layout";
import type { TableSnapshot, WorkbookSnapshot } from "../../src/workbook/port";
import { readInput } from "../../src/workbook/read-input";
import { snapshotOf } from "../../src/workbook/exceljs-adapter";
import { openWorkbookBuffer, workbookBuffer } from "../../src/workbook/xlsx-file";
import { exampleDoc, workbookFor } from "./xlsx/helpers";

const TODAY = "2025-05-20";

async function analyze(doc: Record<string, unknown>, edit?: (wb: Workbook) => void): Promise<{ a: UsableAnalysis; snap: WorkbookSnapshot }> {
  const o = await workbookFor(doc, edit);
  const snap = await o.adapter.read();
  const a = analyzeSnapshot(snap, TODAY);
  if (!a.usable) throw new Error(a.reason);
  return { a, snap };
}

const at = (a: UsableAnalysis, code: string) => a.issues.filter((i) => i.code === code).map((i) => ({ location: i.location, severity: i.severity, message: i.message }));
const sheet = (wb: Workbook, name: string) => wb.getWorksheet(name)!;

describe("read-input: located cell problems", () => {
  const base = exampleDoc("immex-industrial");

  it("a clean workbook reads back the document that was typed in", async () => {
    const { a } = await analyze(exampleDoc("prosec-cafe"));
    expect(a.input).toMatchObject(exampleDoc("prosec-cafe"));
    expect(a.summary.errors).toBe(0);
  });

  it("text in a number cell", async () => {
    const { a } = await analyze(base, (wb) => (sheet(wb, "Cifras").getCell("B6").value = "ciento veinte mil"));
    expect(at(a, "NOT_A_NUMBER")).toEqual([{ location: "Cifras!B6", severity: "error", message: "Ventas totales (a): debe ser un número, no texto (valor: «ciento veinte mil»)." }]);
    expect(a.issues.filter((i) => i.path === "figures.totalSales" && i.code === "REQUIRED")).toEqual([]); // not reported twice
  });

  it("a number typed as text is read, with a warning", async () => {
    const { a } = await analyze(base, (wb) => (sheet(wb, "Cifras").getCell("B6").value = "120,000.50"));
    expect(at(a, "NUMBER_AS_TEXT")[0]).toMatchObject({ location: "Cifras!B6", severity: "warning" });
    expect((a.input.figures as Record<string, unknown>).totalSales).toBe(120000.5);
  });

  it("an unknown program (engine issue mapped to its table cell)", async () => {
    const { a } = await analyze(base, (wb) => (sheet(wb, "Programas").getCell("A6").value = "MAQUILA"));
    const i = a.issues.find((x) => x.path === "programs[0].type")!;
    expect(i).toMatchObject({ code: "INVALID_VALUE", severity: "error", location: "Programas!A6" });
    expect(i.message).toMatch(/Programa valor no reconocido; use uno de: IMMEX, PROSEC, ALTEX, ECEX/);
  });

  it("typical mistakes: bad RFC, pesos, exports > sales, 6-digit fracción, unknown unit, unauthorized sector, imports for linked IMMEX", async () => {
    const { a } = await analyze(exampleDoc("errores-tipicos"));
    const loc = (code: string) => a.issues.filter((i) => i.code === code).map((i) => i.location);
    expect(loc("RFC_DATE")).toEqual(["Empresa!B6"]);
    expect(loc("LIKELY_PESOS")).toEqual(["Cifras!B6"]);
    expect(loc("EXPORTS_EXCEED_SALES")).toEqual(["Cifras!B7"]);
    expect(loc("TARIFF_CODE")).toEqual(["Bienes!B6"]);
    expect(loc("UNKNOWN_UNIT")).toEqual(["Bienes!D6"]);
    expect(loc("SECTOR_NOT_AUTHORIZED")).toEqual(["Bienes!A6"]);
    expect(loc("IMPORTS_NOT_CAPTURED")).toEqual(["Cifras!B8"]);
  });

  it.each([
    ["31/02/2025", "IMPOSSIBLE_DATE", /no es una fecha que exista/],
    [3_000_000, "IMPOSSIBLE_DATE", /no es una fecha que Excel pueda mostrar/],
    ["la semana pasada", "NOT_A_DATE", /no es una fecha/],
  ])("an impossible date in a date cell: %p", async (value, code, re) => {
    const { a } = await analyze(base, (wb) => {
      const c = sheet(wb, "Programas").getCell("G6");
      c.value = value;
    });
    expect(at(a, code)).toEqual([expect.objectContaining({ location: "Programas!G6", severity: "error" })]);
    expect(at(a, code)[0]!.message).toMatch(/^Fecha de presentación del RAOCE, fila 1: /);
    expect(at(a, code)[0]!.message).toMatch(re);
  });

  it("a date typed as dd/mm/aaaa text is accepted", async () => {
    const { a } = await analyze(base, (wb) => (sheet(wb, "Programas").getCell("G6").value = "10/06/2025"));
    expect((a.input.programs as Record<string, unknown>[])[0]!.filedOn).toBe("2025-06-10");
  });

  it("an Excel error value in an input cell", async () => {
    const { a } = await analyze(base, (wb) => (sheet(wb, "Cifras").getCell("B7").value = { error: "#N/A" } as never));
    expect(at(a, "CELL_ERROR")).toEqual([expect.objectContaining({ location: "Cifras!B7", message: "Total exportaciones (b): la celda muestra el error #N/A; capture un valor." })]);
  });

  it("an empty required cell", async () => {
    const { a } = await analyze(base, (wb) => (sheet(wb, "Empresa").getCell("B6").value = null));
    expect(a.issues.filter((i) => i.code === "REQUIRED").map((i) => [i.location, i.message])).toEqual([["Empresa!B6", "RFC: es obligatorio; capture el dato."]]);
  });

  it("Sí/No cells accept variants and reject anything else", async () => {
    const ok = await analyze(base, (wb) => (sheet(wb, "Empresa").getCell("B8").value = "si"));
    expect((ok.a.input.company as Record<string, unknown>).consignment).toBe(true);
    const bad = await analyze(base, (wb) => (sheet(wb, "Empresa").getCell("B8").value = "a veces"));
    expect(at(bad.a, "NOT_YES_NO")).toEqual([expect.objectContaining({ location: "Empresa!B8" })]);
  });

  it("a fracción whose leading zero Excel dropped is padded with a visible warning naming its chapter (R36 rev.)", async () => {
    const { a } = await analyze(exampleDoc("prosec-cafe"), (wb) => (sheet(wb, "Bienes").getCell("B6").value = 9011201));
    const w = at(a, "TARIFF_PADDED");
    expect(w).toEqual([expect.objectContaining({ location: "Bienes!B6", severity: "warning" })]);
    expect(w[0]!.message).toContain("09011201");
    expect(w[0]!.message).toContain("capítulo 09");
    expect(a.result.goods[0]!.tariffCode).toBe("09011201");
  });

  it("blank rows inside a table are skipped and paths still map to the right row", async () => {
    const doc = exampleDoc("immex-prosec-autopartes");
    const { a } = await analyze(doc, (wb) => {
      const ws = sheet(wb, "Programas");
      // move the PROSEC row (row 7) down to row 9, leaving two blank table rows in between
      for (let c = 1; c <= 12; c++) {
        ws.getCell(9, c).value = ws.getCell(7, c).value;
        ws.getCell(7, c).value = null;
      }
      ws.getCell("G9").value = "2025-02-30";
    });
    expect(a.read.rows.programs).toEqual([0, 3]);
    expect(at(a, "IMPOSSIBLE_DATE")).toEqual([expect.objectContaining({ location: "Programas!G9" })]);
    const prosec = a.issues.find((i) => i.path.startsWith("programs[1]") && i.code !== "IMPOSSIBLE_DATE");
    if (prosec) expect(prosec.location).toMatch(/^Programas![A-Z]+9$/);
  });

  it("a deleted sheet: one issue, no cascade of missing fields", async () => {
    const { a } = await analyze(base, (wb) => wb.removeWorksheet(sheet(wb, "Cifras").id));
    expect(at(a, "SHEET_MISSING")).toEqual([{ location: null, severity: "error", message: expect.stringMatching(/^Falta la hoja «Cifras»/) }]);
    expect(a.issues.filter((i) => i.path.startsWith("figures.total") && i.code === "REQUIRED")).toEqual([]);
  });

  it("a deleted defined name", async () => {
    const { a } = await analyze(base, (wb) => {
      wb.definedNames.model = (wb.definedNames.model as { name: string; ranges: string[] }[]).filter((n) => n.name !== "RAOCE_VENTAS_TOTALES");
    });
    expect(at(a, "NAME_MISSING")).toEqual([expect.objectContaining({ location: "Cifras!B6", severity: "error", message: expect.stringMatching(/^El nombre definido RAOCE_VENTAS_TOTALES \(«Ventas totales \(a\)»\) no existe/) })]);
  });

  it("a renamed table", async () => {
    const { a } = await analyze(base, (wb) => {
      const t = (sheet(wb, "Programas") as unknown as { tables: Record<string, { table: { name: string; displayName: string } }> }).tables.tblProgramas!;
      t.table.name = "Tabla1";
      t.table.displayName = "Tabla1";
    });
    expect(at(a, "TABLE_MISSING")).toEqual([expect.objectContaining({ location: "Programas!A5", severity: "error", message: expect.stringMatching(/^No se encuentra la tabla tblProgramas/) })]);
  });

  it("a renamed table column", async () => {
    const { a } = await analyze(base, (wb) => {
      const ws = sheet(wb, "Programas");
      ws.getCell("G5").value = "Presentado";
      const t = (ws as unknown as { tables: Record<string, { table: { columns: { name: string }[] } }> }).tables.tblProgramas!;
      t.table.columns[6]!.name = "Presentado";
    });
    expect(at(a, "COLUMN_MISSING")).toEqual([expect.objectContaining({ location: "Programas!A5", severity: "error", message: expect.stringContaining("«Fecha de presentación»") })]);
  });

  it("template 1.3: the cause of a cancellation (Programas) is read and shown with its date (R4 rev.)", async () => {
    // Cancelled on 2 May 2025 (after 1 April of filing year 2025), never filed: CANCELADO, with the typed cause.
    const { a } = await analyze(base, (wb) => {
      const ws = sheet(wb, "Programas");
      ws.getCell("E6").value = new Date(Date.UTC(2025, 4, 2));
      ws.getCell("F6").value = "Incumplimiento de requisitos (visita de verificación)";
    });
    expect(sheet((await workbookFor(base)).workbook, "Programas").getCell("F5").value).toBe("Causa de la cancelación");
    expect((a.input.programs as Record<string, unknown>[])[0]!.cancellationCause).toBe("Incumplimiento de requisitos (visita de verificación)");
    expect(a.result.programs[0]).toMatchObject({ status: "CANCELADO", cancellation: { date: "2025-05-02", cause: "Incumplimiento de requisitos (visita de verificación)" } });
    expect(at(a, "PROGRAM_CANCELLED_IN_FILING_YEAR")).toEqual([
      expect.objectContaining({ location: "Programas!E6", message: expect.stringContaining("cancelado desde el 2 de mayo de 2025 (causa: Incumplimiento de requisitos (visita de verificación))") }),
    ]);
  });

  it("template 1.3: «Contar los periodos inhábiles declarados por la SE» = No removes the SE's year-end period (R12 rev.)", async () => {
    const dflt = await analyze(base);
    expect(sheet((await workbookFor(base)).workbook, "Empresa").getCell("A26").value).toMatch(/periodos inhábiles declarados por la SE/);
    // Reference R12: IMMEX/PROSEC procedures last received 19-Dec-2025, business days resume 7-Jan-2026.
    expect(addBusinessDays("2025-12-19", 1, calendarOf(dflt.a.input as never))).toBe("2026-01-07");
    const off = await analyze(base, (wb) => (sheet(wb, "Empresa").getCell("B26").value = "no"));
    expect((off.a.input.settings as Record<string, unknown>).seDeclaredPeriods).toBe(false);
    expect(addBusinessDays("2025-12-19", 1, calendarOf(off.a.input as never))).toBe("2025-12-22");
    const bad = await analyze(base, (wb) => (sheet(wb, "Empresa").getCell("B26").value = "quizá"));
    expect(at(bad.a, "NOT_YES_NO")).toEqual([expect.objectContaining({ location: "Empresa!B26" })]);
  });

  it("a template of another version", async () => {
    // Another major version: the reader locates the problem, and the analysis refuses the workbook (CLI and pane alike).
    const majorSnap = await (await workbookFor(base, (wb) => (sheet(wb, "Catálogos").getCell("B2").value = "2.0.0"))).adapter.read();
    const majorRead = readInput(majorSnap);
    expect(majorRead.issues.filter((i) => i.code === "TEMPLATE_VERSION").map((i) => ({ location: i.location, severity: i.severity, message: i.message }))).toEqual([expect.objectContaining({ location: "Catálogos!B2", severity: "error", message: expect.stringMatching(/^Plantilla de otra versión \(2\.0\.0\)/) })]);
    expect(analyzeSnapshot(majorSnap, TODAY)).toMatchObject({ usable: false, kind: "other-version", reason: expect.stringMatching(/más nueva .* en Catálogos!B2/), reasonEn: expect.stringMatching(/^this is a newer RAOCE template \(version .* at Catálogos!B2\).*: update RAOCE$/) });
    const minor = await analyze(base, (wb) => (sheet(wb, "Catálogos").getCell("B2").value = "1.7.0"));
    expect(at(minor.a, "TEMPLATE_VERSION_MINOR")).toEqual([expect.objectContaining({ severity: "info" })]);
  });

  it("a workbook that is not a RAOCE template is unusable", async () => {
    const o = await workbookFor(base, (wb) => {
      wb.definedNames.model = [];
      for (const ws of [...wb.worksheets]) wb.removeWorksheet(ws.id);
      wb.addWorksheet("Hoja1").getCell("A1").value = "hola";
    });
    expect(analyzeSnapshot(await o.adapter.read(), TODAY)).toEqual({ usable: false, reason: expect.stringMatching(/^no es una plantilla RAOCE/), reasonEn: expect.stringMatching(/^this is not a RAOCE template/) });
  });

  it("1904 date system: serials are read in the workbook's own system", async () => {
    const o = await workbookFor({ ...base, programs: [{ type: "IMMEX", number: "83-2019", filedOn: "2025-06-10" }] }, undefined, (wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
    });
    expect(o.inspection.date1904).toBe(true);
    // 2025-06-10 is serial 45818 in the 1900 system and 44356 in the 1904 system
    expect(o.workbook.getWorksheet("Programas")!.getCell("G6").value).toEqual(new Date(Date.UTC(2025, 5, 10)));
    const snap = await o.adapter.read();
    expect(snap.date1904).toBe(true);
    const a = analyzeSnapshot(snap, TODAY) as UsableAnalysis;
    expect((a.input.programs as Record<string, unknown>[])[0]!.filedOn).toBe("2025-06-10");
  });
});

describe("read-only loads (raoce check) read the same snapshot as full loads", () => {
  it("even when the user moved an input onto a generated-list sheet", async () => {
    const o = await workbookFor(exampleDoc("prosec-cafe"), (wb) => {
      wb.getWorksheet("Problemas")!.getCell("H2").value = "SAT970701NN3";
      const model = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => (n.name === "RAOCE_RFC" ? { name: n.name, ranges: ["Problemas!$H$2"] } : n));
      wb.definedNames.model = model;
    });
    const buf = await workbookBuffer(o.workbook);
    const full = await (await openWorkbookBuffer(buf)).adapter.read();
    const ro = await openWorkbookBuffer(buf, { readOnly: true });
    // Merged areas matter only to writes (write-guard.ts); a read-only load never writes, so it need not read them.
    const { merges: _fullMerges, ...fullSansMerges } = full;
    const { merges: _roMerges, ...roSansMerges } = await ro.adapter.read();
    expect(roSansMerges).toEqual(fullSansMerges);
    expect(full.names.RAOCE_RFC).toMatchObject({ sheet: "Problemas", address: "H2", values: [["SAT970701NN3"]] });
  });

  it("a table longer than the file cap is reported too-large, not read", async () => {
    const o = await workbookFor(exampleDoc("prosec-cafe"));
    const snap = snapshotOf(o.workbook, o.inspection.definedNames, { ...SNAPSHOT_REQUEST, maxTableRows: 10 });
    expect(snap.tables.tblBienes).toEqual({ found: false, reason: "too-large", sheet: "Bienes", detail: `${TABLES.find((t) => t.name === "tblBienes")!.blankRows} filas; el límite es 10` });
    expect(FILE_MAX_TABLE_ROWS).toBe(20_000);
  });

  it("skips the cells of the generated lists otherwise", async () => {
    const o = await workbookFor(exampleDoc("prosec-cafe"));
    const ro = await openWorkbookBuffer(await workbookBuffer(o.workbook), { readOnly: true });
    expect(ro.workbook.getWorksheet("Captura VUCEM")!.rowCount).toBe(0);
    const full = await openWorkbookBuffer(await workbookBuffer(o.workbook));
    const strip = ({ merges: _merges, ...s }: WorkbookSnapshot) => ({ ...s, names: Object.fromEntries(Object.entries(s.names).filter(([k]) => !["RAOCE_PROBLEMAS", "RAOCE_CAPTURA", "RAOCE_SELLO_PROBLEMAS", "RAOCE_RESUMEN_PROBLEMAS", "RAOCE_SELLO_CAPTURA"].includes(k))) });
    expect(strip(await ro.adapter.read())).toEqual(strip(await full.adapter.read()));
  });
});

describe("read-input on snapshots (what the Office.js adapter gives)", () => {
  let snap: WorkbookSnapshot;
  beforeAll(async () => {
    snap = await (await workbookFor(exampleDoc("prosec-cafe"))).adapter.read();
  });
  const clone = (): WorkbookSnapshot => structuredClone(snap);

  it("requests exactly the layout's names and tables", () => {
    expect(Object.keys(snap.names).sort()).toEqual([...SNAPSHOT_REQUEST.names].sort());
    expect(Object.keys(snap.tables).sort()).toEqual([...SNAPSHOT_REQUEST.tables].sort());
  });

  it("blocks moved by the user: names and tables are located where they are now", () => {
    const s = clone();
    s.names.RAOCE_VENTAS_TOTALES = { found: true, sheet: "Cifras", address: "D20", values: [["mucho"]] };
    const t = s.tables.tblBienes as TableSnapshot;
    t.headerAddress = "C12:J12";
    t.bodyTopLeft = "C13";
    (t.rows[1] as unknown[])[3] = "costal";
    const r = readInput(s);
    const a = analyzeSnapshot(s, TODAY) as UsableAnalysis;
    expect(a.issues.find((i) => i.code === "NOT_A_NUMBER")!.location).toBe("Cifras!D20");
    expect(a.issues.find((i) => i.code === "UNKNOWN_UNIT")!.location).toBe("Bienes!F14");
    expect(r.locate("goods[1]")).toEqual({ sheet: "Bienes", address: "C14" });
    expect(r.locate("goods")).toEqual({ sheet: "Bienes", address: "C12" });
  });

  it("a renamed sheet: the names followed it (a note only)", () => {
    const s = clone();
    s.sheets = s.sheets.map((n) => (n === "Cifras" ? "Cifras 2024" : n));
    for (const n of Object.values(s.names)) if (n.found && n.sheet === "Cifras") n.sheet = "Cifras 2024";
    const a = analyzeSnapshot(s, TODAY) as UsableAnalysis;
    expect(a.issues.filter((i) => i.code === "SHEET_RENAMED")).toEqual([expect.objectContaining({ severity: "info", location: "Cifras 2024!B3" })]);
    expect(a.summary.errors).toBe(0);
  });

  it("a name that points to #REF! (its cell or sheet was deleted)", () => {
    const s = clone();
    s.names.RAOCE_RFC = { found: false, reason: "broken", detail: "#REF!" };
    const a = analyzeSnapshot(s, TODAY) as UsableAnalysis;
    expect(a.issues.filter((i) => i.code === "NAME_MISSING")).toEqual([expect.objectContaining({ location: "Empresa!B6", message: expect.stringContaining("apunta a #¡REF!") })]);
    expect(a.issues.filter((i) => i.path === "company.rfc" && i.code === "REQUIRED")).toEqual([]);
  });

  it("a 1.2 workbook (no «Causa de la cancelación» column, no RAOCE_CFG_PERIODOS_SE) reads with no missing-column or missing-name issue", () => {
    const s = clone();
    const t = s.tables.tblProgramas as TableSnapshot;
    const j = t.headers.indexOf("Causa de la cancelación");
    expect(j).toBeGreaterThan(0);
    t.headers.splice(j, 1);
    for (const row of t.rows) (row as unknown[]).splice(j, 1);
    s.names.RAOCE_CFG_PERIODOS_SE = { found: false, reason: "missing" };
    s.version = "1.2.0";
    const a = analyzeSnapshot(s, TODAY) as UsableAnalysis;
    expect(a.issues.filter((i) => i.code === "COLUMN_MISSING" || i.code === "NAME_MISSING")).toEqual([]);
    expect(a.issues.filter((i) => i.code === "TEMPLATE_VERSION_MINOR")).toHaveLength(1);
    expect(a.summary.errors).toBe(0);
  });

  it("a table too large to read makes the workbook unusable with a clear reason", () => {
    const s = clone();
    s.tables.tblBienes = { found: false, reason: "too-large", sheet: "Bienes", detail: "1,048,570 filas; el límite es 20,000" };
    expect(analyzeSnapshot(s, TODAY)).toEqual({
      usable: false,
      reason: "la tabla tblBienes tiene demasiadas filas (1,048,570 filas; el límite es 20,000)",
      reasonEn: "the table tblBienes has too many rows (1,048,570 rows; the limit is 20,000)",
    });
  });

  it("Office.js-style values: error objects and numbers as text", () => {
    const s = clone();
    (s.tables.tblBienes as TableSnapshot).rows[0]![4] = { error: "#VALUE!" };
    (s.tables.tblBienes as TableSnapshot).rows[1]![4] = " 12500 ";
    const a = analyzeSnapshot(s, TODAY) as UsableAnalysis;
    expect(a.issues.find((i) => i.code === "CELL_ERROR")).toMatchObject({ location: "Bienes!E6", path: "goods[0].totalVolume" });
    expect(a.issues.find((i) => i.code === "NUMBER_AS_TEXT")).toMatchObject({ location: "Bienes!E7" });
    expect(a.issues.filter((i) => i.code === "REQUIRED" && i.path === "goods[0].totalVolume")).toEqual([]);
  });
});
