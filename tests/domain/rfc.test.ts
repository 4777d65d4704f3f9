import fc from "fast-check";
import { rfcCheckCharacter, validateRfc } from "../../src/domain/rfc";

/*
 * Expected check characters worked by hand with R41 (values: 0–9 → 0–9, A–N → 10–23, & → 24, O–Z → 25–36,
 * space → 37, Ñ → 38; a 12-character RFC gets one leading space; weights 13…2; r = sum mod 11; 0 if r = 0 else
 * 11 − r, 10 written "A"). Not derived from the code.
 *
 * SAT970701NN3 (moral): " SAT970701NN"
 *   37·13 + S29·12 + A10·11 + T30·10 + 9·9 + 7·8 + 0·7 + 7·6 + 0·5 + 1·4 + N23·3 + N23·2
 *   = 481 + 348 + 110 + 300 + 81 + 56 + 0 + 42 + 0 + 4 + 69 + 46 = 1537;  1537 = 11·139 + 8 → r = 8 → 3
 * CFE370814QI0 (moral): 481 + C12·12 + F15·11 + E14·10 + 3·9 + 7·8 + 0·7 + 8·6 + 1·5 + 4·4 + Q27·3 + I18·2
 *   = 481 + 144 + 165 + 140 + 27 + 56 + 0 + 48 + 5 + 16 + 81 + 36 = 1199 = 11·109 → r = 0 → 0
 * AAL0409235E6 (moral, the RFC on the guide's screens): 481 + A10·12 + A10·11 + L21·10 + 0·9 + 4·8 + 0·7 + 9·6
 *   + 2·5 + 3·4 + 5·3 + E14·2 = 481 + 120 + 110 + 210 + 0 + 32 + 0 + 54 + 10 + 12 + 15 + 28 = 1072;
 *   1072 = 11·97 + 5 → r = 5 → 6
 * MUÑO800101AB3 (física, with Ñ, no padding): M22·13 + U31·12 + Ñ38·11 + O25·10 + 8·9 + 0·8 + 0·7 + 1·6 + 0·5
 *   + 1·4 + A10·3 + B11·2 = 286 + 372 + 418 + 250 + 72 + 0 + 0 + 6 + 0 + 4 + 30 + 22 = 1460;
 *   1460 = 11·132 + 8 → r = 8 → 3
 * P&G851223B21 (moral, with &): 481 + P26·12 + &24·11 + G16·10 + 8·9 + 5·8 + 1·7 + 2·6 + 2·5 + 3·4 + B11·3 + 2·2
 *   = 481 + 312 + 264 + 160 + 72 + 40 + 7 + 12 + 10 + 12 + 33 + 4 = 1407;  1407 = 11·127 + 10 → r = 10 → 1
 * ABC010101XUA (moral, check 10 → "A"): 481 + A10·12 + B11·11 + C12·10 + 0·9 + 1·8 + 0·7 + 1·6 + 0·5 + 1·4
 *   + X34·3 + U31·2 = 481 + 120 + 121 + 120 + 0 + 8 + 0 + 6 + 0 + 4 + 102 + 62 = 1024;
 *   1024 = 11·93 + 1 → r = 1 → 11 − 1 = 10 → "A"
 */
describe("rfcCheckCharacter (R41)", () => {
  it.each([
    ["SAT970701NN", "3"],
    ["CFE370814QI", "0"],
    ["AAL0409235E", "6"],
    ["MUÑO800101AB", "3"],
    ["P&G851223B2", "1"],
    ["ABC010101XU", "A"],
  ])("%s → %s", (first, check) => {
    expect(rfcCheckCharacter(first)).toBe(check);
  });

  it("throws on a wrong length or character", () => {
    expect(() => rfcCheckCharacter("SAT970701N")).toThrow(RangeError);
    expect(() => rfcCheckCharacter("SAT970701NN3X")).toThrow(RangeError);
    expect(() => rfcCheckCharacter("SAT97070#NN")).toThrow(RangeError);
  });
});

describe("validateRfc (R40–R42)", () => {
  it.each([
    ["SAT970701NN3", "MORAL"],
    ["CFE370814QI0", "MORAL"],
    ["AAL0409235E6", "MORAL"],
    ["MUÑO800101AB3", "FISICA"],
    ["P&G851223B21", "MORAL"],
    ["ABC010101XUA", "MORAL"],
  ])("%s is valid (%s)", (rfc, kind) => {
    expect(validateRfc(rfc)).toMatchObject({ verdict: "VALIDO", code: "RFC_OK", kind, normalized: rfc, expectedCheck: rfc.slice(-1) });
  });

  it("normalizes case, spaces and dashes (and a decomposed Ñ)", () => {
    expect(validateRfc("  sat-970701-nn3 ")).toMatchObject({ verdict: "VALIDO", normalized: "SAT970701NN3" });
    expect(validateRfc("muño 800101 ab3")).toMatchObject({ verdict: "VALIDO", normalized: "MUÑO800101AB3" });
    expect(validateRfc("MUN\u0303O800101AB3")).toMatchObject({ verdict: "VALIDO", normalized: "MUÑO800101AB3" });
  });

  it("R42: a check-character mismatch is a warning, never an error", () => {
    const r = validateRfc("SAT970701NN4");
    expect(r).toMatchObject({ verdict: "ADVERTENCIA", code: "RFC_CHECK_DIGIT", kind: "MORAL", expectedCheck: "3" });
    expect(r.message).toContain('"3"');
    expect(r.messageEn).toContain('"3"');
    expect(validateRfc("ABC010101XU1")).toMatchObject({ verdict: "ADVERTENCIA", expectedCheck: "A" });
  });

  it("R42: generic RFCs are accepted", () => {
    expect(validateRfc("XAXX010101000")).toMatchObject({ verdict: "VALIDO", kind: "GENERICO", code: "RFC_GENERIC" });
    expect(validateRfc("xexx-010101-000")).toMatchObject({ verdict: "VALIDO", kind: "GENERICO", code: "RFC_GENERIC" });
  });

  it("R40: the date must be a real date (any century)", () => {
    expect(validateRfc("ABC010230XUA")).toMatchObject({ verdict: "INVALIDO", code: "RFC_DATE", kind: "MORAL" });
    expect(validateRfc("ABC011301XUA")).toMatchObject({ verdict: "INVALIDO", code: "RFC_DATE" });
    expect(validateRfc("ABC010100XUA")).toMatchObject({ verdict: "INVALIDO", code: "RFC_DATE" });
    expect(validateRfc("ABC010431XUA")).toMatchObject({ verdict: "INVALIDO", code: "RFC_DATE" });
    expect(validateRfc("ABC010229XUA").code).toBe("RFC_DATE"); // 1901 and 2001 are not leap years
    expect(validateRfc("ABC000229XUA").code).not.toBe("RFC_DATE"); // 2000 is
    expect(validateRfc("ABC960229XUA").code).not.toBe("RFC_DATE");
    expect(validateRfc("ABCD991231XU1").code).not.toBe("RFC_DATE");
  });

  it.each(["SAT97070NN3", "SA970701NN3", "SATXX970701NN3", "SAT970701N-3X", "1234567890123", "SAT970701NNB", "SAT9707O1NN3"])(
    "%s → RFC_FORMAT",
    (rfc) => {
      expect(validateRfc(rfc)).toMatchObject({ verdict: "INVALIDO", code: "RFC_FORMAT", kind: null });
    },
  );

  it.each(["", "   ", null, undefined, {}, [], true])("%p → RFC_EMPTY", (v) => {
    expect(validateRfc(v)).toMatchObject({ verdict: "INVALIDO", code: "RFC_EMPTY" });
  });

  it("a number is not an RFC", () => {
    expect(validateRfc(123)).toMatchObject({ verdict: "INVALIDO", code: "RFC_FORMAT" });
  });

  it("property: never throws on arbitrary values", () => {
    const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withTypedArray: true });
    fc.assert(
      fc.property(fc.oneof(anything, fc.string(), fc.stringMatching(/^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$/)), (v) => {
        const r = validateRfc(v);
        expect(["VALIDO", "ADVERTENCIA", "INVALIDO"]).toContain(r.verdict);
      }),
    );
  });

  it("property: every well-formed RFC with the computed check character is VALIDO", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-ZÑ&]{3,4}$/),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.stringMatching(/^[A-Z0-9]{2}$/),
        (letters, yy, mm, dd, homo) => {
          const body = letters + [yy, mm, dd].map((n) => String(n).padStart(2, "0")).join("") + homo;
          const rfc = body + rfcCheckCharacter(body);
          if (rfc === "XAXX010101000" || rfc === "XEXX010101000") return;
          expect(validateRfc(rfc)).toMatchObject({ verdict: "VALIDO", kind: letters.length === 3 ? "MORAL" : "FISICA" });
        },
      ),
    );
  });
});
