import fc from "fast-check";
import { evaluate } from "../../src/domain/evaluate";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const example = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, "../../examples/json", name), "utf8"));
const codes = (r: ReturnType<typeof evaluate>) => r.issues.map((i) => `${i.severity}:${i.code}@${i.path}`);

const base = {
  company: { rfc: "SAT970701NN3", name: "Empresa de Prueba, S.A. de C.V." },
  filingYear: 2025,
  programs: [{ type: "IMMEX", number: "83-2019", authorizedOn: "2019-03-01" }],
  figures: { totalSales: 1000, totalExports: 1000, totalImports: 0 },
};

describe("evaluate — official cases (domain README §10)", () => {
  it("G8: a = 1000, b = 1000, c = 0 → saldo 1000, export 100 %", () => {
    const r = evaluate(base, "2025-04-15");
    expect(r.figures.balance).toBe(1000);
    expect(r.figures.exportShare).toBe(100);
    expect(r.summary.errors).toBe(0);
  });

  it("G9: FY 2024, a = 120000, b = 12000 → 10.00 % → IMMEX CUMPLE", () => {
    const r = evaluate({ ...base, figures: { totalSales: 120000, totalExports: 12000 } }, "2025-04-15");
    expect(r.figures.exportShare).toBeCloseTo(10, 10);
    expect(r.programs[0]!.commitment).toBe("CUMPLE");
  });

  it("G10: FY 2024, a = 50000, b = 4000 → 8.00 %, ≈ USD 218,266 → IMMEX NO_CUMPLE", () => {
    const r = evaluate({ ...base, figures: { totalSales: 50000, totalExports: 4000 } }, "2025-04-15");
    expect(r.figures.exportShare).toBeCloseTo(8, 10);
    expect(Math.round(r.figures.exportsUsd!)).toBe(218266);
    expect(r.programs[0]!.commitment).toBe("NO_CUMPLE");
    expect(codes(r)).toContain("warning:COMMITMENT_NOT_MET@figures.totalExports");
  });

  it("G5: IMMEX authorized during the filing year → NO_OBLIGADO, nothing to capture", () => {
    const r = evaluate({ ...base, programs: [{ type: "IMMEX", number: "83-2025", authorizedOn: "2025-02-15" }] }, "2025-04-15");
    expect(r.programs[0]!.status).toBe("NO_OBLIGADO");
    expect(r.programs[0]!.obliged).toBe(false);
    expect(r.programs[0]!.capture).toEqual([]);
  });

  it("G6: filed 2025-06-10, as of 2025-06-20 → PRESENTADO_EXTEMPORANEO, reactivation by 2025-06-12", () => {
    const r = evaluate({ ...base, asOf: "2025-06-20", programs: [{ ...base.programs[0], filedOn: "2025-06-10" }] }, "2030-01-01");
    expect(r.asOf).toBe("2025-06-20");
    expect(r.programs[0]).toMatchObject({ status: "PRESENTADO_EXTEMPORANEO", reactivationBy: "2025-06-12" });
  });

  it("G7: not filed, as of 2025-09-01 → CANCELADO", () => {
    expect(evaluate(base, "2025-09-01").programs[0]!.status).toBe("CANCELADO");
  });
});

describe("evaluate — capture fields (R22, R23)", () => {
  it.each([
    [["IMMEX"], "IMMEX", ["totalSales", "totalExports", "totalImports"]],
    [["IMMEX", "PROSEC"], "IMMEX", ["totalSales", "totalExports"]],
    [["PROSEC"], "PROSEC", ["totalSales", "totalExports", "totalImports", "goods"]],
    [["ALTEX"], "ALTEX", ["totalSales", "totalExports"]],
  ])("held %j → %s captures %j", (held, type, capture) => {
    const programs = held.map((t, i) => ({ type: t, number: `8${i}-2019`, authorizedOn: "2019-01-01", sectors: ["XIX"], exporterType: "DIRECTO" }));
    const goods = [{ sector: "XIX", tariffCode: "87089999", description: "Partes", unit: 6, totalVolume: 10 }];
    const r = evaluate({ ...base, programs, goods, figures: { totalSales: 1000, totalExports: 500, totalImports: held.length > 1 ? undefined : 10 } }, "2025-04-15");
    expect(r.programs.find((p) => p.type === type)!.capture).toEqual(capture);
  });
});

describe("evaluate — typical mistakes are located", () => {
  it("flags each mistake of the errores-tipicos example at its field", () => {
    const r = evaluate(example("errores-tipicos.json"), "2025-05-20");
    const c = codes(r);
    expect(c).toEqual(
      expect.arrayContaining([
        "error:RFC_DATE@company.rfc",
        "error:EXPORTS_EXCEED_SALES@figures.totalExports",
        "error:LIKELY_PESOS@figures.totalSales",
        "warning:IMPORTS_NOT_CAPTURED@figures.totalImports",
        "error:SECTOR_NOT_AUTHORIZED@goods[0].sector",
        "error:TARIFF_CODE@goods[0].tariffCode",
        "error:UNKNOWN_UNIT@goods[0].unit",
      ]),
    );
    for (const i of r.issues) {
      expect(i.message.length).toBeGreaterThan(10);
      expect(i.messageEn.length).toBeGreaterThan(10);
    }
  });

  it("reports text in a number field, a bad date and an unknown program with their paths", () => {
    const r = evaluate(
      {
        ...base,
        programs: [{ type: "MAQUILA", number: "1" }, { type: "IMMEX", number: "83-2019", filedOn: "2025-02-30" }],
        figures: { totalSales: "mil", totalExports: 10 },
      },
      "2025-04-15",
    );
    const c = codes(r);
    expect(c).toContain("error:INVALID_VALUE@programs[0].type");
    expect(c).toContain("error:INVALID_VALUE@programs[1].filedOn");
    expect(c).toContain("error:INVALID_VALUE@figures.totalSales");
    expect(r.issues.find((i) => i.path === "figures.totalSales")!.message).toMatch(/Ventas totales \(a\) debe ser un número/);
    // the valid program still gets its result
    expect(r.programs.map((p) => p.type)).toEqual(["IMMEX"]);
  });

  it("requires imports and at least one good for PROSEC alone (R23)", () => {
    const r = evaluate({ ...base, programs: [{ type: "PROSEC", number: "2019-8664", sectors: ["XXII"] }], figures: { totalSales: 10, totalExports: 1 } }, "2025-04-15");
    expect(codes(r)).toEqual(expect.arrayContaining(["error:REQUIRED@figures.totalImports", "error:GOODS_REQUIRED@goods"]));
  });

  it("warns when direct + indirect exports do not add up to the total (R26)", () => {
    const r = evaluate({ ...base, figures: { totalSales: 1000, totalExports: 500, directExports: 300, indirectExports: 100 } }, "2025-04-15");
    expect(codes(r)).toContain("warning:EXPORTS_SUM@figures.totalExports");
  });

  it("R24 rev.: 2025's rate is final (19.1996), 2026 has none (RATE_MISSING), a user rate is confirmed", () => {
    const fy25 = evaluate({ ...base, filingYear: 2026 }, "2026-04-15");
    expect(fy25.figures).toMatchObject({ exchangeRate: 19.1996, exchangeRateConfirmed: true, exchangeRateEstimate: false });
    expect(codes(fy25).filter((c) => c.includes("RATE"))).toEqual([]);
    const fy26 = evaluate({ ...base, filingYear: 2027 }, "2027-04-15");
    expect(codes(fy26)).toContain("warning:RATE_MISSING@exchangeRate");
    const own = evaluate({ ...base, filingYear: 2026, exchangeRate: 19.5 }, "2026-04-15");
    expect(own.figures).toMatchObject({ exchangeRate: 19.5, exchangeRateConfirmed: true });
  });

  it("unsupported filing year is an error, not a crash", () => {
    const r = evaluate({ ...base, filingYear: 1990 }, "2025-04-15");
    expect(codes(r)).toContain("error:UNSUPPORTED_YEAR@filingYear");
    expect(r.programs).toEqual([]);
  });
});

describe("evaluate — properties", () => {
  it("never throws and is deterministic on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        const a = evaluate(doc, "2025-05-01");
        expect(evaluate(doc, "2025-05-01")).toEqual(a);
        expect(Array.isArray(a.issues)).toBe(true);
      }),
      { numRuns: 500, seed: 20251122 },
    );
  });

  it("never throws on documents shaped like reports with arbitrary field values", () => {
    const anyField = fc.oneof(fc.anything(), fc.integer(), fc.string(), fc.constant(null), fc.double());
    const doc = fc.record({
      company: fc.record({ rfc: anyField, name: anyField, consignment: anyField }),
      filingYear: fc.oneof(fc.integer({ min: 2015, max: 2040 }), anyField),
      asOf: fc.oneof(fc.constant("2025-06-01"), anyField),
      programs: fc.array(fc.record({ type: fc.oneof(fc.constantFrom("IMMEX", "PROSEC", "ALTEX", "ECEX"), anyField), number: anyField, filedOn: anyField, authorizedOn: anyField, sectors: anyField, exporterType: anyField }), { maxLength: 5 }),
      figures: fc.record({ totalSales: fc.oneof(fc.double(), anyField), totalExports: fc.oneof(fc.double(), anyField), totalImports: anyField }),
      goods: fc.array(fc.record({ sector: anyField, tariffCode: anyField, description: anyField, unit: anyField, totalVolume: anyField }), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(doc, (d) => {
        const r = evaluate(d, "2025-05-01");
        for (const i of r.issues) expect(typeof i.path).toBe("string");
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it("balance = exports − imports for any whole figures VUCEM takes (b ≤ a); b > a is VUCEM's error", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (a, b, c) => {
        const r = evaluate({ ...base, programs: [{ type: "IMMEX", number: "83-2019" }], figures: { totalSales: a, totalExports: b, totalImports: c } }, "2025-05-01");
        if (b <= a) expect(r.figures.balance).toBe(b - c);
        else expect(codes(r)).toContain("error:EXPORTS_EXCEED_SALES@figures.totalExports");
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
