/**
 * The =RAOCE.* functions as plain TypeScript (src/functions/core.ts): golden cases of the domain README (§10), every
 * optional argument left empty, bad arguments → FunctionError with a Spanish message, and "no crash" properties.
 */
import fc from "fast-check";
import { isBusinessDay } from "../../src/domain/calendar";
import { STATUS_CODES } from "../../src/domain/status";
import * as core from "../../src/functions/core";
import { FunctionError, type CoreContext, type FunctionErrorKind } from "../../src/functions/core";
import { isoToSerial, serialToIso } from "../../src/workbook/serial-dates";

const S = (iso: string): number => isoToSerial(iso);
const at = (iso: string): CoreContext => ({ today: () => iso });

/** Runs `fn`, expecting a FunctionError of `kind` whose (Spanish) message matches `message`. */
function expectError(fn: () => unknown, kind: FunctionErrorKind, message: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FunctionError);
  expect((thrown as FunctionError).kind).toBe(kind);
  expect((thrown as FunctionError).message).toMatch(message);
}

describe("DEADLINE", () => {
  it("G1: IMMEX, filing 2025 (serials: 2025-05-30 is 45807)", () => {
    expect(core.deadline("IMMEX", 2025)).toBe(45807);
    expect(core.deadline("IMMEX", 2025, null, null)).toBe(45807); // empty optionals
    expect(core.deadline("IMMEX", 2025, "")).toBe(45807);
    expect(core.deadline("IMMEX", 2025, "opens")).toBe(S("2025-04-01"));
    expect(core.deadline("IMMEX", 2025, "due")).toBe(S("2025-05-30"));
    expect(core.deadline("IMMEX", 2025, "late")).toBe(S("2025-08-29"));
    expect(core.deadline("IMMEX", 2025, "cancelled")).toBe(S("2025-09-01"));
  });

  it("G2: PROSEC only, filing 2025", () => {
    expect(serialToIso(core.deadline("PROSEC", 2025))).toBe("2025-04-30");
    expect(serialToIso(core.deadline("PROSEC", 2025, "late"))).toBe("2025-06-30");
    expect(serialToIso(core.deadline("PROSEC", 2025, "cancelled"))).toBe("2025-07-01");
  });

  it("G3: PROSEC + IMMEX, filing 2025 — otherPrograms as text or as a range", () => {
    expect(serialToIso(core.deadline("PROSEC", 2025, "due", "IMMEX"))).toBe("2025-05-30");
    expect(serialToIso(core.deadline("PROSEC", 2025, "due", [["IMMEX"], [null], [""]]))).toBe("2025-05-30");
    expect(serialToIso(core.deadline("PROSEC", 2025, "due", "immex, prosec"))).toBe("2025-05-30");
    expect(serialToIso(core.deadline("PROSEC", 2025, "late", [["ALTEX", "PROSEC"]]))).toBe("2025-06-30");
    expect(serialToIso(core.deadline("PROSEC", 2025, "cancelled", "IMMEX"))).toBe("2025-07-01");
  });

  it("G4: ALTEX / ECEX, filing 2025: no late window (#N/A), cancelled 31 May", () => {
    for (const p of ["ALTEX", "ECEX"]) {
      expect(serialToIso(core.deadline(p, 2025, "due"))).toBe("2025-05-30");
      expect(serialToIso(core.deadline(p, 2025, "cancelled"))).toBe("2025-05-31");
      expectError(() => core.deadline(p, 2025, "late"), "notAvailable", /no tiene periodo de presentación extemporánea/);
    }
  });

  it("R9: linked PROSEC was due in April up to filing year 2023", () => {
    expect(serialToIso(core.deadline("PROSEC", 2023, "due", "IMMEX"))).toBe("2023-04-28");
    expect(serialToIso(core.deadline("PROSEC", 2024, "due", "IMMEX"))).toBe("2024-05-31");
  });

  it("accepts Spanish milestone names, any case and accents, and a year typed as text", () => {
    expect(core.deadline("immex", "2025", "Vencimiento")).toBe(45807);
    expect(serialToIso(core.deadline(" IMMEX ", 2025, "APERTURA"))).toBe("2025-04-01");
    expect(serialToIso(core.deadline("IMMEX", 2025, "extemporáneo"))).toBe("2025-08-29");
    expect(serialToIso(core.deadline("IMMEX", 2025, "cancelación"))).toBe("2025-09-01");
    expect(core.deadline([["IMMEX"]], [[2025]])).toBe(45807); // 1×1 ranges
  });

  it("rejects bad arguments with #VALUE! and years without rules with #N/A", () => {
    expectError(() => core.deadline("MAQUILA", 2025), "invalidValue", /Programa desconocido "MAQUILA"/);
    expectError(() => core.deadline(null, 2025), "invalidValue", /Falta el programa/);
    expectError(() => core.deadline("IMMEX", null), "invalidValue", /Falta el año de presentación/);
    expectError(() => core.deadline("IMMEX", 25), "invalidValue", /año de cuatro dígitos/);
    expectError(() => core.deadline("IMMEX", 2025.5), "invalidValue", /año de cuatro dígitos/);
    expectError(() => core.deadline("IMMEX", "dos mil"), "invalidValue", /debe ser un número/);
    expectError(() => core.deadline("IMMEX", true), "invalidValue", /debe ser un número/);
    expectError(() => core.deadline("IMMEX", 2025, "mañana"), "invalidValue", /Hito desconocido/);
    expectError(() => core.deadline("PROSEC", 2025, "due", "IMMEX,MAQUILA"), "invalidValue", /programa desconocido "MAQUILA"/);
    expectError(() => core.deadline("PROSEC", 2025, "due", [[42]]), "invalidValue", /no es un nombre de programa/);
    expectError(() => core.deadline([["IMMEX", "PROSEC"]], 2025), "invalidValue", /no un rango/);
    expectError(() => core.deadline("IMMEX", 2018), "notAvailable", /No hay reglas del RAOCE para el año de presentación 2018/);
    expectError(() => core.deadline("IMMEX", 2036), "notAvailable", /2019–2035/);
  });
});

describe("STATUS", () => {
  it("G5: IMMEX authorized 2025-02-15, filing 2025 → NO_OBLIGADO", () => {
    expect(core.status("IMMEX", 2025, null, S("2025-06-01"), null, S("2025-02-15"))).toBe("NO_OBLIGADO");
    expect(core.status("IMMEX", 2025, null, "2025-06-01", null, "2025-02-15")).toBe("NO_OBLIGADO");
  });

  it("G6: filed 2025-06-10, as of 2025-06-20 → PRESENTADO_EXTEMPORANEO", () => {
    expect(core.status("IMMEX", 2025, S("2025-06-10"), S("2025-06-20"))).toBe("PRESENTADO_EXTEMPORANEO");
  });

  it("G7: not filed, as of 2025-09-01 → CANCELADO", () => {
    expect(core.status("IMMEX", 2025, null, S("2025-09-01"))).toBe("CANCELADO");
    expect(core.status("IMMEX", 2025, "", "2025-09-01", "", "")).toBe("CANCELADO");
  });

  it("walks the IMMEX 2025 calendar (R15)", () => {
    const on = (asOf: string, filed?: string) => core.status("IMMEX", 2025, filed ?? null, asOf);
    expect(on("2025-03-31")).toBe("PERIODO_NO_ABIERTO");
    expect(on("2025-04-01")).toBe("EN_PLAZO");
    expect(on("2025-05-30")).toBe("EN_PLAZO");
    expect(on("2025-05-31")).toBe("SUSPENDIDO");
    expect(on("2025-08-31")).toBe("SUSPENDIDO");
    expect(on("2025-06-01", "2025-05-15")).toBe("PRESENTADO");
    expect(on("2025-05-10", "2025-05-15")).toBe("EN_PLAZO"); // filed after the as-of date
  });

  it("R11: ALTEX has no suspension; R17: IMMEX filing counts for linked PROSEC only via the held list", () => {
    expect(core.status("ALTEX", 2025, null, "2025-05-31")).toBe("CANCELADO");
    expect(core.status("PROSEC", 2025, null, "2025-05-15")).toBe("SUSPENDIDO");
    expect(core.status("PROSEC", 2025, null, "2025-05-15", "IMMEX")).toBe("EN_PLAZO");
    expect(core.status("PROSEC", 2025, null, "2025-05-15", [["IMMEX"], ["PROSEC"]])).toBe("EN_PLAZO");
  });

  it("defaults the as-of date to today in Mexico City", () => {
    expect(core.status("IMMEX", 2025, undefined, undefined, undefined, undefined, at("2025-05-01"))).toBe("EN_PLAZO");
    expect(core.status("IMMEX", 2025, null, null, null, null, at("2025-09-02"))).toBe("CANCELADO");
    expect(STATUS_CODES).toContain(core.status("IMMEX", 2025)); // real clock
  });

  it("R16: a filing date before 1 April is an input error (#VALUE!)", () => {
    expectError(() => core.status("IMMEX", 2025, "2025-03-15", "2025-06-01"), "invalidValue", /anterior al 1 de abril de 2025/);
  });

  it("rejects unusable dates", () => {
    expectError(() => core.status("IMMEX", 2025, "30/05/2025"), "invalidValue", /no es una fecha: use una fecha de Excel o el texto AAAA-MM-DD/);
    expectError(() => core.status("IMMEX", 2025, 60), "invalidValue", /no es una fecha de Excel válida: 60/);
    expectError(() => core.status("IMMEX", 2025, null, -3), "invalidValue", /fecha de consulta no es una fecha de Excel válida/);
    expectError(() => core.status("IMMEX", 2025, null, true), "invalidValue", /debe ser una fecha/);
    expectError(() => core.status("IMMEX", 2025, null, null, null, "2025-02-30"), "invalidValue", /fecha de autorización/);
    expectError(() => core.status("IMMEX", 2017), "notAvailable", /año de presentación 2017/);
  });
});

describe("DAYSLEFT", () => {
  it("counts calendar days to the next milestone", () => {
    expect(core.daysLeft("IMMEX", 2025, "2025-03-01")).toBe(31); // to opens, 1 Apr
    expect(core.daysLeft("IMMEX", 2025, S("2025-05-01"))).toBe(29); // to due, 30 May
    expect(core.daysLeft("IMMEX", 2025, "2025-05-30")).toBe(0);
    expect(core.daysLeft("IMMEX", 2025, "2025-05-31")).toBe(90); // to late, 29 Aug
    expect(core.daysLeft("ALTEX", 2025, "2025-05-31")).toBe(0); // cancelled that day
    expect(core.daysLeft("PROSEC", 2025, "2025-05-01", "IMMEX")).toBe(29);
  });

  it("defaults to today in Mexico City and has no answer once everything passed", () => {
    expect(core.daysLeft("IMMEX", 2025, null, null, at("2025-05-29"))).toBe(1);
    expectError(() => core.daysLeft("IMMEX", 2025, "2025-09-02"), "notAvailable", /Ya pasaron todas las fechas del RAOCE 2025 de IMMEX/);
    expectError(() => core.daysLeft("IMMEX", 2025, "ayer"), "invalidValue", /fecha de consulta/);
  });
});

describe("BALANCE and EXPORTSHARE (R21)", () => {
  it("G8: a = 1000, b = 1000, c = 0 → saldo 1000, 100 %", () => {
    expect(core.balance(1000, 0)).toBe(1000);
    expect(core.exportShare(1000, 1000)).toBe(100);
  });

  it("G9/G10 percentages, unrounded", () => {
    expect(core.exportShare(120000, 12000)).toBe(10);
    expect(core.exportShare(50000, 4000)).toBe(8);
    expect(core.exportShare(3, 1)).toBeCloseTo(33.3333333, 6);
  });

  it("balance may be negative; omitted imports count as 0 (R22)", () => {
    expect(core.balance(500, 800)).toBe(-300);
    expect(core.balance(500)).toBe(500);
    expect(core.balance(500, null)).toBe(500);
    expect(core.balance("500", "")).toBe(500);
  });

  it("rejects bad amounts", () => {
    expectError(() => core.exportShare(0, 10), "invalidValue", /ventas totales deben ser mayores que 0/);
    expectError(() => core.exportShare(-1, 10), "invalidValue", /no puede ser negativo/);
    expectError(() => core.exportShare(100, null), "invalidValue", /Falta el total de exportaciones/);
    expectError(() => core.balance("mil", 0), "invalidValue", /debe ser un número; se recibió "mil"/);
    expectError(() => core.balance(10, -5), "invalidValue", /importaciones no puede ser negativo/);
  });
});

describe("USD (R24)", () => {
  it("G10: 4000 thousand MXN in FY 2024 ≈ USD 218,266", () => {
    expect(core.usd(4000, 2024)).toBeCloseTo(218266, 0);
    expect(core.usd(4000, 2024, null)).toBe(core.usd(4000, 2024));
  });

  it("uses the rate given, even for a year without a default", () => {
    expect(core.usd(1000, 2030, 20)).toBe(50000);
    expect(core.usd(-1000, 2024, 20)).toBe(-50000);
    expect(core.usd(1919.96, 2025)).toBeCloseTo(100000, 6); // 2025: 19.1996 (R24 rev. 2026-11)
  });

  it("#N/A without a rate for the year, #VALUE! for a bad rate", () => {
    expectError(() => core.usd(1000, 2030), "notAvailable", /No hay tipo de cambio promedio del ejercicio 2030/);
    expectError(() => core.usd(1000, 2024, 0), "invalidValue", /tipo de cambio debe ser mayor que 0/);
    expectError(() => core.usd(1000, 2024, "veinte"), "invalidValue", /tipo de cambio debe ser un número/);
    expectError(() => core.usd(null, 2024), "invalidValue", /Falta el importe/);
  });
});

describe("COMMITMENT (R27–R31)", () => {
  it("G9: FY 2024, a = 120000, b = 12000 → IMMEX CUMPLE (10 %)", () => {
    expect(core.commitment("IMMEX", 2024, 120000, 12000)).toBe("CUMPLE");
  });

  it("G10: FY 2024, a = 50000, b = 4000 → IMMEX NO_CUMPLE (8 %, ≈ USD 218,266)", () => {
    expect(core.commitment("IMMEX", 2024, 50000, 4000, null, null, null)).toBe("NO_CUMPLE");
  });

  it("G11/G12: ALTEX direct 40 %, indirect 50 %", () => {
    expect(core.commitment("ALTEX", 2024, 100000, 40000, null, "DIRECTO")).toBe("CUMPLE");
    expect(core.commitment("ALTEX", 2024, 100000, 50000, null, "exportador indirecto", 50000)).toBe("CUMPLE");
    expect(core.commitment("ALTEX", 2024, 100000, 30000, null, "DIRECTO")).toBe("NO_CUMPLE");
  });

  it("R24: a USD test without a rate is POR_CONFIRMAR until the rate is given; 2025's rate is final", () => {
    // 2 % of sales, but 20,000 thousand MXN ≈ USD 1.04 M at 2025's 19.1996 (final since rev. 2026-11).
    expect(core.commitment("IMMEX", 2025, 1000000, 20000)).toBe("CUMPLE");
    expect(core.commitment("IMMEX", 2026, 1000000, 20000)).toBe("POR_CONFIRMAR"); // FY 2026: no rate yet
    expect(core.commitment("IMMEX", 2025, 1000000, 20000, 19.2)).toBe("CUMPLE");
    expect(core.commitment("IMMEX", 2030, 1000000, 20000)).toBe("POR_CONFIRMAR"); // no rate at all
    expect(core.commitment("IMMEX", 2030, 100000, 20000)).toBe("CUMPLE"); // 20 % needs no rate
  });

  it("R31 waiver, PROSEC and ECEX", () => {
    expect(core.commitment("IMMEX", 2020, 100000, 1000)).toBe("NO_EVALUADO");
    expect(core.commitment("PROSEC", 2024, 100000, 1000)).toBe("NO_EVALUADO");
    expect(core.commitment("ECEX", 2024, 100000, 90000)).toBe("POR_CONFIRMAR"); // R30: thresholds unconfirmed
  });

  it("rejects bad arguments", () => {
    expectError(() => core.commitment("IMMEX", 2024, 100, 10, null, "MIXTO"), "invalidValue", /Tipo de exportador desconocido "MIXTO"/);
    expectError(() => core.commitment("ALTEX", 2024, 100, 10, null, "AMBOS", 20), "invalidValue", /indirectas no pueden ser mayores/);
    expectError(() => core.commitment("ALTEX", 2024, 100, -10), "invalidValue", /no puede ser negativo/);
    expectError(() => core.commitment("IMMEX", 2024, 100, 10, -1), "invalidValue", /tipo de cambio/);
    expectError(() => core.commitment("IMMEX", "", 100, 10), "invalidValue", /Falta el ejercicio/);
  });
});

describe("RFC (R40–R42)", () => {
  it("returns the verdict as text", () => {
    expect(core.rfc("SAT970701NN3")).toBe("VALIDO");
    expect(core.rfc("CFE370814QI0")).toBe("VALIDO");
    expect(core.rfc(" sat-970701-nn3 ")).toBe("VALIDO");
    expect(core.rfc("XAXX010101000")).toBe("VALIDO");
    expect(core.rfc("SAT970701NN4")).toBe("ADVERTENCIA"); // R42: check character mismatch is a warning
    expect(core.rfc("SAT971301NN3")).toBe("INVALIDO"); // month 13
    expect(core.rfc("ABC")).toBe("INVALIDO");
    expect(core.rfc(12345)).toBe("INVALIDO");
  });

  it("errors only for unusable input", () => {
    expectError(() => core.rfc(null), "invalidValue", /Falta el RFC/);
    expectError(() => core.rfc("  "), "invalidValue", /Falta el RFC/);
    expectError(() => core.rfc(true), "invalidValue", /debe ser texto/);
    expectError(() => core.rfc([["A"], ["B"]]), "invalidValue", /no un rango/);
  });
});

describe("BUSINESSDAYS (R12)", () => {
  it("R12 example: Fri 2025-08-29 + 2 → Wed 2025-09-03 (1 Sep is an LFPA day)", () => {
    expect(serialToIso(core.businessDays(S("2025-08-29"), 2))).toBe("2025-09-03");
    expect(serialToIso(core.businessDays("2025-08-29", 2, null))).toBe("2025-09-03");
  });

  it("G6: filed 2025-06-10 → reactivation by 2025-06-12", () => {
    expect(serialToIso(core.businessDays("2025-06-10", 2))).toBe("2025-06-12");
  });

  it("takes extra non-business days as a range or a comma list", () => {
    expect(serialToIso(core.businessDays("2025-08-29", 2, "2025-09-02"))).toBe("2025-09-04");
    expect(serialToIso(core.businessDays("2025-08-29", 2, [[S("2025-09-02")], [null], [""]]))).toBe("2025-09-04");
    expect(serialToIso(core.businessDays("2025-04-15", 2, "2025-04-17, 2025-04-18"))).toBe("2025-04-21");
    expect(serialToIso(core.businessDays("2025-04-15", 2, [["2025-04-17;2025-04-18"]]))).toBe("2025-04-21");
  });

  it("0 days returns the start date; a fraction of a serial is dropped", () => {
    expect(core.businessDays(S("2025-05-31"), 0)).toBe(S("2025-05-31"));
    expect(core.businessDays(S("2025-08-29") + 0.75, 2)).toBe(S("2025-09-03"));
  });

  it("rejects bad arguments", () => {
    expectError(() => core.businessDays("2025-08-29", -1), "invalidValue", /entero entre 0 y 100000/);
    expectError(() => core.businessDays("2025-08-29", 1.5), "invalidValue", /entero entre 0 y 100000/);
    expectError(() => core.businessDays("2025-08-29", 100001), "invalidValue", /entero entre 0 y 100000/);
    expectError(() => core.businessDays(null, 2), "invalidValue", /Falta la fecha inicial/);
    expectError(() => core.businessDays("2025-08-29", 2, "2025-13-01"), "invalidValue", /día inhábil "2025-13-01" no es una fecha/);
    expectError(() => core.businessDays(S("9999-12-30"), 5), "notAvailable", /fuera del calendario de Excel/);
  });
});

describe("properties", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(""),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -100, max: 3_000_000 }),
    fc.string({ maxLength: 12 }),
    fc.constantFrom("IMMEX", "PROSEC", "ALTEX", "ECEX", "2025-05-30", "due", "late", "DIRECTO", "AMBOS"),
  );
  const arg = fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 3 }));
  const calls: [string, (a: unknown[]) => unknown][] = [
    ["status", (a) => core.status(...(a as Parameters<typeof core.status>))],
    ["deadline", (a) => core.deadline(...(a as Parameters<typeof core.deadline>))],
    ["daysLeft", (a) => core.daysLeft(...(a as Parameters<typeof core.daysLeft>))],
    ["balance", (a) => core.balance(...(a as Parameters<typeof core.balance>))],
    ["exportShare", (a) => core.exportShare(...(a as Parameters<typeof core.exportShare>))],
    ["usd", (a) => core.usd(...(a as Parameters<typeof core.usd>))],
    ["commitment", (a) => core.commitment(...(a as Parameters<typeof core.commitment>))],
    ["rfc", (a) => core.rfc(...(a as Parameters<typeof core.rfc>))],
    ["businessDays", (a) => core.businessDays(...(a as Parameters<typeof core.businessDays>))],
  ];

  it.each(calls)("%s never crashes: a value or a FunctionError with a message", (_name, call) => {
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 7 }), (args) => {
        try {
          const v = call(args);
          expect(["string", "number"]).toContain(typeof v);
          if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(FunctionError);
          expect((e as FunctionError).message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("STATUS always gives a status code for valid programs, years and dates", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("IMMEX", "PROSEC", "ALTEX", "ECEX"),
        fc.integer({ min: 2019, max: 2035 }),
        fc.option(fc.integer({ min: S("2019-04-01"), max: S("2036-12-31") })),
        fc.integer({ min: S("2018-01-01"), max: S("2036-12-31") }),
        fc.subarray(["IMMEX", "PROSEC", "ALTEX", "ECEX"]),
        (program, year, filed, asOf, others) => {
          try {
            expect(STATUS_CODES).toContain(core.status(program, year, filed, asOf, others.join(",")));
          } catch (e) {
            // Only R16 (filed before 1 April of that year) may refuse valid-looking input.
            expect((e as FunctionError).kind).toBe("invalidValue");
            expect(filed).not.toBeNull();
            expect(serialToIso(filed as number)! < `${year}-04-01`).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("BUSINESSDAYS always lands on a business day after the start (n ≥ 1)", () => {
    fc.assert(
      fc.property(fc.integer({ min: S("2019-01-01"), max: S("2035-12-31") }), fc.integer({ min: 1, max: 60 }), (start, n) => {
        const out = core.businessDays(start, n);
        expect(out).toBeGreaterThan(start);
        expect(isBusinessDay(serialToIso(out) as string)).toBe(true);
        expect(out - start).toBeGreaterThanOrEqual(n);
      }),
    );
  });

  it("EXPORTSHARE × sales / 100 gives the exports back, BALANCE = b − c", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (a, b) => {
        expect((core.exportShare(a, b) * a) / 100).toBeCloseTo(b, 6);
        expect(core.balance(b, a)).toBe(b - a);
      }),
    );
  });
});
