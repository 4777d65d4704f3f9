/**
 * Issue #12: `raoce conciliar` on a 500,000-item Data Stage year (target: under 10 s, memory flat). Generated with
 * scripts/make-datastage.js (≈1,600 pedimentos a month, ≈26 items each, 15 monthly ZIPs incl. Jan–Mar of the next
 * year and an overlapping month). Each measurement is its own process (bench/datastage-child.js) so peak RSS is its
 * own. Rows: the real command against a baseline that only inflates and splits the same files into lines; peak RSS of
 * the 500,000-item year against a 50,000-item year (flat memory ⇒ ratio near 1). Needs lib/ (npm run build:cli).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./timing";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const gen = require("../scripts/make-datastage.js") as typeof import("../scripts/make-datastage");

interface Measure {
  ms: number;
  maxRssMb: number;
  items?: number;
  exitCode?: number;
}

function child(args: string[]): Measure {
  const out = execFileSync(process.execPath, [join(__dirname, "datastage-child.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split("\n").pop()!) as Measure;
}

async function year(dir: string, itemsTarget: number, perMonth: number): Promise<{ zips: string[]; workbook: string }> {
  const model = gen.generateMaquila({ year: 2024, itemsTarget, pedimentosPerMonth: perMonth });
  const zips = await gen.writeDeliveries(model, join(dir, "ds"));
  // A workbook of this company: the template with its inputs typed in (lib/, like the CLI).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildTemplate } = require("../lib/workbook/template.js");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeInputs } = require("../lib/workbook/exceljs-adapter.js");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { saveWorkbookFile } = require("../lib/workbook/xlsx-file.js");
  const wb = buildTemplate();
  writeInputs(wb, { company: { rfc: model.rfc, name: "Bench" }, filingYear: 2025, programs: [{ type: "IMMEX", number: "1-2019" }], figures: { totalSales: 1, totalExports: 1 } });
  const workbook = join(dir, "libro.xlsx");
  await saveWorkbookFile(wb, workbook);
  return { zips, workbook };
}

export async function benchDatastage() {
  const root = mkdtempSync(join(tmpdir(), "raoce-bench-ds-"));
  try {
    const big = await year(join(root, "big"), 500_000, 1_600);
    const small = await year(join(root, "small"), 50_000, 160);
    const runs = 3;
    const cli: Measure[] = [];
    const base: Measure[] = [];
    const smallCli: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      base.push(child(["inflate", ...big.zips]));
      cli.push(child(["cli", big.workbook, ...big.zips]));
      smallCli.push(child(["cli", small.workbook, ...small.zips]));
    }
    const ms = median(cli.map((m) => m.ms));
    const baselineMs = median(base.map((m) => m.ms));
    const rss = median(cli.map((m) => m.maxRssMb));
    const rssSmall = median(smallCli.map((m) => m.maxRssMb));
    const items = cli[0]!.items!.toLocaleString("en-US");
    const smallItems = smallCli[0]!.items!.toLocaleString("en-US");
    readdirSync(root);
    return [
      { name: `raoce conciliar, Data Stage year of ${items} items (15 ZIPs), whole command`, baseline: "inflate + split into lines of the same ZIPs", ms, baselineMs, ratio: ms / baselineMs, target: "< 10,000 ms" },
      { name: `peak RSS of raoce conciliar: ${items} items`, baseline: `same with ${smallItems} items`, value: rss, baselineValue: rssSmall, unit: "MB", ratio: rss / rssSmall, target: "flat (≈1×)" },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
