/**
 * §4 R15–R17 status of a program on an as-of date.
 * Weekdays and business-day counts below were checked with python3's datetime module against the R12 holiday layers
 * (e.g. 2025-08-29 is a Friday and 1 Sep 2025 an LFPA day), not taken from the code's output.
 */
import fc from "fast-check";
import { isBusinessDay } from "../../src/domain/calendar";
import { dayNumber, fromDay, type IsoDate } from "../../src/domain/dates";
import { PROGRAM_TYPES, type ProgramType } from "../../src/domain/programs";
import { STATUS_CODES, STATUS_LABELS, programStatus, type StatusInput } from "../../src/domain/status";

const immex = (extra: Partial<StatusInput> & { asOf: IsoDate }) =>
  programStatus({ program: "IMMEX", filingYear: 2025, heldPrograms: ["IMMEX"], ...extra });
const prosecAlone = (extra: Partial<StatusInput> & { asOf: IsoDate }) =>
  programStatus({ program: "PROSEC", filingYear: 2025, heldPrograms: ["PROSEC"], ...extra });
const prosecLinked = (extra: Partial<StatusInput> & { asOf: IsoDate }) =>
  programStatus({ program: "PROSEC", filingYear: 2025, heldPrograms: ["IMMEX", "PROSEC"], ...extra });
const codes = (r: { notes: { code: string }[] }) => r.notes.map((n) => n.code);

describe("official cases (§10)", () => {
  it("G5: IMMEX authorized 2025-02-15, filing 2025 → NO_OBLIGADO (R3)", () => {
    const r = immex({ asOf: "2025-05-01", authorizedOn: "2025-02-15" });
    expect(r.status).toBe("NO_OBLIGADO");
    expect(r.obliged).toBe(false);
    expect(r.commitmentEvaluated).toBe(false);
    expect(r.notes).toEqual([expect.objectContaining({ severity: "info", rule: "R3", field: "authorizedOn" })]);
  });
  it("G6: IMMEX filed 2025-06-10, as of 2025-06-20 → PRESENTADO_EXTEMPORANEO, reactivation by 2025-06-12", () => {
    const r = immex({ asOf: "2025-06-20", filedOn: "2025-06-10" });
    expect(r.status).toBe("PRESENTADO_EXTEMPORANEO");
    expect(r.reactivationBy).toBe("2025-06-12");
    expect(r.effectiveFiledOn).toBe("2025-06-10");
  });
  it("G7: IMMEX not filed, as of 2025-09-01 → CANCELADO", () => {
    expect(immex({ asOf: "2025-09-01" }).status).toBe("CANCELADO");
  });
});

describe("IMMEX 2025, not filed: every boundary (R7, R15)", () => {
  it.each<[IsoDate, string]>([
    ["2025-01-15", "PERIODO_NO_ABIERTO"],
    ["2025-03-31", "PERIODO_NO_ABIERTO"],
    ["2025-04-01", "EN_PLAZO"], // opening day
    ["2025-05-30", "EN_PLAZO"], // due day
    ["2025-05-31", "SUSPENDIDO"], // day after due
    ["2025-08-29", "SUSPENDIDO"], // lateUntil day
    ["2025-08-31", "SUSPENDIDO"], // Sunday before the cancellation
    ["2025-09-01", "CANCELADO"], // cancellation day
    ["2026-02-01", "CANCELADO"],
  ])("as of %s → %s", (asOf, status) => {
    const r = immex({ asOf });
    expect(r.status).toBe(status);
    expect(r.obliged).toBe(true);
    expect(r.effectiveFiledOn).toBeNull();
    expect(r.reactivationBy).toBeNull();
    expect(r.correctionBy).toBeNull();
    expect(r.correctionBySafe).toBeNull();
  });
  it("suspension note says until when it may still file", () => {
    const r = immex({ asOf: "2025-06-15" });
    expect(r.notes).toEqual([expect.objectContaining({ code: "SUSPENDED_MAY_FILE", severity: "warning", field: "filedOn" })]);
    expect(r.notes[0]?.message).toMatch(/29 de agosto de 2025/);
    expect(r.notes[0]?.messageEn).toMatch(/29 August 2025/);
  });
});

describe("IMMEX 2025, filed", () => {
  it("filed on the due day → PRESENTADO", () => {
    const r = immex({ asOf: "2025-06-10", filedOn: "2025-05-30" });
    expect(r.status).toBe("PRESENTADO");
    expect(r.reactivationBy).toBeNull();
    expect(r.commitmentEvaluated).toBe(true);
  });
  it("filed the day after due (a Saturday) → PRESENTADO_EXTEMPORANEO, reactivation Wed 4 Jun (R12 rev.: counted from Mon 2 Jun)", () => {
    const r = immex({ asOf: "2025-06-10", filedOn: "2025-05-31" });
    expect(r.status).toBe("PRESENTADO_EXTEMPORANEO");
    expect(r.reactivationBy).toBe("2025-06-04");
  });
  it("filed on the lateUntil day → PRESENTADO_EXTEMPORANEO, reactivation 3 Sep (R12 example)", () => {
    const r = immex({ asOf: "2025-09-10", filedOn: "2025-08-29" });
    expect(r.status).toBe("PRESENTADO_EXTEMPORANEO");
    expect(r.reactivationBy).toBe("2025-09-03");
  });
  it("filed after lateUntil → CANCELADO with a warning (R16)", () => {
    const r = immex({ asOf: "2025-08-31", filedOn: "2025-08-30" });
    expect(r.status).toBe("CANCELADO");
    expect(r.effectiveFiledOn).toBeNull();
    expect(r.notes).toContainEqual(expect.objectContaining({ severity: "warning", code: "FILED_AFTER_LAST_DAY", field: "filedOn", rule: "R16" }));
  });
  it("filed before 1 April → error note, the date is ignored (R16)", () => {
    const r = immex({ asOf: "2025-04-10", filedOn: "2025-03-20" });
    expect(r.status).toBe("EN_PLAZO");
    expect(r.effectiveFiledOn).toBeNull();
    expect(r.notes).toContainEqual(expect.objectContaining({ severity: "error", code: "FILED_BEFORE_OPENING", field: "filedOn" }));
    expect(r.notes.find((n) => n.code === "FILED_BEFORE_OPENING")?.message).toMatch(/1 de abril de 2025/);
  });
  it("filedOn after asOf is ignored (not filed yet on that day); it counts from that day on", () => {
    const before = immex({ asOf: "2025-05-10", filedOn: "2025-05-20" });
    expect(before.status).toBe("EN_PLAZO");
    expect(before.effectiveFiledOn).toBeNull();
    expect(codes(before)).toEqual(["FILED_AFTER_AS_OF"]);
    const after = immex({ asOf: "2025-06-15", filedOn: "2025-07-01" });
    expect(after.status).toBe("SUSPENDIDO");
    const on = immex({ asOf: "2025-05-20", filedOn: "2025-05-20" });
    expect(on.status).toBe("PRESENTADO");
    expect(on.effectiveFiledOn).toBe("2025-05-20");
  });
  it("R33 correction dates: 5 business days (all layers) and the weekend-only safe date", () => {
    // Tue 29 Apr 2025: 30 Apr, (1 May LFPA), 2 May, (5 May LFPA), 6, 7, 8 May → 8 May; weekends only → 6 May.
    const r = immex({ asOf: "2025-05-15", filedOn: "2025-04-29" });
    expect(r.status).toBe("PRESENTADO");
    expect(r.correctionBy).toBe("2025-05-08");
    expect(r.correctionBySafe).toBe("2025-05-06");
    // Wed 27 Aug 2025: 28, 29, (1 Sep), 2, 3, 4 Sep → 4 Sep; weekends only → 3 Sep.
    const late = immex({ asOf: "2025-09-10", filedOn: "2025-08-27" });
    expect([late.correctionBy, late.correctionBySafe]).toEqual(["2025-09-04", "2025-09-03"]);
  });
  it("declared non-business days move the reactivation date", () => {
    const r = immex({ asOf: "2025-06-20", filedOn: "2025-06-10", extraNonBusinessDays: ["2025-06-11"] });
    expect(r.reactivationBy).toBe("2025-06-13");
  });
  it("deadline overrides are applied", () => {
    const r = immex({ asOf: "2025-06-02", overrides: { due: "2025-06-06" } });
    expect(r.status).toBe("EN_PLAZO");
    expect(r.deadlines.due).toBe("2025-06-06");
    expect(r.deadlines.source).toMatch(/usuario/);
  });
});

describe("R3–R5 obligation", () => {
  it("authorized after the filing year → NO_OBLIGADO", () => {
    const r = immex({ asOf: "2025-05-01", authorizedOn: "2026-01-10" });
    expect(r.status).toBe("NO_OBLIGADO");
    expect(codes(r)).toEqual(["AUTHORIZED_AFTER_FILING_YEAR"]);
  });
  it("R4: cancelled on or before asOf → NO_OBLIGADO with the date in the note", () => {
    const r = immex({ asOf: "2025-05-01", cancelledOn: "2024-11-10" });
    expect(r.status).toBe("NO_OBLIGADO");
    expect(r.commitmentEvaluated).toBe(false);
    expect(r.notes).toEqual([expect.objectContaining({ code: "PROGRAM_CANCELLED", field: "cancelledOn", rule: "R4" })]);
    expect(r.notes[0]?.message).toMatch(/10 de noviembre de 2024/);
    // R4 rev.: cancelled on or after 1 April → CANCELADO, never NO_OBLIGADO.
    expect(immex({ asOf: "2025-05-01", cancelledOn: "2025-05-01" }).status).toBe("CANCELADO");
    expect(immex({ asOf: "2025-05-01", cancelledOn: "2025-03-31" }).status).toBe("NO_OBLIGADO");
  });
  it("R4: a cancellation after asOf does not change the status yet", () => {
    expect(immex({ asOf: "2025-05-01", cancelledOn: "2025-10-01" }).status).toBe("EN_PLAZO");
  });
  it("R4: a program that filed before it was cancelled keeps its filing status, with a note", () => {
    const r = immex({ asOf: "2025-08-01", filedOn: "2025-05-10", cancelledOn: "2025-07-15" });
    expect(r.status).toBe("PRESENTADO");
    expect(codes(r)).toContain("CANCELLED_AFTER_FILING");
  });
  it("R5: authorized during the fiscal year → obliged, commitment not evaluated", () => {
    const r = immex({ asOf: "2025-05-01", authorizedOn: "2024-06-01" });
    expect(r.status).toBe("EN_PLAZO");
    expect(r.obliged).toBe(true);
    expect(r.commitmentEvaluated).toBe(false);
    expect(r.notes).toEqual([expect.objectContaining({ code: "AUTHORIZED_IN_FISCAL_YEAR", severity: "info", rule: "R5" })]);
    const filed = immex({ asOf: "2025-06-01", authorizedOn: "2024-06-01", filedOn: "2025-05-02" });
    expect([filed.status, filed.commitmentEvaluated]).toEqual(["PRESENTADO", false]);
  });
  it("authorized before the fiscal year → commitment evaluated", () => {
    expect(immex({ asOf: "2025-05-01", authorizedOn: "2019-03-01" }).commitmentEvaluated).toBe(true);
  });
});

describe("PROSEC (R8) and linked PROSEC (R9, R10, R17)", () => {
  it.each<[IsoDate, string]>([
    ["2025-03-31", "PERIODO_NO_ABIERTO"],
    ["2025-04-30", "EN_PLAZO"],
    ["2025-05-01", "SUSPENDIDO"],
    ["2025-06-30", "SUSPENDIDO"],
    ["2025-07-01", "CANCELADO"],
  ])("PROSEC alone as of %s → %s", (asOf, status) => {
    expect(prosecAlone({ asOf }).status).toBe(status);
  });
  it.each<[IsoDate, string]>([
    ["2025-05-30", "EN_PLAZO"],
    ["2025-05-31", "SUSPENDIDO"],
    ["2025-06-30", "SUSPENDIDO"],
    ["2025-07-01", "CANCELADO"],
  ])("PROSEC + IMMEX as of %s → %s", (asOf, status) => {
    expect(prosecLinked({ asOf }).status).toBe(status);
  });
  it("linked PROSEC 2023 is due in April (R9)", () => {
    const r = programStatus({ program: "PROSEC", filingYear: 2023, heldPrograms: ["IMMEX", "PROSEC"], asOf: "2023-05-15" });
    expect(r.status).toBe("SUSPENDIDO");
    expect(r.deadlines.confidence).toBe("M");
  });
  it("IMMEX filing by the May date is replicated: PROSEC PRESENTADO", () => {
    const r = prosecLinked({ asOf: "2025-06-01", immexFiledOn: "2025-05-20" });
    expect(r.status).toBe("PRESENTADO");
    expect(r.effectiveFiledOn).toBe("2025-05-20");
    expect(codes(r)).toContain("REPLICATED_FROM_IMMEX");
  });
  it("IMMEX filing during PROSEC's suspension reactivates PROSEC within 2 business days", () => {
    const r = prosecLinked({ asOf: "2025-06-20", immexFiledOn: "2025-06-16" });
    expect(r.status).toBe("PRESENTADO_EXTEMPORANEO");
    expect(r.reactivationBy).toBe("2025-06-18");
  });
  it("IMMEX filing on PROSEC's last late day still counts", () => {
    expect(prosecLinked({ asOf: "2025-07-05", immexFiledOn: "2025-06-30" }).status).toBe("PRESENTADO_EXTEMPORANEO");
  });
  it("IMMEX filing after PROSEC's cancellation does not revive PROSEC; IMMEX itself is reactivated", () => {
    const p = prosecLinked({ asOf: "2025-07-20", immexFiledOn: "2025-07-15" });
    expect(p.status).toBe("CANCELADO");
    expect(p.effectiveFiledOn).toBeNull();
    expect(codes(p)).toContain("IMMEX_FILED_AFTER_PROSEC_LAST_DAY");
    const i = programStatus({ program: "IMMEX", filingYear: 2025, heldPrograms: ["IMMEX", "PROSEC"], asOf: "2025-07-20", filedOn: "2025-07-15" });
    expect(i.status).toBe("PRESENTADO_EXTEMPORANEO");
    expect(i.reactivationBy).toBe("2025-07-17");
  });
  it("an IMMEX filing after asOf is ignored", () => {
    expect(prosecLinked({ asOf: "2025-06-05", immexFiledOn: "2025-06-10" }).status).toBe("SUSPENDIDO");
  });
  it("the earliest counting filing wins (own or replicated)", () => {
    expect(prosecLinked({ asOf: "2025-06-05", filedOn: "2025-05-25", immexFiledOn: "2025-05-20" }).effectiveFiledOn).toBe("2025-05-20");
    const own = prosecLinked({ asOf: "2025-06-05", filedOn: "2025-05-10", immexFiledOn: "2025-05-20" });
    expect(own.effectiveFiledOn).toBe("2025-05-10");
    expect(codes(own)).not.toContain("REPLICATED_FROM_IMMEX");
  });
  it("no replication when the company does not hold IMMEX", () => {
    const r = programStatus({ program: "PROSEC", filingYear: 2025, heldPrograms: ["PROSEC", "ALTEX"], asOf: "2025-06-05", immexFiledOn: "2025-05-20" });
    expect(r.status).toBe("SUSPENDIDO");
    expect(codes(r)).toContain("IMMEX_NOT_HELD");
  });
  it("immexFiledOn is ignored for programs other than PROSEC", () => {
    expect(immex({ asOf: "2025-06-05", immexFiledOn: "2025-05-20" }).status).toBe("SUSPENDIDO");
  });
});

describe.each<ProgramType>(["ALTEX", "ECEX"])("%s 2025 (R11): no suspension", (program) => {
  const st = (extra: Partial<StatusInput> & { asOf: IsoDate }) =>
    programStatus({ program, filingYear: 2025, heldPrograms: [program], ...extra });
  it.each<[IsoDate, string]>([
    ["2025-03-31", "PERIODO_NO_ABIERTO"],
    ["2025-05-30", "EN_PLAZO"],
    ["2025-05-31", "CANCELADO"],
    ["2025-06-15", "CANCELADO"],
  ])("not filed as of %s → %s", (asOf, status) => {
    expect(st({ asOf }).status).toBe(status);
  });
  it("filed on the due day → PRESENTADO", () => {
    expect(st({ asOf: "2025-06-15", filedOn: "2025-05-30" }).status).toBe("PRESENTADO");
  });
  it("filed after the due day → CANCELADO with a warning", () => {
    const r = st({ asOf: "2025-06-15", filedOn: "2025-05-31" });
    expect(r.status).toBe("CANCELADO");
    expect(codes(r)).toContain("FILED_AFTER_LAST_DAY");
  });
});

describe("input handling", () => {
  it("an unsupported filing year propagates deadlines' RangeError", () => {
    expect(() => programStatus({ program: "IMMEX", filingYear: 2018, heldPrograms: [], asOf: "2018-05-01" })).toThrow(RangeError);
  });
  it("an invalid asOf is a RangeError", () => {
    expect(() => immex({ asOf: "2025-02-30" })).toThrow(RangeError);
  });
  it("an invalid optional date is an error note, not an exception", () => {
    const r = immex({ asOf: "2025-05-01", filedOn: "30/05/2025" });
    expect(r.status).toBe("EN_PLAZO");
    expect(r.notes).toContainEqual(expect.objectContaining({ severity: "error", code: "INVALID_DATE", field: "filedOn" }));
  });
  it("null and empty dates are 'none'", () => {
    expect(immex({ asOf: "2025-05-01", filedOn: null, authorizedOn: null, cancelledOn: "" }).notes).toEqual([]);
  });
});

describe("labels", () => {
  it("every code has Spanish and English labels (§4)", () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...STATUS_CODES].sort());
    expect(STATUS_LABELS.PRESENTADO.es).toBe("Presentado en tiempo");
    expect(STATUS_LABELS.PRESENTADO_EXTEMPORANEO.es).toBe("Presentado fuera de plazo (reactivación)");
    expect(STATUS_LABELS.PERIODO_NO_ABIERTO.es).toBe("Periodo aún no abierto");
    for (const code of STATUS_CODES) expect(STATUS_LABELS[code].en.length).toBeGreaterThan(0);
  });
});

describe("properties", () => {
  const day = (from: IsoDate, to: IsoDate) => fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(fromDay);
  const maybeDay = (from: IsoDate, to: IsoDate) => fc.option(day(from, to), { nil: null });

  it("never throws on valid dates and years; results are consistent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2019, max: 2035 }),
        fc.constantFrom(...PROGRAM_TYPES),
        fc.subarray([...PROGRAM_TYPES]),
        day("2018-01-01", "2036-12-31"),
        maybeDay("2010-01-01", "2036-12-31"),
        maybeDay("2018-01-01", "2036-12-31"),
        maybeDay("2018-01-01", "2036-12-31"),
        maybeDay("2018-01-01", "2036-12-31"),
        fc.array(day("2018-01-01", "2036-12-31"), { maxLength: 10 }),
        (filingYear, program, heldPrograms, asOf, authorizedOn, cancelledOn, filedOn, immexFiledOn, extra) => {
          const r = programStatus({
            program,
            filingYear,
            heldPrograms,
            asOf,
            authorizedOn,
            cancelledOn,
            filedOn,
            immexFiledOn,
            extraNonBusinessDays: extra,
          });
          expect(STATUS_CODES).toContain(r.status);
          expect(r.obliged).toBe(r.status !== "NO_OBLIGADO");
          expect(r.reactivationBy !== null).toBe(r.status === "PRESENTADO_EXTEMPORANEO");
          if (r.status === "NO_OBLIGADO") expect(r.commitmentEvaluated).toBe(false);
          if (r.effectiveFiledOn !== null) {
            expect(r.effectiveFiledOn <= asOf).toBe(true);
            expect(r.effectiveFiledOn >= r.deadlines.opens).toBe(true);
            expect(r.correctionBy).not.toBeNull();
            expect(isBusinessDay(r.correctionBy ?? "", { extraNonBusinessDays: extra })).toBe(true);
          } else {
            expect(r.correctionBy).toBeNull();
            expect(["PRESENTADO", "PRESENTADO_EXTEMPORANEO"]).not.toContain(r.status);
          }
          if (program === "ALTEX" || program === "ECEX") {
            expect(["SUSPENDIDO", "PRESENTADO_EXTEMPORANEO"]).not.toContain(r.status);
          }
          for (const n of r.notes) {
            expect(n.message.length).toBeGreaterThan(0);
            expect(n.messageEn.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
