/**
 * Office.js round trips (issue: "never grow syncs with rows"): `context.sync()` calls of the Office.js adapter for
 * read + apply on a template-shaped workbook with 10 and with 10,000 goods rows, through the real pipeline
 * (read → analyze → buildWritePlan → apply) against the fake Excel of the tests. The table's time columns carry the
 * SYNC COUNTS (not milliseconds); the ratio must be 1.00×. Run: `node bench/run.js office`.
 */
import { analyzeSnapshot } from "../src/workbook/analyze";
import { createOfficeAdapter } from "../src/workbook/office/office-adapter";
import { buildWritePlan } from "../src/workbook/write-plan";
import { layoutWorkbook } from "../tests/workbook/office/layout-workbook";

async function syncsFor(goodsRows: number): Promise<{ read: number; apply: number }> {
  const { fx } = layoutWorkbook({ goodsRows });
  const adapter = createOfficeAdapter(fx.run, undefined, { isSetSupported: () => true });
  const snapshot = await adapter.read();
  const read = fx.syncCount;
  const analysis = analyzeSnapshot(snapshot, "2025-04-15");
  if (!analysis.usable) throw new Error(`office-syncs bench: ${analysis.reason}`);
  await adapter.apply(buildWritePlan(analysis, snapshot, "2025-04-15"));
  return { read, apply: fx.syncCount - read };
}

export async function benchOfficeSyncs(small = 10, large = 10_000) {
  const a = await syncsFor(small);
  const b = await syncsFor(large);
  const total = (x: { read: number; apply: number }) => x.read + x.apply;
  return {
    name: `Office.js context.sync() calls, read+apply (${b.read}+${b.apply}), ${large.toLocaleString("en-US")} goods rows`,
    unit: "syncs",
    baseline: `same with ${small} goods rows (${a.read}+${a.apply})`,
    ms: total(b),
    baselineMs: total(a),
    ratio: total(b) / total(a),
    target: "1.00× (syncs constant in rows)",
  };
}
