/** Reconciliation domain (issue #12; domain reference §12, R52–R56). Cases from the reference and the research notes. */
import {
  DEFAULT_CLAVES,
  formatPedimento,
  parseMateriality,
  parsePedimentoNumber,
  pedimentoFromParts,
  reconcile,
  type PedimentoRecord,
  type ReconcileInput,
} from "../../src/domain/reconcile";

let seq = 0;
function ped(p: Partial<PedimentoRecord> & Pick<PedimentoRecord, "clave" | "direction" | "commercialMxn">): PedimentoRecord {
  seq++;
  return {
    number: p.number ?? `24243807${String(4000000 + seq).padStart(7, "0")}`,
    paidOn: "2024-05-10",
    customsMxn: null,
    usd: null,
    valueAdded: null,
    exchangeRate: null,
    items: 0,
    consolidated: false,
    invoiceFrom: null,
    source: `Pedimentos!A${5 + seq}`,
    ...p,
  };
}

function input(pedimentos: PedimentoRecord[], over: Partial<ReconcileInput> = {}): ReconcileInput {
  return {
    fiscalYear: 2024,
    pedimentos,
    rectifications: [],
    claves: DEFAULT_CLAVES,
    captured: {},
    consignment: false,
    importBasis: "commercial",
    annualRate: null,
    materiality: { kind: "percent", value: 0.01 },
    sourceLabel: "la lista",
    ...over,
  };
}

describe("R52 pedimento number", () => {
  it("accepts any spacing and normalizes to 15 digits; prints with two spaces", () => {
    for (const raw of ["25  47  3807  5001234", "25 47 3807 5001234", "25-47-3807-5001234", "254738075001234", 254738075001234]) {
      const r = parsePedimentoNumber(raw);
      expect(r).toMatchObject({ ok: true, value: { digits: "254738075001234", year2: "25", aduana: "47", patente: "3807", consecutive: "5001234" } });
    }
    expect(formatPedimento("254738075001234")).toBe("25  47  3807  5001234");
  });
  it("rejects wrong lengths and characters with the reason", () => {
    expect(parsePedimentoNumber("25 47 3807 500123")).toEqual({ ok: false, problem: { code: "LENGTH", length: 14 } });
    expect(parsePedimentoNumber("25 47 38O7 5001234")).toMatchObject({ ok: false, problem: { code: "CHARACTERS" } });
    expect(parsePedimentoNumber("  ")).toEqual({ ok: false, problem: { code: "EMPTY" } });
  });
  it("warns when the first digit of the 7 is not the year's last digit (Anexo 22 field 1), except consolidated/original", () => {
    expect(parsePedimentoNumber("25 47 3807 4001234")).toMatchObject({ ok: true, warning: { code: "YEAR_DIGIT", expected: "5", found: "4" } });
    expect(parsePedimentoNumber("25 47 3807 4001234", { exception: true })).not.toHaveProperty("warning");
  });
  it("rebuilds the year from FechaPagoReal and the first digit (research §2)", () => {
    // datastagepro's key 26-640-1690-6001103 and the 501 sample row 3953|6000098|240 paid 2026-01-05.
    expect(pedimentoFromParts("1690", "6001103", "640", 2026)).toBe("266416906001103");
    expect(pedimentoFromParts("3953", "6000098", "240", 2026)).toBe("262439536000098");
    // A consolidated pedimento begun in 2025 and paid in January 2026 keeps 5 → year 25.
    expect(pedimentoFromParts("3953", "5000098", "240", 2026)).toBe("252439535000098");
    expect(pedimentoFromParts("39a3", "5000098", "240", 2026)).toBeNull();
  });
});

describe("R54/R55 totals by the default mapping", () => {
  it("direction comes from TipoOperacion: A1 export is direct, A1 import is an import; V1 virtual; K1 subtracts; BM, F4, T3 excluded", () => {
    const r = reconcile(
      input([
        ped({ clave: "A1", direction: "export", commercialMxn: 1_000_000 }),
        ped({ clave: "RT", direction: "export", commercialMxn: 500_000 }),
        ped({ clave: "V1", direction: "export", commercialMxn: 250_000 }),
        ped({ clave: "K1", direction: "import", commercialMxn: 40_000 }),
        ped({ clave: "BM", direction: "export", commercialMxn: 70_000 }),
        ped({ clave: "A1", direction: "import", commercialMxn: 300_000 }),
        ped({ clave: "IN", direction: "import", commercialMxn: 200_000 }),
        ped({ clave: "F4", direction: "import", commercialMxn: 90_000 }),
        ped({ clave: "T3", direction: "import", commercialMxn: 10_000 }),
      ]),
    );
    expect(r.totals).toMatchObject({ exportsDirect: 1_500_000, exportsVirtual: 250_000, exportsSubtracted: 40_000, imports: 500_000, importsVirtual: 0 });
    const b = r.figures.find((f) => f.figure === "totalExports")!;
    const c = r.figures.find((f) => f.figure === "totalImports")!;
    expect(b.customs).toBeCloseTo(1_710, 9); // (1,500,000 + 250,000 − 40,000) / 1000
    expect(c.customs).toBeCloseTo(500, 9);
  });

  it("the user's edited mapping wins (V1 export not counted) and an unknown clave is reported, not added", () => {
    const claves = DEFAULT_CLAVES.map((x) => (x.clave === "V1" && x.direction === "export" ? { ...x, treatment: "exclude" as const } : x));
    const r = reconcile(input([ped({ clave: "V1", direction: "export", commercialMxn: 250_000 }), ped({ clave: "ZZ", direction: "export", commercialMxn: 9_000 }), ped({ clave: "A1", direction: "export", commercialMxn: 1_000 })], { claves }));
    expect(r.totals.exportsVirtual).toBe(0);
    expect(r.totals.exportsDirect).toBe(1_000);
    expect(r.counts.unknownClave).toBe(1);
    expect(r.issues.find((i) => i.code === "RECON_UNKNOWN_CLAVE")?.message).toMatch(/ZZ exportación/);
  });

  it("R25 consignment: exports at ValorAgregado; without it, ValorComercial and a warning at (b)", () => {
    const r = reconcile(input([ped({ clave: "RT", direction: "export", commercialMxn: 1_000_000, valueAdded: 300_000 }), ped({ clave: "RT", direction: "export", commercialMxn: 50_000 })], { consignment: true, captured: { totalExports: 1_050 } }));
    expect(r.totals.exportsDirect).toBe(350_000);
    expect(r.issues.find((i) => i.code === "RECON_NO_VALUE_ADDED")).toMatchObject({ path: "figures.totalExports" });
    const b = r.figures.find((f) => f.figure === "totalExports")!;
    const consignment = b.lines.find((l) => l.kind === "consignment")!;
    expect(consignment.effectMiles).toBeCloseTo(700, 9);
    expect(consignment.explains).toBe(true); // captured 1,050 = commercial value: the line explains all of it
    expect(Math.abs(b.unexplained!)).toBeLessThanOrEqual(0.5);
  });

  it("imports on ValorAduana when chosen (R55, L)", () => {
    const r = reconcile(input([ped({ clave: "IN", direction: "import", commercialMxn: 100_000, customsMxn: 103_000 })], { importBasis: "customs" }));
    expect(r.totals.imports).toBe(103_000);
  });

  it("the year is the year of FechaPagoReal; a January-consolidated pedimento is flagged in the cut-off line", () => {
    const jan = ped({ clave: "RT", direction: "export", commercialMxn: 80_000, paidOn: "2024-01-09", consolidated: true, invoiceFrom: "2023-12-18" });
    const next = ped({ clave: "RT", direction: "export", commercialMxn: 60_000, paidOn: "2025-01-10", consolidated: true, invoiceFrom: "2024-12-20" });
    const normal = ped({ clave: "A1", direction: "export", commercialMxn: 1_000_000, paidOn: "2024-12-31" });
    const r = reconcile(input([jan, next, normal], { captured: { totalExports: 1_060 } }));
    expect(r.totals.exportsDirect).toBe(1_080_000);
    const b = r.figures.find((f) => f.figure === "totalExports")!;
    const cut = b.lines.find((l) => l.kind === "cutoff")!;
    expect(cut.pedimentos.map((p) => p.paidOn)).toEqual(["2024-01-09", "2025-01-10"]);
    expect(cut.effectMiles).toBeCloseTo(-20, 9); // by invoice date: −80 (December 2023) + 60 (December 2024)
    expect(cut.explains).toBe(true);
  });
});

describe("R53 rectifications", () => {
  it("follows a chain to its end: only the last counts, in the original's year, with the original's clave when the R1 says R1", () => {
    const a = ped({ number: "242438074000010", clave: "RT", direction: "export", commercialMxn: 100_000, paidOn: "2024-11-14" });
    const b = ped({ number: "252438075000002", clave: "R1", direction: "export", commercialMxn: 120_000, paidOn: "2025-01-20" });
    const c = ped({ number: "252438075000003", clave: "R1", direction: "export", commercialMxn: 110_000, paidOn: "2025-02-11" });
    const r = reconcile(input([a, b, c], {
      rectifications: [
        { number: b.number, previous: a.number, clave: null, source: "701 línea 2" },
        { number: c.number, previous: b.number, clave: null, source: "701 línea 3" },
      ],
      captured: { totalExports: 330 },
    }));
    expect(r.totals.exportsDirect).toBe(110_000);
    expect(r.counts.superseded).toBe(2);
    const b_ = r.figures.find((f) => f.figure === "totalExports")!;
    const rect = b_.lines.find((l) => l.kind === "rectifications")!;
    expect(rect.pedimentos.map((p) => p.display).sort()).toEqual(["24  24  3807  4000010", "25  24  3807  5000002"]);
    expect(rect.effectMiles).toBeCloseTo(220, 9);
    expect(rect.explains).toBe(true);
  });
  it("a cycle in the links does not hang; an R1 of a pedimento not loaded is reported and counted", () => {
    const x = ped({ number: "242438074000020", clave: "A1", direction: "export", commercialMxn: 5_000 });
    const y = ped({ number: "242438074000021", clave: "A1", direction: "export", commercialMxn: 7_000 });
    const r = reconcile(input([x, y], { rectifications: [{ number: x.number, previous: y.number, clave: null, source: "" }, { number: y.number, previous: x.number, clave: null, source: "" }, { number: "242438074000099", previous: "242438074000098", clave: "A1", source: "" }] }));
    expect(r.counts.inYear).toBeLessThanOrEqual(2);
    expect(r.issues.find((i) => i.code === "RECON_R1_UNMATCHED")).toBeDefined();
  });
});

describe("R56 differences and explanations", () => {
  const base = () => [
    ped({ clave: "A1", direction: "export", commercialMxn: 2_000_000, usd: 100_000 }),
    ped({ clave: "V1", direction: "export", commercialMxn: 600_000, usd: 30_000 }),
    ped({ clave: "K1", direction: "import", commercialMxn: 50_000, usd: 2_500 }),
  ];
  it("within ±0.5 miles is conciliado; within materiality a minor difference; above it a warning at figures.totalExports", () => {
    expect(reconcile(input(base(), { captured: { totalExports: 2_550.4 } })).figures[1]!.status).toBe("conciliado");
    expect(reconcile(input(base(), { captured: { totalExports: 2_570 } })).figures[1]!.status).toBe("dentro-materialidad"); // 20 ≤ 1 % of 2,570
    const r = reconcile(input(base(), { captured: { totalExports: 1_950 } }));
    expect(r.figures[1]!.status).toBe("diferencia-material");
    expect(r.issues.find((i) => i.code === "RECON_DIFFERENCE")).toMatchObject({ severity: "warning", path: "figures.totalExports" });
  });
  it("the lines come in the reference's order and the planted cause explains the difference", () => {
    const r = reconcile(input(base(), { captured: { totalExports: 1_950 } })); // virtual exports left out
    const b = r.figures[1]!;
    expect(b.lines.map((l) => l.kind)).toEqual(["virtual", "consignment", "rectifications", "cutoff", "exchangeRate", "returns", "returns", "services"]);
    expect(b.lines[0]).toMatchObject({ explains: true, pedimentos: [expect.objectContaining({ clave: "V1", mxn: 600_000 })] });
    expect(b.unexplained).toBeCloseTo(0, 9);
    expect(r.issues.find((i) => i.code === "RECON_DIFFERENCE")!.message).toMatch(/operaciones virtuales no incluidas/);
  });
  it("a K1 not subtracted is explained by the returns line", () => {
    const r = reconcile(input(base(), { captured: { totalExports: 2_600 } }));
    const b = r.figures[1]!;
    expect(b.lines.filter((l) => l.explains).map((l) => l.title)).toEqual(["Devoluciones de mercancía exportada (K1) no restadas"]);
  });
  it("exchange rate: USD at the annual average vs each pedimento's rate", () => {
    // 127,500 USD net × 19.0 = 2,422.5 miles; customs 2,550 → a preparer who converted at 19.0 is 127.5 below.
    const r = reconcile(input(base(), { annualRate: 19, captured: { totalExports: 2_422.5 } }));
    const ex = r.figures[1]!.lines.find((l) => l.kind === "exchangeRate")!;
    expect(ex.effectMiles).toBeCloseTo(-127.5, 9);
    expect(ex.explains).toBe(true);
  });
  it("materiality in miles or percent", () => {
    expect(parseMateriality("1%")).toEqual({ kind: "percent", value: 0.01 });
    expect(parseMateriality("0,5 %")).toEqual({ kind: "percent", value: 0.005 });
    expect(parseMateriality("250")).toEqual({ kind: "miles", value: 250 });
    expect(parseMateriality("mucho")).toBeNull();
    const r = reconcile(input(base(), { captured: { totalExports: 1_950 }, materiality: { kind: "miles", value: 1_000 } }));
    expect(r.figures[1]!.status).toBe("dentro-materialidad");
  });
  it("(a) is compared with the tax-return income (pesos → miles); no customs total", () => {
    const r = reconcile(input(base(), { captured: { totalSales: 5_000, taxReturnIncome: 5_200_000 } }));
    expect(r.figures[0]).toMatchObject({ figure: "totalSales", taxReturn: 5_200, difference: -200, status: "diferencia-material" });
  });
});
