/**
 * `evaluate` never throws, whatever the number of issues: a document yielding more than 130,000 issues used to throw
 * "Maximum call stack size exceeded" (an argument spread of the issue list). The CLI prints them all; the pane shares
 * the same code.
 */
import { run } from "../../src/cli/main";
import { evaluate } from "../../src/domain/evaluate";
import { pushAll } from "../../src/domain/issues";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Five problems each: an unknown sector, a short fracción, an unknown unit, a negative volume, a missing description.
const BAD_GOOD = { sector: "XCIX", tariffCode: "12", description: "", unit: "zz", totalVolume: -1 };
const doc = (n: number) => ({
  filingYear: 2025,
  company: { rfc: "AAA010101AAA", name: "Muchos Bienes SA de CV" },
  programs: [{ type: "PROSEC", number: "P1", authorizedOn: "2020-01-01", sectors: ["I"] }],
  figures: { totalSales: 10, totalExports: 5, totalImports: 1 },
  goods: Array.from({ length: n }, () => ({ ...BAD_GOOD })),
});

describe("evaluate with more than 130,000 issues", () => {
  it("returns every issue instead of throwing", () => {
    const r = evaluate(doc(28_000), "2025-06-20");
    expect(r.issues.length).toBeGreaterThan(130_000);
    expect(r.summary.errors + r.summary.warnings + r.summary.infos).toBe(r.issues.length);
  });

  it("raoce evaluate prints them (exit 1, one line per issue)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "raoce-many-"));
    try {
      const file = join(dir, "muchos.json");
      writeFileSync(file, JSON.stringify(doc(28_000)));
      const r = await run(["evaluate", file], new Date("2025-06-20T18:00:00Z"));
      expect(r.exitCode).toBe(1);
      expect(r.stderr ?? "").toBe("");
      expect(r.stdout.split("\n").filter((l) => /^ {2}(Error|Aviso|Nota): /.test(l)).length).toBeGreaterThan(130_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("pushAll appends lists longer than the call stack allows as arguments", () => {
    const big = new Array<number>(300_000).fill(1);
    expect(pushAll([0], big, [2]).length).toBe(300_002);
  });
});
