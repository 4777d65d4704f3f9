/**
 * Engine benchmark (issue #2): evaluate a report with 100,000 produced-goods rows, as a ratio to zod-parsing the same
 * input alone with the strict ReportInputSchema. Run: `npx tsx`-free → `node bench/run.js engine`.
 */
import { evaluate } from "../src/domain/evaluate";
import { ReportInputSchema } from "../src/domain/schema";
import { paired } from "./timing";

export function bigReport(rows: number): unknown {
  const units = ["Kilogramo", "Pieza", 8, "Litro", 6];
  const sectors = ["XIX", "XII", "I"];
  return {
    company: { rfc: "SAT970701NN3", name: "Benchmark, S.A. de C.V." },
    filingYear: 2025,
    asOf: "2025-04-15",
    programs: [{ type: "PROSEC", number: "2019-8664", sectors }],
    figures: { totalSales: 500000, totalExports: 120000, totalImports: 80000 },
    goods: Array.from({ length: rows }, (_, i) => ({
      sector: sectors[i % 3],
      tariffCode: String(10_000_000 + i * 7), // distinct codes: no duplicate-row warnings
      description: `Bien producido ${i}`,
      unit: units[i % units.length],
      totalVolume: 1000 + i,
      domesticVolume: 400,
      exportVolume: 500,
    })),
  };
}

export function benchEngine(rows = 100_000, runs = 9) {
  const doc = bigReport(rows);
  const t = paired(() => ReportInputSchema.safeParse(doc), () => evaluate(doc, "2025-04-15"), runs);
  return { name: `evaluate ${rows.toLocaleString("en-US")} goods rows`, baseline: "zod parse of the same input", ...t, target: "< 2×" };
}
