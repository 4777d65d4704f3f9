/**
 * A filled workbook always reads back: 20,000 goods with 6 problems each (120,003 issues) used to write 140,005
 * Problemas rows that `check` and `fill` then refused. Problemas now lists the first MAX_LISTED_ISSUES and one row per
 * code for the rest; the CLI runs in its own process with its peak memory measured.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeInputs } from "../../src/workbook/exceljs-adapter";
import { openWorkbookBuffer, openWorkbookFile, saveWorkbookFile } from "../../src/workbook/xlsx-file";
import { MAX_LISTED_ISSUES } from "../../src/workbook/write-plan";
import { templateBuf } from "../workbook/xlsx/helpers";
import { measuredCli, transpileCli } from "./measured-cli";

jest.setTimeout(300_000);

/** The file adapter's documented budget for a 20,000-goods workbook (layout.ts FILE_MAX_TABLE_ROWS). */
const FILL_RSS_LIMIT_MB = 1024;
const GOODS = 20_000;
// Six problems each: unknown sector, short fracción, missing description, unknown unit, negative volume, text volume.
const BAD_GOOD = { sector: "XCIX", tariffCode: "12", description: "", unit: "zz", totalVolume: -1, domesticVolume: 5, exportVolume: "x" };

let work: string;
let cli: string;
let input: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "raoce-many-problems-"));
  cli = join(work, "cli");
  transpileCli(cli);
  const doc = {
    filingYear: 2025,
    company: { rfc: "AAA010101AAA", name: "Muchos Bienes, S.A. de C.V." },
    programs: [{ type: "PROSEC", number: "P1", authorizedOn: "2020-01-01", sectors: ["I"] }],
    figures: { totalSales: 10, totalExports: 5, totalImports: 1 },
    goods: Array.from({ length: GOODS }, () => ({ ...BAD_GOOD })),
  };
  const { workbook } = await openWorkbookBuffer(await templateBuf());
  writeInputs(workbook, doc);
  input = join(work, "muchos.xlsx");
  await saveWorkbookFile(workbook, input);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("fill writes a Problemas list that reads back, with bounded memory; the summary rows count the rest", async () => {
  const before = readFileSync(input);
  const out = join(work, "muchos-raoce.xlsx");
  const r = await measuredCli(cli, work, ["fill", input, "--out", out, "--as-of", "2025-06-20"]);
  expect(r.exitCode).toBe(1);
  expect(r.stderr).toBe("");
  expect(r.rssMb).toBeLessThan(FILL_RSS_LIMIT_MB);
  expect(readFileSync(input).equals(before)).toBe(true);

  const ws = (await openWorkbookFile(out)).workbook.getWorksheet("Problemas")!;
  const rows: { code: string; message: string }[] = [];
  ws.eachRow((row, i) => i >= 6 && rows.push({ code: String(row.getCell(2).value), message: String(row.getCell(3).value) }));
  const summaries = rows.slice(MAX_LISTED_ISSUES);
  expect(rows.length).toBeGreaterThan(MAX_LISTED_ISSUES);
  expect(rows.length).toBeLessThan(MAX_LISTED_ISSUES + 50);
  for (const s of summaries) expect(s.message).toMatch(/^… y [\d,]+ problemas? más con este código \(por ejemplo en [^!]+!\w+\)\. Esta hoja lista los primeros 1,000 de 120,00\d;/);
  // Every issue is counted once: listed rows + the counts of the summary rows.
  const counted = MAX_LISTED_ISSUES + summaries.reduce((n, s) => n + Number(/… y ([\d,]+)/.exec(s.message)![1]!.replace(/,/g, "")), 0);
  const total = Number(/de ([\d,]+);/.exec(summaries[0]!.message)![1]!.replace(/,/g, ""));
  expect(total).toBeGreaterThan(120_000);
  expect(counted).toBe(total);

  const back = await measuredCli(cli, work, ["check", out, "--as-of", "2025-06-20"]);
  expect(back.exitCode).toBe(1); // errors in the report, not an unusable file
  expect(back.stderr).toBe("");
  const again = await measuredCli(cli, work, ["fill", out, "--out", join(work, "otra-vez.xlsx"), "--as-of", "2025-06-20"]);
  expect(again.exitCode).toBe(1);
  expect(again.rssMb).toBeLessThan(FILL_RSS_LIMIT_MB);
});
