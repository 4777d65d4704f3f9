import fc from "fast-check";
import { DEFAULT_RATES, exchangeRateFor } from "../../src/domain/exchange-rates";
import { computeFigures, round2, taxReturnMismatch, thousandsMxnToUsd } from "../../src/domain/figures";

describe("exchange rates (R24)", () => {
  it("ships the R24 table exactly, 2025 = 19.1996 final (rev. 2026-11)", () => {
    const expected: Record<number, number> = {
      2015: 15.881, 2016: 18.6886, 2017: 18.9066, 2018: 19.2373, 2019: 19.2574,
      2020: 21.4976, 2021: 20.2822, 2022: 20.1205, 2023: 17.7338, 2024: 18.3263, 2025: 19.1996,
    };
    for (const [year, rate] of Object.entries(expected)) {
      expect(DEFAULT_RATES[Number(year)]).toEqual({ rate, estimate: false });
    }
    expect(Object.keys(DEFAULT_RATES)).toHaveLength(11);
  });

  it("table rate of a computed year is confirmed", () => {
    expect(exchangeRateFor(2024)).toEqual({
      fiscalYear: 2024,
      rate: 18.3263,
      source: "Promedio FIX Banxico 2024 (tabla del producto)",
      sourceEn: "Banxico FIX average 2024 (product table)",
      estimate: false,
      confirmed: true,
    });
  });

  it("2025 is final and confirmed, with its source (Banxico SF43718, 251 daily FIX values)", () => {
    const r = exchangeRateFor(2025);
    expect(r).toMatchObject({ rate: 19.1996, estimate: false, confirmed: true });
    expect(r?.source).toBe("Promedio de los 251 tipos de cambio FIX diarios de 2025, Banxico serie SF43718");
    expect(exchangeRateFor(2026)).toBeNull();
  });

  it("a user rate wins and is confirmed", () => {
    expect(exchangeRateFor(2025, 19.5)).toMatchObject({
      fiscalYear: 2025, rate: 19.5, estimate: false, confirmed: true, source: "Capturado por el usuario",
    });
    expect(exchangeRateFor(2031, 20)).toMatchObject({ rate: 20, confirmed: true });
  });

  it("ignores a user rate that is not positive and finite", () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, null, undefined]) {
      expect(exchangeRateFor(2024, bad)).toMatchObject({ rate: 18.3263, source: "Promedio FIX Banxico 2024 (tabla del producto)" });
    }
  });

  it("no rate for a year outside the table", () => {
    expect(exchangeRateFor(2014)).toBeNull();
    expect(exchangeRateFor(2026)).toBeNull();
    expect(exchangeRateFor(2024.5)).toBeNull();
  });
});

describe("computeFigures (R21, R24)", () => {
  it("G8: a = 1000, b = 1000, c = 0 → saldo 1000, 100 %", () => {
    const f = computeFigures({ totalSales: 1000, totalExports: 1000, totalImports: 0 }, null);
    expect(f.balance).toBe(1000);
    expect(f.exportShare).toBe(100);
    expect(f.exportsUsd).toBeNull();
    expect(f.salesUsd).toBeNull();
  });

  it("G9: FY 2024, a = 120000, b = 12000 → exactly 10 %", () => {
    const f = computeFigures({ totalSales: 120000, totalExports: 12000 }, 18.3263);
    expect(f.exportShare).toBe(10);
  });

  it("G10: FY 2024, a = 50000, b = 4000 → 8 %, ≈ USD 218,266", () => {
    const f = computeFigures({ totalSales: 50000, totalExports: 4000 }, 18.3263);
    expect(f.exportShare).toBe(8);
    // 4,000,000 MXN / 18.3263 = 218,265.5528… USD
    expect(Math.round(f.exportsUsd ?? 0)).toBe(218266);
    expect(round2(f.exportsUsd ?? 0)).toBe(218265.55);
    // 50,000,000 MXN / 18.3263 = 2,728,319.4098… USD
    expect(round2(f.salesUsd ?? 0)).toBe(2728319.41);
  });

  it("balance may be negative; missing imports count as 0", () => {
    expect(computeFigures({ totalSales: 1000, totalExports: 100, totalImports: 250 }, null).balance).toBe(-150);
    expect(computeFigures({ totalSales: 1000, totalExports: 100, totalImports: null }, null).balance).toBe(100);
    expect(computeFigures({ totalSales: 1000, totalExports: -20, totalImports: 0 }, null).exportShare).toBe(-2);
  });

  it("share is null when a ≤ 0 (percentage not computable)", () => {
    expect(computeFigures({ totalSales: 0, totalExports: 100 }, 20).exportShare).toBeNull();
    expect(computeFigures({ totalSales: -5, totalExports: 100 }, 20).exportShare).toBeNull();
  });

  it("share is unrounded", () => {
    expect(computeFigures({ totalSales: 3, totalExports: 1 }, null).exportShare).toBeCloseTo(33.333333333, 8);
  });

  it("USD needs a positive rate", () => {
    expect(computeFigures({ totalSales: 1000, totalExports: 100 }, 0).exportsUsd).toBeNull();
    expect(computeFigures({ totalSales: 1000, totalExports: 100 }, 20)).toMatchObject({ exportsUsd: 5000, salesUsd: 50000 });
  });

  it("property: balance === exports − imports for any finite numbers", () => {
    const num = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(num, num, num, (a, b, c) => {
        expect(computeFigures({ totalSales: a, totalExports: b, totalImports: c }, null).balance).toBe(b - c);
      }),
    );
  });

  it("property: share is finite and ≥ 0 when inputs ≥ 0 and a > 0", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e15, noNaN: true }),
        fc.double({ min: 0, max: 1e15, noNaN: true }),
        (a, b) => {
          const share = computeFigures({ totalSales: a, totalExports: b }, null).exportShare;
          expect(share).not.toBeNull();
          expect(share as number).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(share)).toBe(true);
        },
      ),
    );
  });
});

describe("thousandsMxnToUsd / round2", () => {
  it("converts miles de pesos", () => {
    expect(thousandsMxnToUsd(10000, 20)).toBe(500000);
    expect(thousandsMxnToUsd(9163.15, 18.3263)).toBeCloseTo(500000, 6);
  });

  it("rejects a rate that is not positive and finite", () => {
    expect(() => thousandsMxnToUsd(1, 0)).toThrow(RangeError);
    expect(() => thousandsMxnToUsd(1, Number.NaN)).toThrow(RangeError);
  });

  it("rounds half away from zero despite binary noise", () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(10)).toBe(10);
    expect(round2(9.994999)).toBe(9.99);
    expect(Object.is(round2(-0.001), 0)).toBe(true);
    expect(round2(Number.NaN)).toBeNaN();
  });
});

describe("taxReturnMismatch (R26)", () => {
  it("exactly 1 % is not over 1 %", () => {
    // a = 1000 → 1,000,000 pesos; 1 % = 10,000
    expect(taxReturnMismatch(1000, 990000)).toEqual({ differencePesos: 10000, ratio: 0.01, exceeds: false });
    expect(taxReturnMismatch(1000, 1010000)).toEqual({ differencePesos: -10000, ratio: 0.01, exceeds: false });
  });

  it("one cent over 1 % exceeds", () => {
    const r = taxReturnMismatch(1000, 989999.99);
    expect(r.differencePesos).toBe(10000.01);
    expect(r.exceeds).toBe(true);
  });

  it("agreeing figures", () => {
    expect(taxReturnMismatch(1234.567, 1234567)).toEqual({ differencePesos: 0, ratio: 0, exceeds: false });
  });

  it("zero sales", () => {
    expect(taxReturnMismatch(0, 0)).toEqual({ differencePesos: 0, ratio: 0, exceeds: false });
    expect(taxReturnMismatch(0, 5)).toEqual({ differencePesos: -5, ratio: Infinity, exceeds: true });
  });
});
