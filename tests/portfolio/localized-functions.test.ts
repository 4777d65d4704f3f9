/**
 * Spanish custom-function names (issue #11 §4): functions-es.json is generated from the same JSDoc metadata as
 * functions.json; only `name` differs, ids stay the English ones workbooks store, and the manifest points Spanish
 * Excel at it. Also the Cartera sheet, whose formulas use those ids.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { DOMParser } from "@xmldom/xmldom";
import { DEV_NAMESPACE } from "../../scripts/manifest-tools";
import { LOCALIZED_FILE, SPANISH_LOCALES, SPANISH_NAMES, localizeMetadata } from "../../scripts/functions-locales";
import { buildCarteraWorkbook, CARTERA_COLUMNS, CARTERA_SHEET } from "../../src/workbook/cartera-sheet";

interface Fn { id: string; name: string; description: string; parameters: { name: string; type: string; optional?: boolean }[]; result: unknown; options?: unknown }
let english: { functions: Fn[] };
beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"));
  expect(r.errors).toEqual([]);
  english = JSON.parse(r.metadataJson);
});

describe("functions-es.json", () => {
  it("gives Spanish names (RAOCE.ESTADO, RAOCE.VENCIMIENTO, RAOCE.DIASRESTANTES…) and keeps every id, parameter and option", () => {
    const es = localizeMetadata(english) as { functions: Fn[] };
    expect(es.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    const byId = Object.fromEntries(es.functions.map((f) => [f.id, f.name]));
    expect(byId).toMatchObject({ STATUS: "ESTADO", DEADLINE: "VENCIMIENTO", DAYSLEFT: "DIASRESTANTES", BUSINESSDAYS: "DIASHABILES", COMMITMENT: "COMPROMISO" });
    es.functions.forEach((f, i) => {
      const en = english.functions[i]!;
      expect({ ...f, name: en.name }).toEqual(en);
      // Office's rules for a name: starts with a letter, at least 3 characters, letters, digits, underscore, period.
      expect(f.name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    });
    expect(new Set(es.functions.map((f) => f.name)).size).toBe(es.functions.length);
  });

  it("has a name for every function (a new function without one fails the build)", () => {
    expect(Object.keys(SPANISH_NAMES).sort()).toEqual(english.functions.map((f) => f.id).sort());
    expect(() => localizeMetadata({ functions: [...english.functions, { ...english.functions[0]!, id: "NEW" }] })).toThrow(/NEW/);
  });

  it("the manifest overrides the metadata URL for Spanish locales only; the namespace is not localized", () => {
    const doc = new DOMParser().parseFromString(readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8"), "text/xml");
    const urls = Array.from(doc.getElementsByTagName("bt:Url"));
    const meta = urls.find((u) => u.getAttribute("id") === "Functions.Metadata.Url")!;
    expect(meta.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
    const overrides = Array.from(meta.getElementsByTagName("bt:Override"));
    expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual([...SPANISH_LOCALES]);
    for (const o of overrides) expect(o.getAttribute("Value")).toBe(meta.getAttribute("DefaultValue")!.replace("functions.json", LOCALIZED_FILE));
    const ns = Array.from(doc.getElementsByTagName("bt:String")).find((s) => s.getAttribute("id") === "Functions.Namespace")!;
    expect(ns.getAttribute("DefaultValue")).toBe(DEV_NAMESPACE); // the development add-in's; production's is RAOCE
    expect(ns.getElementsByTagName("bt:Override").length).toBe(0);
  });
});

describe("Cartera sheet", () => {
  it("computes status, due date, days left and next step with the stored ids of RAOCE functions, one table, urgency formats", () => {
    const wb = buildCarteraWorkbook(50);
    const ws = wb.getWorksheet(CARTERA_SHEET)!;
    const header = CARTERA_COLUMNS.map((_, i) => ws.getCell(4, i + 1).value);
    expect(header).toEqual(["RFC", "Razón social", "Programa", "Otros programas", "Año de presentación", "Fecha de autorización", "Fecha de presentación", "Código de estado", "Estado", "Vence", "Días restantes", "Próximo paso", "Nivel"]);
    const f = (col: number) => (ws.getCell(5, col).value as { formula: string }).formula;
    expect(f(8)).toContain("_xldudf_RAOCE_STATUS(C5,E5,G5,,D5,F5)");
    expect(f(10)).toContain("_xldudf_RAOCE_DEADLINE(C5,E5,\"due\",D5)");
    expect(f(11)).toContain("_xldudf_RAOCE_DAYSLEFT(C5,E5,,D5)");
    expect((ws.getCell(54, 8).value as { formula: string }).formula).toContain("(C54,E54,G54,,D54,F54)");
    for (const id of Object.keys(SPANISH_NAMES)) for (let c = 1; c <= 13; c++) expect(String((ws.getCell(5, c).value as { formula?: string } | null)?.formula ?? "")).not.toMatch(new RegExp(`RAOCE\\.${SPANISH_NAMES[id]}\\(`));
    const cf = (ws as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf[0]!.rules.map((r) => r.formulae[0])).toEqual(["$M5=1", "$M5=2", "$M5=3", "$M5=4", "$M5=5", "$M5=6", "$M5=7"]);
  });
});
