/**
 * «Marcar como presentado» on real .xlsx round trips (ExcelJS adapter): the Evidencia table is append-only — a second
 * marking adds a dated block after the first and the first block's cells are never rewritten; a figure changed after
 * filing is reported as a correction at its cell; the Avisos outputs; an older (1.0) workbook still reads.
 */
import type { Workbook } from "exceljs";
import { analyzeSnapshot, type UsableAnalysis } from "../../src/workbook/analyze";
import { correctionLetterFor } from "../../src/workbook/letters-from-analysis";
import { buildMarkFiledPlan, type MarkFiledOptions } from "../../src/workbook/mark-filed";
import type { CellValue, TableSnapshot } from "../../src/workbook/port";
import { isoToSerial } from "../../src/workbook/serial-dates";
import { buildWritePlan } from "../../src/workbook/write-plan";
import { writeInputs } from "../../src/workbook/exceljs-adapter";
import type { OpenedWorkbook } from "../../src/workbook/xlsx-file";
import { exampleDoc, reopen, workbookFor } from "./xlsx/helpers";

const base = (): Record<string, unknown> => ({ ...exampleDoc("immex-industrial"), asOf: "2025-05-28" });

async function analyze(o: OpenedWorkbook, today: string) {
  const snap = await o.adapter.read();
  const a = analyzeSnapshot(snap, today);
  if (!a.usable) throw new Error(a.reason);
  return { snap, a: a as UsableAnalysis };
}

async function mark(o: OpenedWorkbook, opts: MarkFiledOptions): Promise<OpenedWorkbook> {
  const { snap, a } = await analyze(o, opts.markedOn);
  const m = buildMarkFiledPlan(a, snap, opts);
  if (!m.ok) throw new Error(m.reason);
  await o.adapter.apply(m.plan);
  return reopen(o.workbook);
}

async function evidenceRows(o: OpenedWorkbook): Promise<CellValue[][]> {
  const t = (await o.adapter.read()).tables.tblEvidencia as TableSnapshot;
  expect(t.found).toBe(true);
  return t.rows.filter((r) => r.some((v) => v !== null && v !== ""));
}

/** Types new values into the input cells (as a user would), keeping the program row's filing data. */
function retype(wb: Workbook, doc: Record<string, unknown>): void {
  writeInputs(wb, doc);
}

const FIRST: MarkFiledOptions = { filedOn: "2025-05-28", folio: "2505281234567", preparedBy: "C.P. Jorge Salinas", reviewedBy: "C.P. Laura Méndez", markedOn: "2025-05-28" };

describe("Evidencia is append-only", () => {
  it("re-marking adds a dated block after the first; the first block's cells are identical before and after", async () => {
    const o1 = await mark(await workbookFor(base()), FIRST);
    const block1 = await evidenceRows(o1);
    // 6 filing rows (preparó, revisó, tipo de cambio, fuente, calculado el, SHA-256 of the inputs) + 7 captured values
    // (IMMEX alone) + the block's own SHA-256.
    expect(block1).toHaveLength(14);
    expect(block1.every((r) => r[0] === 1)).toBe(true);
    const labels = block1.map((r) => r[8]);
    expect(labels).toEqual(expect.arrayContaining(["Preparó", "Revisó", "Tipo de cambio (MXN por USD)", "Fuente del tipo de cambio", "SHA-256 de los datos del reporte", "RFC", "Ventas totales (a)", "Total exportaciones (b)", "Total importaciones (c)"]));
    const sha = block1.find((r) => r[7] === "inputsSha256")![9];
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(block1.find((r) => r[7] === "totalExports")!.slice(9)).toEqual([12000, "Cifras!B7"]);
    expect(block1[0]![1]).toBe(isoToSerial("2025-05-28")); // marked on, a date serial

    // A figure changes after filing; the accountant files again (another acuse) and marks it.
    const doc2 = { ...base(), asOf: "2025-06-03", figures: { ...(base().figures as object), totalExports: 12500 }, programs: [{ ...(base().programs as object[])[0], filedOn: "2025-05-28", folio: "2505281234567" }] };
    retype(o1.workbook, doc2);
    const o2 = await reopen(o1.workbook);
    const o3 = await mark(o2, { filedOn: "2025-06-03", folio: "2506030000042", markedOn: "2025-06-03", replace: true });
    const all = await evidenceRows(o3);
    expect(all.slice(0, 14)).toEqual(block1); // never overwritten
    const block2 = all.slice(14);
    expect(block2).toHaveLength(14);
    expect(block2.every((r) => r[0] === 2 && r[1] === isoToSerial("2025-06-03") && r[5] === "2506030000042")).toBe(true);
    expect(block2.find((r) => r[7] === "totalExports")![9]).toBe(12500);
    expect(block2.find((r) => r[7] === "inputsSha256")![9]).not.toBe(sha);

    // The table grew to hold both blocks (the template has one blank row), and the sheet stays protected and locked.
    const t = (await o3.adapter.read()).tables.tblEvidencia as TableSnapshot;
    expect(t.rows.length).toBeGreaterThanOrEqual(28);
    const ws = o3.workbook.getWorksheet("Evidencia")!;
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws.getCell("J30").style.protection?.locked ?? true).toBe(true);

    // Against the latest block nothing changed: no correction; the program row holds the new filing.
    const { a } = await analyze(o3, "2025-06-03");
    expect(a.afterFiling.corrections[0]).toMatchObject({ corrections: [], block: { block: 2 } });
    expect(a.input.programs).toEqual([expect.objectContaining({ filedOn: "2025-06-03", folio: "2506030000042" })]);
  });

  it("a third marking of an unchanged workbook still appends (a dated block per marking), earlier blocks intact", async () => {
    const o1 = await mark(await workbookFor(base()), FIRST);
    const o2 = await mark(o1, { ...FIRST, markedOn: "2025-05-29" });
    const before = await evidenceRows(o2); // read before marking again (mark() applies to o2's workbook)
    const o3 = await mark(o2, { ...FIRST, markedOn: "2025-05-30" });
    const rows = await evidenceRows(o3);
    expect(rows.map((r) => r[0])).toEqual([...Array(14).fill(1), ...Array(14).fill(2), ...Array(14).fill(3)]);
    expect(rows.slice(0, 28)).toEqual(before);
    expect(rows.slice(28).every((r) => r[1] === isoToSerial("2025-05-30"))).toBe(true);
  });

  it("a block edited after it was recorded is reported (its own SHA-256 no longer matches); an intact one is not", async () => {
    const o1 = await mark(await workbookFor(base()), FIRST);
    expect((await analyze(o1, "2025-05-29")).a.issues.filter((i) => i.code === "EVIDENCE_MODIFIED")).toEqual([]);
    const ws = o1.workbook.getWorksheet("Evidencia")!;
    const row = (await evidenceRows(o1)).findIndex((r) => r[7] === "totalExports");
    ws.getCell(6 + row, 10).value = 12500; // someone lifts the protection and "fixes" the filed figure
    const { a } = await analyze(await reopen(o1.workbook), "2025-05-29");
    expect(a.issues.filter((i) => i.code === "EVIDENCE_MODIFIED").map((i) => [i.severity, i.location])).toEqual([["warning", "Evidencia!A5"]]);
  });

  it("a different filing date or folio already on the row is not replaced without confirmation", async () => {
    const o1 = await mark(await workbookFor(base()), FIRST);
    const { snap, a } = await analyze(o1, "2025-06-03");
    const m = buildMarkFiledPlan(a, snap, { filedOn: "2025-06-03", folio: "X-2", markedOn: "2025-06-03" });
    expect(m).toEqual({
      ok: false,
      reason: expect.stringMatching(/ya tiene fecha de presentación 28 de mayo de 2025 y folio 2505281234567.*--reemplazar/),
      reasonEn: expect.stringMatching(/^the IMMEX row already has filing date 28 May 2025 and folio 2505281234567, different from the ones given; .*tick «Replace the date and folio»/),
    });
  });

  it("every reason and note comes in Spanish and English: written dates, a real plural, both date forms named", async () => {
    const { snap, a } = await analyze(await workbookFor(base()), "2025-05-28");
    expect(buildMarkFiledPlan(a, snap, { ...FIRST, filedOn: "28/05/2025" })).toEqual({
      ok: false,
      reason: "la fecha de presentación «28/05/2025» no es una fecha válida: escríbala como DD/MM/AAAA (28/05/2025) o AAAA-MM-DD (2025-05-28)",
      reasonEn: "the filing date «28/05/2025» is not a valid date: write it as DD/MM/YYYY (28/05/2025) or YYYY-MM-DD (2025-05-28)",
    });
    expect(buildMarkFiledPlan(a, snap, { ...FIRST, filedOn: "2025-05-29" })).toMatchObject({ reasonEn: "the filing date (29 May 2025) is after today (28 May 2025)" });
    expect(buildMarkFiledPlan(a, snap, { ...FIRST, folio: "  " })).toMatchObject({ reasonEn: "enter the folio of VUCEM's acknowledgement" });
    expect(buildMarkFiledPlan(a, snap, { ...FIRST, program: "PROSEC" })).toMatchObject({ reasonEn: "there is no program «PROSEC» on the Programas sheet (there are: IMMEX 83-2019)" });

    // Errors in the report: "1 error" / "2 errores", not "error(es)".
    const negative = { ...base(), figures: { ...(base().figures as object), totalExports: -5 } };
    const one = await analyze(await workbookFor(negative), "2025-05-28");
    expect(one.a.summary.errors).toBe(1);
    const m1 = buildMarkFiledPlan(one.a, one.snap, FIRST);
    if (!m1.ok) throw new Error(m1.reason);
    expect(m1.notes).toEqual(["El reporte tiene 1 error: se registró lo que el libro calcula hoy; revise la hoja Problemas."]);
    expect(m1.notesEn).toEqual(["The report has 1 error: what the workbook computes today was recorded; check the Problemas sheet."]);
    const two = await analyze(await workbookFor({ ...negative, company: { ...(base().company as object), rfc: "XX" } }), "2025-05-28");
    expect(two.a.summary.errors).toBe(2);
    const m2 = buildMarkFiledPlan(two.a, two.snap, FIRST);
    if (!m2.ok) throw new Error(m2.reason);
    expect(m2.notes[0]).toMatch(/^El reporte tiene 2 errores: /);
    expect(m2.notesEn[0]).toMatch(/^The report has 2 errors: /);
  });

  it("refuses bad input with a clear reason: a future date, an empty folio, a program that is not there", async () => {
    const { snap, a } = await analyze(await workbookFor(base()), "2025-05-28");
    expect(buildMarkFiledPlan(a, snap, { ...FIRST, filedOn: "2025-05-29" })).toMatchObject({ ok: false, reason: expect.stringContaining("posterior a hoy") });
    expect(buildMarkFiledPlan(a, snap, { ...FIRST, folio: "  " })).toMatchObject({ ok: false, reason: expect.stringContaining("folio") });
    expect(buildMarkFiledPlan(a, snap, { ...FIRST, program: "PROSEC" })).toMatchObject({ ok: false, reason: expect.stringContaining("no hay un programa «PROSEC»") });
  });
});

describe("after filing, a changed figure is a correction", () => {
  it("located at the changed cell, with exactly the changed fields", async () => {
    const o1 = await mark(await workbookFor(base()), FIRST);
    retype(o1.workbook, { ...base(), asOf: "2025-06-02", figures: { totalSales: 121500, totalExports: 12500, totalImports: 8000, taxReturnIncome: 121500000 }, programs: [{ ...(base().programs as object[])[0], filedOn: "2025-05-28", folio: "2505281234567" }] });
    const { a } = await analyze(await reopen(o1.workbook), "2025-06-02");
    const c = a.afterFiling.corrections[0]!;
    expect(c.corrections.map((x) => [x.label, x.said, x.shouldSay])).toEqual([
      ["Ventas totales (a)", "120,000", "121,500"],
      ["Total exportaciones (b)", "12,000", "12,500"],
    ]);
    expect(c.deadline).toEqual({ by: "2025-06-04", safe: "2025-06-04" });
    const found = a.issues.filter((i) => i.code === "CORRECTION_AFTER_FILING");
    expect(found.map((i) => [i.severity, i.location])).toEqual([["warning", "Cifras!B6"], ["warning", "Cifras!B7"]]);
  });

  it("the correction letter's notes come in both languages; a missed deadline is a written date", async () => {
    const o1 = await mark(await workbookFor(base()), FIRST);
    retype(o1.workbook, { ...base(), asOf: "2025-06-05", figures: { ...(base().figures as object), totalExports: 12500 }, programs: [{ ...(base().programs as object[])[0], filedOn: "2025-05-28", folio: "2505281234567" }] });
    const { a } = await analyze(await reopen(o1.workbook), "2025-06-05");
    const r = correctionLetterFor(a, "2025-06-05");
    if (!r.ok) throw new Error(r.reason);
    expect(r.notes).toContain("El plazo de 5 días hábiles venció el 4 de junio de 2025.");
    expect(r.notesEn).toContain("The 5-business-day deadline passed on 4 June 2025.");
    expect(r.notesEn).toHaveLength(r.notes.length);
    expect(correctionLetterFor(a, "2025-06-05", "PROSEC")).toEqual({ ok: false, reason: "no hay evidencia de una presentación de «PROSEC»", reasonEn: "there is no evidence of a filing of «PROSEC»" });
  });
});

describe("Avisos and Requisitos in the workbook", () => {
  it("fill writes each notice's deadline, safe date and status; health issues point at Requisitos cells", async () => {
    const doc = exampleDoc("immex-presentado-correccion");
    delete doc._filing;
    const o = await workbookFor(doc);
    const { snap, a } = await analyze(o, "2025-06-02");
    await o.adapter.apply(buildWritePlan(a, snap, "2025-06-02"));
    const t = (await (await reopen(o.workbook)).adapter.read()).tables.tblAvisos as TableSnapshot;
    const out = t.rows.slice(0, 3).map((r) => r.slice(5, 8));
    expect(out).toEqual([
      [isoToSerial("2025-04-24"), isoToSerial("2025-04-24"), "Presentado"],
      [isoToSerial("2025-04-15"), isoToSerial("2025-04-15"), "Vencido"],
      [isoToSerial("2025-06-03"), isoToSerial("2025-06-03"), "Pendiente (falta 1 día hábil)"],
    ]);
    const at = (code: string) => a.issues.filter((i) => i.code === code).map((i) => `${i.severity} ${i.location}`);
    expect(at("EFIRMA_EXPIRING")).toEqual(["warning Requisitos!B5"]);
    expect(at("DOMICILE_NOT_REGISTERED")).toEqual(["error Requisitos!C23"]);
    expect(at("EMIM_GAP")).toEqual(["warning Requisitos!B10"]);
    expect(at("NOTICE_OVERDUE")).toEqual(["error Avisos!D7"]);
  });

  it("a 1.0 workbook without the new sheets still reads: one note per missing sheet, nothing else", async () => {
    const o = await workbookFor(base(), (wb) => {
      for (const name of ["Evidencia", "Avisos", "Requisitos"]) wb.removeWorksheet(wb.getWorksheet(name)!.id);
    });
    const { a } = await analyze(o, "2025-05-28");
    const about = a.issues.filter((i) => /Evidencia|Avisos|Requisitos|tblEvidencia|tblAvisos|tblDomicilios|RAOCE_EFIRMA/.test(i.message));
    expect(about.map((i) => [i.severity, i.code])).toEqual([["info", "SHEET_MISSING"], ["info", "SHEET_MISSING"], ["info", "SHEET_MISSING"]]);
    expect(a.summary.errors).toBe(0);
  });
});
