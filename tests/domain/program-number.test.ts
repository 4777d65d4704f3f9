import fc from "fast-check";
import { checkProgramNumber } from "../../src/domain/program-number";

describe("checkProgramNumber (R43)", () => {
  it.each(["83-2019", "2019-8664", "1234-2007", "2006-1"])("%s passes silently", (v) => {
    expect(checkProgramNumber(v)).toEqual({ ok: true, normalized: v, warning: null, warningEn: null });
  });

  it("normalizes spaces and typographic dashes", () => {
    expect(checkProgramNumber(" 83 - 2019 ")).toEqual({ ok: true, normalized: "83-2019", warning: null, warningEn: null });
    expect(checkProgramNumber("2019–8664")).toMatchObject({ ok: true, normalized: "2019-8664", warning: null });
  });

  it.each(["D19-B664", "IMMEX 83-2019", "83/2019", "832019", "P-83-2019", "83-19"])("%s passes with a warning", (v) => {
    const r = checkProgramNumber(v);
    expect(r.ok).toBe(true);
    expect(r.warning).toContain("83-2019 o 2019-8664");
    expect(r.warningEn).toContain("83-2019 or 2019-8664");
  });

  it("a number is taken as text (with a warning: it has no dash)", () => {
    expect(checkProgramNumber(832019)).toMatchObject({ ok: true, normalized: "832019" });
    expect(checkProgramNumber(832019).warning).not.toBeNull();
  });

  it.each(["", "   ", null, undefined, {}, Number.NaN])("%p → not ok", (v) => {
    const r = checkProgramNumber(v);
    expect(r.ok).toBe(false);
    expect(r.normalized).toBe("");
    expect(r.warning).toBe("Falta el número de programa.");
  });

  it("property: never throws", () => {
    const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withTypedArray: true });
    fc.assert(
      fc.property(fc.oneof(anything, fc.string()), (v) => {
        const r = checkProgramNumber(v);
        expect(r.ok || r.normalized === "").toBe(true);
      }),
    );
  });
});
