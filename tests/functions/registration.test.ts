/**
 * Loads src/functions/functions.ts the way the shared runtime does — a global CustomFunctions exists before the module
 * runs — and calls every id through the map handed to CustomFunctions.associate, checking it against the generated
 * functions.json (ids, parameter counts) and the #VALUE! / #N/A error mapping.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import webpack from "webpack";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import type * as FunctionsModule from "../../src/functions/functions";
import { isoToSerial } from "../../src/workbook/serial-dates";
import { detectWithExcel, resetWorkbookDateSystem, setDateSystemDetector, setWorkbookDate1904 } from "../../src/functions/date-system";
import { FakeExcel } from "../workbook/office/fake-excel";
import { ErrorCode, FakeError, FUNCTIONS_MODULE, loadWithFakeRuntime, removeFakeRuntime, type Fn } from "./fake-runtime";

const registry = new Map<string, Fn>();
const associate = jest.fn((id: string, fn: Fn) => {
  registry.set(id, fn);
});

let mod: typeof FunctionsModule; // type-only import above: the module itself loads after the fake global exists
let metadata: { functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[] }[] };

beforeAll(async () => {
  mod = await loadWithFakeRuntime(associate);
  const generated = await generateCustomFunctionsMetadata(`${FUNCTIONS_MODULE}.ts`);
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson);
});

afterAll(removeFakeRuntime);

/** Calls a registered id like Excel does: omitted optional arguments arrive as null; a promise is awaited. */
async function call(id: string, ...args: unknown[]): Promise<unknown> {
  const fn = registry.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  const params = metadata.functions.find((f) => f.id === id)?.parameters ?? [];
  const padded = params.map((_p, i) => (i < args.length ? args[i] : null));
  return await fn(...padded);
}

async function excelError(id: string, ...args: unknown[]): Promise<FakeError> {
  try {
    await call(id, ...args);
  } catch (e) {
    expect(e).toBeInstanceOf(FakeError);
    return e as FakeError;
  }
  throw new Error(`${id} did not throw`);
}

const S = (iso: string): number => isoToSerial(iso);

describe("registration", () => {
  it("associates every id exactly once, on import, before any UI", () => {
    expect(associate).toHaveBeenCalledTimes(9);
    const ids = associate.mock.calls.map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...registry.keys()]).toEqual(Object.keys(mod.REGISTRATIONS));
    for (const [id, fn] of registry) expect(fn).toBe(mod.REGISTRATIONS[id as keyof typeof mod.REGISTRATIONS]);
  });

  it("registers exactly the ids of functions.json, with matching parameter counts", () => {
    expect([...registry.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const f of metadata.functions) expect(`${f.id}/${registry.get(f.id)?.length}`).toBe(`${f.id}/${f.parameters.length}`);
  });

  it("registerCustomFunctions() associates the same nine ids", () => {
    associate.mockClear();
    mod.registerCustomFunctions();
    expect(associate).toHaveBeenCalledTimes(9);
  });
});

describe("every registered id, called the way Excel calls it", () => {
  it.each([
    ["STATUS", ["IMMEX", 2025, S("2025-06-10"), S("2025-06-20")], "PRESENTADO_EXTEMPORANEO"],
    ["STATUS", ["IMMEX", 2025, null, S("2025-06-01"), null, S("2025-02-15")], "NO_OBLIGADO"],
    ["STATUS", ["PROSEC", 2025, null, "2025-05-15", [["IMMEX"]]], "EN_PLAZO"],
    ["DEADLINE", ["IMMEX", 2025], 45807],
    ["DEADLINE", ["IMMEX", 2025, "cancelled"], S("2025-09-01")],
    ["DEADLINE", ["PROSEC", 2025, "due", [["IMMEX"], [null]]], S("2025-05-30")],
    ["DAYSLEFT", ["IMMEX", 2025, S("2025-05-01")], 29],
    ["BALANCE", [1000, 0], 1000],
    ["BALANCE", [1000], 1000],
    ["EXPORTSHARE", [120000, 12000], 10],
    ["USD", [1000, 2030, 20], 50000],
    ["COMMITMENT", ["IMMEX", 2024, 120000, 12000], "CUMPLE"],
    ["COMMITMENT", ["ALTEX", 2024, 100000, 50000, null, "INDIRECTO", 50000], "CUMPLE"],
    ["RFC", ["SAT970701NN3"], "VALIDO"],
    ["RFC", ["SAT970701NN4"], "ADVERTENCIA"],
    ["RFC", ["NO-ES-RFC"], "INVALIDO"],
    ["BUSINESSDAYS", [S("2025-08-29"), 2], S("2025-09-03")],
    ["BUSINESSDAYS", ["2025-08-29", 2, [[S("2025-09-02")]]], S("2025-09-04")],
  ] as [string, unknown[], unknown][])("%s(%j) = %j", async (id, args, expected) => {
    expect(await call(id, ...args)).toBe(expected);
  });

  it("DAYSLEFT with no as-of date counts from today (a number or #N/A once 2025 is over)", async () => {
    try {
      expect(typeof (await call("DAYSLEFT", "IMMEX", 2025))).toBe("number");
    } catch (e) {
      expect((e as FakeError).code).toBe("#N/A");
    }
  });

  it.each([
    ["STATUS", ["MAQUILA", 2025], /Programa desconocido/],
    ["DEADLINE", ["IMMEX", 2025, "mañana"], /Hito desconocido/],
    ["DAYSLEFT", ["IMMEX", 2025, "30/05/2025"], /AAAA-MM-DD/],
    ["BALANCE", [-1, 0], /no puede ser negativo/],
    ["EXPORTSHARE", [0, 10], /mayores que 0/],
    ["USD", [1000, 2024, 0], /tipo de cambio/],
    ["COMMITMENT", ["IMMEX", 2024, 100, 10, null, "MIXTO"], /Tipo de exportador/],
    ["RFC", [null], /Falta el RFC/],
    ["BUSINESSDAYS", ["2025-08-29", -2], /entero/],
  ] as [string, unknown[], RegExp][])("%s bad input → #VALUE! with a Spanish message", async (id, args, message) => {
    const e = await excelError(id, ...args);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });

  it.each([
    ["STATUS", ["IMMEX", 2010], /No hay reglas del RAOCE/],
    ["DEADLINE", ["ALTEX", 2025, "late"], /Guía RAOCE 2025/],
    ["DAYSLEFT", ["IMMEX", 2025, "2025-12-31"], /Ya pasaron/],
    ["USD", [1000, 2030], /No hay tipo de cambio/],
  ] as [string, unknown[], RegExp][])("%s with no answer → #N/A with a message", async (id, args, message) => {
    const e = await excelError(id, ...args);
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(message);
  });

  it("turns an unexpected exception into #VALUE! instead of crashing the runtime", async () => {
    const e = await excelError("STATUS", Object.create(null), 2025); // cannot even be printed
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^Error inesperado/);
  });
});

describe("the webpack bundle (webpack.config.js, functions entry only)", () => {
  let dir: string;
  let bundle: string;
  let bundledMetadata: { functions: { id: string }[] };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "raoce-functions-"));
    const configPath = path.resolve(__dirname, "../../webpack.config.js");
    const imported = (await import(configPath)) as { default?: unknown };
    const makeConfig = (imported.default ?? imported) as (env: object, argv: object) => Promise<webpack.Configuration>;
    const config = await makeConfig({}, { mode: "development" });
    const keep = ["CustomFunctionsMetadataPlugin", "ExplicitAssociationPlugin", "FunctionsChunkGuardPlugin", "FixedFunctionsScriptPlugin"];
    config.entry = { functions: (config.entry as Record<string, string>).functions as string };
    config.plugins = (config.plugins ?? []).filter((p) => p && keep.includes(p.constructor.name));
    config.output = { ...config.output, path: dir, clean: false };
    config.devtool = false;
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(config, (err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))),
    );
    expect(stats.toJson({ all: false, errors: true }).errors).toEqual([]);
    const hashed = readdirSync(dir).filter((f) => /^functions\.[0-9a-f]{8}\.js$/.test(f));
    expect(hashed).toHaveLength(1); // content-hashed entry…
    bundle = readFileSync(path.join(dir, hashed[0]!), "utf8");
    expect(readFileSync(path.join(dir, "functions.js"), "utf8")).toBe(bundle); // …and the manifest's fixed alias
    bundledMetadata = JSON.parse(readFileSync(path.join(dir, "functions.json"), "utf8"));
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("registers each id once when the bundle runs (the plugin's auto-association is dropped)", () => {
    const calls: string[] = [];
    const fakeCustomFunctions = { associate: (id: string) => calls.push(id), Error: FakeError, ErrorCode };
    vm.runInNewContext(bundle, { CustomFunctions: fakeCustomFunctions, Intl, console });
    expect(calls).toEqual(bundledMetadata.functions.map((f) => f.id));
  });

  it("runs without a CustomFunctions global (a plain browser page) and has no eval", () => {
    expect(() => vm.runInNewContext(bundle, { Intl, console })).not.toThrow();
    expect(bundle).not.toMatch(/\beval\(|new Function\(/);
  });

  it("contains no React or Fluent UI", () => {
    expect(bundle).not.toMatch(/node_modules\/(react|react-dom|scheduler|@fluentui)\//);
  });
});

describe("a 1904 workbook (serials of the workbook's date system, asked from the shared runtime)", () => {
  const S1904 = (iso: string): number => isoToSerial(iso, true);

  afterEach(resetWorkbookDateSystem);

  it("reads and returns 1904 serials once the date system is known (1,462 days from the 1900 ones)", async () => {
    setWorkbookDate1904(true);
    expect(S1904("2025-05-30")).toBe(45807 - 1462);
    expect(await call("DEADLINE", "IMMEX", 2025)).toBe(S1904("2025-05-30"));
    expect(await call("STATUS", "IMMEX", 2025, S1904("2025-06-10"), S1904("2025-06-20"))).toBe("PRESENTADO_EXTEMPORANEO");
    expect(await call("DAYSLEFT", "IMMEX", 2025, S1904("2025-05-01"))).toBe(29);
    expect(await call("BUSINESSDAYS", S1904("2025-08-29"), 2)).toBe(S1904("2025-09-03"));
    // The same 1900 serial means another day here: 2025-05-30 (1900) is 2029-05-31 in a 1904 workbook.
    expect(await call("STATUS", "IMMEX", 2025, null, 45807)).toBe("CANCELADO");
    setWorkbookDate1904(false);
    expect(await call("DEADLINE", "IMMEX", 2025)).toBe(45807);
  });

  it("asks Excel once, through the fake workbook's DATE(1904,1,1), and every function waits for the answer", async () => {
    const fx = new FakeExcel();
    fx.date1904 = true;
    const detect = jest.fn(() => detectWithExcel(fx.run));
    setDateSystemDetector(detect);
    const results = await Promise.all([call("DEADLINE", "IMMEX", 2025), call("DEADLINE", "IMMEX", 2025, "opens"), call("BALANCE", 10, 4)]);
    expect(results).toEqual([S1904("2025-05-30"), S1904("2025-04-01"), 6]);
    expect(detect).toHaveBeenCalledTimes(1);
    expect(fx.syncCount).toBe(1);
    expect(await call("DEADLINE", "IMMEX", 2025)).toBe(S1904("2025-05-30"));
    expect(detect).toHaveBeenCalledTimes(1);
  });

  it("a 1900 workbook through the same probe keeps 1900 serials", async () => {
    const fx = new FakeExcel();
    setDateSystemDetector(() => detectWithExcel(fx.run));
    expect(await call("DEADLINE", "IMMEX", 2025)).toBe(45807);
  });

  it("refuses with #N/A and a message when Excel cannot say (and asks again on the next call)", async () => {
    const detect = jest.fn().mockRejectedValueOnce(new Error("GeneralException")).mockResolvedValue(false);
    setDateSystemDetector(detect);
    const e = await excelError("DEADLINE", "IMMEX", 2025);
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/sistema de fechas 1900 o 1904/);
    expect(await call("DEADLINE", "IMMEX", 2025)).toBe(45807);
    expect(detect).toHaveBeenCalledTimes(2);
  });
});
