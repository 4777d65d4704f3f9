/**
 * `raoce conciliar` on generated Data Stage files for a fictitious maquila (issue #12, "done when"): the totals are
 * computed HERE from the generator's own records — not with the product's totals code — and a planted difference
 * (virtual exports left out of the captured figure) must be explained.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { generateMaquila, writeDeliveries, type GenModel, type GenPedimento } from "../../scripts/make-datastage";
import { writeInputs } from "../../src/workbook/exceljs-adapter";
import { buildTemplate } from "../../src/workbook/template";
import { openWorkbookFile, saveWorkbookFile } from "../../src/workbook/xlsx-file";

const NOW = new Date("2025-05-20T18:00:00Z");
const YEAR = 2024;
let dir: string;
let zips: string[];
let model: GenModel;

/** The expected totals, from the generator's records and the reference's rules, written out independently. */
function expectedTotals(m: GenModel) {
  const replaced = new Set(m.rectifications.map((r) => r.prev));
  const previousOf = (p: GenPedimento) => m.rectifications.find((r) => r.r1 === p)?.prev ?? null;
  const original = (p: GenPedimento) => {
    let cur = p;
    for (let prev = previousOf(cur); prev; prev = previousOf(cur)) cur = prev;
    return cur;
  };
  const effectiveClave = (p: GenPedimento) => {
    let cur: GenPedimento | null = p;
    while (cur && cur.clave === "R1") cur = previousOf(cur);
    return cur?.clave ?? "R1";
  };
  const t = { direct: 0, virtual: 0, k1: 0, imports: 0, importsVirtual: 0, virtualCount: 0, superseded: 0 };
  for (const p of m.pedimentos) {
    if (Number(original(p).paid.slice(0, 4)) !== YEAR) continue;
    if (replaced.has(p)) {
      t.superseded++;
      continue;
    }
    const value = p.items.reduce((s, it) => s + it.vc, 0);
    const clave = effectiveClave(p);
    if (p.tipoOp === 2 && (clave === "A1" || clave === "RT")) t.direct += value;
    else if (p.tipoOp === 2 && clave === "V1") {
      t.virtual += value;
      t.virtualCount++;
    } else if (p.tipoOp === 1 && clave === "K1") t.k1 += value;
    else if (p.tipoOp === 1 && ["IN", "AF", "A1"].includes(clave)) t.imports += value;
    else if (p.tipoOp === 1 && clave === "V1") t.importsVirtual += value;
    // BM (temporary export) and F4 (change of regime) do not count.
  }
  return { ...t, b: (t.direct + t.virtual - t.k1) / 1000, c: (t.imports + t.importsVirtual) / 1000 };
}

async function workbook(path: string, figures: Record<string, number>, rfc = "SAT970701NN3") {
  const wb = buildTemplate();
  writeInputs(wb, {
    company: { rfc, name: "Maquilas Peñasco del Norte, S.A. de C.V." },
    filingYear: YEAR + 1,
    asOf: "2025-05-15",
    programs: [{ type: "IMMEX", number: "123-2019", modality: "Industrial", authorizedOn: "2019-03-01" }],
    figures,
  });
  await saveWorkbookFile(wb, path);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "raoce-conciliar-"));
  model = generateMaquila({ year: YEAR, itemsTarget: 1500 });
  zips = await writeDeliveries(model, join(dir, "datastage"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const round2 = (n: number) => Math.round(n * 100) / 100;

describe("raoce conciliar with a Data Stage year", () => {
  it("reproduces the independently computed totals and explains the planted difference (virtual exports left out)", async () => {
    const e = expectedTotals(model);
    expect(e.virtualCount).toBeGreaterThan(0);
    const planted = round2(e.b - e.virtual / 1000);
    const input = await workbook(join(dir, "libro.xlsx"), { totalSales: 90_000, totalExports: planted, totalImports: round2(e.c) });
    const before = readFileSync(input);
    const out = join(dir, "salida.xlsx");
    const r = await run(["conciliar", input, ...zips, "--out", out, "--json"], NOW);
    expect(r.exitCode).toBe(1); // a material difference
    const doc = JSON.parse(r.stdout);
    const b = doc.figures.find((f: { figure: string }) => f.figure === "totalExports");
    const c = doc.figures.find((f: { figure: string }) => f.figure === "totalImports");
    expect(b.customs).toBeCloseTo(e.b, 6);
    expect(c.customs).toBeCloseTo(e.c, 6);
    expect(doc.totals).toMatchObject({ exportsDirect: e.direct, exportsVirtual: e.virtual, exportsSubtracted: e.k1, imports: e.imports, importsVirtual: e.importsVirtual });
    expect(c.status).toBe("conciliado");
    expect(b.status).toBe("diferencia-material");
    const virtual = b.lines[0];
    expect(virtual).toMatchObject({ kind: "virtual", explains: true });
    expect(virtual.pedimentos).toHaveLength(e.virtualCount);
    expect(virtual.pedimentos.reduce((s: number, p: { mxn: number }) => s + p.mxn, 0)).toBe(e.virtual);
    expect(Math.abs(b.unexplained)).toBeLessThanOrEqual(0.5);
    expect(b.lines.filter((l: { explains: boolean }) => l.explains).map((l: { kind: string }) => l.kind)).toEqual(["virtual"]);
    expect(doc.counts.superseded).toBe(e.superseded);
    expect(doc.counts.duplicates).toBe(model.pedimentos.filter((p) => p.delivery === `${YEAR}-02`).length); // March re-sent February
    expect(doc.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: "RECON_DIFFERENCE", path: "figures.totalExports" }), expect.objectContaining({ code: "DS_VALUE_USD" })]));
    expect(doc.issues.find((i: { code: string }) => i.code === "DS_RFC_MISMATCH")).toBeUndefined();
    expect(readFileSync(input).equals(before)).toBe(true); // the input is never written without --in-place

    // The sheet was written, and `check` on the result warns at the figure.
    const o = await openWorkbookFile(out);
    const ws = o.workbook.getWorksheet("Conciliación")!;
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(row.values ? (row.values as unknown[]).map((v) => String(v ?? "")).join("|") : ""));
    expect(texts.join("\n")).toMatch(/1\. Operaciones virtuales no incluidas\|[^\n]*\|Explica la diferencia/);
    expect(Number(ws.getCell("C7").value)).toBeCloseTo(e.b, 6);
    const chk = await run(["check", out], NOW);
    expect(chk.stdout).toMatch(/Aviso: Cifras!B7 — Total exportaciones \(b\): la cifra capturada .* difiere/);
  });

  it("text output names the explanation; the rectification chain and the January-consolidated pedimentos are listed", async () => {
    const e = expectedTotals(model);
    const input = await workbook(join(dir, "libro2.xlsx"), { totalSales: 90_000, totalExports: round2(e.b), totalImports: round2(e.c) });
    const r = await run(["conciliar", input, ...zips, "--out", join(dir, "s2.xlsx"), "--json"], NOW);
    expect(r.exitCode).toBe(0);
    const b = JSON.parse(r.stdout).figures.find((f: { figure: string }) => f.figure === "totalExports");
    expect(b.status).toBe("conciliado");
    const rect = b.lines.find((l: { kind: string }) => l.kind === "rectifications");
    const display = (p: GenPedimento) => `${p.paid.slice(2, 4)}  ${p.seccion.slice(0, 2)}  ${p.patente}  ${p.pedimento}`;
    expect(rect.pedimentos.map((p: { display: string }) => p.display).sort()).toEqual(model.rectifications.map((x) => display(x.prev)).sort());
    const cut = b.lines.find((l: { kind: string }) => l.kind === "cutoff");
    expect(cut.pedimentos.map((p: { paidOn: string }) => p.paidOn.slice(0, 7))).toEqual([`${YEAR}-01`, `${YEAR + 1}-01`]);

    const txt = await run(["conciliar", input, ...zips, "--out", join(dir, "s3.xlsx"), "--materialidad", "0.5%"], NOW);
    expect(txt.stdout).toMatch(/\(b\) Total exportaciones .* Conciliado/);
    expect(txt.stdout).toContain("Conciliación escrita en");
  });

  it("a Data Stage of another RFC is an error (R57); a bad materiality or a missing file is exit 2", async () => {
    const input = await workbook(join(dir, "otro.xlsx"), { totalSales: 90_000, totalExports: 1 }, "MAG041126GT8");
    const r = await run(["conciliar", input, ...zips, "--out", join(dir, "o.xlsx"), "--json"], NOW);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).issues).toEqual(expect.arrayContaining([expect.objectContaining({ severity: "error", code: "DS_RFC_MISMATCH", path: "company.rfc" })]));
    expect(await run(["conciliar", input, ...zips, "--materialidad", "mucho"], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/--materialidad mucho/) });
    expect(await run(["conciliar", input, join(dir, "no.zip")], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/no existe/) });
    expect(await run(["conciliar", input, "--out", input], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/--in-place/) });
  });
});

describe("raoce conciliar with the workbook's Pedimentos list (Anexo 24)", () => {
  it("reconciles the list, locates a bad row, and check warns at the figure with the explanation", async () => {
    const path = join(dir, "lista.xlsx");
    await workbook(path, { totalSales: 5_000, totalExports: 1_950, totalImports: 300 });
    const o = await openWorkbookFile(path);
    const ws = o.workbook.getWorksheet("Pedimentos")!;
    const rows: unknown[][] = [
      ["24 24 3807 4000001", "A1", "Exportación", new Date(Date.UTC(2024, 2, 5)), 2_000_000, 100_000],
      ["24  24  3807  4000002", "V1", "Exportación", "12/06/2024", 600_000, 30_000],
      ["24 24 3807 400003", "A1", "Exportación", "12/06/2024", 5, 1], // 14 digits
      ["242438074000004", "K1", "Importación", "01/08/2024", 50_000, 2_500],
      ["242438074000005", "IN", "Importación", "01/08/2024", 300_000, 15_000],
    ];
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(6 + i, 1 + j).value = v as never)));
    await saveWorkbookFile(o.workbook, path);

    const chk = await run(["check", path], NOW);
    expect(chk.stdout).toContain("Pedimentos!A8");
    expect(chk.stdout).toMatch(/Cifras!B7 — Total exportaciones \(b\): .*Explicación probable: operaciones virtuales no incluidas/);

    const r = await run(["conciliar", path, "--json", "--out", join(dir, "lista-out.xlsx")], NOW);
    const doc = JSON.parse(r.stdout);
    const b = doc.figures.find((f: { figure: string }) => f.figure === "totalExports");
    expect(b.customs).toBeCloseTo(2_550, 9); // 2,000,000 + 600,000 − 50,000
    expect(doc.figures.find((f: { figure: string }) => f.figure === "totalImports")).toMatchObject({ customs: 300, status: "conciliado" });
    expect(doc.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: "RECON_LIST_CELL", message: expect.stringMatching(/^Pedimentos!A8: Pedimentos, fila 3: el número de pedimento tiene 14 dígitos/) })]));
  });

  it("an empty list and no Data Stage is a usage error", async () => {
    const path = await workbook(join(dir, "vacio.xlsx"), { totalSales: 1, totalExports: 1 });
    expect(await run(["conciliar", path], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/hoja Pedimentos está vacía/) });
  });
});
