/**
 * One place for the fuzz budget and the seed of every property in tests/trust, so a run is reproducible:
 *
 *   FUZZ_RUNS  base number of cases of a cheap property (default 100 in `npm test`: about a thousand cases in all,
 *              a minute on a loaded 2-core machine; the deep runs are `npm run fuzz`).
 *              Each property scales it by its cost (`weight`): an evaluate call is ~1, an ExcelJS save/open/fill ~1/40.
 *   FUZZ_SEED  base seed (default below). Each property derives its own seed from it and its name, so one test can
 *              be re-run alone (`npx jest <file> -t "<test name>"`) with the same cases.
 *   FUZZ_PATH  fast-check's replay path of a failure (printed with it): replays that one case directly.
 *
 * `npm run fuzz` runs the same files with FUZZ_RUNS=20000 (scripts/fuzz.js), and prints the cases each property ran.
 * A failure prints the seed, the path and the command that reproduces it.
 */
import fc from "fast-check";
import { appendFileSync } from "node:fs";
import { relative } from "node:path";

export const DEFAULT_FUZZ_RUNS = 100;
export const DEFAULT_FUZZ_SEED = 20250611;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name}=${raw} is not an integer`);
  return n;
}

export const FUZZ_RUNS = Math.max(1, envInt("FUZZ_RUNS", DEFAULT_FUZZ_RUNS));
export const FUZZ_SEED = envInt("FUZZ_SEED", DEFAULT_FUZZ_SEED);
const FUZZ_PATH = process.env.FUZZ_PATH?.trim() || undefined;

/** Cases for a property of relative cost `weight` (1 = cheap, pure); at least `min`. */
export function runsFor(weight: number, min = 1): number {
  return Math.max(min, Math.round(FUZZ_RUNS * weight));
}

/** FNV-1a of the property name, mixed into the base seed: stable per property, different across properties. */
export function seedFor(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (FUZZ_SEED ^ h) | 0;
}

/** Jest timeout for a property: generous, proportional to its cases (`msPerRun` = a pessimistic cost of one case). */
export function timeoutFor(runs: number, msPerRun: number): number {
  return Math.max(30_000, runs * msPerRun * 3);
}

/**
 * Cases each property ran, appended as JSON lines to FUZZ_REPORT when it is set (scripts/fuzz.js sets it and prints
 * the totals).
 */
function record(name: string, details: fc.RunDetails<unknown>): void {
  const file = process.env.FUZZ_REPORT;
  if (file) appendFileSync(file, JSON.stringify({ name, cases: details.numRuns, failed: details.failed, seed: FUZZ_SEED }) + "\n");
}

/** JSON of a counterexample with long strings cut (a 100,000-character cell would bury the report). */
export function compact(value: unknown, max = 4_000): string {
  const seen = new WeakSet<object>();
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === "string" && v.length > 120) return `${v.slice(0, 60)}…(${v.length} chars)…${v.slice(-20)}`;
      if (typeof v === "number" && !Number.isFinite(v)) return String(v);
      if (typeof v === "bigint") return `${v}n`;
      if (v instanceof Set) return { Set: [...v] };
      if (v !== null && typeof v === "object") {
        if (seen.has(v)) return "[circular]";
        seen.add(v);
      }
      return v;
    }) ?? String(value);
  } catch {
    text = fc.stringify(value);
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** The jest command that runs only the current test (its file, its full name as an escaped pattern). */
function rerun(): string {
  const state = expect.getState();
  const file = state.testPath ? relative(process.cwd(), state.testPath) : "tests/trust";
  const title = (state.currentTestName ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/"/g, '\\"');
  return `npx jest ${file}${title ? ` -t "^${title}$"` : ""}`;
}

function failure(name: string, seed: number, details: fc.RunDetails<unknown>): Error {
  const replay = `FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS}${details.counterexamplePath ? ` FUZZ_PATH=${details.counterexamplePath}` : ""} ${rerun()}`;
  const cause = details.errorInstance;
  const why = cause instanceof Error ? cause.message : String(cause);
  const lines = [
    `${name}: failed after ${details.numRuns} case(s) with FUZZ_SEED=${FUZZ_SEED} (property seed ${seed}, path ${details.counterexamplePath ?? "—"}), shrunk ${details.numShrinks} time(s).`,
    `Reproduce: ${replay}`,
    `Counterexample: ${compact(details.counterexample)}`,
    `Error: ${why.length > 4_000 ? why.slice(0, 4_000) + "…" : why}`,
  ];
  const err = new Error(lines.join("\n"));
  if (cause instanceof Error && cause.stack) err.stack = `${err.message}\n\nCaused by: ${cause.stack.slice(cause.stack.indexOf("\n    at "))}`;
  return err;
}

function parameters<Ts>(name: string, runs: number, extra: fc.Parameters<Ts>): { params: fc.Parameters<Ts>; seed: number } {
  const seed = seedFor(name);
  const params: fc.Parameters<Ts> = { seed, numRuns: runs, endOnFailure: false, ...extra };
  if (FUZZ_PATH) params.path = FUZZ_PATH;
  return { params, seed };
}

/**
 * Runs a synchronous property with the shared seed and budget; on failure throws an error that starts with the seed
 * and the command that reproduces it.
 */
export function checkProperty<Ts>(name: string, property: fc.IProperty<Ts>, runs: number, extra: fc.Parameters<Ts> = {}): void {
  const { params, seed } = parameters(name, runs, extra);
  const details = fc.check(property, params);
  record(name, details as fc.RunDetails<unknown>);
  if (details.failed) throw failure(name, seed, details as fc.RunDetails<unknown>);
}

/** The same for an async property. */
export async function checkAsyncProperty<Ts>(name: string, property: fc.IAsyncProperty<Ts>, runs: number, extra: fc.Parameters<Ts> = {}): Promise<void> {
  const { params, seed } = parameters(name, runs, extra);
  const details = await fc.check(property, params);
  record(name, details as fc.RunDetails<unknown>);
  if (details.failed) throw failure(name, seed, details as fc.RunDetails<unknown>);
}
