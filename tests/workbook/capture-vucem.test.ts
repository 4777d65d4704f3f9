/**
 * Issue #10 §2: Captura VUCEM as the accountant will type it. Cases come from the domain reference (R21a, R22 rev.,
 * §7 rev., R42 rev., G8, G13) and the SE's 2025 guide (screens in order, «Agregar» per good, «Kilogramo»,
 * 09011201), never from the program's own output.
 */
import { analyzeSnapshot, type UsableAnalysis } from "../../src/workbook/analyze";
import { captureRows, normalizeRfc, vucemPeriod, wholeMiles } from "../../src/workbook/capture-vucem";
import { fieldText, issueRows } from "../../src/workbook/write-plan";
import { ruleCell } from "../../src/workbook/rules-sheet";
import { exampleDoc, workbookFor } from "./xlsx/helpers";

type Row = (string | number | null | { link: unknown })[];

async function capture(doc: Record<string, unknown>, today = "2026-04-15"): Promise<{ rows: Row[]; a: UsableAnalysis }> {
  const o = await workbookFor(doc);
  const a = analyzeSnapshot(await o.adapter.read(), today) as UsableAnalysis;
  expect(a.usable).toBe(true);
  return { rows: captureRows(a) as Row[], a };
}
const field = (rows: Row[], name: string, program?: string) => rows.filter((r) => r[3] === name && (program === undefined || r[1] === program));
const one = (rows: Row[], name: string, program?: string) => {
  const found = field(rows, name, program);
  expect(found).toHaveLength(1);
  return found[0]!;
};

const PROSEC_2026 = {
  company: { rfc: "CFE370814QI0", name: "Tostadores de Café del Sureste, S.A. de C.V." },
  filingYear: 2026,
  programs: [{ type: "PROSEC", number: "2019-8664", modality: "PRODUCTOR DIRECTO", authorizedOn: "2019-06-12", sectors: ["XXII"] }],
  figures: { totalSales: 1000, totalExports: 1000, totalImports: 0 },
  goods: [{ sector: "XXII", tariffCode: "0901.12.01", description: "Café sin tostar", unit: 1, totalVolume: 30000, domesticVolume: 0, exportVolume: 30000 }],
};

describe("pure helpers", () => {
  it("R21a: whole miles, half up", () => {
    expect([1000, 1000.4, 1000.5, 1000.49999, 85320.6, 0.5, 0].map(wholeMiles)).toEqual([1000, 1000, 1001, 1000, 85321, 1, 0]);
    expect(wholeMiles("1000")).toBeNull();
    expect(wholeMiles(Number.NaN)).toBeNull();
  });
  it("R42: normalized RFC; VUCEM's period", () => {
    expect(normalizeRfc(" cfe-370814 qi0 ")).toBe("CFE370814QI0");
    expect(vucemPeriod(2025)).toBe("01-2025 a 12-2025");
  });
});

describe("screens in the guide's order", () => {
  it("PROSEC alone (G8, G13): Ingreso › Solicitante › Programas › Datos (balanza, one Agregar per good) › Firmar", async () => {
    const { rows } = await capture(PROSEC_2026);
    const screens = [...new Set(rows.filter((r) => r[0] !== null).map((r) => String(r[2]).replace(/ \(bien \d+ de \d+\)$/, "")))];
    expect(screens).toEqual([
      "Ingreso a VUCEM",
      "Solicitante",
      "Programas presentados por reporte anual",
      "Datos de reporte anual: balanza comercial",
      "Datos de reporte anual: bienes producidos",
      "Paso 2: Firmar solicitud",
    ]);
    // Steps are numbered in order.
    const steps = rows.map((r) => r[0]).filter((s): s is number => typeof s === "number");
    expect(steps).toEqual([...steps].sort((x, y) => x - y));
  });

  it("the fiscal year is named and VUCEM's period is shown instead of a year to type", async () => {
    const { rows } = await capture(PROSEC_2026);
    expect(rows[0]).toEqual([null, null, "Periodo", "Cifras del ejercicio 2025 (RAOCE 2026)", "01-2025 a 12-2025", expect.any(String)]);
    expect(one(rows, "Periodo que cubre reporte anual (lo muestra VUCEM)")[4]).toBe("01-2025 a 12-2025");
    expect(rows.some((r) => r[3] === "Ejercicio")).toBe(false);
  });

  it("Solicitante: the fiscal domicile to check and the plant domicile that blocks the filing", async () => {
    const { rows } = await capture(PROSEC_2026);
    expect(one(rows, "Domicilio fiscal del solicitante (verifíquelo)")[2]).toBe("Solicitante");
    expect(String(one(rows, "Domicilio de planta")[5])).toMatch(/si no valida el de planta, NO permite presentar/);
  });

  it("G8: a = 1000, b = 1000, c = 0 as whole numbers; saldo 1000 and 100 % to verify", async () => {
    const { rows } = await capture(PROSEC_2026);
    expect(one(rows, "Ventas totales (a)")[4]).toBe(1000);
    expect(one(rows, "Total exportaciones (b)")[4]).toBe(1000);
    expect(one(rows, "Total importaciones (c)")[4]).toBe(0);
    expect(String(one(rows, "Saldo b-c y Porcentaje exportación b/a*100")[5])).toMatch(/saldo 1,000; exportación 100\.00 %/);
  });

  it("G13: sector XXII, fracción 09011201 without dots, «Kilogramo», three volumes, then Agregar", async () => {
    const { rows } = await capture(PROSEC_2026);
    expect(one(rows, "Clave sector (seleccione la fila)")[4]).toBe("XXII Café");
    expect(one(rows, "Fracción arancelaria")[4]).toBe("09011201");
    expect(one(rows, "Unidad de medida (la muestra VUCEM)")[4]).toBe("Kilogramo");
    expect(one(rows, "Volumen del total de bienes producidos")[4]).toBe(30000);
    expect(one(rows, "Volumen del mercado nacional")[4]).toBe(0);
    expect(one(rows, "Volumen de exportaciones")[4]).toBe(30000);
    expect(one(rows, "Agregar")[4]).toBe("Pulse Agregar");
  });

  it("one Agregar per good", async () => {
    const goods = [1, 2, 3].map((k) => ({ sector: "XXII", tariffCode: `0901120${k}`, description: `Café ${k}`, unit: "kg", totalVolume: 100 * k, domesticVolume: 0, exportVolume: 0 }));
    const { rows } = await capture({ ...PROSEC_2026, goods });
    expect(field(rows, "Agregar")).toHaveLength(3);
    expect(field(rows, "Fracción arancelaria").map((r) => r[4])).toEqual(["09011201", "09011202", "09011203"]);
  });
});

describe("figures as VUCEM takes them (R21a)", () => {
  it("rounds half up and says so", async () => {
    const { rows } = await capture({ ...PROSEC_2026, figures: { totalSales: 85320.5, totalExports: 1000.4, totalImports: 10 } });
    const a = one(rows, "Ventas totales (a)");
    expect(a[4]).toBe(85321);
    expect(a[5]).toMatch(/Redondeado de 85,320.5 a 85,321/);
    expect(one(rows, "Total exportaciones (b)")[4]).toBe(1000);
    expect(one(rows, "Total importaciones (c)")[5]).not.toMatch(/Redondeado/);
  });

  it("a figure with an error is never a value to capture: the error is shown there (b > a)", async () => {
    const { rows } = await capture({ ...PROSEC_2026, figures: { totalSales: 1000, totalExports: 2000, totalImports: 0 } });
    const b = one(rows, "Total exportaciones (b)");
    expect(b[4]).toBe("No capturar: hay un error");
    expect(b[5]).toMatch(/^No la capture todavía: .*Cifras!B7/);
    expect(rows.some((r) => r[4] === 2000)).toBe(false);
    expect(one(rows, "Saldo b-c y Porcentaje exportación b/a*100")[5]).toMatch(/cuando a y b no tengan errores/);
    expect(rows.find((r) => r[2] === "Antes de capturar")?.[3]).toBe("Hay 1 error");
  });
});

describe("what each program captures (R22 rev., R10)", () => {
  it("IMMEX alone: imports «capture si VUCEM habilita el campo»", async () => {
    const { rows } = await capture({ ...exampleDoc("immex-industrial"), filingYear: 2026, asOf: "2026-04-15" });
    const c = one(rows, "Total importaciones (c)");
    expect(c[5]).toMatch(/^Capture si VUCEM habilita el campo/);
  });

  it("PROSEC linked with IMMEX: one IMMEX-PROSEC filing, no goods, and the sheet says why", async () => {
    const { rows } = await capture({ ...exampleDoc("immex-prosec-autopartes"), filingYear: 2026, asOf: "2026-04-15" });
    const prosec = rows.find((r) => r[1] === "PROSEC" && r[4] === "Se replica del reporte IMMEX");
    expect(prosec?.[5]).toMatch(/una sola fila .*IMMEX-PROSEC.*la relación de bienes producidos no se captura/);
    expect(one(rows, "Número/Registro de programa (seleccione la fila)")[4]).toBe("83-2019,2019-8664");
    expect(one(rows, "Total importaciones (c)")[4]).toBe("No se captura");
    expect(field(rows, "Agregar")).toHaveLength(0);
  });
});

describe("the filing year (R18)", () => {
  it("an issue about the filing year is shown first, not a capture list for a year that cannot be right", async () => {
    const { rows } = await capture({ ...PROSEC_2026, filingYear: 2040 });
    expect(rows[0]).toEqual([null, null, "Periodo", "Año de presentación", "Revíselo", expect.stringMatching(/^Revise antes: Año de presentación 2040/)]);
  });
});

describe("RFC and goods limits", () => {
  it("R42: the normalized RFC is shown, with what the workbook said", async () => {
    const { rows } = await capture({ ...PROSEC_2026, company: { ...PROSEC_2026.company, rfc: "cfe370814qi0" } });
    const rfc = one(rows, "RFC (lo muestra VUCEM; verifíquelo)");
    expect(rfc[4]).toBe("CFE370814QI0");
    expect(rfc[5]).toMatch(/«cfe370814qi0»/);
  });

  it("a description over 250 characters is not offered as a value", async () => {
    const long = "Café ".repeat(60).trim(); // 299 characters
    const { rows } = await capture({ ...PROSEC_2026, goods: [{ ...PROSEC_2026.goods[0], description: long }] });
    expect(rows.some((r) => r[4] === long)).toBe(false);
    // Either the good is listed with the description refused, or (the engine calls it an error) not listed as valid.
    const refused = field(rows, "Bienes producidos (descripción)").some((r) => r[4] === "No capturar: descripción demasiado larga");
    const withErrors = rows.some((r) => r[3] === "1 bien con errores" && r[4] === "No capturar todavía");
    expect(refused || withErrors).toBe(true);
  });
});

describe("Problemas links each rule id to the Reglas sheet", () => {
  it("the id is written with its name and a link to its row", async () => {
    const { a } = await capture({ ...PROSEC_2026, figures: { totalSales: 1000, totalExports: 2000, totalImports: 0 } });
    const rows = issueRows(a.issues) as Row[];
    const withRule = rows.find((r) => r[4] !== null)!;
    const link = withRule[4] as { link: { text: string; target: string } };
    expect(link.link.text).toMatch(/^R\d+a? · \S/);
    expect(link.link.target).toBe(ruleCell(link.link.text.split(" ")[0]));
    expect(link.link.target).toMatch(/^Reglas!A\d+$/);
  });
});

describe("Problemas names the field in words, not the document path", () => {
  it("«Campo» says the label and the row an accountant sees", async () => {
    const { a } = await capture({ ...PROSEC_2026, figures: { totalSales: 1000, totalExports: 2000, totalImports: 0 } });
    const rows = issueRows(a.issues) as Row[];
    const exportsRow = rows.find((r) => r[3] && (r[3] as { link: { text: string } }).link.text === "Cifras!B7")!;
    expect(exportsRow[5]).toBe("Total exportaciones (b)");
    expect(rows.map((r) => r[5]).filter((f) => typeof f === "string" && /[.[\]]/.test(f))).toEqual([]); // no "figures.totalExports", no "[0]"
    expect(fieldText("programs[1].filedOn")).toBe("Fecha de presentación del RAOCE, fila 2");
    expect(fieldText("goods[0].tariffCode")).toBe("Fracción arancelaria, fila 1");
    expect(fieldText("")).toBeNull();
  });
});
