/**
 * `raoce fill` never overwrites what the user typed, and says what it replaced:
 * - a merged area spanning an input and an output cell, or an output name moved onto an input cell: the output is
 *   not written there (one located line), the input keeps its value;
 * - a value typed into an output cell ("PRESENTADO" in Estado, 0.785 in the export share) is reported with its old
 *   value and where the information belongs, in `fill`'s output and on the Problemas sheet — in a workbook never
 *   calculated, and (through the stored fingerprint) in one calculated before, without reporting outputs that merely
 *   changed because the inputs did;
 * - after a fill, changing an input makes `check` say the results are stale, until the next fill;
 * - a list anchored at the sheet's edge is cut (or not written) and reported; the file still reads back.
 * Every case: exit code, one message line per finding, the input file byte-identical.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Workbook } from "exceljs";
import { run } from "../../src/cli/main";
import { EXIT } from "../../src/cli/errors";
import { openWorkbookFile, saveWorkbookFile } from "../../src/workbook/xlsx-file";
import { exampleDoc, workbookFor } from "../workbook/xlsx/helpers";

const NOW = new Date("2025-06-20T18:00:00Z");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "raoce-fill-guards-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function fileWith(edit: (wb: Workbook) => void, doc = exampleDoc("immex-industrial")): Promise<string> {
  const o = await workbookFor(doc, edit);
  const path = join(dir, `libro-${++n}.xlsx`);
  await saveWorkbookFile(o.workbook, path);
  return path;
}

function moveName(wb: Workbook, name: string, to: string): void {
  delete (wb.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap[name];
  wb.definedNames.add(to, name);
}

/** Runs fill --out and returns the result, the output path and the notice lines ("    [AVISO] …"). */
async function fill(input: string, extra: string[] = []) {
  const out = input.replace(/\.xlsx$/, `-out${++n}.xlsx`);
  const before = readFileSync(input);
  const r = await run(["fill", input, "--out", out, "--as-of", "2025-06-20", ...extra], NOW);
  expect(readFileSync(input).equals(before)).toBe(true);
  // The notices are the indented lines under «Al escribir los resultados…» (labels in Spanish, codes only in --json).
  const lines = r.stdout.split("\n");
  const from = lines.findIndex((l) => l.startsWith("  Al escribir los resultados"));
  const notices: string[] = [];
  for (let k = from + 1; from >= 0 && k < lines.length && /^ {4}(Aviso|Error|Nota): /.test(lines[k]!); k++) notices.push(lines[k]!);
  return { r, out, notices };
}

const value = async (file: string, sheet: string, a1: string) => (await openWorkbookFile(file)).workbook.getWorksheet(sheet)!.getCell(a1).value;
const problemas = async (file: string) => {
  const ws = (await openWorkbookFile(file)).workbook.getWorksheet("Problemas")!;
  const rows: string[] = [];
  ws.eachRow((row, i) => i >= 6 && rows.push(`${row.getCell(2).value} ${row.getCell(3).value}`));
  return rows;
};

describe("outputs never land on inputs", () => {
  it("a merged area B14:B15 (Fecha de corte, an input, with Fecha de corte usada): B14 keeps its date", async () => {
    const input = await fileWith((wb) => wb.getWorksheet("Empresa")!.mergeCells("B14:B15"));
    const typed = await value(input, "Empresa", "B14");
    expect(typed).toBeInstanceOf(Date);
    const { r, out, notices } = await fill(input);
    expect(r.exitCode).toBe(EXIT.ok);
    expect(notices).toEqual([expect.stringMatching(/^ {4}Aviso: Empresa!B15 — No se escribió «Fecha de corte usada» en Empresa!B15: está combinada \(B14:B15\) con una celda de captura .*Lo capturado se conserva\./)]);
    expect(await value(out, "Empresa", "B14")).toEqual(typed);
    expect((await problemas(out))[0]).toMatch(/^OUTPUT_NOT_WRITTEN No se escribió «Fecha de corte usada»/);
  });

  it("the output name RAOCE_SALDO moved onto the RFC cell: the RFC stays", async () => {
    const input = await fileWith((wb) => moveName(wb, "RAOCE_SALDO", "Empresa!$B$6"));
    const { r, out, notices } = await fill(input);
    expect(r.exitCode).toBe(EXIT.ok);
    expect(notices).toEqual([expect.stringMatching(/Empresa!B6 — No se escribió «Saldo \(b − c\), miles de pesos» en Empresa!B6: es una celda de captura \(«RFC» \(RAOCE_RFC\)\)\. .*RAOCE_SALDO.*Cifras!B14/)]);
    expect(await value(out, "Empresa", "B6")).toBe("SAT970701NN3");
  });

  it("headers swapped so that «Estado» sits over the filing dates: the typed date is reported with its old value (the serial: «Estado» is not a date) before it is replaced", async () => {
    const input = await fileWith((wb) => {
      const ws = wb.getWorksheet("Programas")!;
      ws.getCell("G6").value = new Date(Date.UTC(2025, 4, 28)); // filed on 28/05/2025
      ws.getCell("S5").value = "Estado (viejo)";
      ws.getCell("G5").value = "Estado";
    });
    const { r, notices } = await fill(input);
    expect(r.exitCode).toBe(EXIT.inputErrors); // «Fecha de presentación» is missing: reported by the reader
    expect(notices).toEqual([expect.stringMatching(/^ {4}Aviso: Programas!G6 — Tenía «45,805», escrito a mano en una celda de resultado \(«Estado»/)]);
  });
});

describe("values typed into output cells", () => {
  const typeOver = (wb: Workbook) => {
    wb.getWorksheet("Programas")!.getCell("S6").value = "PRESENTADO";
    wb.getWorksheet("Cifras")!.getCell("B15").value = 0.785;
  };

  it("in a workbook never calculated: each reported with its old value and where it belongs", async () => {
    const input = await fileWith(typeOver);
    const { r, out, notices } = await fill(input);
    expect(r.exitCode).toBe(EXIT.ok);
    expect(notices).toEqual([
      expect.stringMatching(/^ {4}Aviso: Cifras!B15 — Tenía «78\.5 %», escrito a mano en una celda de resultado \(«Porcentaje de exportación \(b \/ a\)»: la calcula RAOCE\); se reemplazó por «[\d.]+ %»\. RAOCE lo calcula de «Ventas totales \(a\)» y «Total exportaciones \(b\)»/),
      expect.stringMatching(/^ {4}Aviso: Programas!S6 — Tenía «PRESENTADO», .*«Estado».*La fecha de presentación se captura en la columna «Fecha de presentación»/),
    ]);
    const rows = await problemas(out);
    expect(rows.slice(0, 2)).toEqual([expect.stringMatching(/^OUTPUT_TYPED_OVER Tenía «78\.5 %»/), expect.stringMatching(/^OUTPUT_TYPED_OVER Tenía «PRESENTADO»/)]);
    // Filling the result again reports nothing: those values are RAOCE's now.
    expect((await fill(out)).notices).toEqual([]);
  });

  it("in a workbook calculated before: typed values are reported, outputs that changed with the inputs are not", async () => {
    const first = await fill(await fileWith(() => undefined));
    expect(first.notices).toEqual([]);
    const o = await openWorkbookFile(first.out);
    typeOver(o.workbook);
    o.workbook.getWorksheet("Cifras")!.getCell("B6").value = 99_999; // sales: changes the share, the USD figures…
    const edited = join(dir, "editado.xlsx");
    await saveWorkbookFile(o.workbook, edited);
    const { notices } = await fill(edited);
    expect(notices.map((l) => /: (\S+) —/.exec(l)![1])).toEqual(["Cifras!B15", "Programas!S6"]);
  });
});

describe("results stale after the inputs change", () => {
  it("check says so until the next fill; --json carries the state", async () => {
    const { out } = await fill(await fileWith(() => undefined));
    const fresh = await run(["check", out, "--as-of", "2025-06-20", "--json"], NOW);
    expect(JSON.parse(fresh.stdout)[0].freshness).toEqual({ state: "current", computedOn: "2025-06-20" });

    const o = await openWorkbookFile(out);
    o.workbook.getWorksheet("Cifras")!.getCell("B7").value = 12_345;
    const edited = join(dir, "cambiado.xlsx");
    await saveWorkbookFile(o.workbook, edited);
    const r = await run(["check", edited, "--as-of", "2025-06-20"], NOW);
    expect(r.stdout.split("\n").filter((l) => l.includes("desactualizados"))).toEqual([
      "  Resultados desactualizados: vuelva a calcular: los datos cambiaron después del cálculo del 20 de junio de 2025; las cifras, plazos, Problemas y Captura VUCEM del libro son de antes (raoce fill o «Calcular y escribir» en el complemento)",
    ]);
    expect(JSON.parse((await run(["check", edited, "--json"], NOW)).stdout)[0].freshness.state).toBe("stale");

    const again = await fill(edited);
    const after = await run(["check", again.out, "--json"], NOW);
    expect(JSON.parse(after.stdout)[0].freshness.state).toBe("current");
  });

  it("a workbook never calculated is neither current nor stale", async () => {
    const r = await run(["check", await fileWith(() => undefined), "--json"], NOW);
    expect(JSON.parse(r.stdout)[0].freshness).toEqual({ state: "unknown", computedOn: null });
  });
});

describe("lists anchored at the sheet's edge", () => {
  it("RAOCE_PROBLEMAS at A1048575: cut at row 1,048,576, reported, and the file reads back", async () => {
    const input = await fileWith((wb) => moveName(wb, "RAOCE_PROBLEMAS", "Problemas!$A$1048575"), exampleDoc("errores-tipicos"));
    const { r, out, notices } = await fill(input);
    expect(r.exitCode).toBe(EXIT.inputErrors);
    expect(notices).toEqual([expect.stringMatching(/Problemas!A1048575 — La lista «Problemas» \(RAOCE_PROBLEMAS\) .*solo caben 2 de sus \d+ filas/)]);
    const back = await run(["check", out, "--as-of", "2025-06-20"], NOW);
    expect(back.exitCode).toBe(EXIT.inputErrors);
    const ws = (await openWorkbookFile(out)).workbook.getWorksheet("Problemas")!;
    expect(ws.rowCount).toBeLessThanOrEqual(1_048_576);
    expect(ws.getCell("C1048576").value).not.toBeNull();
  });

  it("RAOCE_PROBLEMAS at XFC1048575: the list does not fit, nothing crashes, it is reported", async () => {
    const input = await fileWith((wb) => moveName(wb, "RAOCE_PROBLEMAS", "Problemas!$XFC$1048575"));
    const { r, out, notices } = await fill(input);
    expect(r.exitCode).toBe(EXIT.ok);
    expect(r.stderr).toBeUndefined();
    expect(notices).toEqual([expect.stringMatching(/Problemas!XFC1048575 — La lista «Problemas» \(RAOCE_PROBLEMAS\) .*no caben en la hoja .*no se escribió/)]);
    expect((await run(["check", out], NOW)).exitCode).toBe(EXIT.ok);
  });

  it("RAOCE_CAPTURA moved onto the Empresa inputs: not written, reported", async () => {
    const input = await fileWith((wb) => moveName(wb, "RAOCE_CAPTURA", "Empresa!$A$6"));
    const { out, notices } = await fill(input);
    expect(notices).toEqual([expect.stringMatching(/Empresa!A6 — La lista «Captura VUCEM» \(RAOCE_CAPTURA\) .*cubriría «RFC» \(RAOCE_RFC\): no se escribió/)]);
    expect(await value(out, "Empresa", "B6")).toBe("SAT970701NN3");
  });
});
