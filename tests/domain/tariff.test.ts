import fc from "fast-check";
import { formatTariffCode, parseTariffCode } from "../../src/domain/tariff";

describe("parseTariffCode (R36, R39)", () => {
  it("8 digits, as a number or text", () => {
    expect(parseTariffCode(84836099)).toEqual({ ok: true, code: "84836099", nico: null, normalizedFrom: "8" });
    expect(parseTariffCode("84836099")).toEqual({ ok: true, code: "84836099", nico: null, normalizedFrom: "8" });
    expect(parseTariffCode(" 09011201 ")).toEqual({ ok: true, code: "09011201", nico: null, normalizedFrom: "8" });
  });

  it("dotted form", () => {
    expect(parseTariffCode("8483.60.99")).toEqual({ ok: true, code: "84836099", nico: null, normalizedFrom: "dotted" });
    expect(parseTariffCode("0901.12.01")).toEqual({ ok: true, code: "09011201", nico: null, normalizedFrom: "dotted" });
  });

  it("10 digits = fracción + NICO: first 8 kept, NICO apart", () => {
    expect(parseTariffCode("8483609901")).toEqual({ ok: true, code: "84836099", nico: "01", normalizedFrom: "10" });
    expect(parseTariffCode("8483.60.99.01")).toEqual({ ok: true, code: "84836099", nico: "01", normalizedFrom: "10" });
    expect(parseTariffCode(8483609901)).toEqual({ ok: true, code: "84836099", nico: "01", normalizedFrom: "10" });
  });

  it("a NUMBER that lost its leading zero is padded (G13: 09011201 typed as 9011201)", () => {
    expect(parseTariffCode(9011201)).toEqual({ ok: true, code: "09011201", nico: null, normalizedFrom: "8" });
    expect(parseTariffCode(901120101)).toEqual({ ok: true, code: "09011201", nico: "01", normalizedFrom: "10" });
  });

  it("a STRING of 7 digits is too short", () => {
    expect(parseTariffCode("9011201")).toEqual({ ok: false, reason: "TOO_SHORT" });
  });

  it.each<[unknown, string]>([
    [null, "EMPTY"],
    [undefined, "EMPTY"],
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["848360", "TOO_SHORT"],
    ["8483.60", "TOO_SHORT"],
    [848360, "TOO_SHORT"],
    ["848360991", "TOO_LONG"],
    ["84836099012", "TOO_LONG"],
    [84836099012, "TOO_LONG"],
    [1e15, "TOO_LONG"],
    [1e300, "TOO_LONG"],
    ["8483.6O.99", "NOT_DIGITS"],
    ["ABCD1234", "NOT_DIGITS"],
    ["8483.60.99.", "NOT_DIGITS"],
    [8483.6, "NOT_DIGITS"],
    [-84836099, "NOT_DIGITS"],
    [Number.NaN, "NOT_DIGITS"],
    [Number.POSITIVE_INFINITY, "NOT_DIGITS"],
    [true, "NOT_DIGITS"],
    [{}, "NOT_DIGITS"],
  ])("%p → %s", (value, reason) => {
    expect(parseTariffCode(value)).toEqual({ ok: false, reason });
  });

  it("R39: a well-formed code is never rejected for not being in a list", () => {
    expect(parseTariffCode("99999999")).toMatchObject({ ok: true, code: "99999999" });
  });

  it("property: never throws; an ok result always has an 8-digit code", () => {
    const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withTypedArray: true });
    fc.assert(
      fc.property(fc.oneof(anything, fc.stringMatching(/^[\d. -]{0,14}$/), fc.integer({ min: 0 }), fc.double()), (v) => {
        const r = parseTariffCode(v);
        if (r.ok) {
          expect(r.code).toMatch(/^\d{8}$/);
          expect(r.nico === null || /^\d{2}$/.test(r.nico)).toBe(true);
        }
      }),
    );
  });
});

describe("formatTariffCode", () => {
  it("dots an 8-digit code", () => {
    expect(formatTariffCode("84836099")).toBe("8483.60.99");
    expect(formatTariffCode("09011201")).toBe("0901.12.01");
  });
  it("leaves anything else unchanged", () => {
    expect(formatTariffCode("123")).toBe("123");
  });
});
