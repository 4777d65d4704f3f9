import fc from "fast-check";
import { evaluateCommitment, type CommitmentInput } from "../../src/domain/commitment";
import { exchangeRateFor, type ExchangeRate } from "../../src/domain/exchange-rates";

const FY2024 = exchangeRateFor(2024) as ExchangeRate; // 18.3263, confirmed
// R24 rev. 2026-11: 2025 is final (19.1996); an estimated rate is still possible in principle, so the tests keep one.
const FY2025 = { fiscalYear: 2025, rate: 19.2, source: "Promedio FIX Banxico 2025 (estimado)", sourceEn: "Banxico FIX average 2025 (estimate)", estimate: true, confirmed: false } as ExchangeRate;
const FY2025_FINAL = exchangeRateFor(2025) as ExchangeRate; // 19.1996, confirmed
const USER20 = exchangeRateFor(2024, 20) as ExchangeRate; // user rate 20 MXN/USD, confirmed

const immex = (totalSales: number, totalExports: number, rate: ExchangeRate | null = FY2024) =>
  evaluateCommitment({ program: "IMMEX", totalSales, totalExports, rate });
const altex = (i: Partial<CommitmentInput>) =>
  evaluateCommitment({ program: "ALTEX", totalSales: 0, totalExports: 0, rate: null, ...i });

describe("guide cases (§10)", () => {
  it("G9: FY 2024, a = 120000, b = 12000 → 10.00 % → IMMEX CUMPLE", () => {
    const r = immex(120000, 12000);
    expect(r.verdict).toBe("CUMPLE");
    expect(r.test).toBe("PORCENTAJE");
    expect(r.rule).toBe("R27");
    expect(r.reason).toContain("Exportaciones = 10.00 % de las ventas (mínimo 10 %");
    expect(r.reasonEn).toContain("Exports = 10.00 % of sales (minimum 10 %");
    // 10 % sits on the threshold, but USD 654,796.66 (12,000,000 / 18.3263) also passes comfortably.
    expect(r.nearThreshold).toBe(false);
    expect(r.reason).toContain("USD 654,796.66");
  });

  it("G10: FY 2024, a = 50000, b = 4000 → 8.00 %, ≈ USD 218,266 → IMMEX NO_CUMPLE", () => {
    const r = immex(50000, 4000);
    expect(r.verdict).toBe("NO_CUMPLE");
    expect(r.test).toBe("PORCENTAJE+USD");
    expect(r.reason).toContain("8.00 %");
    expect(r.reason).toContain("USD 218,265.55");
    expect(r.nearThreshold).toBe(false);
  });

  it("G11: ALTEX directo, a = 100000, b = 40000 → CUMPLE (40 %)", () => {
    const r = altex({ exporterType: "DIRECTO", totalSales: 100000, totalExports: 40000 });
    expect(r.verdict).toBe("CUMPLE");
    expect(r.test).toBe("PORCENTAJE");
    expect(r.reason).toContain("40.00 % de las ventas (mínimo 40 %");
  });

  it("G12: ALTEX indirecto, a = 100000, indirect 50000 → CUMPLE (50 %)", () => {
    const r = altex({ exporterType: "INDIRECTO", totalSales: 100000, totalExports: 50000, indirectExports: 50000 });
    expect(r.verdict).toBe("CUMPLE");
    expect(r.test).toBe("PORCENTAJE_INDIRECTO");
    expect(r.rule).toBe("R29");
    expect(r.reason).toContain("50.00 % de las ventas (mínimo 50 %");
  });
});

describe("IMMEX (R27)", () => {
  it("exactly 10 % passes without any rate", () => {
    const r = immex(1000, 100, null);
    expect(r.verdict).toBe("CUMPLE");
    expect(r.test).toBe("PORCENTAJE");
    expect(r.nearThreshold).toBe(true); // nothing else passes
  });

  it("9.99 % with small exports → NO_CUMPLE, near the threshold", () => {
    // 99.9 / 1000 = 9.99 %; USD 99,900 / 18.3263 ≈ 5,451
    const r = immex(1000, 99.9);
    expect(r.verdict).toBe("NO_CUMPLE");
    expect(r.nearThreshold).toBe(true);
    expect(r.reason).toContain("9.99 %");
  });

  it("9.99 % but USD 545,118 → CUMPLE by the USD test", () => {
    // 9,990,000 MXN / 18.3263 = 545,118.22 USD > 500,000
    const r = immex(100000, 9990);
    expect(r.verdict).toBe("CUMPLE");
    expect(r.test).toBe("USD");
    expect(r.reason).toContain("USD 545,118.22");
    expect(r.nearThreshold).toBe(false);
  });

  it("exactly USD 500,000 does not meet (FY 2024 rate)", () => {
    // 500,000 × 18.3263 = 9,163,150 MXN = 9,163.15 miles; a = 100,000 → 9.16315 %
    const r = immex(100000, 9163.15);
    expect(r.verdict).toBe("NO_CUMPLE");
    expect(r.test).toBe("PORCENTAJE+USD");
    expect(r.reason).toContain("USD 500,000.00 (debe ser mayor a USD 500,000");
    expect(r.nearThreshold).toBe(true);
  });

  it("exactly USD 500,000 does not meet (user rate 20)", () => {
    // 500,000 × 20 = 10,000,000 MXN = 10,000 miles; a = 200,000 → 5 %
    expect(immex(200000, 10000, USER20).verdict).toBe("NO_CUMPLE");
  });

  it("USD 500,000.01 meets", () => {
    // 500,000.01 × 18.3263 = 9,163,150.183263 MXN = 9,163.150183263 miles
    const r = immex(100000, 9163.150183263);
    expect(r.verdict).toBe("CUMPLE");
    expect(r.test).toBe("USD");
    expect(r.nearThreshold).toBe(true);
    // 500,000.01 × 20 = 10,000,000.2 MXN = 10,000.0002 miles
    expect(immex(200000, 10000.0002, USER20).verdict).toBe("CUMPLE");
  });

  it("near-threshold bands (R21): ±0.05 points, ±1 % of USD", () => {
    expect(immex(10000, 995, USER20).nearThreshold).toBe(true); // 9.95 %
    expect(immex(10000, 994, USER20).nearThreshold).toBe(false); // 9.94 %
    expect(immex(10000, 1005, USER20)).toMatchObject({ verdict: "CUMPLE", nearThreshold: true }); // 10.05 %
    expect(immex(10000, 1006, USER20)).toMatchObject({ verdict: "CUMPLE", nearThreshold: false }); // 10.06 %
    // a = 1,000,000 keeps the share near 1 %; at rate 20, b miles × 50 = USD
    expect(immex(1000000, 9900, USER20)).toMatchObject({ verdict: "NO_CUMPLE", nearThreshold: true }); // USD 495,000
    expect(immex(1000000, 9880, USER20)).toMatchObject({ verdict: "NO_CUMPLE", nearThreshold: false }); // USD 494,000
    expect(immex(1000000, 10100, USER20)).toMatchObject({ verdict: "CUMPLE", test: "USD", nearThreshold: true }); // USD 505,000
    expect(immex(1000000, 10120, USER20)).toMatchObject({ verdict: "CUMPLE", nearThreshold: false }); // USD 506,000
  });

  it("R24: only the USD test can decide and the rate is an estimate → POR_CONFIRMAR", () => {
    // 9,990,000 / 19.20 ≈ USD 520,312.50 with the 2025 estimate
    const r = immex(100000, 9990, FY2025);
    expect(r.verdict).toBe("POR_CONFIRMAR");
    expect(r.test).toBe("USD");
    expect(r.reason).toContain("tipo de cambio estimado 19.2000");
    // even when the estimate is far below the threshold
    expect(immex(100000, 10, FY2025).verdict).toBe("POR_CONFIRMAR");
  });

  it("G10-26 (research 2026 §7): FY 2025, a = 50000, b = 4000, rate 19.1996 → 8.00 %, ≈ USD 208,338 → NO_CUMPLE (final)", () => {
    const r = immex(50000, 4000, FY2025_FINAL);
    expect(r.verdict).toBe("NO_CUMPLE");
    expect(r.reason).toContain("USD 208,337.67"); // 4,000,000 / 19.1996
    expect(r.reason).toContain("251");
  });

  it("R24: FY 2026 has no rate yet → a USD-only decision is POR_CONFIRMAR", () => {
    expect(immex(100000, 9990, exchangeRateFor(2026))).toMatchObject({ verdict: "POR_CONFIRMAR", test: "USD" });
    expect(immex(100000, 20000, exchangeRateFor(2026))).toMatchObject({ verdict: "CUMPLE", test: "PORCENTAJE" });
  });

  it("R24: a percentage CUMPLE needs no confirmed rate", () => {
    expect(immex(100000, 20000, FY2025)).toMatchObject({ verdict: "CUMPLE", test: "PORCENTAJE" });
  });

  it("R24: a user-entered rate confirms the USD verdict", () => {
    // 9,990,000 / 19.5 = 512,307.69 → CUMPLE; / 21 = 475,714.29 → NO_CUMPLE
    expect(immex(100000, 9990, exchangeRateFor(2025, 19.5))).toMatchObject({ verdict: "CUMPLE", test: "USD" });
    expect(immex(100000, 9990, exchangeRateFor(2025, 21))).toMatchObject({ verdict: "NO_CUMPLE" });
  });

  it("no rate and the percentage fails → POR_CONFIRMAR", () => {
    const r = immex(100000, 5000, null);
    expect(r.verdict).toBe("POR_CONFIRMAR");
    expect(r.reason).toContain("falta el tipo de cambio");
  });

  it("zero sales: percentage not possible, the USD test decides", () => {
    const fail = immex(0, 1000); // USD 54,565.95
    expect(fail.verdict).toBe("NO_CUMPLE");
    expect(fail.test).toBe("USD");
    expect(fail.reason).toContain("no se puede calcular el porcentaje");
    expect(fail.reasonEn).toContain("the percentage cannot be computed");
    expect(immex(0, 10000)).toMatchObject({ verdict: "CUMPLE", test: "USD" }); // USD 545,659.42
    expect(immex(0, 1000, null).verdict).toBe("POR_CONFIRMAR");
  });

  it("negative figures do not meet and do not throw", () => {
    expect(immex(1000, -5).verdict).toBe("NO_CUMPLE");
    expect(immex(-1000, -5).verdict).toBe("NO_CUMPLE");
  });

  it("a failing share that rounds to 10.00 is shown with more decimals", () => {
    const r = immex(100000, 9999.99, null); // 9.99999 %
    expect(r.verdict).toBe("POR_CONFIRMAR");
    expect(r.reason).toContain("9.99999 %");
  });

  it("non-numeric figures → NO_EVALUADO", () => {
    expect(immex(Number.NaN, 100).verdict).toBe("NO_EVALUADO");
    expect(immex(100, Number.POSITIVE_INFINITY).verdict).toBe("NO_EVALUADO");
  });
});

describe("ALTEX (R28, R29)", () => {
  it("DIRECTO: exactly 40 % passes, 39.99 % fails", () => {
    expect(altex({ exporterType: "DIRECTO", totalSales: 1000, totalExports: 400, rate: FY2024 })).toMatchObject({
      verdict: "CUMPLE", test: "PORCENTAJE", nearThreshold: true,
    });
    // 399.9 miles = USD 21,821 at 18.3263
    expect(altex({ exporterType: "DIRECTO", totalSales: 1000, totalExports: 399.9, rate: FY2024 })).toMatchObject({
      verdict: "NO_CUMPLE", test: "PORCENTAJE+USD", nearThreshold: true,
    });
  });

  it("DIRECTO: direct exports are used when given", () => {
    const r = altex({ exporterType: "DIRECTO", totalSales: 1000, totalExports: 500, directExports: 300, rate: USER20 });
    expect(r.verdict).toBe("NO_CUMPLE"); // 30 %, USD 15,000
    expect(r.reason).toContain("Exportaciones directas = 30.00 %");
  });

  it("DIRECTO: exactly USD 2,000,000 passes (≥)", () => {
    // user rate 20: 2,000,000 × 20 = 40,000,000 MXN = 40,000 miles; a = 1,000,000 → 4 %
    expect(altex({ exporterType: "DIRECTO", totalSales: 1000000, totalExports: 40000, rate: USER20 })).toMatchObject({
      verdict: "CUMPLE", test: "USD", nearThreshold: true,
    });
    // FY 2024: 2,000,000 × 18.3263 = 36,652,600 MXN = 36,652.6 miles
    expect(altex({ exporterType: "DIRECTO", totalSales: 1000000, totalExports: 36652.6, rate: FY2024 }).verdict).toBe("CUMPLE");
    // 36,652.5 miles = 36,652,500 / 18.3263 = USD 1,999,994.54
    const below = altex({ exporterType: "DIRECTO", totalSales: 1000000, totalExports: 36652.5, rate: FY2024 });
    expect(below).toMatchObject({ verdict: "NO_CUMPLE", nearThreshold: true });
    expect(below.reason).toContain("USD 1,999,994.54 (mínimo USD 2,000,000");
  });

  it("DIRECTO: USD test with the 2025 estimate → POR_CONFIRMAR", () => {
    expect(altex({ exporterType: "DIRECTO", totalSales: 1000000, totalExports: 40000, rate: FY2025 }).verdict).toBe(
      "POR_CONFIRMAR",
    );
  });

  it("R43 rev.: missing exporter type → NO_EVALUADO, never a verdict computed as another type", () => {
    const r = altex({ totalSales: 100000, totalExports: 40000 });
    expect(r.verdict).toBe("NO_EVALUADO");
    expect(r.reason).toContain("falta el tipo de exportador");
  });

  describe("AMBOS: direct + factor × indirect (R28 setting)", () => {
    // a = 100,000; direct 30,000 (30 %); indirect 12,500 (12.5 %); 30,000 + 0.8 × 12,500 = 40,000 → 40 %
    const base = { exporterType: "AMBOS" as const, totalSales: 100000, totalExports: 42500, directExports: 30000, indirectExports: 12500 };

    it("the default 80 % factor makes it pass", () => {
      const r = altex({ ...base, rate: null });
      expect(r.verdict).toBe("CUMPLE");
      expect(r.test).toBe("PORCENTAJE_DIRECTO_MAS_INDIRECTO");
      expect(r.reason).toContain("Exportaciones directas + 80 % de las indirectas = 40.00 %");
      expect(r.nearThreshold).toBe(true);
    });

    it("direct exports derive from b − indirect when not given (R26)", () => {
      const r = altex({ ...base, directExports: null, rate: null });
      expect(r).toMatchObject({ verdict: "CUMPLE", test: "PORCENTAJE_DIRECTO_MAS_INDIRECTO" });
      expect(r.reason).toContain("total de exportaciones − indirectas");
    });

    it("factor 1.0 → 42.5 %", () => {
      const r = altex({ ...base, rate: null, settings: { altexIndirectFactor: 1 } });
      expect(r).toMatchObject({ verdict: "CUMPLE", test: "PORCENTAJE_DIRECTO_MAS_INDIRECTO", nearThreshold: false });
      expect(r.reason).toContain("+ 100 % de las indirectas = 42.50 %");
    });

    it("factor 0 → 30 % fails; USD 1,500,000 at rate 20 fails → NO_CUMPLE", () => {
      const r = altex({ ...base, rate: USER20, settings: { altexIndirectFactor: 0 } });
      expect(r.verdict).toBe("NO_CUMPLE");
      expect(r.test).toBe("PORCENTAJE+PORCENTAJE_INDIRECTO+USD");
      expect(r.reason).toContain("Exportaciones directas = 30.00 %");
      expect(r.reason).toContain("Exportaciones indirectas = 12.50 % de las ventas (mínimo 50 %");
    });

    it("factor 0 without a rate → POR_CONFIRMAR", () => {
      expect(altex({ ...base, rate: null, settings: { altexIndirectFactor: 0 } }).verdict).toBe("POR_CONFIRMAR");
    });

    it("the indirect test (R29) alone can pass", () => {
      const r = altex({ ...base, directExports: 1000, indirectExports: 50000, rate: USER20, settings: { altexIndirectFactor: 0 } });
      expect(r).toMatchObject({ verdict: "CUMPLE", test: "PORCENTAJE_INDIRECTO" });
    });

    it("direct alone passing is named PORCENTAJE", () => {
      expect(altex({ ...base, directExports: 45000, rate: null })).toMatchObject({ verdict: "CUMPLE", test: "PORCENTAJE" });
    });

    it("combined USD test: 1,700,000 + 0.8 × 500,000 = 2,100,000 USD", () => {
      // rate 20; a = 10,000,000 miles → shares far below 40 %; direct 34,000 miles = USD 1,700,000; indirect 10,000 miles = USD 500,000
      const r = altex({ exporterType: "AMBOS", totalSales: 10000000, totalExports: 44000, directExports: 34000, indirectExports: 10000, rate: USER20 });
      expect(r).toMatchObject({ verdict: "CUMPLE", test: "USD_DIRECTO_MAS_INDIRECTO" });
      expect(r.reason).toContain("USD 2,100,000.00");
    });
  });

  it("INDIRECTO: exactly 50 % passes, 49.99 % fails (no USD test)", () => {
    expect(altex({ exporterType: "INDIRECTO", totalSales: 100000, indirectExports: 50000, rate: null })).toMatchObject({
      verdict: "CUMPLE", nearThreshold: true,
    });
    expect(altex({ exporterType: "INDIRECTO", totalSales: 100000, indirectExports: 49990, rate: null })).toMatchObject({
      verdict: "NO_CUMPLE", test: "PORCENTAJE_INDIRECTO", nearThreshold: true,
    });
  });

  it("INDIRECTO: without a separate figure, total exports are used", () => {
    expect(altex({ exporterType: "INDIRECTO", totalSales: 100000, totalExports: 60000 }).verdict).toBe("CUMPLE");
  });

  it("INDIRECTO with zero sales cannot be evaluated", () => {
    const r = altex({ exporterType: "INDIRECTO", totalSales: 0, indirectExports: 100 });
    expect(r.verdict).toBe("NO_EVALUADO");
    expect(r.reason).toContain("no se puede calcular el porcentaje");
  });
});

describe("ECEX (R30) and PROSEC", () => {
  const ecex = (i: Partial<CommitmentInput>) =>
    evaluateCommitment({ program: "ECEX", totalSales: 1000, totalExports: 400, rate: FY2024, ...i });

  it("no thresholds set → POR_CONFIRMAR, never NO_CUMPLE", () => {
    const r = ecex({ totalExports: 0 });
    expect(r).toMatchObject({ verdict: "POR_CONFIRMAR", test: null, rule: "R30" });
    expect(r.reason).toContain("no están confirmados");
  });

  it("user thresholds decide", () => {
    expect(ecex({ settings: { ecexMinExportShare: 30 } })).toMatchObject({ verdict: "CUMPLE", test: "PORCENTAJE" });
    expect(ecex({ totalExports: 200, settings: { ecexMinExportShare: 30 } })).toMatchObject({ verdict: "NO_CUMPLE" });
    // 400 miles / 18.3263 = USD 21,826.56
    expect(ecex({ settings: { ecexMinExportsUsd: 20000 } })).toMatchObject({ verdict: "CUMPLE", test: "USD" });
    expect(ecex({ settings: { ecexMinExportsUsd: 250000 } })).toMatchObject({ verdict: "NO_CUMPLE", test: "USD" });
    expect(ecex({ settings: { ecexMinExportsUsd: 250000 }, rate: FY2025 }).verdict).toBe("POR_CONFIRMAR");
  });

  it("PROSEC → NO_EVALUADO", () => {
    const r = evaluateCommitment({ program: "PROSEC", totalSales: 1000, totalExports: 0, rate: FY2024 });
    expect(r.verdict).toBe("NO_EVALUADO");
    expect(r.reason).toContain("PROSEC no tiene compromiso de exportación");
  });
});

it("property: never throws and always gives a verdict", () => {
  const num = fc.oneof(fc.double(), fc.constant(0));
  const maybe = fc.option(num, { nil: null });
  fc.assert(
    fc.property(
      fc.constantFrom("IMMEX", "PROSEC", "ALTEX", "ECEX" as const),
      num, num, maybe, maybe,
      fc.constantFrom("DIRECTO", "INDIRECTO", "AMBOS", null),
      fc.constantFrom(FY2024, FY2025, USER20, null),
      fc.record({ altexIndirectFactor: fc.double(), ecexMinExportsUsd: maybe, ecexMinExportShare: maybe }, { requiredKeys: [] }),
      (program, totalSales, totalExports, directExports, indirectExports, exporterType, rate, settings) => {
        const r = evaluateCommitment({ program, totalSales, totalExports, directExports, indirectExports, exporterType, rate, settings });
        expect(["CUMPLE", "NO_CUMPLE", "NO_EVALUADO", "POR_CONFIRMAR"]).toContain(r.verdict);
        expect(r.reason.length).toBeGreaterThan(0);
        expect(r.reasonEn.length).toBeGreaterThan(0);
      },
    ),
  );
});
