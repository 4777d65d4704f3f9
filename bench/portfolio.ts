/**
 * Issue #11: `raoce cartera` over 1,000 client workbooks vs ExcelJS alone loading the same files (target < 1.5×), peak
 * heap while reading 1,000 files vs 100 (flat: one workbook in memory at a time), and the Cartera sheet's
 * recalculation at 1,000 rows (STATUS, DEADLINE, DAYSLEFT per row) vs the same number of RAOCE.BUSINESSDAYS calls.
 * The files are 20 generated workbooks copied to 1,000 names (the content does not change the per-file cost much).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import * as core from "../src/functions/core";
import { readPortfolio } from "../src/cli/portfolio-run";
import { buildPortfolioWorkbook } from "../src/workbook/portfolio-xlsx";
import { summarize } from "../src/domain/portfolio/rows";
import { writeInputs } from "../src/workbook/exceljs-adapter";
import { templateBuffer } from "../src/workbook/template";
import { openWorkbookBuffer, saveWorkbookFile, workbookBuffer } from "../src/workbook/xlsx-file";
import { paired } from "./timing";

const TODAY = "2025-05-20";
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function makeFolder(n: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "raoce-bench-cartera-"));
  const seeds: string[] = [];
  const template = await templateBuffer();
  for (let i = 0; i < 20; i++) {
    const { workbook } = await openWorkbookBuffer(template);
    const programs = i % 3 === 0 ? [{ type: "IMMEX", number: `${i}-2015`, authorizedOn: "2015-01-10" }, { type: "PROSEC", number: `P${i}`, authorizedOn: "2016-01-10", sectors: ["XIX"] }] : [{ type: i % 5 === 0 ? "ALTEX" : "IMMEX", number: `${i}-2014`, authorizedOn: "2014-01-10", ...(i % 4 === 0 ? { filedOn: "2025-05-10" } : {}) }];
    writeInputs(workbook, { company: { rfc: "SAT970701NN3", name: `Cliente ${i}` }, filingYear: 2025, programs, figures: { totalSales: 1000 + i, totalExports: 500 + i * 40, totalImports: 100 } });
    const f = join(dir, `seed-${i}.xlsx`);
    await saveWorkbookFile(workbook, f);
    seeds.push(f);
  }
  const out = join(dir, "clientes");
  mkdirSync(out);
  for (let i = 0; i < n; i++) copyFileSync(seeds[i % 20]!, join(out, `cliente-${String(i).padStart(4, "0")}.xlsx`));
  return out;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  gc();
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function exceljsLoadAll(dir: string): Promise<void> {
  for (const f of readdirSync(dir)) {
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(join(dir, f)) as unknown as ArrayBuffer);
  }
}

async function cartera(dir: string): Promise<void> {
  const batch = await readPortfolio([dir], TODAY, TODAY);
  const wb = buildPortfolioWorkbook({ rows: batch.rows, summary: summarize(batch.rows, batch.unusable.length), problems: batch.problems, batchNotes: batch.batchNotes, asOf: TODAY, outPath: join(dir, "..", "cartera.xlsx") });
  await workbookBuffer(wb);
}

/**
 * The most heap the batch keeps alive while it reads: a forced GC every 25 workbooks (inside the read loop) and a
 * sample after each. Sampling without GC would measure garbage. The portfolio workbook written at the end is
 * proportional to its rows (the output), so it is not part of this figure.
 */
async function retainedPeak(dir: string): Promise<number> {
  gc();
  let peak = process.memoryUsage().heapUsed;
  let n = 0;
  const sample = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const batch = await readPortfolio([dir], TODAY, TODAY, { onClient: () => void (++n % 25 === 0 && sample()) });
  return batch.rows.length > 0 ? peak / 1048576 : 0;
}

function carteraSheet(rows: number): void {
  const P = ["IMMEX", "PROSEC", "ALTEX", "ECEX"];
  const ctx = { today: () => TODAY };
  for (let i = 0; i < rows; i++) {
    const p = P[i % 4]!;
    const others = i % 3 === 0 ? "PROSEC" : undefined;
    try {
      core.status(p, 2025, i % 5 === 0 ? 45790 : undefined, undefined, others, 42000, ctx);
    } catch { /* #VALUE! rows are part of a real sheet */ }
    core.deadline(p, 2025, "due", others);
    try {
      core.daysLeft(p, 2025, undefined, others, ctx);
    } catch { /* #N/A once every date has passed */ }
  }
}

export async function benchPortfolio(files = 1_000) {
  const big = await makeFolder(files);
  const small = await makeFolder(files / 10);
  try {
    await exceljsLoadAll(small); // warm-up
    await cartera(small);
    const b: number[] = [];
    const s: number[] = [];
    for (let i = 0; i < 2; i++) {
      b.push(await timeAsync(() => exceljsLoadAll(big)));
      s.push(await timeAsync(() => cartera(big)));
    }
    const baselineMs = Math.min(...b);
    const ms = Math.min(...s);
    const heapSmall = await retainedPeak(small);
    const heapBig = await retainedPeak(big);
    const sheet = paired(() => { for (let i = 0; i < 3_000; i++) core.businessDays(45700 + (i % 300), 10); }, () => carteraSheet(1_000), 9);
    return [
      { name: `raoce cartera, ${files.toLocaleString("en-US")} client workbooks (read, rows, portfolio workbook)`, baseline: "ExcelJS load of the same files", ms, baselineMs, ratio: ms / baselineMs, target: "< 1.5×" },
      { name: `raoce cartera peak live heap (GC every 25 files), ${files.toLocaleString("en-US")} files`, baseline: `same with ${(files / 10).toLocaleString("en-US")} files`, value: heapBig, baselineValue: heapSmall, unit: "MB", ratio: heapBig / heapSmall, target: "flat (≈ 1×; kept rows ~1 KB per client)" },
      { name: "Cartera sheet recalculation, 1,000 rows × (STATUS, DEADLINE, DAYSLEFT)", baseline: "3,000 × RAOCE.BUSINESSDAYS(start, 10)", ms: sheet.ms, baselineMs: sheet.baselineMs, ratio: sheet.ratio, target: "sheet < 100 ms" },
    ];
  } finally {
    rmSync(join(big, ".."), { recursive: true, force: true });
    rmSync(join(small, ".."), { recursive: true, force: true });
  }
}
