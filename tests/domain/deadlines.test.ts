/**
 * R6–R11, R14 deadlines and the per-year rule table (R14, R31).
 * Expected dates are literals derived independently of the code: the last Monday–Friday of April, May, June and
 * August of each year came from python3's calendar module (calendar.monthrange + datetime.weekday()); R13 says no
 * fixed holiday ever falls on those month ends, so they are the last business days. The 2025 row is the official guide.
 */
import fc from "fast-check";
import { isBusinessDay } from "../../src/domain/calendar";
import { dayNumber, fromDay, type IsoDate } from "../../src/domain/dates";
import { deadlines, nextMilestone } from "../../src/domain/deadlines";
import { PROGRAM_TYPES, type ProgramType } from "../../src/domain/programs";
import {
  GUIDE_2025_SOURCE,
  MAX_FILING_YEAR,
  MIN_FILING_YEAR,
  isSupportedFilingYear,
  officialDates,
  waiverFor,
} from "../../src/domain/rule-table";

const dates = (d: ReturnType<typeof deadlines>) => ({
  opens: d.opens,
  due: d.due,
  lateUntil: d.lateUntil,
  cancelledOn: d.cancelledOn,
});

describe("official cases of the 2025 guide (§10)", () => {
  it("G1: IMMEX 2025", () => {
    expect(dates(deadlines("IMMEX", 2025, ["IMMEX"]))).toEqual({
      opens: "2025-04-01",
      due: "2025-05-30",
      lateUntil: "2025-08-29",
      cancelledOn: "2025-09-01",
    });
  });
  it("G2: PROSEC only 2025", () => {
    expect(dates(deadlines("PROSEC", 2025, ["PROSEC"]))).toEqual({
      opens: "2025-04-01",
      due: "2025-04-30",
      lateUntil: "2025-06-30",
      cancelledOn: "2025-07-01",
    });
  });
  it("G3: PROSEC + IMMEX 2025", () => {
    const d = deadlines("PROSEC", 2025, ["IMMEX", "PROSEC"]);
    expect(d.linked).toBe(true);
    expect(dates(d)).toEqual({ opens: "2025-04-01", due: "2025-05-30", lateUntil: "2025-06-30", cancelledOn: "2025-07-01" });
  });
  it.each<ProgramType>(["ALTEX", "ECEX"])("G4: %s 2025, no late window", (p) => {
    expect(dates(deadlines(p, 2025, [p]))).toEqual({
      opens: "2025-04-01",
      due: "2025-05-30",
      lateUntil: null,
      cancelledOn: "2025-05-31",
    });
  });
  it("2025 dates come from the official table with high confidence", () => {
    for (const p of PROGRAM_TYPES) {
      const d = deadlines(p, 2025, [p]);
      expect(d.source).toContain(GUIDE_2025_SOURCE);
      expect(d.confidence).toBe("H");
      expect(d.note).toBeNull();
      expect(d.noteEn).toBeNull();
      expect(d.fiscalYear).toBe(2024);
    }
  });
});

describe("every program and filing year 2019–2027 (R6–R11)", () => {
  // [year, last weekday of Apr, May, Jun, Aug] — python3 calendar, see the header.
  const months: [number, IsoDate, IsoDate, IsoDate, IsoDate][] = [
    [2019, "2019-04-30", "2019-05-31", "2019-06-28", "2019-08-30"],
    [2020, "2020-04-30", "2020-05-29", "2020-06-30", "2020-08-31"],
    [2021, "2021-04-30", "2021-05-31", "2021-06-30", "2021-08-31"],
    [2022, "2022-04-29", "2022-05-31", "2022-06-30", "2022-08-31"],
    [2023, "2023-04-28", "2023-05-31", "2023-06-30", "2023-08-31"],
    [2024, "2024-04-30", "2024-05-31", "2024-06-28", "2024-08-30"],
    [2025, "2025-04-30", "2025-05-30", "2025-06-30", "2025-08-29"],
    [2026, "2026-04-30", "2026-05-29", "2026-06-30", "2026-08-31"],
    [2027, "2027-04-30", "2027-05-31", "2027-06-30", "2027-08-31"],
  ];
  // R11: the calendar day after the May date, computed by hand from the table above.
  const altexCancel: Record<number, IsoDate> = {
    2019: "2019-06-01",
    2020: "2020-05-30",
    2021: "2021-06-01",
    2022: "2022-06-01",
    2023: "2023-06-01",
    2024: "2024-06-01",
    2025: "2025-05-31",
    2026: "2026-05-30",
    2027: "2027-06-01",
  };

  describe.each(months)("%i", (year, apr, may, jun, aug) => {
    const opens = `${year}-04-01`;
    it("IMMEX (R7): May · August · 1 Sep", () => {
      expect(dates(deadlines("IMMEX", year, ["IMMEX"]))).toEqual({ opens, due: may, lateUntil: aug, cancelledOn: `${year}-09-01` });
    });
    it("PROSEC only (R8): April · June · 1 Jul", () => {
      const d = deadlines("PROSEC", year, ["PROSEC"]);
      expect(d.linked).toBe(false);
      expect(dates(d)).toEqual({ opens, due: apr, lateUntil: jun, cancelledOn: `${year}-07-01` });
    });
    it.each<ProgramType>(["IMMEX", "ALTEX", "ECEX"])("PROSEC linked with %s (R9): April up to 2023, May from 2024", (other) => {
      const d = deadlines("PROSEC", year, ["PROSEC", other]);
      expect(d.linked).toBe(true);
      expect(dates(d)).toEqual({ opens, due: year <= 2023 ? apr : may, lateUntil: jun, cancelledOn: `${year}-07-01` });
      expect(d.confidence).toBe(year <= 2023 ? "M" : "H");
    });
    it.each<ProgramType>(["ALTEX", "ECEX"])("%s (R11): May, no late window, cancelled the next day", (p) => {
      const d = deadlines(p, year, [p]);
      expect(dates(d)).toEqual({ opens, due: may, lateUntil: null, cancelledOn: altexCancel[year] });
    });
  });
});

describe("R9 switch for linked PROSEC", () => {
  it("2023 → last business day of April, M confidence with a note", () => {
    const d = deadlines("PROSEC", 2023, ["IMMEX", "PROSEC"]);
    expect(d.due).toBe("2023-04-28");
    expect(d.confidence).toBe("M");
    expect(d.note).not.toMatch(/\bR\d/); // no rule ids in user text
    expect(d.note).toMatch(/PROSEC ligado/);
    expect(d.note).toMatch(/abril/);
    expect(d.noteEn).toMatch(/April/);
    expect(d.basis).toMatch(/3\.2\.16/);
  });
  it("2024 → last business day of May, H, no note", () => {
    const d = deadlines("PROSEC", 2024, ["IMMEX", "PROSEC"]);
    expect(d.due).toBe("2024-05-31");
    expect(d.confidence).toBe("H");
    expect(d.note).toBeNull();
    expect(d.basis).toMatch(/regla 3\.2\.16 g/);
    expect(d.source).toBe("Calculada (la SE no ha publicado fechas para 2024)");
  });
  it("the switch year is a setting", () => {
    const later = { settings: { linkedProsecMayFromYear: 2026 } };
    expect(deadlines("PROSEC", 2024, ["IMMEX", "PROSEC"], later).due).toBe("2024-04-30");
    expect(deadlines("PROSEC", 2024, ["IMMEX", "PROSEC"], later).confidence).toBe("M");
    expect(deadlines("PROSEC", 2026, ["IMMEX", "PROSEC"], later).due).toBe("2026-05-29");
    const earlier = { settings: { linkedProsecMayFromYear: 2020 } };
    const d2021 = deadlines("PROSEC", 2021, ["ALTEX", "PROSEC"], earlier);
    expect(d2021.due).toBe("2021-05-31");
    expect(d2021.confidence).toBe("M"); // still ≤ 2023: uncertain period
    expect(d2021.note).toMatch(/mayo a partir de 2020/);
    expect(deadlines("PROSEC", 2019, ["ALTEX", "PROSEC"], earlier).due).toBe("2019-04-30");
  });
  it("the 2025 official guide wins over the setting (R14)", () => {
    const d = deadlines("PROSEC", 2025, ["IMMEX", "PROSEC"], { settings: { linkedProsecMayFromYear: 2026 } });
    expect(d.due).toBe("2025-05-30");
    expect(d.source).toContain(GUIDE_2025_SOURCE);
  });
  it("the setting does not touch PROSEC alone", () => {
    expect(deadlines("PROSEC", 2026, ["PROSEC"], { settings: { linkedProsecMayFromYear: 2019 } }).due).toBe("2026-04-30");
  });
  it("linked when the held list names IMMEX/ALTEX/ECEX, with or without PROSEC itself", () => {
    expect(deadlines("PROSEC", 2026, ["IMMEX"]).linked).toBe(true);
    expect(deadlines("PROSEC", 2026, ["ECEX"]).due).toBe("2026-05-29");
    expect(deadlines("PROSEC", 2026, []).linked).toBe(false);
    expect(deadlines("IMMEX", 2026, ["IMMEX", "PROSEC"]).linked).toBe(false);
  });
});

describe("source, basis, confidence", () => {
  it("computed years cite the rule", () => {
    const d = deadlines("IMMEX", 2026, ["IMMEX"]);
    expect(d.source).toBe("Calculada (la SE no ha publicado fechas para 2026)"); // no "Todas las fechas:" prefix, no rule id
    expect(d.basis).toBe("Decreto IMMEX art. 25; Guía RAOCE 2025");
    expect(d.confidence).toBe("H");
    expect(d.note).toBeNull();
    expect(deadlines("PROSEC", 2026, ["PROSEC"]).basis).toMatch(/Decreto PROSEC art\. 8/);
  });
  it("ALTEX/ECEX outside 2025 are M with an R11 note", () => {
    for (const p of ["ALTEX", "ECEX"] as const) {
      const d = deadlines(p, 2026, [p]);
      expect(d.confidence).toBe("M");
      expect(d.note).toMatch(/Sólo la Guía RAOCE 2025 fija las fechas de ALTEX y ECEX/);
      expect(d.noteEn).toMatch(/Only the 2025 guide/);
      expect(d.basis).toMatch(/cuarto transitorio/);
    }
  });
});

describe("user overrides and declared days (R14, R12)", () => {
  it("an override wins over the official table, the other dates keep their source", () => {
    const d = deadlines("IMMEX", 2025, ["IMMEX"], { overrides: { due: "2025-06-06" } });
    expect(dates(d)).toEqual({ opens: "2025-04-01", due: "2025-06-06", lateUntil: "2025-08-29", cancelledOn: "2025-09-01" });
    expect(d.source).toMatch(/Vencimiento: usuario/);
    expect(d.source).toContain(GUIDE_2025_SOURCE);
  });
  it("all three overridden", () => {
    const d = deadlines("PROSEC", 2026, ["PROSEC"], {
      overrides: { due: "2026-05-15", lateUntil: "2026-07-15", cancelledOn: "2026-07-16" },
    });
    expect(dates(d)).toEqual({ opens: "2026-04-01", due: "2026-05-15", lateUntil: "2026-07-15", cancelledOn: "2026-07-16" });
    expect(d.source).toBe("Usuario (fecha capturada en el libro)");
  });
  it("ALTEX: cancellation follows an overridden due date; a late-window override is ignored with a note", () => {
    const d = deadlines("ALTEX", 2025, ["ALTEX"], { overrides: { due: "2025-06-06", lateUntil: "2025-06-30" } });
    expect(d.due).toBe("2025-06-06");
    expect(d.lateUntil).toBeNull();
    expect(d.cancelledOn).toBe("2025-06-07");
    expect(d.note).toMatch(/no tienen periodo de presentación extemporánea \(Guía RAOCE 2025\); se ignoró la fecha límite capturada \(30 de junio de 2025\)/);
  });
  it("an invalid override is ignored with a note", () => {
    const d = deadlines("IMMEX", 2026, ["IMMEX"], { overrides: { due: "2026-02-30" } });
    expect(d.due).toBe("2026-05-29");
    expect(d.note).toMatch(/no es una fecha válida/);
  });
  it("out-of-order overrides give L confidence", () => {
    const d = deadlines("IMMEX", 2026, ["IMMEX"], { overrides: { due: "2026-09-15" } });
    expect(d.confidence).toBe("L");
    expect(d.note).toMatch(/orden/);
  });
  it("a declared non-business day moves a computed month end back", () => {
    expect(deadlines("IMMEX", 2026, ["IMMEX"], { extraNonBusinessDays: ["2026-05-29"] }).due).toBe("2026-05-28");
  });
  it("a declared non-business day on an official date falls back to the computed last business day, with a note", () => {
    const d = deadlines("IMMEX", 2025, ["IMMEX"], { extraNonBusinessDays: ["2025-05-30"] });
    expect(d.due).toBe("2025-05-29");
    expect(d.lateUntil).toBe("2025-08-29");
    expect(d.note).toMatch(/30 de mayo de 2025/);
    const a = deadlines("ALTEX", 2025, ["ALTEX"], { extraNonBusinessDays: ["2025-05-30"] });
    expect([a.due, a.cancelledOn]).toEqual(["2025-05-29", "2025-05-30"]);
  });
});

describe("filing-year range", () => {
  it.each([2018, 2036, 2025.5, Number.NaN, Number.POSITIVE_INFINITY])("%p throws a Spanish RangeError", (y) => {
    expect(() => deadlines("IMMEX", y, ["IMMEX"])).toThrow(RangeError);
    expect(() => deadlines("IMMEX", y, ["IMMEX"])).toThrow(/Año de presentación no soportado/);
  });
  it("bounds are supported", () => {
    expect(MIN_FILING_YEAR).toBe(2019);
    expect(MAX_FILING_YEAR).toBe(2035);
    expect(deadlines("IMMEX", 2019, []).due).toBe("2019-05-31");
    expect(deadlines("IMMEX", 2035, []).fiscalYear).toBe(2034);
    expect(isSupportedFilingYear(2019)).toBe(true);
    expect(isSupportedFilingYear(2035)).toBe(true);
    expect(isSupportedFilingYear(2036)).toBe(false);
    expect(isSupportedFilingYear("2025")).toBe(false);
    expect(isSupportedFilingYear(2025.1)).toBe(false);
  });
});

describe("rule table (R14, R31)", () => {
  it("2025 official dates, none for other years", () => {
    expect(officialDates(2025, "PROSEC_LINKED")?.due).toEqual({ date: "2025-05-30", source: GUIDE_2025_SOURCE });
    expect(officialDates(2025, "ALTEX")?.lateUntil).toBeUndefined();
    expect(officialDates(2025, "ECEX")?.cancelledOn?.date).toBe("2025-05-31");
    expect(officialDates(2024, "IMMEX")).toBeUndefined();
    expect(officialDates(2026, "IMMEX")).toBeUndefined();
  });
  it("R31: IMMEX fiscal year 2020 waived (COVID), nothing else", () => {
    const w = waiverFor("IMMEX", 2020);
    expect(w).toMatchObject({ program: "IMMEX", fiscalYear: 2020, rule: "R31" });
    expect(w?.reason).toMatch(/COVID/);
    expect(w?.reasonEn).toMatch(/COVID/);
    expect(waiverFor("IMMEX", 2021)).toBeUndefined();
    expect(waiverFor("PROSEC", 2020)).toBeUndefined();
  });
});

describe("nextMilestone", () => {
  const immex = deadlines("IMMEX", 2025, ["IMMEX"]);
  // Calendar-day differences computed with python3 datetime.
  it.each<[IsoDate, string, IsoDate, number]>([
    ["2025-03-15", "opens", "2025-04-01", 17],
    ["2025-04-01", "opens", "2025-04-01", 0],
    ["2025-04-02", "due", "2025-05-30", 58],
    ["2025-05-30", "due", "2025-05-30", 0],
    ["2025-05-31", "late", "2025-08-29", 90],
    ["2025-08-30", "cancelled", "2025-09-01", 2],
    ["2025-09-01", "cancelled", "2025-09-01", 0],
  ])("IMMEX 2025 as of %s → %s %s (%i days)", (asOf, milestone, date, daysLeft) => {
    expect(nextMilestone(immex, asOf)).toEqual({ milestone, date, daysLeft });
  });
  it("null once everything has passed", () => {
    expect(nextMilestone(immex, "2025-09-02")).toBeNull();
  });
  it("ALTEX skips the late milestone", () => {
    const altex = deadlines("ALTEX", 2025, ["ALTEX"]);
    expect(nextMilestone(altex, "2025-05-31")).toEqual({ milestone: "cancelled", date: "2025-05-31", daysLeft: 0 });
  });
});

describe("properties", () => {
  const programs = fc.constantFrom(...PROGRAM_TYPES);
  const held = fc.subarray([...PROGRAM_TYPES]);
  const extra = (year: number) =>
    fc.array(fc.integer({ min: dayNumber(`${year}-01-01`), max: dayNumber(`${year}-12-31`) }).map(fromDay), { maxLength: 60 });

  it("due (and lateUntil) is always a business day under random declared days, 2019–2035, and the dates are ordered", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_FILING_YEAR, max: MAX_FILING_YEAR }).chain((y) => fc.tuple(fc.constant(y), extra(y))),
        programs,
        held,
        fc.integer({ min: 2019, max: 2030 }),
        ([year, days], program, heldPrograms, switchYear) => {
          const opts = { extraNonBusinessDays: days, settings: { linkedProsecMayFromYear: switchYear } };
          const d = deadlines(program, year, heldPrograms, opts);
          expect(isBusinessDay(d.due, opts)).toBe(true);
          if (d.lateUntil !== null) expect(isBusinessDay(d.lateUntil, opts)).toBe(true);
          expect(d.opens <= d.due).toBe(true);
          expect(d.due <= (d.lateUntil ?? d.due)).toBe(true);
          expect((d.lateUntil ?? d.due) < d.cancelledOn).toBe(true);
          expect(d.confidence).not.toBe("L");
        },
      ),
    );
  });
});
