/**
 * The file path, end to end, on random content: values typed into the real template's input cells and tables with
 * ExcelJS (numbers, text of any kind, booleans, error values, Dates, formulas with cached results, rich text,
 * hyperlinks, 100,000-character and formula-like strings; stale garbage in output cells; a user's own sheet and
 * notes), saved, opened through the guard, read by the ExcelJS adapter, analyzed, filled, saved, reopened.
 *
 * Claims: opening either works or fails with a one-line UnusableWorkbookError; the adapter reads back what was
 * written; every issue is located at "Sheet!A1" of a real cell; fill changes only outputs (no-clobber.ts), adds no
 * formula anywhere, leaves the generated lists as plain values; a second fill changes nothing. Fewer cases than the
 * pure properties: each one saves and opens a workbook three times.
 */
import fc from "fast-check";
import type { CellValue as XCellValue, Workbook } from "exceljs";
import { analyzeSnapshot } from "../../src/workbook/analyze";
import { dateToSerial, ensureTableRows } from "../../src/workbook/exceljs-adapter";
import { CAPTURE_BLOCK, ISSUES_BLOCK, NAMED_CELLS, TABLES } from "../../src/workbook/layout";
import { cellAddress, isCellError, parseCell, type CellValue } from "../../src/workbook/port";
import { buildWritePlan } from "../../src/workbook/write-plan";
import { UnusableWorkbookError } from "../../src/workbook/xlsx-guard";
import { openWorkbookBuffer, workbookBuffer, type OpenedWorkbook } from "../../src/workbook/xlsx-file";
import { templateBuf } from "../workbook/xlsx/helpers";
import { anyCell, anyString, nameValues, tableRows } from "./arbitraries";
import { checkAsyncProperty, runsFor, timeoutFor } from "./fuzz-config";
import { assertNoClobber, describeWorkbook, expectFormulasKept, expectNoNewFormulas } from "./no-clobber";
import { expectAllLocated, expectCellIssuesAtTheirCell, expectEveryInputErrorReported, expectWellFormedIssues } from "./snapshots";

// ─── how a value is put into a cell (ExcelJS value) and what the adapter must read back ─────────────────────────────

type Shape = "plain" | "formula" | "richText" | "hyperlink" | "date";

/** The ExcelJS value for a port value in one of the shapes a real workbook stores it. */
function xlsxValue(v: CellValue, shape: Shape): XCellValue {
  if (v === null) return null;
  if (isCellError(v)) return shape === "formula" ? ({ formula: "NA()", result: v } as never) : (v as never);
  if (shape === "formula") return { formula: typeof v === "string" ? 'CONCAT("a","b")' : "1+0", result: v } as never;
  if (typeof v === "string" && shape === "richText" && v.length > 0) {
    const chars = Array.from(v); // split between code points, not inside a surrogate pair
    const cut = Math.floor(chars.length / 2);
    return { richText: [{ text: chars.slice(0, cut).join(""), font: { bold: true } }, { text: chars.slice(cut).join("") }] } as never;
  }
  if (typeof v === "string" && shape === "hyperlink" && v.trim() !== "") return { text: v, hyperlink: "https://www.sat.gob.mx/" } as never;
  if (typeof v === "number" && shape === "date" && Number.isInteger(v) && v > 60 && v < 2_958_466) return new Date(Math.round((v - 25569) * 86_400_000));
  return v as XCellValue;
}

/** XML turns CR and CRLF into LF in cell text unless escaped; ExcelJS writes them raw. */
const xmlText = (s: string) => s.replace(/\r\n?/g, "\n");

/** What the adapter reads back must be what was typed (dates as serials; XML line ends). */
function sameCell(read: CellValue, wrote: CellValue, date1904: boolean): boolean {
  if (wrote === null || (typeof wrote === "string" && wrote === "")) return read === null || read === "";
  if (typeof wrote === "number") {
    if (typeof read !== "number") return false;
    return Math.abs(read - wrote) <= 1e-6 * Math.max(1, Math.abs(wrote)) || (date1904 && Math.abs(read - wrote) < 1e-6);
  }
  if (typeof wrote === "string") return typeof read === "string" && read === xmlText(wrote);
  if (isCellError(wrote)) return isCellError(read) && read.error === wrote.error;
  return read === wrote;
}

// ─── one random workbook ────────────────────────────────────────────────────────────────────────────────────────────

interface FileCase {
  values: Record<string, CellValue>;
  rows: Record<string, CellValue[][]>;
  shapes: Shape[];
  date1904: boolean;
  notes: CellValue[];
}

const shapes = fc.array(fc.constantFrom<Shape>("plain", "plain", "plain", "formula", "richText", "hyperlink", "date"), { minLength: 64, maxLength: 64 });

const fileCases: fc.Arbitrary<FileCase> = fc.record({
  values: nameValues({ file: true }),
  rows: tableRows({ file: true, maxRows: 12, staleOutputs: true }),
  shapes,
  date1904: fc.boolean(),
  notes: fc.array(anyCell({ file: true }), { maxLength: 6 }),
});

interface Typed {
  wb: Workbook;
  /** "Sheet!A1" → what was typed there (as a port value). */
  typed: Map<string, CellValue>;
}

async function typeInto(c: FileCase): Promise<Typed> {
  const { workbook: wb } = await openWorkbookBuffer(await templateBuf());
  (wb.properties as { date1904?: boolean }).date1904 = c.date1904;
  const typed = new Map<string, CellValue>();
  let k = 0;
  const put = (sheet: string, a1: string, v: CellValue) => {
    const shape = c.shapes[k++ % c.shapes.length]!;
    const ws = wb.getWorksheet(sheet)!;
    const x = xlsxValue(v, shape);
    ws.getCell(a1).value = x;
    typed.set(`${sheet}!${a1}`, x instanceof Date ? dateToSerial(x, c.date1904) : v);
  };
  for (const n of NAMED_CELLS) {
    if (n.kind === "input" || n.kind === "output") put(n.sheet, n.cell, n.kind === "input" ? (c.values[n.name] ?? null) : null);
  }
  for (const t of TABLES) {
    const rows = c.rows[t.name] ?? [];
    if (rows.length > t.blankRows) ensureTableRows(wb, t, rows.length);
    const tl = parseCell(t.topLeft)!;
    rows.forEach((row, i) => row.forEach((v, j) => put(t.sheet, cellAddress({ row: tl.row + 1 + i, col: tl.col + j }), v)));
  }
  // A user's own sheet (formulas, values) and notes beside the inputs: they must survive the fill untouched.
  const mine = wb.addWorksheet("Mis notas");
  c.notes.forEach((v, i) => (mine.getCell(i + 1, 1).value = xlsxValue(v, "plain")));
  mine.getCell("B1").value = { formula: "RAOCE_VENTAS_TOTALES*1000", result: 0 } as never;
  wb.getWorksheet("Empresa")!.getCell("E6").value = xlsxValue(c.notes[0] ?? "nota", "plain");
  return { wb, typed };
}

/** Sheet!A1 of a located issue → the value typed there (undefined: not a typed cell). */
function expectReadBack(o: OpenedWorkbook, typed: Map<string, CellValue>, date1904: boolean, snap: Awaited<ReturnType<OpenedWorkbook["adapter"]["read"]>>): void {
  const bad: string[] = [];
  for (const n of NAMED_CELLS) {
    const s = snap.names[n.name];
    if (n.kind !== "input" || !s?.found) continue;
    const wrote = typed.get(`${s.sheet}!${s.address}`) ?? null;
    const read = s.values[0]?.[0] ?? null;
    if (!sameCell(read, wrote, date1904)) bad.push(`${n.name}: wrote ${JSON.stringify(wrote)?.slice(0, 80)}, read ${JSON.stringify(read)?.slice(0, 80)}`);
  }
  for (const t of TABLES) {
    const s = snap.tables[t.name];
    if (!s?.found) continue;
    const tl = parseCell(s.bodyTopLeft)!;
    s.rows.forEach((row, i) =>
      row.forEach((read, j) => {
        if (t.columns[j]?.kind !== "input") return;
        const wrote = typed.get(`${s.sheet}!${cellAddress({ row: tl.row + i, col: tl.col + j })}`) ?? null;
        if (!sameCell(read, wrote, date1904)) bad.push(`${t.name}[${t.columns[j]!.header}] row ${i + 1}: wrote ${JSON.stringify(wrote)?.slice(0, 80)}, read ${JSON.stringify(read)?.slice(0, 80)}`);
      }),
    );
  }
  if (bad.length) throw new Error(`the adapter did not read back what was typed:\n${bad.slice(0, 8).join("\n")}`);
  void o;
}

const TODAY = "2025-06-20";

let lastNotices = 0;
async function fill(o: OpenedWorkbook): Promise<OpenedWorkbook> {
  const snap = await o.adapter.read();
  const a = analyzeSnapshot(snap, TODAY);
  if (!a.usable) throw new Error(a.reason);
  const plan = buildWritePlan(a, snap, TODAY);
  lastNotices = plan.notices.length;
  await o.adapter.apply(plan);
  return openWorkbookBuffer(await workbookBuffer(o.workbook));
}

/** The template's own formula cells (the Captura VUCEM staleness banner), "Sheet!A1". */
const TEMPLATE_FORMULAS = new Set(NAMED_CELLS.filter((n) => n.kind === "formula").map((n) => `${n.sheet}!${n.cell}`));

/** Every cell of the generated lists holds a plain value (never a formula object), links are internal. */
function expectPlainLists(wb: Workbook): void {
  for (const b of [ISSUES_BLOCK, CAPTURE_BLOCK]) {
    const ws = wb.getWorksheet(b.sheet)!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (v !== null && typeof v === "object" && !(v instanceof Date)) {
          const o = v as { formula?: unknown; sharedFormula?: unknown; hyperlink?: unknown };
          if (("formula" in o || "sharedFormula" in o) && !TEMPLATE_FORMULAS.has(`${b.sheet}!${cell.address}`)) throw new Error(`${b.sheet}!${cell.address} holds a formula`);
          if (typeof o.hyperlink === "string" && /^[a-z]+:/i.test(o.hyperlink)) throw new Error(`${b.sheet}!${cell.address} links outside the workbook: ${o.hyperlink}`);
        }
      }),
    );
  }
}

describe("the file path on random workbooks", () => {
  const runs = runsFor(1 / 40, 4);

  it(
    `type → save → open → read → fill → save → open: read back, located, no clobber, no formula, idempotent (${runs} cases)`,
    async () => {
      await checkAsyncProperty(
        "xlsx: random workbooks",
        fc.asyncProperty(fileCases, async (c) => {
          const { wb, typed } = await typeInto(c);
          let opened: OpenedWorkbook;
          try {
            opened = await openWorkbookBuffer(await workbookBuffer(wb));
          } catch (e) {
            // The guard may refuse a file (size limits): with one line, never another kind of error.
            if (e instanceof UnusableWorkbookError && !e.message.includes("\n")) return;
            throw e;
          }
          const snap = await opened.adapter.read();
          expectReadBack(opened, typed, c.date1904, snap);

          const a = analyzeSnapshot(snap, TODAY);
          if (!a.usable) throw new Error(`the template became unusable: ${a.reason}`);
          expectWellFormedIssues(a.issues, snap.sheets);
          expectAllLocated(a.issues);
          expectCellIssuesAtTheirCell(snap, a.issues);
          expectEveryInputErrorReported(snap, a.issues);
          const before = opened.workbook;
          const once = await fill(await openWorkbookBuffer(await workbookBuffer(before)));
          await assertNoClobber(before, once.workbook, { snapshot: snap });
          await expectNoNewFormulas(before, once.workbook);
          await expectFormulasKept(before, once.workbook, { snapshot: snap });
          expectPlainLists(once.workbook);

          // Idempotent: a second fill changes nothing — unless the first reported values typed into output cells, which
          // the second no longer lists: then the third equals the second.
          let settled = once;
          if (lastNotices > 0) {
            settled = await fill(once);
            if (lastNotices > 0) throw new Error("a second fill still reports notices");
          }
          const after = describeWorkbook(settled.workbook);
          const again = await fill(settled);
          expect(describeWorkbook(again.workbook)).toEqual(after);
        }),
        runs,
      );
    },
    timeoutFor(runs, 30_000),
  );

  const stringRuns = runsFor(1 / 100, 3);
  it(
    `any string typed into a text column is read back exactly (${stringRuns} workbooks of up to 60 strings)`,
    async () => {
      await checkAsyncProperty(
        "xlsx: strings read back",
        fc.asyncProperty(fc.array(anyString(true), { minLength: 1, maxLength: 60 }), async (strings) => {
          const { workbook: wb } = await openWorkbookBuffer(await templateBuf());
          const t = TABLES.find((x) => x.name === "tblBienes")!;
          ensureTableRows(wb, t, strings.length);
          const ws = wb.getWorksheet(t.sheet)!;
          const col = t.columns.findIndex((c) => c.field === "description");
          const tl = parseCell(t.topLeft)!;
          strings.forEach((s, i) => (ws.getCell(tl.row + 1 + i, tl.col + col).value = s));
          const o = await openWorkbookBuffer(await workbookBuffer(wb));
          const rows = ((await o.adapter.read()).tables.tblBienes as { rows: CellValue[][] }).rows;
          strings.forEach((s, i) => expect(rows[i]![col] ?? "").toEqual(xmlText(s)));
        }),
        stringRuns,
      );
    },
    timeoutFor(stringRuns, 2_000),
  );
});
