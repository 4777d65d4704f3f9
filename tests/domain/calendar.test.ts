/**
 * R12/R13 business-day calendar.
 * Expected dates were derived independently of the code with python3's `calendar`/`datetime` modules
 * (weekday of each date, n-th Monday of a month, last Monday–Friday of a month) and pasted here as literals.
 */
import fc from "fast-check";
import {
  addBusinessDays,
  addBusinessDaysFromFiling,
  addWeekdays,
  holidays,
  isBusinessDay,
  lastBusinessDayOfMonth,
} from "../../src/domain/calendar";
import { fromDay, dayNumber, weekday, type IsoDate } from "../../src/domain/dates";

describe("holidays (R12 layers)", () => {
  it("2025: LFPA nominal days + LFT Mondays, no handover, sorted (SE declared period removed by the setting)", () => {
    expect(holidays(2025, { seDeclaredPeriods: false }).map((h) => [h.date, h.layer])).toEqual([
      ["2025-01-01", "LFPA"],
      ["2025-02-03", "LFT"], // first Monday of February
      ["2025-02-05", "LFPA"],
      ["2025-03-17", "LFT"], // third Monday of March
      ["2025-03-21", "LFPA"],
      ["2025-05-01", "LFPA"],
      ["2025-05-05", "LFPA"],
      ["2025-09-01", "LFPA"],
      ["2025-09-16", "LFPA"],
      ["2025-11-17", "LFT"], // third Monday of November
      ["2025-11-20", "LFPA"],
      ["2025-12-25", "LFPA"],
    ]);
  });

  it("every entry has Spanish and English names", () => {
    for (const h of holidays(2024)) {
      expect(h.name.length).toBeGreaterThan(0);
      expect(h.nameEn.length).toBeGreaterThan(0);
    }
  });

  it("handover: 1 Oct from 2024 (2024, 2030), 1 Dec in 2000/2006/2012/2018, none in other years", () => {
    const handover = (y: number): IsoDate[] => holidays(y).filter((h) => h.layer === "HANDOVER").map((h) => h.date);
    expect(handover(2024)).toEqual(["2024-10-01"]);
    expect(handover(2030)).toEqual(["2030-10-01"]);
    expect(handover(2036)).toEqual(["2036-10-01"]);
    expect(handover(2018)).toEqual(["2018-12-01"]);
    expect(handover(2012)).toEqual(["2012-12-01"]);
    expect(handover(2006)).toEqual(["2006-12-01"]);
    expect(handover(2000)).toEqual(["2000-12-01"]);
    for (const y of [2019, 2020, 2021, 2022, 2023, 2025, 2026, 2027, 2028, 2029]) expect(handover(y)).toEqual([]);
    expect(isBusinessDay("2024-10-01")).toBe(false); // a Tuesday
    expect(isBusinessDay("2024-12-02")).toBe(true); // 1 Dec is no longer the handover day
  });

  it("one entry per date when layers coincide (5 Feb 2024 and 21 Mar 2022 were Mondays)", () => {
    const feb2024 = holidays(2024).filter((h) => h.date === "2024-02-05");
    expect(feb2024).toEqual([expect.objectContaining({ layer: "LFPA" })]);
    expect(holidays(2024).filter((h) => h.date.startsWith("2024-02"))).toHaveLength(1);
    expect(holidays(2022).filter((h) => h.date === "2022-03-21")).toHaveLength(1);
  });

  it("adds the user's days of that year only, ignoring invalid strings and duplicates", () => {
    const opts = { extraNonBusinessDays: ["2025-04-17", "2025-04-18", "2026-01-02", "2025-09-01", "bogus", "2025-02-30"] };
    const user = holidays(2025, opts).filter((h) => h.layer === "USER");
    expect(user.map((h) => h.date)).toEqual(["2025-04-17", "2025-04-18"]);
    const all = holidays(2025, opts).map((h) => h.date);
    expect(all).toEqual([...all].sort());
    // 2 Jan 2026 is already in the SE's declared period (R12 rev.); without it, the user's day shows as the user's.
    expect(holidays(2026, opts).filter((h) => h.date === "2026-01-02").map((h) => h.layer)).toEqual(["SE"]);
    expect(holidays(2026, { ...opts, seDeclaredPeriods: false }).filter((h) => h.layer === "USER").map((h) => h.date)).toEqual(["2026-01-02"]);
  });
});

describe("isBusinessDay (R12)", () => {
  it.each<[IsoDate, boolean]>([
    ["2025-05-30", true], // Friday
    ["2025-05-31", false], // Saturday
    ["2025-06-01", false], // Sunday
    ["2025-09-01", false], // LFPA, Monday
    ["2025-02-03", false], // LFT first Monday of February
    ["2025-02-05", false], // LFPA nominal day, a Wednesday, never moved
    ["2025-03-21", false], // LFPA, Friday
    ["2025-03-17", false], // LFT, Monday
    ["2025-11-20", false], // LFPA, Thursday
    ["2025-12-24", false], // SE declared period 22-Dec-2025 to 6-Jan-2026 (R12 rev.)
    ["2024-12-24", true],
    ["2018-12-03", true],
  ])("%s → %s", (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });

  it("R12 rev.: the SE's period 22-Dec-2025 to 6-Jan-2026 is known, sourced and removable", () => {
    // SNICE notice 516.2025.5545: IMMEX/PROSEC procedures last received 19-Dec-2025; business days resume 7-Jan-2026.
    expect(isBusinessDay("2025-12-19")).toBe(true);
    expect(isBusinessDay("2025-12-22")).toBe(false);
    expect(isBusinessDay("2026-01-06")).toBe(false);
    expect(isBusinessDay("2026-01-07")).toBe(true);
    expect(addBusinessDays("2025-12-19", 1)).toBe("2026-01-07");
    const se = holidays(2025).filter((h) => h.layer === "SE");
    expect(se[0]).toMatchObject({ date: "2025-12-22", source: expect.stringContaining("516.2025.5545") });
    expect(isBusinessDay("2025-12-24", { seDeclaredPeriods: false })).toBe(true);
    expect(addBusinessDays("2025-12-19", 1, { seDeclaredPeriods: false })).toBe("2025-12-22");
  });

  it("R12 rev.: a filing on a non-business day counts from the next business day", () => {
    expect(addBusinessDaysFromFiling("2026-05-31", 2)).toBe("2026-06-03"); // Sun → Mon 1 Jun + 2 = Wed 3 Jun
    expect(addBusinessDaysFromFiling("2025-08-29", 2)).toBe("2025-09-03"); // a business day: as addBusinessDays
    expect(addBusinessDaysFromFiling("2025-05-01", 2)).toBe("2025-05-07"); // 1 May LFPA → Fri 2 May; 5 May LFPA
  });

  it("user days are non-business", () => {
    expect(isBusinessDay("2025-04-17")).toBe(true);
    expect(isBusinessDay("2025-04-17", { extraNonBusinessDays: ["2025-04-17"] })).toBe(false);
  });

  it("throws RangeError on an invalid date", () => {
    expect(() => isBusinessDay("2025-13-01")).toThrow(RangeError);
  });
});

describe("lastBusinessDayOfMonth (R13)", () => {
  // Last Monday–Friday of April, May, June and August, from python3 calendar.monthrange + weekday().
  const table: [number, IsoDate, IsoDate, IsoDate, IsoDate][] = [
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
  it.each(table)("%i: Apr %s · May %s · Jun %s · Aug %s", (year, apr, may, jun, aug) => {
    expect(lastBusinessDayOfMonth(year, 4)).toBe(apr);
    expect(lastBusinessDayOfMonth(year, 5)).toBe(may);
    expect(lastBusinessDayOfMonth(year, 6)).toBe(jun);
    expect(lastBusinessDayOfMonth(year, 8)).toBe(aug);
  });

  it("a user day on the last weekday moves it back", () => {
    expect(lastBusinessDayOfMonth(2025, 4, { extraNonBusinessDays: ["2025-04-30"] })).toBe("2025-04-29");
    expect(lastBusinessDayOfMonth(2025, 5, { extraNonBusinessDays: ["2025-05-30", "2025-05-29"] })).toBe("2025-05-28");
  });

  it("December 2025 ends on Wed 31 (25 Dec is a holiday but not the last weekday)", () => {
    expect(lastBusinessDayOfMonth(2025, 12, { seDeclaredPeriods: false })).toBe("2025-12-31");
    expect(lastBusinessDayOfMonth(2025, 12)).toBe("2025-12-19"); // SE period from 22 Dec (R12 rev.)
  });

  it("rejects an invalid month", () => {
    expect(() => lastBusinessDayOfMonth(2025, 13)).toThrow(RangeError);
    expect(() => lastBusinessDayOfMonth(2025, 0)).toThrow(RangeError);
  });
});

describe("addBusinessDays (R12, all layers)", () => {
  it("R12 example: Fri 29-Aug-2025 + 2 → Wed 3-Sep-2025 (1 Sep is an LFPA day)", () => {
    expect(addBusinessDays("2025-08-29", 2)).toBe("2025-09-03");
  });

  it("G6 reactivation: Tue 10-Jun-2025 + 2 → Thu 12-Jun-2025", () => {
    expect(addBusinessDays("2025-06-10", 2)).toBe("2025-06-12");
  });

  it("n = 0 returns the date itself, even on a non-business day", () => {
    expect(addBusinessDays("2025-05-31", 0)).toBe("2025-05-31");
    expect(addBusinessDays("2025-06-02", 0)).toBe("2025-06-02");
  });

  it("counts from the next day across holidays", () => {
    expect(addBusinessDays("2025-04-29", 5)).toBe("2025-05-08"); // skips 1 May and 5 May
    expect(addBusinessDays("2025-12-24", 1, { seDeclaredPeriods: false })).toBe("2025-12-26");
    expect(addBusinessDays("2025-12-31", 1, { seDeclaredPeriods: false })).toBe("2026-01-02");
    expect(addBusinessDays("2024-09-30", 1)).toBe("2024-10-02"); // 2024 handover
  });

  it("user-declared Holy Week moves a count", () => {
    expect(addBusinessDays("2025-04-16", 1)).toBe("2025-04-17");
    expect(addBusinessDays("2025-04-16", 1, { extraNonBusinessDays: ["2025-04-17", "2025-04-18"] })).toBe("2025-04-21");
    expect(addBusinessDays("2025-04-15", 2, { extraNonBusinessDays: ["2025-04-17", "2025-04-18"] })).toBe("2025-04-21");
  });

  it("rejects negative or fractional counts", () => {
    expect(() => addBusinessDays("2025-05-01", -1)).toThrow(RangeError);
    expect(() => addBusinessDays("2025-05-01", 1.5)).toThrow(RangeError);
  });
});

describe("addWeekdays (R12 safe count)", () => {
  it("skips weekends only", () => {
    expect(addWeekdays("2025-08-29", 2)).toBe("2025-09-02");
    expect(addWeekdays("2025-04-29", 5)).toBe("2025-05-06");
    expect(addWeekdays("2025-06-10", 5)).toBe("2025-06-17");
    expect(addWeekdays("2025-05-31", 0)).toBe("2025-05-31");
  });
  it("rejects negative counts", () => {
    expect(() => addWeekdays("2025-05-01", -2)).toThrow(RangeError);
  });
});

describe("properties", () => {
  const dayIn = (from: IsoDate, to: IsoDate) => fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(fromDay);
  const extraDays = fc.array(dayIn("2019-01-01", "2036-12-31"), { maxLength: 40 });

  it("addBusinessDays(n >= 1) is a business day after the start, with exactly n business days in between", () => {
    fc.assert(
      fc.property(dayIn("2019-01-01", "2035-12-31"), fc.integer({ min: 1, max: 30 }), extraDays, (start, n, extra) => {
        const opts = { extraNonBusinessDays: extra };
        const end = addBusinessDays(start, n, opts);
        expect(end > start).toBe(true);
        expect(isBusinessDay(end, opts)).toBe(true);
        let count = 0;
        for (let d = dayNumber(start) + 1; d <= dayNumber(end); d++) if (isBusinessDay(fromDay(d), opts)) count++;
        expect(count).toBe(n);
      }),
    );
  });

  it("addWeekdays never lands on a weekend and is never later than addBusinessDays", () => {
    fc.assert(
      fc.property(dayIn("2019-01-01", "2035-12-31"), fc.integer({ min: 1, max: 30 }), (start, n) => {
        const end = addWeekdays(start, n);
        expect([0, 6]).not.toContain(weekday(end));
        expect(end <= addBusinessDays(start, n)).toBe(true);
      }),
    );
  });

  it("lastBusinessDayOfMonth is a business day of that month with no business day after it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2019, max: 2035 }), fc.integer({ min: 1, max: 12 }), extraDays, (year, month, extra) => {
        const opts = { extraNonBusinessDays: extra };
        const last = lastBusinessDayOfMonth(year, month, opts);
        expect(isBusinessDay(last, opts)).toBe(true);
        expect(last.slice(0, 7)).toBe(`${year}-${String(month).padStart(2, "0")}`);
        for (let d = dayNumber(last) + 1; fromDay(d).slice(0, 7) === last.slice(0, 7); d++) {
          expect(isBusinessDay(fromDay(d), opts)).toBe(false);
        }
      }),
    );
  });
});
