/**
 * The file guard on the shapes that made the old regex guard quadratic (issue #8 §2): 120,000 self-closing defined
 * names, 400,000 unclosed tags, 700,000 cells written `<c\tr=…>`. Each is timed against the guard on the good example,
 * paired; a linear guard costs about the ratio of the inflated sizes (shown as the target), a quadratic one far more.
 * Run: `node bench/run.js guard`.
 */
import { HOSTILE } from "../tests/workbook/xlsx/hostile-builders";
import { GOOD } from "../tests/workbook/xlsx/hostile-builders";
import { readFileSync } from "node:fs";
import { inspectXlsx } from "../src/workbook/xlsx-guard";
import { readPackage } from "../src/workbook/xlsx-zip";
import { paired } from "./timing";

const SHAPES = ["nombres-vacios.xlsx", "sin-cerrar.xlsx", "celdas-tab.xlsx"];

const inflated = (buf: Buffer) => readPackage(buf, { maxEntries: 5_000, maxUncompressedBytes: 1 << 30 }).reduce((n, p) => n + p.data.length, 0);

export async function benchGuard(runs = 7) {
  const good = readFileSync(GOOD);
  const rows = [];
  for (const file of SHAPES) {
    const c = HOSTILE.find((h) => h.file === file)!;
    const bad = await c.build();
    const inspect = (b: Buffer) => () => {
      try {
        inspectXlsx(b);
      } catch {
        /* refused: the time to refuse is what is measured */
      }
    };
    const r = paired(inspect(good), inspect(bad), runs);
    rows.push({ name: `guard: ${c.name}`, baseline: "guard on the good example", ...r, target: `≈ ${(inflated(bad) / inflated(good)).toFixed(0)}× (inflated size ratio; linear)` });
  }
  return rows;
}
