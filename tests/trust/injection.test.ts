/**
 * Formula injection (CSV/spreadsheet injection): text that starts with =, +, -, @ — or with a tab, CR, LF, space or
 * NBSP before one of them — typed into any user text field of a client's workbook (company name, RFC, program number,
 * modality, folio, sectors, goods description, tariff code, unit, the note of a non-business day…) and into number and
 * date fields, must never come back as a formula:
 *
 * - `raoce fill`: no cell of any sheet holds a formula the workbook did not already hold at that place (compared cell
 *   by cell, and in the saved XML: the generated sheets carry no <f> at all); the payloads that Problemas and Captura
 *   VUCEM echo are plain strings (shared strings in the XML);
 * - the Office.js adapter: every formula-like string that reaches a `values` assignment carries the quote prefix
 *   (checked on the fake's recorded writes), no hyperlink's display text is formula-like, no cell becomes a formula;
 * - the CLI: `check --json` carries them only as JSON strings, the text output of check / fill / evaluate is plain text
 *   (no control characters: a CR or an ESC in a cell cannot rewrite the terminal), `layout --json` has no user text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { analyzeSnapshot } from "../../src/workbook/analyze";
import { writeInputs } from "../../src/workbook/exceljs-adapter";
import { CAPTURE_BLOCK, ISSUES_BLOCK, NAMED_CELLS, SHEETS } from "../../src/workbook/layout";
import { createOfficeAdapter } from "../../src/workbook/office/office-adapter";
import { openWorkbookBuffer, openWorkbookFile, saveWorkbookFile } from "../../src/workbook/xlsx-file";
import { buildWritePlan } from "../../src/workbook/write-plan";
import type { FakeExcel } from "../workbook/office/fake-excel";
import { FakeExcel as Fake } from "../workbook/office/fake-excel";
import { insertInto } from "../workbook/office/xlsx-into-fake";
import { templateBuf } from "../workbook/xlsx/helpers";
import { FORMULA_LIKE, INJECTION_PAYLOADS } from "./arbitraries";
import { assertNoClobber, expectFormulasKept, expectNoNewFormulas } from "./no-clobber";

const NOW = new Date("2025-06-20T18:00:00Z");
const TODAY = "2025-06-20";

/** Payloads that can begin a cell (an empty "=" alone is a blank-ish edge case, kept too). */
const PAYLOADS = [...INJECTION_PAYLOADS, "\u001b[2J\u001b[31m=ROJO\u001b[0m", "=1+1\r\n[ERROR] Empresa!B6 — falso"];

/** A report whose every text field is `p` (program types and units stay valid so Captura VUCEM echoes the rest). */
function textDoc(p: string): Record<string, unknown> {
  return {
    company: { rfc: p, name: p },
    filingYear: 2025,
    asOf: "2025-05-20",
    programs: [
      { type: "PROSEC", number: p, modality: p, authorizedOn: "2018-02-01", folio: p, sectors: ["XIX", p] },
      { type: "ALTEX", number: p, modality: p, authorizedOn: "2018-02-01", exporterType: p },
    ],
    figures: { totalSales: 85000, totalExports: 9200, totalImports: 4000 },
    goods: [{ sector: "XIX", tariffCode: p, description: p, unit: "1 - Kilo", totalVolume: 100, domesticVolume: 10, exportVolume: 20 }],
    extraNonBusinessDays: [],
  };
}

/** The same payload in every field, numbers and dates included (the program type too). */
function everywhereDoc(p: string): Record<string, unknown> {
  return {
    company: { rfc: p, name: p, consignment: p },
    filingYear: p,
    asOf: p,
    exchangeRate: p,
    programs: [{ type: p, number: p, modality: p, authorizedOn: p, cancelledOn: p, filedOn: p, folio: p, sectors: [p], exporterType: p, overrides: { due: p, lateUntil: p, cancelledOn: p } }],
    figures: { totalSales: p, totalExports: p, totalImports: p, directExports: p, indirectExports: p, taxReturnIncome: p },
    goods: [{ sector: p, tariffCode: p, description: p, unit: p, totalVolume: p, domesticVolume: p, exportVolume: p }],
    settings: { linkedProsecMayFromYear: p, altexIndirectFactor: p, ecexMinExportsUsd: p, ecexMinExportShare: p },
  };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "raoce-injection-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
async function workbookFile(doc: Record<string, unknown>, note?: string): Promise<string> {
  const { workbook } = await openWorkbookBuffer(await templateBuf());
  writeInputs(workbook, doc);
  // writeInputs types scalars only: the holiday note column (a descriptive text column) gets the payload directly.
  if (note !== undefined) {
    workbook.getWorksheet(SHEETS.company)!.getCell("A29").value = 45_950;
    workbook.getWorksheet(SHEETS.company)!.getCell("B29").value = note;
  }
  const path = join(dir, `cliente-${++fileNo}.xlsx`);
  await saveWorkbookFile(workbook, path);
  return path;
}

/** Worksheet XML of a saved workbook, by sheet name. */
async function sheetXml(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)?.[1];
    const file = zip.file(`xl/${target!.replace(/^\/?xl\//, "")}`)!;
    out.set(m[1]!.replace(/&amp;/g, "&"), await file.async("string"));
  }
  return out;
}

/** Strings of the generated lists that hold the payload (read back through ExcelJS). */
async function echoed(path: string, p: string): Promise<{ where: string; type: string; value: unknown }[]> {
  const { workbook } = await openWorkbookFile(path);
  const out: { where: string; type: string; value: unknown }[] = [];
  const needle = p.replace(/\r\n?/g, "\n").trim();
  for (const sheet of [ISSUES_BLOCK.sheet, CAPTURE_BLOCK.sheet]) {
    workbook.getWorksheet(sheet)!.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === "string" ? v.includes(needle) : JSON.stringify(v ?? null).includes(JSON.stringify(needle).slice(1, -1))) out.push({ where: `${sheet}!${cell.address}`, type: typeof v === "object" && v !== null ? Object.keys(v).join("+") : typeof v, value: v });
      }),
    );
  }
  return out;
}

/** The payload as the reader keeps it: trimmed, with XML line ends. */
const stored = (p: string) => p.replace(/\r\n?/g, "\n").trim();

/** Characters XML 1.0 cannot hold (an .xlsx made by Excel escapes them as _xHHHH_). */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Control characters other than the line breaks between lines (a CR or ESC from a cell must not reach the terminal). */
// eslint-disable-next-line no-control-regex -- the characters a terminal interprets
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe("formula injection through raoce fill (ExcelJS)", () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))("payload %s in every text field: no formula anywhere, echoed as plain text", async (_label, p) => {
    const input = await workbookFile(textDoc(p), p);
    const out = join(dir, `salida-${fileNo}.xlsx`);
    const r = await run(["fill", input, "--out", out], NOW);
    expect([0, 1]).toContain(r.exitCode);

    await expectNoNewFormulas(input, out);
    await expectFormulasKept(input, out);
    await assertNoClobber(input, out);

    const xml = await sheetXml(out);
    // The lists hold no formula; the only one on their sheets is the template's own staleness banner (layout-freshness.ts).
    for (const sheet of [ISSUES_BLOCK.sheet, CAPTURE_BLOCK.sheet]) expect([...(xml.get(sheet) ?? "").matchAll(/<f[ >][^<]*/g)].map((m) => m[0].slice(3, 40))).toEqual(sheet === CAPTURE_BLOCK.sheet ? [expect.stringMatching(/^IFERROR\(IF\(RAOCE_HUELLA_CAPTURA=/)] : []);
    const before = await sheetXml(input);
    for (const [sheet, x] of xml) expect((x.match(/<f[ >]/g) ?? []).length).toBe((before.get(sheet)?.match(/<f[ >]/g) ?? []).length);

    // The payload reaches the generated lists (else this test proves nothing) and only as text.
    // (Single characters would also match dates and codes; an ESC cannot be stored in an .xlsx, whose XML forbids it:
    // Excel writes it as _x001B_, which ExcelJS reads as those seven characters.)
    const hits = stored(p).length > 1 && !XML_FORBIDDEN.test(p) ? await echoed(out, p) : [];
    if (stored(p).length > 1 && !XML_FORBIDDEN.test(p)) expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(["string", "text+hyperlink"]).toContain(h.type);
    const capture = hits.filter((h) => h.where.startsWith(CAPTURE_BLOCK.sheet));
    // Text cells are read trimmed: what reaches Captura VUCEM is the payload without its leading blanks, whole.
    if (FORMULA_LIKE.test(p) && p.trim().length > 1) expect(capture.some((h) => h.value === stored(p))).toBe(true);

    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr ?? "").not.toMatch(CONTROL);
  });

  it.each(PAYLOADS.slice(0, 8).map((p) => [JSON.stringify(p), p]))("payload %s in every field, numbers and dates too", async (_label, p) => {
    const input = await workbookFile(everywhereDoc(p), p);
    const out = join(dir, `salida-${fileNo}.xlsx`);
    const r = await run(["fill", input, "--out", out], NOW);
    expect([0, 1]).toContain(r.exitCode);
    await expectNoNewFormulas(input, out);
    await assertNoClobber(input, out);
    const xml = await sheetXml(out);
    // The lists hold no formula; the only one on their sheets is the template's own staleness banner (layout-freshness.ts).
    for (const sheet of [ISSUES_BLOCK.sheet, CAPTURE_BLOCK.sheet]) expect([...(xml.get(sheet) ?? "").matchAll(/<f[ >][^<]*/g)].map((m) => m[0].slice(3, 40))).toEqual(sheet === CAPTURE_BLOCK.sheet ? [expect.stringMatching(/^IFERROR\(IF\(RAOCE_HUELLA_CAPTURA=/)] : []);
    expect(r.stdout).not.toMatch(CONTROL);
  });
});

describe("formula injection through the CLI's outputs", () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))("check --json and text, evaluate text: payload %s only as a JSON string / plain text", async (_label, p) => {
    const input = await workbookFile(textDoc(p), p);
    const j = await run(["check", input, "--json"], NOW);
    const body = JSON.parse(j.stdout) as { result: { company: { name: string | null } }; issues: { message: string; location: string | null }[] }[];
    expect(j.stdout).toBe(JSON.stringify(body, null, 2)); // nothing outside JSON syntax
    const trimmed = p.trim().replace(/\r\n?/g, "\n");
    if (trimmed && !XML_FORBIDDEN.test(p)) expect(body[0]!.result.company.name).toBe(trimmed);

    const t = await run(["check", input], NOW);
    expect(t.stdout).not.toMatch(CONTROL);
    for (const line of t.stdout.split("\n")) expect(line.startsWith("    [") || line.startsWith("  ") || line === input || line === "").toBe(true); // no forged lines

    const docPath = join(dir, `doc-${fileNo}.json`);
    writeFileSync(docPath, JSON.stringify(textDoc(p)));
    const e = await run(["evaluate", docPath], NOW);
    expect(e.stdout).not.toMatch(CONTROL);
    const ej = await run(["evaluate", docPath, "--json"], NOW);
    expect(JSON.parse(ej.stdout).company.name).toBe(p); // JSON keeps the text as typed, escaped
  });

  it("layout --json has no user text: its only formulas are the template's own", async () => {
    const r = await run(["layout", "--json"], NOW);
    const body = JSON.parse(r.stdout) as { inputs: { formula?: string }[]; outputs: { formula?: string }[] };
    const formulas = [...body.inputs, ...body.outputs].map((e) => e.formula).filter(Boolean);
    expect(formulas).toEqual(NAMED_CELLS.filter((n) => n.formula).map((n) => `=${n.formula}`));
    expect(r.stdout).toBe(JSON.stringify(body, null, 2));
    expect((await run(["layout"], NOW)).stdout).not.toMatch(CONTROL);
  });
});

// ─── the Office.js adapter ──────────────────────────────────────────────────────────────────────────────────────────

interface Write {
  kind: "values" | "hyperlink";
  where: string;
  value: unknown;
}

/** Records what the adapter hands to Excel: every `values` entry (before Excel parses it) and every hyperlink. */
function record(fx: FakeExcel): Write[] {
  const log: Write[] = [];
  const assign = fx.assign.bind(fx);
  fx.assign = (sheet, row, col, v) => {
    log.push({ kind: "values", where: `${sheet.name}!${row},${col}`, value: v });
    assign(sheet, row, col, v);
  };
  return log;
}

async function fakeFor(doc: Record<string, unknown>, note?: string): Promise<FakeExcel> {
  const path = await workbookFile(doc, note);
  const { workbook } = await openWorkbookFile(path);
  const fx = new Fake();
  insertInto(fx, workbook);
  return fx;
}

async function applyOnFake(fx: FakeExcel) {
  const adapter = createOfficeAdapter(fx.run, undefined, { isSetSupported: () => true });
  const snapshot = await adapter.read();
  const a = analyzeSnapshot(snapshot, TODAY);
  if (!a.usable) throw new Error(a.reason);
  const plan = buildWritePlan(a, snapshot, TODAY);
  const writes = record(fx);
  await adapter.apply(plan);
  return { writes, plan };
}

/** Every hyperlink the fake holds, with its display text. */
function links(fx: FakeExcel): { sheet: string; text: string | undefined }[] {
  return fx.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.hyperlink).map((c) => ({ sheet: s.name, text: c.hyperlink!.textToDisplay })));
}

describe("formula injection through the Office.js adapter (fake Excel)", () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))("payload %s: guarded in every values write, text in every cell, no formula", async (_label, p) => {
    const fx = await fakeFor(textDoc(p), p);
    const { writes } = await applyOnFake(fx);
    const unguarded = writes.filter((w) => typeof w.value === "string" && FORMULA_LIKE.test(w.value));
    expect(unguarded).toEqual([]);
    expect(fx.formulas()).toEqual([]);
    expect(fx.coercions()).toEqual([]);
    for (const l of links(fx)) expect(l.text === undefined || !FORMULA_LIKE.test(l.text)).toBe(true);
    // The payload is in the Captura VUCEM list as text, exactly (the quote prefix is not part of the value).
    if (FORMULA_LIKE.test(p) && p.trim().length > 1) {
      const cells = [...fx.sheetByName(CAPTURE_BLOCK.sheet)!.cells.values()].filter((c) => c.value === stored(p));
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect(c.quotePrefix).toBe(true);
    }
  });

  it.each(["=cmd|'calc'!A0", "+1", "-HOJA", "@SUM(1)", "\t=Cifras"])("a sheet renamed %j: the links of Problemas show no formula-like text", async (name) => {
    const fx = await fakeFor(textDoc("Empresa, S.A."));
    // Excel keeps names and tables pointing at a renamed sheet: the fake's names hold the sheet id.
    fx.sheetByName(SHEETS.figures)!.name = name;
    fx.set(name, "B6", "mucho"); // an error located on that sheet → a link whose text starts with the sheet name
    const { writes } = await applyOnFake(fx);
    expect(writes.filter((w) => typeof w.value === "string" && FORMULA_LIKE.test(w.value))).toEqual([]);
    const problems = links(fx).filter((l) => l.sheet === ISSUES_BLOCK.sheet);
    expect(problems.length).toBeGreaterThan(0);
    for (const l of problems) expect(l.text === undefined || !FORMULA_LIKE.test(l.text)).toBe(true);
    const located = [...fx.sheetByName(ISSUES_BLOCK.sheet)!.cells.values()].filter((c) => typeof c.value === "string" && c.value.startsWith(`${name}!`));
    expect(located.length).toBeGreaterThan(0); // the location still reads "Sheet!A1", as text
    for (const c of located) expect(c.quotePrefix).toBe(true);
    expect(fx.formulas()).toEqual([]);
  });
});
