/**
 * Task pane bench (issue: task pane): gzipped size of the JS the pane's page loads before it is interactive
 * (functions + commands + taskpane chunks; the lazy chunks — settings panel, engine, English strings, dark theme,
 * ExcelJS for "Insertar plantilla" — are not part of it) and of the functions chunk (loaded headless on workbook
 * open), both against the 180 KB budget; and the time from navigation to an interactive pane in headless Chromium
 * with the fake Office of the browser test. Run: `node bench/run.js pane` (builds the production bundle first).
 *
 * Sizes are reported in KB (the row's `unit`), times in ms.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildPane, entryFile, launchChromium, openPane, serve } from "../tests/browser/harness";
import { median } from "./timing";

const BUDGET_KB = 180;
/** The scripts taskpane.html loads, in order (see webpack.config.js). */
const INITIAL = ["functions", "commands", "taskpane"];

const gzKb = (dir: string, file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024;


export interface BenchRow {
  name: string;
  baseline: string;
  ms: number;
  baselineMs: number;
  ratio: number;
  target: string;
  /** "ms" when absent; sizes are in "KB". */
  unit?: string;
}

export async function benchPane(runs = 7): Promise<BenchRow[]> {
  const dir = await buildPane();
  const server = await serve(dir);
  const browser = await launchChromium();
  try {
    const initialKb = INITIAL.reduce((n, f) => n + gzKb(dir, entryFile(dir, f)), 0);
    const functionsKb = gzKb(dir, entryFile(dir, "functions"));

    const tti: number[] = [];
    const dcl: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const s = await openPane(browser, server.origin, { fakeOffice: true });
      await s.page.getByRole("button", { name: "Calcular y escribir" }).waitFor();
      const t = await s.page.evaluate(() => ({
        interactive: performance.now(),
        dcl: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      }));
      await s.context.close();
      if (i === 0) continue; // warm-up (disk cache of the browser binary, JIT)
      tti.push(t.interactive);
      dcl.push(t.dcl);
    }
    const interactive = median(tti);
    const domReady = median(dcl);
    return [
      {
        name: "pane initial JS, gzipped (functions + commands + taskpane)",
        unit: "KB",
        baseline: `budget ${BUDGET_KB} KB`,
        ms: initialKb,
        baselineMs: BUDGET_KB,
        ratio: initialKb / BUDGET_KB,
        target: "≤ 1.00× (180 KB)",
      },
      {
        name: "functions chunk, gzipped",
        unit: "KB",
        baseline: `budget ${BUDGET_KB} KB`,
        ms: functionsKb,
        baselineMs: BUDGET_KB,
        ratio: functionsKb / BUDGET_KB,
        target: "≤ 1.00× (180 KB)",
      },
      {
        name: `navigation → interactive pane (headless Chromium, fake Office, median of ${runs})`,
        baseline: "navigation → DOMContentLoaded",
        ms: interactive,
        baselineMs: domReady,
        ratio: interactive / domReady,
        target: "< 1,000 ms",
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
