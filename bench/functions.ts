/**
 * Custom-function cost (issue #4 §2): a portfolio sheet of 1,000 clients × 4 functions (STATUS, DEADLINE, DAYSLEFT,
 * COMMITMENT) recalculated through the pure core the registered functions call, as a ratio to the same number of
 * RAOCE.BUSINESSDAYS(start, 10) calls (argument handling plus a plain calendar count, no rules). Target: the whole
 * sheet well under 100 ms, the threshold at which a recalculation pause becomes visible.
 */
import * as core from "../src/functions/core";
import { paired } from "./timing";

const PROGRAMS = ["IMMEX", "PROSEC", "ALTEX", "ECEX"];
const ctx = { today: () => "2025-05-15" };

function portfolio(clients: number): void {
  for (let i = 0; i < clients; i++) {
    const p = PROGRAMS[i % 4]!;
    const year = 2020 + (i % 7);
    const others = i % 3 === 0 ? "PROSEC" : undefined;
    core.status(p, year, year === 2025 && i % 5 === 0 ? 45800 + (i % 30) : undefined, "2025-05-15", others, undefined, ctx);
    core.deadline(p, year, "due", others);
    try {
      core.daysLeft(p, year, "2025-05-15", others, ctx);
    } catch {
      /* #N/A for years whose dates have all passed: part of the real cost */
    }
    core.commitment(p === "PROSEC" ? "IMMEX" : p, year - 1, 100000 + i, 9000 + i, 18.3263, "DIRECTO");
  }
}

function businessDays(clients: number): void {
  for (let i = 0; i < clients * 4; i++) core.businessDays(45700 + (i % 300), 10);
}

export function benchFunctions(clients = 1_000, runs = 9) {
  const { ms, baselineMs, ratio } = paired(() => businessDays(clients), () => portfolio(clients), runs);
  return {
    name: `custom functions: ${clients.toLocaleString("en-US")} clients × 4 (STATUS, DEADLINE, DAYSLEFT, COMMITMENT)`,
    baseline: `${(clients * 4).toLocaleString("en-US")} × RAOCE.BUSINESSDAYS(start, 10)`,
    ms,
    baselineMs,
    ratio,
    target: "sheet < 100 ms",
  };
}
