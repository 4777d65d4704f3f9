/**
 * `evaluate` with the rules revised on 2026-11 (../shared/domain/README.md §2–§9, research/2026-review.md).
 * Every figure below comes from the reference's own examples or from arithmetic done by hand in the comments.
 */
import { collapseRateNotices } from "../../src/domain/batch-notices";
import { evaluate } from "../../src/domain/evaluate";
import { VUCEM_MESSAGES } from "../../src/domain/vucem-figures";

type Doc = Record<string, unknown>;
const company = { rfc: "SAT970701NN3", name: "Empresa de Prueba, S.A. de C.V." };
const codes = (r: ReturnType<typeof evaluate>) => r.issues.map((i) => `${i.severity}:${i.code}@${i.path}`);
const find = (r: ReturnType<typeof evaluate>, code: string) => r.issues.filter((i) => i.code === code);
const good = { sector: "XXII", tariffCode: "09011201", description: "Café sin tostar", unit: "Kilogramo", totalVolume: 30000, domesticVolume: 0, exportVolume: 30000 };
const immex = (figures: Doc, extra: Doc = {}, today = "2025-04-15") =>
  evaluate({ company, filingYear: 2025, programs: [{ type: "IMMEX", number: "83-2019", modality: "Industrial", authorizedOn: "2019-03-01" }], figures, ...extra }, today);

describe("R9 rev.: held ≠ linked (the reference's example: IMMEX cancelled in October of the fiscal year)", () => {
  const doc = {
    company,
    filingYear: 2026,
    programs: [
      { type: "IMMEX", number: "83-2019", cancelledOn: "2025-10-15" },
      { type: "PROSEC", number: "2019-8664", sectors: ["XXII"] },
    ],
    figures: { totalSales: 1000, totalExports: 400, totalImports: 200 },
    goods: [good],
  };
  const r = evaluate(doc, "2026-05-10");
  const prosec = r.programs.find((p) => p.type === "PROSEC")!;
  it("PROSEC files alone: April date, SUSPENDIDO on 10-May-2026 (since 1 May)", () => {
    expect(prosec.deadlines?.due).toBe("2026-04-30");
    expect(prosec.linked).toBe(false);
    expect(prosec.status).toBe("SUSPENDIDO");
  });
  it("captures a, b, c and the goods; no 'leave imports empty' warning", () => {
    expect(prosec.capture).toEqual(["totalSales", "totalExports", "totalImports", "goods"]);
    expect(codes(r)).not.toContain("warning:IMPORTS_NOT_CAPTURED@figures.totalImports");
  });
  it("IMMEX itself is NO_OBLIGADO (cancelled before 1 April)", () => {
    expect(r.programs.find((p) => p.type === "IMMEX")!.status).toBe("NO_OBLIGADO");
  });
  it("without goods the relación is required, as for any PROSEC alone", () => {
    const bare = evaluate({ ...doc, goods: [] }, "2026-05-10");
    expect(codes(bare)).toContain("error:GOODS_REQUIRED@goods");
  });
  it("IMMEX authorized during the filing year: nothing replicated, PROSEC April and a note on May", () => {
    const n = evaluate({ ...doc, programs: [{ type: "IMMEX", number: "1-2026", authorizedOn: "2026-02-10", filedOn: "2026-04-20" }, { type: "PROSEC", number: "2019-8664", sectors: ["XXII"] }] }, "2026-05-10");
    const p = n.programs.find((x) => x.type === "PROSEC")!;
    expect(p.deadlines?.due).toBe("2026-04-30");
    expect(p.status).toBe("SUSPENDIDO"); // the IMMEX filing of 20 April is not replicated
    expect(find(n, "PROSEC_ALONE_PARTNER_NEW")[0]?.message).toContain("podría permitir mayo");
  });
  it("G3 still holds when IMMEX is in force: PROSEC + IMMEX 2025 due 30-May-2025, captures a and b only", () => {
    const g3 = evaluate({ ...doc, filingYear: 2025, programs: [{ type: "IMMEX", number: "83-2019" }, { type: "PROSEC", number: "2019-8664", sectors: ["XXII"] }], goods: [] }, "2025-04-15");
    const p = g3.programs.find((x) => x.type === "PROSEC")!;
    expect([p.deadlines?.due, p.deadlines?.lateUntil, p.deadlines?.cancelledOn]).toEqual(["2025-05-30", "2025-06-30", "2025-07-01"]);
    expect(p.capture).toEqual(["totalSales", "totalExports"]);
    expect(p.captureHints[0]?.es).toContain("replica");
  });
});

describe("R4 rev.: cancelled by the RAOCE timeline (never filed, cancelled 1 Sep) is CANCELADO", () => {
  it("shows the date and the cause", () => {
    const r = evaluate({ company, filingYear: 2025, programs: [{ type: "IMMEX", number: "83-2019", cancelledOn: "2025-09-01" }], figures: { totalSales: 1000, totalExports: 500 } }, "2025-10-01");
    expect(r.programs[0]).toMatchObject({ status: "CANCELADO", cancellation: { date: "2025-09-01" } });
    expect(r.programs[0]!.cancellation!.cause).toContain("29 de agosto de 2025");
  });
});

describe("R36 rev.: a 7-digit numeric fracción is padded with a visible warning", () => {
  const prosec = (tariffCode: unknown) =>
    evaluate({ company, filingYear: 2025, programs: [{ type: "PROSEC", number: "2019-8664", sectors: ["XIX"] }], figures: { totalSales: 1000, totalExports: 400, totalImports: 100 }, goods: [{ ...good, sector: "XIX", tariffCode }] }, "2025-04-10");
  it("8708999 (a number) → 08708999, chapter 08 (fruit): is that right?", () => {
    const r = prosec(8708999);
    const w = find(r, "TARIFF_PADDED");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: "warning", path: "goods[0].tariffCode" });
    expect(w[0]!.message).toContain("08708999");
    expect(w[0]!.message).toContain("capítulo 08, frutas");
    expect(r.goods[0]!.tariffCode).toBe("08708999");
  });
  it("7 digits typed as text stay an error", () => {
    expect(codes(prosec("8708999"))).toContain("error:TARIFF_CODE@goods[0].tariffCode");
  });
  it("G13: sector XXII, 09011201, Kilogramo, 30000 → a valid row, captured as 8 digits without dots", () => {
    const r = evaluate({ company, filingYear: 2025, programs: [{ type: "PROSEC", number: "2019-8664", sectors: ["XXII"] }], figures: { totalSales: 1000, totalExports: 1000, totalImports: 0 }, goods: [{ ...good, tariffCode: "0901.12.01" }] }, "2025-04-10");
    // The guide's goods screen shows «Kilogramo» for key 1 (Apéndice 7 says «Kilo»): the engine gives VUCEM's name,
    // whichever way the user typed it.
    for (const unit of ["1", "Kilo", "kg"]) {
      const k = evaluate({ company, filingYear: 2025, programs: [{ type: "PROSEC", number: "2019-8664", sectors: ["XXII"] }], figures: { totalSales: 1000, totalExports: 1000, totalImports: 0 }, goods: [{ ...good, unit }] }, "2025-04-10");
      expect(k.goods[0]).toMatchObject({ unit: 1, unitName: "Kilo", capture: { unitName: "Kilogramo" } });
    }
    expect(r.goods[0]).toMatchObject({ valid: true, capture: { tariffCode: "09011201", unitName: "Kilogramo", totalVolume: 30000, domesticVolume: 0, exportVolume: 30000 } });
  });
});

describe("R26 rev.: direct and indirect exports against the total", () => {
  const altex = (figures: Doc, exporterType: unknown = "INDIRECTO") =>
    evaluate({ company, filingYear: 2025, programs: [{ type: "ALTEX", number: "12-2008", exporterType }], figures }, "2025-04-15");
  it("indirect > total exports → error, and no ALTEX CUMPLE", () => {
    const r = altex({ totalSales: 100000, totalExports: 40000, indirectExports: 60000 });
    expect(codes(r)).toContain("error:INDIRECT_EXCEEDS_TOTAL@figures.indirectExports");
    expect(r.programs[0]!.commitment).toBe("NO_EVALUADO");
  });
  it("direct > total → error; direct + indirect ≠ total by more than 1 → warning; within 1 → nothing", () => {
    expect(codes(altex({ totalSales: 100000, totalExports: 40000, directExports: 41000 }, "DIRECTO"))).toContain("error:DIRECT_EXCEEDS_TOTAL@figures.directExports");
    expect(codes(altex({ totalSales: 100000, totalExports: 40000, directExports: 30000, indirectExports: 8000 }, "AMBOS"))).toContain("warning:EXPORTS_SUM@figures.totalExports");
    expect(codes(altex({ totalSales: 100000, totalExports: 40000, directExports: 30000, indirectExports: 9999 }, "AMBOS"))).not.toContain("warning:EXPORTS_SUM@figures.totalExports");
  });
  it("a tax-return income of 0 does not skip the comparison", () => {
    const r = immex({ totalSales: 50000, totalExports: 10000, taxReturnIncome: 0 });
    expect(codes(r)).toContain("warning:TAX_RETURN_MISMATCH@figures.totalSales");
    expect(find(r, "TAX_RETURN_MISMATCH")[0]!.message).toContain("difieren");
  });
});

describe("R26 rev.: units without the tax return", () => {
  it("an SME with every figure in pesos (a = 85,320,000) gets '¿pesos en lugar de miles de pesos?' in words", () => {
    const r = immex({ totalSales: 85_320_000, totalExports: 30_000_000 });
    const w = find(r, "LIKELY_PESOS").find((i) => i.path === "figures.totalSales")!;
    expect(w.severity).toBe("warning");
    expect(w.message).toContain("¿Pesos en lugar de miles de pesos?");
    expect(w.message).toContain("85,320,000 miles de pesos = 85.3 mil millones de pesos");
    expect(codes(r)).toContain("info:TAX_RETURN_NOT_GIVEN@figures.taxReturnIncome");
  });
  it("b/a < 0.1 % (one figure in pesos, the other in miles) → warning", () => {
    // 4,000 / 5,000,000 = 0.08 %
    expect(codes(immex({ totalSales: 5_000_000, totalExports: 4000 }))).toContain("warning:LIKELY_PESOS@figures.totalSales");
  });
  it("goes away when a tax-return income confirms the scale", () => {
    const r = immex({ totalSales: 85_320_000, totalExports: 30_000_000, taxReturnIncome: 85_320_000_000 });
    expect(find(r, "LIKELY_PESOS")).toEqual([]);
    expect(find(r, "TAX_RETURN_NOT_GIVEN")).toEqual([]);
  });
});

describe("R43 rev.: ALTEX exporter type in VUCEM's words; modality must fit", () => {
  it("G12 with 'Exportador Indirecto' (VUCEM's wording): a = 100000, indirect 50000 → CUMPLE (50 %)", () => {
    const r = evaluate({ company, filingYear: 2025, programs: [{ type: "ALTEX", number: "12-2008", exporterType: "Exportador Indirecto" }], figures: { totalSales: 100000, totalExports: 50000, indirectExports: 50000 } }, "2025-04-15");
    expect(r.programs[0]!.commitment).toBe("CUMPLE");
    expect(r.summary.errors).toBe(0);
  });
  it("'exportador indirecto' with 30 % is NO_CUMPLE, never a direct-exporter CUMPLE", () => {
    const r = evaluate({ company, filingYear: 2025, programs: [{ type: "ALTEX", number: "12-2008", exporterType: "exportador indirecto" }], figures: { totalSales: 100000, totalExports: 45000, indirectExports: 30000 } }, "2025-04-15");
    expect(r.programs[0]!.commitment).toBe("NO_CUMPLE");
  });
  it("an unreadable type is NO_EVALUADO", () => {
    const r = evaluate({ company, filingYear: 2025, programs: [{ type: "ALTEX", number: "12-2008", exporterType: "Exportadora mixta" }], figures: { totalSales: 100000, totalExports: 45000 } }, "2025-04-15");
    expect(r.programs[0]!.commitment).toBe("NO_EVALUADO");
    expect(r.programs[0]!.commitmentReason).toContain("no se pudo leer el tipo de exportador");
  });
  it("a PROSEC modality on an IMMEX row is a warning", () => {
    const r = evaluate({ company, filingYear: 2025, programs: [{ type: "IMMEX", number: "83-2019", modality: "Productor directo" }], figures: { totalSales: 1000, totalExports: 500 } }, "2025-04-15");
    expect(find(r, "MODALITY_MISMATCH")[0]).toMatchObject({ severity: "warning", path: "programs[0].modality" });
    expect(find(r, "MODALITY_MISMATCH")[0]!.message).toContain("es una modalidad de PROSEC");
  });
});

describe("R31 rev.: the 2020 waiver also covers ALTEX and ECEX", () => {
  it.each(["ALTEX", "ECEX"])("%s, fiscal year 2020 → NO_EVALUADO with the COVID reason", (type) => {
    const r = evaluate({ company, filingYear: 2021, programs: [{ type, number: "12-2008", exporterType: "DIRECTO" }], figures: { totalSales: 100000, totalExports: 10000 } }, "2021-04-15");
    expect(r.programs[0]).toMatchObject({ commitment: "NO_EVALUADO", commitmentReason: expect.stringContaining("COVID-19") });
  });
});

describe("R21a: what VUCEM accepts", () => {
  it("decimals are rounded half up into the value to capture, with a warning", () => {
    const r = immex({ totalSales: 120000.5, totalExports: 12000.4 });
    expect(r.figures.capture.totalSales).toEqual({ typed: 120000.5, value: 120001, rounded: true });
    expect(r.figures.capture.totalExports).toEqual({ typed: 12000.4, value: 12000, rounded: true });
    expect(find(r, "VUCEM_ROUNDED").map((i) => i.path)).toEqual(["figures.totalSales", "figures.totalExports"]);
    expect(r.figures.vucem).toEqual({ totalSales: 120001, totalExports: 12000, totalImports: null });
  });
  it("share and verdict from the whole numbers; a warning when the unrounded figures fall on the other side", () => {
    // a = 90000.4 → 90000; b = 9000: unrounded 9.99996 % (and USD 491,103 at 18.3263) → NO_CUMPLE; rounded 10.00 % → CUMPLE
    const r = immex({ totalSales: 90000.4, totalExports: 9000 });
    expect(r.figures.exportShare).toBe(10);
    expect(r.programs[0]!.commitment).toBe("CUMPLE");
    expect(codes(r)).toContain("warning:ROUNDING_CROSSES_THRESHOLD@figures.totalExports");
  });
  it("a < 0, b < 0 and b > a are errors in VUCEM's own words, with no value to capture", () => {
    const neg = immex({ totalSales: -5, totalExports: -1 });
    expect(find(neg, "VUCEM_NEGATIVE").map((i) => i.message)).toEqual([
      expect.stringContaining(VUCEM_MESSAGES.salesNegative),
      expect.stringContaining(VUCEM_MESSAGES.exportsNegative),
    ]);
    expect(neg.figures.capture.totalSales.value).toBeNull();
    const over = immex({ totalSales: 1000, totalExports: 1200 });
    expect(find(over, "EXPORTS_EXCEED_SALES")[0]!.message).toContain("«Las Ventas Totales deben ser mayores o iguales al Total de Exportaciones.»");
    expect(over.figures.capture.totalExports.value).toBeNull();
    expect(over.programs[0]!.commitment).toBe("NO_EVALUADO");
  });
  it("more than 16 digits is an error; a = 0 is a warning", () => {
    expect(codes(immex({ totalSales: 1e17, totalExports: 0 }))).toContain("error:VUCEM_TOO_MANY_DIGITS@figures.totalSales");
    expect(codes(immex({ totalSales: 1e16, totalExports: 0 }))).toContain("error:VUCEM_TOO_MANY_DIGITS@figures.totalSales"); // 17 digits
    expect(codes(immex({ totalSales: 1e15, totalExports: 0 }))).not.toContain("error:VUCEM_TOO_MANY_DIGITS@figures.totalSales"); // 16 digits
    expect(codes(immex({ totalSales: 0, totalExports: 0 }))).toContain("warning:ZERO_SALES@figures.totalSales");
  });
});

describe("R22 rev., R42 rev., R18, goods rev.", () => {
  it("IMMEX alone: imports 'capture si VUCEM habilita el campo', never an error", () => {
    const r = immex({ totalSales: 1000, totalExports: 500 });
    expect(r.programs[0]!.captureHints).toEqual([expect.objectContaining({ field: "totalImports", es: expect.stringContaining("Capture si VUCEM habilita el campo") })]);
    expect(r.issues.filter((i) => i.path === "figures.totalImports")).toEqual([]);
  });
  it("an RFC in lowercase with spaces and dashes is normalized, shown, and exposed for Captura", () => {
    const r = evaluate({ company: { rfc: " sat-970701 nn3", name: "X" }, filingYear: 2025, programs: [{ type: "IMMEX", number: "83-2019" }], figures: { totalSales: 1, totalExports: 1 } }, "2025-04-15");
    expect(find(r, "RFC_NORMALIZED")[0]!.message).toContain("SAT970701NN3");
    expect(r.company.rfc).toBe("SAT970701NN3");
  });
  it("the generic RFC as the company's own is a warning", () => {
    const r = evaluate({ company: { rfc: "XAXX010101000", name: "X" }, filingYear: 2025, programs: [{ type: "IMMEX", number: "83-2019" }], figures: { totalSales: 1, totalExports: 1 } }, "2025-04-15");
    expect(codes(r)).toContain("warning:RFC_GENERIC_OWN@company.rfc");
  });
  it("R18: 'Año de presentación 2025' with a filing date in 2026 → says the fiscal year was probably typed, before the statuses", () => {
    const r = evaluate({ company, filingYear: 2025, programs: [{ type: "IMMEX", number: "83-2019", filedOn: "2026-05-20" }, { type: "PROSEC", number: "2019-8664", filedOn: "2026-05-20", sectors: ["XXII"] }], figures: { totalSales: 1000, totalExports: 500, totalImports: 1 }, goods: [good] }, "2026-06-01");
    const idx = r.issues.findIndex((i) => i.code === "FILING_YEAR_LIKELY_FISCAL");
    expect(idx).toBeGreaterThanOrEqual(0);
    expect(r.issues[idx]).toMatchObject({ severity: "warning", path: "filingYear" });
    expect(r.issues[idx]!.message).toContain("probablemente capturó el ejercicio reportado como año de presentación");
    const firstStatus = r.issues.findIndex((i) => i.path.startsWith("programs[") && i.path.endsWith(".filedOn"));
    expect(idx).toBeLessThan(firstStatus);
  });
  it("goods: description > 250 characters is an error; decimal volumes are rounded with a warning; missing volumes noted once", () => {
    const r = evaluate({ company, filingYear: 2025, programs: [{ type: "PROSEC", number: "2019-8664", sectors: ["XXII"] }], figures: { totalSales: 1000, totalExports: 400, totalImports: 100 }, goods: [{ ...good, description: "x".repeat(251) }, { sector: "XXII", tariffCode: "21011101", description: "Café soluble", unit: 1, totalVolume: 12500.5 }] }, "2025-04-10");
    expect(codes(r)).toContain("error:DESCRIPTION_TOO_LONG@goods[0].description");
    expect(codes(r)).toContain("warning:VUCEM_ROUNDED@goods[1].totalVolume");
    expect(r.goods[1]!.capture.totalVolume).toBe(12501);
    expect(find(r, "VOLUMES_INCOMPLETE")).toHaveLength(1);
  });
});

describe("R24: a batch says a missing rate once", () => {
  it("collapses RATE_MISSING of many reports into one notice per fiscal year", () => {
    const doc = { company, filingYear: 2027, programs: [{ type: "IMMEX", number: "83-2019" }], figures: { totalSales: 100000, totalExports: 9990 } };
    const results = [evaluate(doc, "2027-04-15"), evaluate(doc, "2027-04-15"), evaluate({ ...doc, filingYear: 2026 }, "2026-04-15")];
    expect(results[0]!.programs[0]!.commitment).toBe("POR_CONFIRMAR"); // 9.99 %: only USD can decide, and 2026 has no rate
    const { notices, issues } = collapseRateNotices(results);
    expect(notices).toEqual([expect.objectContaining({ code: "RATE_MISSING", fiscalYear: 2026, reports: 2 })]);
    expect(issues.flat().some((i) => i.code === "RATE_MISSING")).toBe(false);
  });
});

describe("§3: Spanish agreement; no value to capture for a figure in error", () => {
  it("plural labels agree: 'no pueden ser negativas' / 'negativos'", () => {
    const r = immex({ totalSales: 10, totalExports: 5, directExports: -3, taxReturnIncome: -1 });
    expect(r.issues.find((i) => i.path === "figures.directExports")!.message).toContain("Exportaciones directas no pueden ser negativas");
    expect(r.issues.find((i) => i.path === "figures.taxReturnIncome")!.message).toContain("no pueden ser negativos");
  });
  it("sales typed in pesos per the tax return (an error) have no value to capture", () => {
    const r = immex({ totalSales: 85_000_000, totalExports: 30_000_000, taxReturnIncome: 85_000_000 });
    expect(codes(r)).toContain("error:LIKELY_PESOS@figures.totalSales");
    expect(r.figures.capture.totalSales.value).toBeNull();
    expect(r.figures.capture.totalExports.value).toBe(30_000_000);
  });
});

describe("§3: no bare rule ids in what the user reads", () => {
  it("messages of typical reports name the basis in words", () => {
    const docs: Doc[] = [
      { company, filingYear: 2023, programs: [{ type: "IMMEX", number: "83-2019" }, { type: "PROSEC", number: "2019-8664", sectors: ["XXII"] }, { type: "ALTEX", number: "1-2008" }], figures: { totalSales: 1000, totalExports: 500, totalImports: 3 } },
      { company, filingYear: 2026, programs: [{ type: "ECEX", number: "1-2008", filedOn: "2026-05-31" }, { type: "IMMEX", number: "83-2019", filedOn: "2026-06-05" }], figures: { totalSales: 1000.5, totalExports: 50 } },
    ];
    for (const d of docs) {
      const r = evaluate(d, "2026-06-10");
      const texts = [...r.issues.map((i) => i.message), ...r.programs.flatMap((p) => [p.commitmentReason, p.deadlines?.source ?? "", p.deadlines?.note ?? "", p.correctionNote ?? ""])];
      for (const t of texts) expect(t).not.toMatch(/\bR\d{1,2}a?\b/);
      for (const t of texts) expect(t).not.toMatch(/Todas las fechas/);
    }
  });
});
