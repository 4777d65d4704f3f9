/**
 * The pure read path (snapshot → readInput → evaluate → located issues → write plan) over random workbook snapshots:
 * template-shaped ones with random cells and user damage, and fully arbitrary ones. Whatever the cells hold, nothing
 * throws, the same snapshot gives the same result, the snapshot is not mutated, every problem is an issue located at
 * "Sheet!A1" of the very cell, and the plan writes only outputs.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { analyzeSnapshot, type Analysis } from "../../src/workbook/analyze";
import { BLOCKS } from "../../src/workbook/layout";
import { cellAddress, isLinkValue, parseCell, parseRange, type WorkbookSnapshot, type WritePlan } from "../../src/workbook/port";
import { buildWritePlan } from "../../src/workbook/write-plan";
import { checkProperty, runsFor } from "./fuzz-config";
import { arbitrarySnapshots, deepFreeze, expectAllLocated, expectCellIssuesAtTheirCell, expectEveryInputErrorReported, expectWellFormedIssues, templateCases } from "./snapshots";

const isoDay = fc.date({ min: new Date("2014-01-01T00:00:00Z"), max: new Date("2034-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** What an analysis says, without its closures (`locate`) and Sets, for comparing two runs. */
function comparable(a: Analysis): unknown {
  if (!a.usable) return a;
  return { input: a.input, result: a.result, issues: a.issues, summary: a.summary, rows: a.read.rows, handled: [...a.read.handled].sort() };
}

function planCells(plan: WritePlan): string[] {
  const out: string[] = [];
  for (const w of plan.ranges) {
    const r = parseRange(w.address);
    if (!r) throw new Error(`plan address ${w.sheet}!${w.address} is not a range`);
    const rows = r.end.row - r.start.row + 1;
    const cols = r.end.col - r.start.col + 1;
    if (w.values.length !== rows || w.values.some((line) => line.length !== cols)) throw new Error(`plan values do not fit ${w.sheet}!${w.address}`);
    for (let row = r.start.row; row <= r.end.row; row++) for (let col = r.start.col; col <= r.end.col; col++) out.push(`${w.sheet}!${cellAddress({ row, col })}`);
  }
  return out;
}

/** Excel's limit on one cell's text: a longer string makes Office.js reject the write and Excel repair the file. */
const MAX_CELL_CHARS = 32_767;
const plain = (v: unknown) => v === null || (typeof v === "string" && v.length <= MAX_CELL_CHARS) || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

/** Every value of the plan is a plain cell value (finite numbers only: NaN/Infinity corrupt an .xlsx; text that fits). */
function expectPlainPlan(plan: WritePlan): void {
  const show = (v: unknown) => (typeof v === "string" ? `a ${v.length}-character string` : String(v));
  for (const w of plan.ranges) for (const line of w.values) for (const v of line) if (!plain(v)) throw new Error(`plan value ${show(v)} at ${w.sheet}!${w.address}`);
  for (const b of plan.blocks) {
    for (const line of b.rows) {
      if (line.length !== b.width) throw new Error(`block row of ${line.length} cells, not ${b.width}`);
      for (const v of line) if (!plain(v) && !isLinkValue(v)) throw new Error(`block value ${show(v)} in ${b.sheet}`);
    }
  }
}

/** Deep equality, fast; jest's readable (slow) diff only when they differ. */
function same(a: unknown, b: unknown): void {
  if (!isDeepStrictEqual(a, b)) expect(b).toEqual(a);
}

describe("read path over random snapshots", () => {
  const runs = runsFor(1, 50);

  it(`template-shaped snapshots with random cells and user damage (${runs} cases)`, () => {
    checkProperty(
      "read-input: template snapshots",
      fc.property(templateCases(), isoDay, ({ snapshot, userCells }, today) => {
        deepFreeze(snapshot);
        const a = analyzeSnapshot(snapshot, today);
        same(comparable(a), comparable(analyzeSnapshot(snapshot, today)));
        if (!a.usable) {
          if (!/\S/.test(a.reason)) throw new Error("unusable without a reason");
          return;
        }
        expectWellFormedIssues(a.issues, snapshot.sheets);
        expectCellIssuesAtTheirCell(snapshot, a.issues);
        expectEveryInputErrorReported(snapshot, a.issues);
        if (a.summary.errors + a.summary.warnings + a.summary.infos !== a.issues.length) throw new Error("summary does not count the issues");
        JSON.stringify(a.result);

        const plan = buildWritePlan(a, snapshot, today);
        same(plan, buildWritePlan(a, snapshot, today));
        expectPlainPlan(plan);
        const clobbered = planCells(plan).filter((c) => userCells.has(c));
        if (clobbered.length) throw new Error(`the plan writes over cells the user typed: ${clobbered.slice(0, 5).join(", ")}`);
        for (const b of plan.blocks) {
          const layout = BLOCKS.find((x) => (snapshot.names[x.anchorName] as { sheet?: string } | undefined)?.sheet === b.sheet)!;
          const anchor = snapshot.names[layout.anchorName];
          if (!(anchor?.found && parseCell(anchor.address) && cellAddress(parseCell(anchor.address)!) === b.anchor)) throw new Error(`block ${b.sheet}!${b.anchor} is not at its anchor name`);
        }
      }),
      runs,
    );
  });

  it(`an intact template: every issue points at a cell (${runs} cases)`, () => {
    checkProperty(
      "read-input: intact template, all located",
      fc.property(templateCases({ damaged: false }), isoDay, ({ snapshot }, today) => {
        const a = analyzeSnapshot(deepFreeze(snapshot), today);
        if (!a.usable) throw new Error(a.reason);
        expectAllLocated(a.issues);
      }),
      runs,
    );
  });

  it(`arbitrary snapshots (what a broken adapter could hand over) (${runs} cases)`, () => {
    checkProperty(
      "read-input: arbitrary snapshots",
      fc.property(arbitrarySnapshots, isoDay, (snapshot: WorkbookSnapshot, today) => {
        deepFreeze(snapshot);
        const a = analyzeSnapshot(snapshot, today);
        same(comparable(a), comparable(analyzeSnapshot(snapshot, today)));
        if (!a.usable) return;
        expectWellFormedIssues(a.issues);
        const plan = buildWritePlan(a, snapshot, today);
        expectPlainPlan(plan);
      }),
      runs,
    );
  });
});
