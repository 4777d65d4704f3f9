/**
 * The Captura VUCEM banner (layout-freshness.ts) is a template formula Excel recomputes with no RAOCE running; `fill`
 * writes the number it compares with (RAOCE_HUELLA_CAPTURA). The two sides are computed by different programs, so
 * this test has a real spreadsheet (LibreOffice, headless, its own profile) recalculate the filled workbook: the
 * banner is empty right after a fill, and says the results are stale once a figure, the RFC or a good changes.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { STALE_TEXT } from "../../src/workbook/layout-freshness";
import { openWorkbookFile, saveWorkbookFile } from "../../src/workbook/xlsx-file";
import { ROOT } from "../workbook/xlsx/helpers";

jest.setTimeout(240_000);
const NOW = new Date("2025-06-20T18:00:00Z");
// LibreOffice is part of this project's test machine (team conventions); its absence is a failure, not a skip.
const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find(existsSync) ?? "soffice";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "raoce-banner-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Row 4 of Captura VUCEM (the banner) as LibreOffice computes it, one conversion for all the files. */
function bannersOf(files: string[]): string[] {
  const out = join(dir, "csv");
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${join(dir, "perfil")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,6", "--outdir", out, ...files], { stdio: "ignore", timeout: 200_000 });
  return files.map((f) => {
    const csv = readdirSync(out).find((x) => x.startsWith(f.split("/").pop()!.replace(/\.xlsx$/, "")))!;
    return readFileSync(join(out, csv), "utf8").split("\n")[3]!.split(",")[0]!.replace(/^"|"$/g, "");
  });
}

it("LibreOffice shows the banner only after an input changes", async () => {
  const fresh = join(dir, "vigente.xlsx");
  expect((await run(["fill", join(ROOT, "examples", "prosec-cafe.xlsx"), "--out", fresh], NOW)).exitCode).toBeLessThan(2);
  const edits: [string, (wb: import("exceljs").Workbook) => void][] = [
    ["ventas", (wb) => (wb.getWorksheet("Cifras")!.getCell("B6").value = 99_999)],
    ["rfc", (wb) => (wb.getWorksheet("Empresa")!.getCell("B6").value = "XAXX010101000X")],
    ["bien", (wb) => (wb.getWorksheet("Bienes")!.getCell("C6").value = "Café tostado y molido, otra presentación")],
  ];
  const files = [fresh];
  for (const [name, edit] of edits) {
    const o = await openWorkbookFile(fresh);
    edit(o.workbook);
    const f = join(dir, `cambio-${name}.xlsx`);
    await saveWorkbookFile(o.workbook, f);
    files.push(f);
  }
  const [current, ...stale] = bannersOf(files);
  expect(current).toBe("");
  for (const b of stale) expect(b.startsWith(STALE_TEXT)).toBe(true);
});
