/**
 * `evaluate(input, today)` against hostile documents. tests/domain/evaluate.test.ts already checks "no throw and
 * deterministic" on fc.jsonValue() and on report-shaped records; this file adds what those do not reach:
 * non-JSON values (NaN, ±Infinity, -0, sparse arrays, Dates, Maps, null-prototype objects), prototype-pollution keys,
 * 100,000-character and formula-like strings, long program/goods lists, any `today` (including a malformed one), and
 * stronger claims on the result: the input is not mutated, the result survives JSON (what `raoce evaluate --json`
 * prints is the result), every number in it is finite, issues are well formed, counted and point at input paths.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { evaluate, type ReportResult } from "../../src/domain/evaluate";
import { anyString, dateText, formulaLike, hugeString, numberText } from "./arbitraries";
import { checkProperty, runsFor } from "./fuzz-config";
import { deepFreeze } from "./snapshots";

const TOP = new Set(["", "company", "filingYear", "asOf", "exchangeRate", "extraNonBusinessDays", "programs", "figures", "goods", "settings"]);
const PATH_RE = /^[A-Za-z]+(?:\[\d+\]|\.[A-Za-z]+)*$/;

/** Everything a JSON parse, a spreadsheet reader or a careless caller could put in a field. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withBoxedValues: true, withBigInt: true }) },
  { weight: 3, arbitrary: anyString() },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, -1, 1e308, 2 ** 53 + 1) },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty") },
  { weight: 2, arbitrary: fc.oneof(dateText, numberText, formulaLike) },
);

/** JSON.parse creates "__proto__" as an own key: the classic pollution vector. */
const pollution = fc.constantFrom(
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"company": {"__proto__": {"polluted": true}, "rfc": "SAT970701NN3", "name": "x"}}',
  '{"programs": [{"__proto__": {"polluted": true}, "type": "IMMEX"}], "figures": {"__proto__": {"polluted": true}}}',
  '{"settings": {"constructor": {"prototype": {"polluted": true}}}}',
).map((s) => JSON.parse(s) as unknown);

const field = (plausible: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 2, arbitrary: hostile });

const doc = fc.record(
  {
    company: fc.oneof(fc.record({ rfc: field(fc.constantFrom("SAT970701NN3", "XAXX010101000")), name: field(fc.string()), consignment: field(fc.boolean()) }, { requiredKeys: [] }), hostile),
    filingYear: field(fc.integer({ min: 2012, max: 2035 })),
    asOf: field(fc.date({ min: new Date("2015-01-01"), max: new Date("2035-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
    exchangeRate: field(fc.oneof(fc.double({ min: 5e-324, max: 1e9, noNaN: true }), fc.constant(17.5))),
    extraNonBusinessDays: field(fc.array(field(fc.constantFrom("2025-04-17", "2025-12-12")), { maxLength: 5 })),
    programs: field(
      fc.array(
        field(
          fc.record(
            {
              type: field(fc.constantFrom("IMMEX", "PROSEC", "ALTEX", "ECEX", "immex")),
              number: field(fc.constantFrom("83-2019", "2019-8664")),
              modality: field(fc.string()),
              authorizedOn: field(fc.constantFrom("2015-02-10", "2024-03-01", "2025-02-15")),
              cancelledOn: field(fc.constantFrom("2025-01-31")),
              filedOn: field(fc.constantFrom("2025-05-15", "2025-06-10", "2025-09-30")),
              folio: field(fc.string()),
              sectors: field(fc.array(fc.constantFrom("XIX", "XXII", 19, "I"), { maxLength: 3 })),
              exporterType: field(fc.constantFrom("DIRECTO", "INDIRECTO", "AMBOS")),
              overrides: field(fc.record({ due: field(fc.constant("2025-06-30")), lateUntil: field(fc.constant("2025-07-15")), cancelledOn: field(fc.constant("2025-09-01")) }, { requiredKeys: [] })),
            },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 12 },
      ),
    ),
    figures: field(
      fc.record(
        {
          totalSales: field(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true })),
          totalExports: field(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true })),
          totalImports: field(fc.double({ min: 0, max: 1e12, noNaN: true })),
          directExports: field(fc.nat()),
          indirectExports: field(fc.nat()),
          taxReturnIncome: field(fc.double({ min: 0, max: 1e15, noNaN: true })),
        },
        { requiredKeys: [] },
      ),
    ),
    goods: field(
      fc.array(
        field(
          fc.record(
            {
              sector: field(fc.constantFrom("XIX", "XXII - Industria del café", 19)),
              tariffCode: field(fc.constantFrom("09011200", "2801.10.01", 9011200)),
              description: field(fc.string()),
              unit: field(fc.constantFrom("1 - Kilo", "Pieza", 6)),
              totalVolume: field(fc.double({ min: 0, max: 1e12, noNaN: true })),
              domesticVolume: field(fc.nat()),
              exportVolume: field(fc.nat()),
            },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 40 },
      ),
    ),
    settings: field(
      fc.record(
        { linkedProsecMayFromYear: field(fc.integer({ min: 2015, max: 2030 })), altexIndirectFactor: field(fc.double({ min: 0, max: 1, noNaN: true })), ecexMinExportsUsd: field(fc.nat()), ecexMinExportShare: field(fc.nat({ max: 100 })) },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

const today = fc.oneof(
  { weight: 9, arbitrary: fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom("", "2025-02-30", "hoy", "20250601", "2025-6-1") },
);

/** Every number anywhere in the result is finite (JSON would print NaN/Infinity as null, an .xlsx would break). */
function expectFiniteNumbers(v: unknown, at = "result"): void {
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`${at} is ${v}`);
  if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) expectFiniteNumbers(x, `${at}.${k}`);
}

/** The value with -0 read as 0 (JSON has no -0, and neither does a cell). */
function withoutNegativeZero(v: unknown): unknown {
  if (Object.is(v, -0)) return 0;
  if (Array.isArray(v)) return v.map(withoutNegativeZero);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutNegativeZero(x)]));
  return v;
}

function expectSoundResult(r: ReportResult): void {
  expectFiniteNumbers(r);
  // What `raoce evaluate --json` prints is exactly the result: no undefined, no class instances, no lost values.
  const printed: unknown = JSON.parse(JSON.stringify(r));
  if (!isDeepStrictEqual(printed, withoutNegativeZero(r))) expect(printed).toEqual(withoutNegativeZero(r));
  const count = (s: string) => r.issues.filter((i) => i.severity === s).length;
  if (r.summary.errors !== count("error") || r.summary.warnings !== count("warning") || r.summary.infos !== count("info")) throw new Error(`summary ${JSON.stringify(r.summary)} does not count the issues`);
  for (const i of r.issues) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(i.code)) throw new Error(`issue code ${i.code}`);
    if (!i.message.trim() || !i.messageEn.trim()) throw new Error(`${i.code} has an empty message`);
    const root = i.path.split(/[.[]/)[0]!;
    if (!TOP.has(root) || (i.path !== "" && !PATH_RE.test(i.path))) throw new Error(`${i.code}: path «${i.path}» is not a path into the input document`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.asOf)) throw new Error(`asOf ${r.asOf}`);
}

describe("evaluate on hostile documents", () => {
  const runs = runsFor(1, 50);

  it(`report-shaped documents with hostile values and any today (${runs} cases)`, () => {
    checkProperty(
      "evaluate: hostile documents",
      fc.property(doc, today, (d, t) => {
        deepFreeze(d); // a mutation of the input throws (modules are strict)
        const r = evaluate(d, t);
        if (!isDeepStrictEqual(evaluate(d, t), r)) throw new Error("two runs differ");
        expectSoundResult(r);
      }),
      runs,
    );
  });

  it(`arbitrary values of any type, not just JSON (${runs} cases)`, () => {
    checkProperty(
      "evaluate: arbitrary values",
      fc.property(hostile, today, (d, t) => {
        const r = evaluate(d, t);
        if (!isDeepStrictEqual(evaluate(d, t), r)) throw new Error("two runs differ");
        expectSoundResult(r);
      }),
      runs,
    );
  });

  it("prototype-pollution keys neither pollute nor crash", () => {
    checkProperty(
      "evaluate: prototype pollution",
      fc.property(pollution, today, (d, t) => {
        expectSoundResult(evaluate(d, t));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty("polluted");
      }),
      runsFor(0.1, 20),
    );
  });
});
