/**
 * Issue #10: one parser for dates as people type them, shared by the CLI's options and the pane's settings form —
 * ISO or day first with a four-digit year; month-first and two-digit years are refused, never guessed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dayFirstDate, parseDayFirstDate } from "../../src/domain/dates";

describe("parseDayFirstDate", () => {
  it.each([
    ["30/05/2026", "2026-05-30"],
    ["1/6/2026", "2026-06-01"],
    ["2026-05-30", "2026-05-30"],
    ["30-05-2026", "2026-05-30"],
    ["30.05.2026", "2026-05-30"],
    [" 29/02/2024 ", "2024-02-29"],
  ])("%j → %s", (text, iso) => expect(parseDayFirstDate(text)).toBe(iso));

  it.each(["31/02/2026", "05/30/2026", "30/05/26", "29/02/2026", "2026/05/30", "30/5/2026 10:00", "", "hoy", null, 46_172])("%j is refused", (text) =>
    expect(parseDayFirstDate(text)).toBeNull(),
  );

  it("dayFirstDate writes the form the parser reads back", () => {
    expect(dayFirstDate("2026-06-01")).toBe("01/06/2026");
    expect(parseDayFirstDate(dayFirstDate("2026-06-01"))).toBe("2026-06-01");
    expect(dayFirstDate("no es fecha")).toBe("no es fecha");
  });

  it("the pane does not reach into the CLI for it (dependencies point one way)", () => {
    const src = readFileSync(join(__dirname, "../../src/taskpane/settings-form.ts"), "utf8");
    expect(src).not.toMatch(/from "\.\.\/cli\//);
    expect(src).toContain("parseDayFirstDate");
  });
});
