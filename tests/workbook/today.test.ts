import { todayInMexico } from "../../src/workbook/today";

describe("todayInMexico", () => {
  it("uses Mexico City's date, not UTC's", () => {
    // 05:59 UTC on 1 June 2025 is still 31 May 23:59 in Mexico City (UTC−6, no DST since 2022).
    expect(todayInMexico(new Date("2025-06-01T05:59:00Z"))).toBe("2025-05-31");
    expect(todayInMexico(new Date("2025-06-01T06:00:00Z"))).toBe("2025-06-01");
  });

  it("handles the year boundary", () => {
    expect(todayInMexico(new Date("2026-01-01T03:00:00Z"))).toBe("2025-12-31");
  });

  it("returns a well-formed ISO date for the current instant", () => {
    expect(todayInMexico()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
