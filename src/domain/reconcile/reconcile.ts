/**
 * R56: the reconciliation of the captured figures (a, b, c) with the year's pedimentos. Totals per figure, the
 * difference in miles and %, the status against rounding (±0.5 miles) and the user's materiality, and the explanation
 * lines in the reference's order, each with the pedimentos behind it. Pure: the caller passes everything in.
 */
import { issue, type Issue } from "../issues";
import { classify, refOf, type Classified } from "./classify";
import { CONFIDENCE_ES, TREATMENT_ES } from "./claves";
import { explainExports, explainImports } from "./explain";
import { formatPedimento } from "./pedimento-number";
import { fmtMiles, fmtPct } from "./text";
import {
  ROUNDING_MILES,
  type ClassifiedTotals,
  type ExplanationLine,
  type FigureKey,
  type FigureReconciliation,
  type FigureStatus,
  type Materiality,
  type ReconcileInput,
  type ReconcileResult,
} from "./types";

const LABELS: Record<FigureKey, { letter: "a" | "b" | "c"; es: string; en: string }> = {
  totalSales: { letter: "a", es: "Ventas totales (a)", en: "Total sales (a)" },
  totalExports: { letter: "b", es: "Total exportaciones (b)", en: "Total exports (b)" },
  totalImports: { letter: "c", es: "Total importaciones (c)", en: "Total imports (c)" },
};

const sum = (xs: readonly Classified[]) => xs.reduce((s, c) => s + c.mxn, 0);
const sumUsd = (xs: readonly Classified[]) => xs.reduce((s, c) => s + (c.rec.usd ?? 0), 0);

export function thresholdMiles(m: Materiality, captured: number | null, reference: number | null): number {
  if (m.kind === "miles") return Math.max(ROUNDING_MILES, m.value);
  const base = Math.abs(captured ?? 0) > 0 ? Math.abs(captured!) : Math.abs(reference ?? 0);
  return Math.max(ROUNDING_MILES, base * m.value);
}

export function statusOf(difference: number | null, captured: number | null, reference: number | null, threshold: number | null): FigureStatus {
  if (captured === null) return "sin-captura";
  if (reference === null || difference === null) return "sin-datos";
  if (Math.abs(difference) <= ROUNDING_MILES + 1e-9) return "conciliado";
  if (threshold !== null && Math.abs(difference) <= threshold + 1e-9) return "dentro-materialidad";
  return "diferencia-material";
}

/** Greedy, in the reference's order: a line explains when it brings the remaining difference closer to zero. */
export function applyExplanations(difference: number, lines: ExplanationLine[]): number {
  let residual = difference;
  for (const l of lines) {
    if (l.effectMiles === null || Math.abs(l.effectMiles) <= ROUNDING_MILES) continue;
    if (Math.abs(residual) <= ROUNDING_MILES) break;
    if (Math.abs(residual - l.effectMiles) < Math.abs(residual) - ROUNDING_MILES) {
      l.explains = true;
      residual -= l.effectMiles;
    }
  }
  return residual;
}

const num = (v: number | null | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function reconcile(input: ReconcileInput): ReconcileResult {
  const pop = classify(input);
  const Y = input.fiscalYear;
  const inYear = pop.effective.filter((c) => c.year === Y);
  const by = (t: Classified["treatment"]) => inYear.filter((c) => c.treatment === t);
  const direct = by("export-direct");
  const virtual = by("export-virtual");
  const subtract = by("export-subtract");
  const imports = by("import");
  const importsVirtual = by("import-virtual");

  const totals: ClassifiedTotals = {
    exportsDirect: sum(direct),
    exportsVirtual: sum(virtual),
    exportsSubtracted: sum(subtract),
    imports: sum(imports),
    importsVirtual: sum(importsVirtual),
    usdExports: sumUsd(direct) + sumUsd(virtual) - sumUsd(subtract),
    usdImports: sumUsd(imports) + sumUsd(importsVirtual),
  };
  // Divide by 1,000 only at the end (R55).
  const exportsMiles = (totals.exportsDirect + totals.exportsVirtual - totals.exportsSubtracted) / 1000;
  const importsMiles = (totals.imports + totals.importsVirtual) / 1000;
  const hasExports = direct.length + virtual.length + subtract.length > 0;
  const hasImports = imports.length + importsVirtual.length > 0;

  const figures: FigureReconciliation[] = [];
  const make = (figure: FigureKey, captured: number | null, customs: number | null, taxReturn: number | null, lines: ExplanationLine[]): FigureReconciliation => {
    const reference = figure === "totalSales" ? taxReturn : customs;
    const difference = captured !== null && reference !== null ? captured - reference : null;
    const threshold = captured !== null || reference !== null ? thresholdMiles(input.materiality, captured, reference) : null;
    const status = statusOf(difference, captured, reference, threshold);
    const unexplained = difference !== null && status !== "conciliado" ? applyExplanations(difference, lines) : difference;
    return {
      figure,
      letter: LABELS[figure].letter,
      path: `figures.${figure}`,
      label: LABELS[figure].es,
      captured,
      customs,
      taxReturn,
      difference,
      differencePct: difference !== null && reference ? difference / reference : null,
      threshold,
      status,
      lines,
      unexplained,
    };
  };

  const cap = input.captured;
  const taxReturnMiles = num(cap.taxReturnIncome) !== null ? num(cap.taxReturnIncome)! / 1000 : null;
  figures.push(make("totalSales", num(cap.totalSales), null, taxReturnMiles, []));
  figures.push(make("totalExports", num(cap.totalExports), hasExports ? exportsMiles : null, null, explainExports(input, pop, inYear)));
  figures.push(make("totalImports", num(cap.totalImports), hasImports ? importsMiles : null, null, explainImports(input, pop, inYear)));

  const review: ReconcileResult["review"] = [];
  for (const c of inYear) {
    if (c.treatment === "unknown") review.push({ treatment: "unknown", ref: refOf(c), note: c.rec.direction ? `Clave ${c.clave} sin tratamiento en la tabla Claves` : "Sin tipo de operación (1 importación, 2 exportación)" });
    else if (c.rule?.review) review.push({ treatment: c.treatment, ref: refOf(c), note: `${TREATMENT_ES[c.treatment]} por omisión, confianza ${CONFIDENCE_ES[c.rule.confidence].toLowerCase()}: ${c.rule.note}` });
    else if (c.treatment === "exclude") review.push({ treatment: "exclude", ref: refOf(c), note: c.rule?.note ?? "" });
  }

  const counts = {
    read: input.pedimentos.length,
    duplicates: pop.duplicates.length,
    superseded: pop.superseded.length,
    inYear: inYear.length,
    otherYears: pop.effective.length - inYear.length,
    excluded: inYear.filter((c) => c.treatment === "exclude").length,
    review: inYear.filter((c) => c.rule?.review).length,
    unknownClave: inYear.filter((c) => c.treatment === "unknown").length,
  };

  const issues = reconcileIssues(input, figures, counts, pop);
  return { fiscalYear: Y, sourceLabel: input.sourceLabel, totals, counts, figures, review, issues };
}

const STATUS_ES: Record<FigureStatus, string> = {
  conciliado: "Conciliado",
  "dentro-materialidad": "Diferencia menor a la materialidad",
  "diferencia-material": "Diferencia material",
  "sin-captura": "Sin cifra capturada",
  "sin-datos": "Sin pedimentos para comparar",
};
const STATUS_EN: Record<FigureStatus, string> = {
  conciliado: "Reconciled",
  "dentro-materialidad": "Difference below materiality",
  "diferencia-material": "Material difference",
  "sin-captura": "No captured figure",
  "sin-datos": "No pedimentos to compare",
};
export const statusText = (s: FigureStatus, en = false) => (en ? STATUS_EN[s] : STATUS_ES[s]);

/** The issue for one figure (also used when `check` compares with the totals stored on the Conciliación sheet). */
export function figureIssue(f: Pick<FigureReconciliation, "figure" | "path" | "captured" | "customs" | "difference" | "differencePct" | "threshold" | "status" | "lines">, fiscalYear: number, sourceLabel: string): Issue | null {
  if (f.figure === "totalSales") return null; // sales vs the tax return is R26's check (check-figures)
  const label = LABELS[f.figure];
  if (f.status === "conciliado") {
    return issue("info", "RECON_OK", f.path, `${label.es}: conciliada con ${sourceLabel} del ejercicio ${fiscalYear} (diferencia ${fmtMiles(f.difference)} miles).`, `${label.en}: reconciled with the ${fiscalYear} pedimentos (difference ${fmtMiles(f.difference)} thousand).`, "R56");
  }
  if (f.status !== "diferencia-material") return null;
  const explained = f.lines.filter((l) => l.explains).map((l) => l.title.toLowerCase());
  // No lines: compared with the totals a previous reconciliation stored (the explanations are on the sheet).
  const why = !f.lines.length ? "" : explained.length ? ` Explicación probable: ${explained.join("; ")}.` : " Ninguna explicación habitual la cubre: revise los pedimentos.";
  const whyEn = !f.lines.length ? "" : explained.length ? ` Likely explanation: ${f.lines.filter((l) => l.explains).map((l) => l.titleEn.toLowerCase()).join("; ")}.` : " No usual explanation covers it: check the pedimentos.";
  return issue(
    "warning",
    "RECON_DIFFERENCE",
    f.path,
    `${label.es}: la cifra capturada (${fmtMiles(f.captured)} miles de pesos) difiere del total de ${sourceLabel} del ejercicio ${fiscalYear} (${fmtMiles(f.customs)}) en ${fmtMiles(f.difference)} miles (${fmtPct(f.differencePct)}), más que la materialidad (${fmtMiles(f.threshold)} miles).${why} Detalle en la hoja Conciliación.`,
    `${label.en}: the captured figure (${fmtMiles(f.captured)} thousand pesos) differs from the ${fiscalYear} pedimentos (${fmtMiles(f.customs)}) by ${fmtMiles(f.difference)} thousand (${fmtPct(f.differencePct)}), above the materiality (${fmtMiles(f.threshold)}).${whyEn} Details on the Conciliación sheet.`,
    "R56",
  );
}

function reconcileIssues(input: ReconcileInput, figures: FigureReconciliation[], counts: ReconcileResult["counts"], pop: ReturnType<typeof classify>): Issue[] {
  const out: Issue[] = [];
  for (const f of figures) {
    const i = figureIssue(f, input.fiscalYear, input.sourceLabel);
    if (i) out.push(i);
  }
  if (counts.read > 0 && counts.inYear === 0) {
    out.push(issue("warning", "RECON_NO_YEAR", "", `Ningún pedimento de ${input.sourceLabel} se pagó en el ejercicio ${input.fiscalYear} (fecha de pago): ¿son los archivos de otro año?`, `No pedimento was paid in fiscal year ${input.fiscalYear}: are the files from another year?`, "R55"));
  }
  if (counts.unknownClave > 0) {
    const claves = [...new Set(pop.effective.filter((c) => c.year === input.fiscalYear && c.treatment === "unknown").map((c) => `${c.clave || "(vacía)"} ${c.rec.direction === "export" ? "exportación" : c.rec.direction === "import" ? "importación" : "sin operación"}`))];
    out.push(issue("warning", "RECON_UNKNOWN_CLAVE", "", `${counts.unknownClave} pedimento(s) con clave sin tratamiento en la tabla Claves (${claves.slice(0, 6).join(", ")}${claves.length > 6 ? ", …" : ""}): no se sumaron. Agregue la clave a la tabla Claves con su tratamiento.`, `${counts.unknownClave} pedimento(s) with a clave the Claves table does not map (${claves.slice(0, 6).join(", ")}): not added. Add it to the Claves table.`, "R54"));
  }
  const differing = pop.duplicates.filter((d) => !d.sameValues);
  if (pop.duplicates.length) {
    out.push(issue(differing.length ? "warning" : "info", "RECON_DUPLICATES", "", `${pop.duplicates.length} pedimento(s) aparecen más de una vez (archivos mensuales que se traslapan o filas repetidas); se contaron una vez.${differing.length ? ` ${differing.length} con valores distintos: ${differing.slice(0, 3).map((d) => `${formatPedimento(d.kept.number)} (${d.kept.source} y ${d.dropped.source})`).join("; ")}; se usó el primero.` : ""}`, `${pop.duplicates.length} pedimento(s) appear more than once; counted once.`, "R50"));
  }
  if (pop.unmatched.length) {
    out.push(issue("info", "RECON_R1_UNMATCHED", "", `${pop.unmatched.length} rectificación(es) de pedimentos que no están en los datos (p. ej. ${formatPedimento(pop.unmatched[0]!.number)} rectifica ${formatPedimento(pop.unmatched[0]!.previous)}): se usa el valor de la rectificación; el original es de otro periodo o falta un mes.`, `${pop.unmatched.length} rectification(s) of pedimentos not in the data: the rectification's value is used.`, "R53"));
  }
  const fallback = pop.effective.filter((c) => c.year === input.fiscalYear && c.basisFallback);
  if (fallback.length) {
    out.push(issue("warning", "RECON_NO_VALUE_ADDED", "figures.totalExports", `La empresa opera en consignación, pero ${fallback.length} pedimento(s) de exportación no traen valor agregado (p. ej. ${formatPedimento(fallback[0]!.rec.number)}): se sumó su valor comercial. Revise esos pedimentos (Decreto IMMEX, consignación).`, `The company works under consignment but ${fallback.length} export pedimento(s) carry no value added: their commercial value was used.`, "R25"));
  }
  return out;
}
