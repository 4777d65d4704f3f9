/**
 * Every =RAOCE.* custom function, reached through the same registration map the runtime hands to
 * CustomFunctions.associate (src/functions/functions.ts, loaded with a CustomFunctions global as in
 * tests/functions/registration.test.ts), called with arbitrary cell arguments: numbers of any size, text of any kind
 * (formula-like, 100,000 characters), booleans, empty (null), and ranges (2-D arrays) where Excel could pass one.
 *
 * Each call returns a value of the type functions.json declares (a finite number or a string) or throws a
 * CustomFunctions.Error with #VALUE! / #N/A and a Spanish message — never an "Error inesperado" (an exception the
 * code did not foresee), never a mutated argument, and the same arguments always give the same answer.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import type * as FunctionsModule from "../../src/functions/functions";
import { anyString, dateSerial, formulaLike, hugeString } from "./arbitraries";
import { checkAsyncProperty, runsFor } from "./fuzz-config";
import { deepFreeze } from "./snapshots";
import { FakeError, loadWithFakeRuntime, removeFakeRuntime, type Fn } from "../functions/fake-runtime";

const registry = new Map<string, Fn>();
let registrations: typeof FunctionsModule.REGISTRATIONS;

beforeAll(async () => {
  const mod = await loadWithFakeRuntime((id, fn) => registry.set(id, fn));
  registrations = mod.REGISTRATIONS;
});

afterAll(removeFakeRuntime);

/** Result type of each id, as functions.json declares it (tests/functions/__snapshots__/metadata.test.ts.snap). */
const RESULT: Record<string, "number" | "string"> = {
  STATUS: "string",
  DEADLINE: "number",
  DAYSLEFT: "number",
  BALANCE: "number",
  EXPORTSHARE: "number",
  USD: "number",
  COMMITMENT: "string",
  RFC: "string",
  BUSINESSDAYS: "number",
};

// ─── arguments as Excel passes them ─────────────────────────────────────────────────────────────────────────────────

const plausibleScalar = fc.oneof(
  fc.constantFrom("IMMEX", "PROSEC", "ALTEX", "ECEX", "immex", "due", "opens", "late", "cancelled", "vencimiento", "DIRECTO", "INDIRECTO", "AMBOS", "SAT970701NN3", "2025-05-30", "2025-04-17,2025-04-18", "IMMEX,PROSEC"),
  fc.integer({ min: 2010, max: 2035 }),
  fc.integer({ min: 0, max: 400 }),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 44_000, max: 47_000 }),
  fc.double({ min: 0.01, max: 100, noNaN: true }),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: plausibleScalar },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), dateSerial, fc.constantFrom(0, -0, -1, 1e308, -1e308, 2 ** 53, 2_958_466, 100_001, 0.5)) },
  { weight: 2, arbitrary: anyString() },
  { weight: 1, arbitrary: fc.oneof(formulaLike, hugeString) },
  { weight: 1, arbitrary: fc.boolean() },
);

/** A range: 1×1 up to 4×3, rows of equal length (Excel never passes a ragged or empty array). */
const range = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })).chain(([r, c]) => fc.array(fc.array(scalar, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

const argument = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: range });

type Outcome = { value: unknown } | { error: string; message: string | undefined };

/** One call as Excel makes it: the date functions return a promise (they wait for the workbook's date system). */
async function call(fn: Fn, args: unknown[]): Promise<Outcome> {
  try {
    return { value: await fn(...args) };
  } catch (e) {
    if (!(e instanceof FakeError)) throw new Error(`threw a ${e instanceof Error ? e.constructor.name : typeof e} instead of a CustomFunctions.Error: ${String(e)}`);
    return { error: e.code, message: e.message };
  }
}

describe("custom functions with arbitrary arguments", () => {
  it("the map covers every id of functions.json", () => {
    expect(Object.keys(registrations).sort()).toEqual(Object.keys(RESULT).sort());
    expect([...registry.keys()].sort()).toEqual(Object.keys(RESULT).sort());
  });

  const runs = runsFor(1, 50);
  for (const id of Object.keys(RESULT)) {
    it(`RAOCE.${id}: a typed value or #VALUE!/#N/A with a message, deterministic (${runs} cases)`, async () => {
      const fn = registry.get(id)!;
      await checkAsyncProperty(
        `functions: ${id}`,
        fc.asyncProperty(fc.array(argument, { minLength: fn.length, maxLength: fn.length }), async (args) => {
          deepFreeze(args); // a function that writes into its arguments throws
          const first = await call(fn, args);
          const again = await call(fn, args);
          if (!isDeepStrictEqual(first, again)) throw new Error(`two calls differ: ${JSON.stringify(first)} / ${JSON.stringify(again)}`);
          if ("value" in first) {
            const v = first.value;
            if (typeof v !== RESULT[id]) throw new Error(`returned ${typeof v} ${String(v)}, functions.json says ${RESULT[id]}`);
            if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`returned ${v}`);
            if (typeof v === "string" && v.trim() === "") throw new Error("returned an empty string");
            return;
          }
          if (first.error !== "#VALUE!" && first.error !== "#N/A") throw new Error(`error code ${first.error}`);
          if (!first.message || !first.message.trim()) throw new Error(`${first.error} without a message`);
          if (/^Error inesperado/.test(first.message)) throw new Error(`unforeseen exception: ${first.message}`);
          if (first.message.length > 1_000) throw new Error(`a ${first.message.length}-character message (the argument is echoed whole?)`);
        }),
        runs,
      );
    });
  }
});
