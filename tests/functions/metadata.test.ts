/**
 * functions.json is generated from the JSDoc of src/functions/functions.ts with the same library the webpack plugin
 * uses, so `npm test` needs no build. Ids (and the RAOCE namespace, tests/addin/manifest.test.ts) are frozen: a change
 * here breaks every workbook that uses the function. Descriptions and parameter names may change (update the snapshot).
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const FROZEN_IDS = ["STATUS", "DEADLINE", "DAYSLEFT", "BALANCE", "EXPORTSHARE", "USD", "COMMITMENT", "RFC", "BUSINESSDAYS"];

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FnMeta {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

let functions: FnMeta[];
let json: unknown;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"));
  expect(result.errors).toEqual([]);
  json = JSON.parse(result.metadataJson);
  functions = (json as { functions: FnMeta[] }).functions;
});

describe("functions.json", () => {
  it("keeps the frozen ids, each shown under its own name", () => {
    expect(functions.map((f) => f.id)).toEqual(FROZEN_IDS);
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  it("uses only scalar or 2-D cell types and marks optional arguments after the required ones", () => {
    for (const f of functions) {
      let seenOptional = false;
      for (const p of f.parameters) {
        expect(["number", "string", "boolean", "any"]).toContain(p.type);
        if (p.optional) seenOptional = true;
        else expect(`${f.id}.${p.name} required after an optional one`).toBe(seenOptional ? "" : `${f.id}.${p.name} required after an optional one`);
        expect(p.description?.length ?? 0).toBeGreaterThan(5);
      }
      expect(["number", "string"]).toContain(f.result.type);
      expect(f.description.length).toBeGreaterThan(10);
    }
  });

  it("marks volatile exactly the two functions that count from today (STATUS, DAYSLEFT); none streams or writes", () => {
    // An empty as-of date means "today": without `volatile` Excel keeps yesterday's answer until an argument changes.
    const options = Object.fromEntries(functions.map((f) => [f.id, f.options ?? {}]));
    expect(options).toEqual({
      STATUS: { volatile: true },
      DEADLINE: {},
      DAYSLEFT: { volatile: true },
      BALANCE: {},
      EXPORTSHARE: {},
      USD: {},
      COMMITMENT: {},
      RFC: {},
      BUSINESSDAYS: {},
    });
  });

  it("declares the result type of the async date functions (Promise<T> → T)", () => {
    const result = Object.fromEntries(functions.map((f) => [f.id, f.result.type]));
    expect(result).toMatchObject({ STATUS: "string", DEADLINE: "number", DAYSLEFT: "number", BUSINESSDAYS: "number" });
  });

  it("matches the snapshot (descriptions, parameter names, types)", () => {
    expect(json).toMatchSnapshot();
  });
});
