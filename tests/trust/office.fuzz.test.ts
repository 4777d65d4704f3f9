/**
 * The Office.js adapter over the typed fake (tests/workbook/office/fake-excel.ts), on random cells: the template's
 * names and tables seeded with numbers, text of any kind (formula-like, 100,000 characters, lone surrogates), booleans
 * and error values; stale garbage in the outputs and in the old lists; a user's notes beside the inputs.
 *
 * Claims, per case: read() reports exactly what the cells hold in 2 syncs; every issue is located at "Sheet!A1" of an
 * existing sheet; apply() takes 2 syncs (protection state, write), Excel would turn none of the written strings into a formula or another type
 * (every formula-like string reaching a `values` assignment carries the quote prefix — checked on the fake's recorded
 * writes), each written cell then holds exactly the plan's value, nothing outside the outputs changes (no-clobber.ts),
 * the sheets end protected, and a second read → analyze → apply leaves the workbook as the first one did.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { analyzeSnapshot } from "../../src/workbook/analyze";
import { BLOCKS, NAMED_CELLS, TABLES } from "../../src/workbook/layout";
import { createOfficeAdapter } from "../../src/workbook/office/office-adapter";
import { cellAddress, isLinkValue, parseCell, parseRange, type CellValue, type WorkbookSnapshot, type WritePlan } from "../../src/workbook/port";
import { buildWritePlan } from "../../src/workbook/write-plan";
import type { FakeExcel, FakeValue } from "../workbook/office/fake-excel";
import { layoutWorkbook } from "../workbook/office/layout-workbook";
import { FORMULA_LIKE, anyCell, nameValues, tableRows, type NameValues, type TableRows } from "./arbitraries";
import { checkAsyncProperty, runsFor, timeoutFor } from "./fuzz-config";
import { fakeCells, fakeClobbered } from "./no-clobber";
import { expectAllLocated, expectCellIssuesAtTheirCell, expectEveryInputErrorReported, expectWellFormedIssues } from "./snapshots";

const TODAY = "2025-06-20";

/** Office.js never hands NaN or ±Infinity: a cell holds finite numbers. */
const officeCell = (v: CellValue): CellValue => (typeof v === "number" && !Number.isFinite(v) ? null : v);

interface OfficeCase {
  values: NameValues;
  rows: TableRows;
  /** Old list rows in Problemas / Captura VUCEM (cleared by apply), garbage in output names. */
  stale: CellValue[];
  notes: CellValue[];
  date1904: boolean;
}

const officeCases: fc.Arbitrary<OfficeCase> = fc.record({
  values: nameValues(),
  rows: tableRows({ maxRows: 8, staleOutputs: true }),
  stale: fc.array(anyCell(), { maxLength: 30 }),
  notes: fc.array(anyCell(), { maxLength: 4 }),
  date1904: fc.boolean(),
});

/** The fake workbook for a case, and the snapshot a correct adapter must read from it. */
function seed(c: OfficeCase): { fx: FakeExcel; expected: WorkbookSnapshot } {
  const { fx, expected } = layoutWorkbook({ goodsRows: 0 });
  fx.date1904 = c.date1904;
  expected.date1904 = c.date1904;
  const put = (sheet: string, a1: string, v: CellValue) => fx.set(sheet, a1, officeCell(v) as FakeValue | null);
  for (const n of NAMED_CELLS) {
    if (n.kind === "formula") continue;
    const v = n.kind === "input" ? officeCell(c.values[n.name] ?? null) : officeCell(c.stale[NAMED_CELLS.indexOf(n) % Math.max(1, c.stale.length)] ?? null);
    put(n.sheet, n.cell, v);
    const snap = expected.names[n.name];
    if (snap?.found) snap.values = [[v]];
  }
  for (const t of TABLES) {
    const table = fx.tables.get(t.name.toLowerCase())!;
    const tl = parseCell(t.topLeft)!;
    for (let i = 0; i < table.rows; i++) fx.set(t.sheet, cellAddress({ row: tl.row + 1 + i, col: tl.col }), [t.columns.map(() => null)]);
    const rows = (c.rows[t.name] ?? []).map((r) => r.map(officeCell));
    rows.forEach((r, i) => fx.set(t.sheet, cellAddress({ row: tl.row + 1 + i, col: tl.col }), [r as (FakeValue | null)[]]));
    table.rows = rows.length;
    const snap = expected.tables[t.name];
    if (snap?.found) snap.rows = rows;
  }
  for (const b of BLOCKS) {
    const a = parseCell(b.anchor)!;
    c.stale.forEach((v, i) => put(b.sheet, cellAddress({ row: a.row + Math.floor(i / b.headers.length), col: a.col + (i % b.headers.length) }), v));
    const anchor = expected.names[b.anchorName];
    if (anchor?.found) anchor.values = [[officeCell(c.stale[0] ?? null)]];
  }
  c.notes.forEach((v, i) => put("Empresa", cellAddress({ row: 6 + i, col: 5 }), v)); // beside the inputs, column E
  return { fx, expected };
}

interface Assigned {
  sheet: string;
  a1: string;
  value: unknown;
}

/** Records every value the adapter assigns through `Range.values` (the fake's `assign`, before Excel's parsing). */
function recordWrites(fx: FakeExcel): Assigned[] {
  const log: Assigned[] = [];
  const assign = fx.assign.bind(fx);
  fx.assign = (sheet, row, col, v) => {
    log.push({ sheet: sheet.name, a1: cellAddress({ row, col }), value: v });
    assign(sheet, row, col, v);
  };
  return log;
}

/** Each cell the plan writes holds exactly the plan's value afterwards (text as text, numbers as numbers). */
function expectPlanLanded(fx: FakeExcel, plan: WritePlan): void {
  const bad: string[] = [];
  const check = (sheet: string, row: number, col: number, want: unknown) => {
    const a1 = cellAddress({ row, col });
    const cell = fx.cell(sheet, a1);
    const got = cell?.value ?? null;
    const expected = want === "" ? null : want;
    if (!isDeepStrictEqual(got, expected)) bad.push(`${sheet}!${a1}: plan ${JSON.stringify(want)?.slice(0, 60)}, cell ${JSON.stringify(got)?.slice(0, 60)}`);
  };
  for (const w of plan.ranges) {
    const r = parseRange(w.address)!;
    w.values.forEach((line, i) => line.forEach((v, j) => check(w.sheet, r.start.row + i, r.start.col + j, v)));
  }
  for (const b of plan.blocks) {
    const a = parseCell(b.anchor)!;
    b.rows.forEach((line, i) => line.forEach((v, j) => check(b.sheet, a.row + i, a.col + j, isLinkValue(v) ? v.link.text : v)));
  }
  if (bad.length) throw new Error(`cells do not hold what the plan wrote:\n${bad.slice(0, 8).join("\n")}`);
}

async function pipeline(fx: FakeExcel) {
  const adapter = createOfficeAdapter(fx.run, undefined, { isSetSupported: () => true });
  const snapshot = await adapter.read();
  const analysis = analyzeSnapshot(snapshot, TODAY);
  if (!analysis.usable) throw new Error(analysis.reason);
  const plan = buildWritePlan(analysis, snapshot, TODAY);
  return { adapter, snapshot, analysis, plan };
}

describe("the Office.js adapter on random workbooks (fake Excel)", () => {
  const runs = runsFor(1 / 4, 20);

  it(
    `read → analyze → apply: exact read, located issues, guarded strings, plan landed, no clobber, idempotent (${runs} cases)`,
    async () => {
      await checkAsyncProperty(
        "office: random workbooks",
        fc.asyncProperty(officeCases, async (c) => {
          const { fx, expected } = seed(c);
          const { adapter, snapshot, analysis, plan } = await pipeline(fx);
          const readSyncs: number = fx.syncCount;
          if (readSyncs !== 2) throw new Error(`read took ${readSyncs} syncs`);
          if (!isDeepStrictEqual(snapshot, expected)) expect(snapshot).toEqual(expected);
          expectWellFormedIssues(analysis.issues, snapshot.sheets);
          expectAllLocated(analysis.issues);
          expectCellIssuesAtTheirCell(snapshot, analysis.issues);
          expectEveryInputErrorReported(snapshot, analysis.issues);

          const before = fakeCells(fx);
          const writes = recordWrites(fx);
          fx.resetCounters();
          await adapter.apply(plan);
          const applySyncs: number = fx.syncCount;
          if (applySyncs !== 2) throw new Error(`apply took ${applySyncs} syncs (expected 2: protection state, then the write)`);
          const unguarded = writes.filter((w) => typeof w.value === "string" && FORMULA_LIKE.test(w.value));
          if (unguarded.length) throw new Error(`formula-like strings assigned without the quote prefix: ${unguarded.slice(0, 3).map((w) => `${w.sheet}!${w.a1} ${JSON.stringify(w.value).slice(0, 60)}`).join(", ")}`);
          expect(fx.formulas()).toEqual([]);
          expect(fx.coercions()).toEqual([]);
          expectPlanLanded(fx, plan);
          const clobbered = fakeClobbered(before, fakeCells(fx), snapshot);
          if (clobbered.length) throw new Error(`apply changed cells outside the outputs:\n${clobbered.slice(0, 5).join("\n")}`);
          for (const s of plan.unprotect) if (!fx.sheetByName(s)!.protection.protected) throw new Error(`${s} left unprotected`);

          // Idempotent: a second run changes nothing — unless the first reported values typed into output cells (random
          // outputs here), which the second, finding RAOCE's own values, no longer lists: then the third equals the second.
          let after = fakeCells(fx);
          const second = await pipeline(fx);
          await second.adapter.apply(second.plan);
          if (plan.notices.length > 0) {
            after = fakeCells(fx);
            const third = await pipeline(fx);
            if (third.plan.notices.length) throw new Error(`a second write still reports: ${third.plan.notices[0]!.message}`);
            await third.adapter.apply(third.plan);
          }
          if (!isDeepStrictEqual(fakeCells(fx), after)) expect(fakeCells(fx)).toEqual(after);
        }),
        runs,
      );
    },
    timeoutFor(runs, 1_000),
  );
});
