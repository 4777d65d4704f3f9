/**
 * R56: the explanation lines, in the reference's order: virtual operations, consignment (value added vs commercial
 * value), rectifications, period cut-off, exchange rate (compared in USD), returns and temporary exports, services.
 * Each line says how much the captured figure would differ from the customs total (captured − customs, miles) if the
 * preparer had done that thing, and lists the pedimentos behind it.
 */
import { refOf, type Classified, type Population } from "./classify";
import { fmtMiles } from "./text";
import type { ExplanationLine, LineKind, ReconcileInput } from "./types";

const miles = (pesos: number) => pesos / 1000;
const total = (xs: readonly Classified[], f: (c: Classified) => number = (c) => c.mxn) => xs.reduce((s, c) => s + f(c), 0);

function line(kind: LineKind, title: string, titleEn: string, effectPesos: number | null, note: string, noteEn: string, items: readonly Classified[]): ExplanationLine {
  return { kind, title, titleEn, effectMiles: effectPesos === null ? null : miles(effectPesos), explains: false, note, noteEn, pedimentos: items.map(refOf) };
}

const isExport = (c: Classified) => c.treatment === "export-direct" || c.treatment === "export-virtual";
const isImport = (c: Classified) => c.treatment === "import" || c.treatment === "import-virtual";

/** January-consolidated: consolidated, paid in January, for operations of the year before (invoices, when known). */
function januaryConsolidated(c: Classified, year: number): boolean {
  if (!c.rec.consolidated || !c.rec.paidOn) return false;
  if (c.rec.paidOn.slice(0, 7) !== `${year}-01`) return false;
  return c.rec.invoiceFrom === null || c.rec.invoiceFrom < `${year}-01-01`;
}

function cutoffLine(input: ReconcileInput, pop: Population, counted: readonly Classified[], fits: (c: Classified) => boolean): ExplanationLine {
  const Y = input.fiscalYear;
  const inJan = counted.filter((c) => fits(c) && januaryConsolidated(c, Y));
  const nextJan = pop.effective.filter((c) => c.year === Y + 1 && fits(c) && januaryConsolidated(c, Y + 1));
  const sign = (c: Classified) => (c.treatment === "export-subtract" ? -1 : 1);
  // Captured by operation date instead of payment date: without this January's, with next January's.
  const effect = -total(inJan, (c) => sign(c) * c.mxn) + total(nextJan, (c) => sign(c) * c.mxn);
  return line(
    "cutoff",
    "Corte del periodo (pedimentos consolidados pagados en enero)",
    "Period cut-off (consolidated pedimentos paid in January)",
    inJan.length + nextJan.length ? effect : 0,
    `El ejercicio se asigna por fecha de pago. ${inJan.length} consolidado(s) pagado(s) en enero de ${Y} por operaciones de ${Y - 1} están incluidos${nextJan.length ? `; ${nextJan.length} pagado(s) en enero de ${Y + 1} por operaciones de ${Y} no` : ""}. Si la cifra se tomó por fecha de factura, difiere en ${fmtMiles(miles(effect))} miles.`,
    `The year is assigned by payment date; ${inJan.length} consolidated pedimento(s) paid in January ${Y} for ${Y - 1} operations are included.`,
    [...inJan, ...nextJan],
  );
}

function rectificationLine(input: ReconcileInput, pop: Population, fits: (c: Classified) => boolean): ExplanationLine {
  const Y = input.fiscalYear;
  const old = pop.superseded.filter((c) => c.year === Y && fits(c));
  const effect = total(old, (c) => (c.treatment === "export-subtract" ? -c.mxn : c.mxn));
  return line(
    "rectifications",
    "Rectificaciones (pedimento reemplazado contado dos veces)",
    "Rectifications (replaced pedimento counted twice)",
    effect,
    old.length
      ? `${old.length} pedimento(s) reemplazado(s) por una rectificación (R1): solo cuenta el último de cada cadena. Si se sumaron también los reemplazados, la cifra sube ${fmtMiles(miles(effect))} miles.`
      : "No hay pedimentos rectificados en el ejercicio.",
    old.length ? `${old.length} pedimento(s) replaced by a rectification: only the last of each chain counts.` : "No rectified pedimentos in the year.",
    old,
  );
}

function exchangeLine(input: ReconcileInput, counted: readonly Classified[], customsPesos: number, signOf: (c: Classified) => number): ExplanationLine {
  const usdKnown = counted.every((c) => c.rec.usd !== null);
  if (!input.annualRate || !usdKnown || counted.length === 0) {
    return line("exchangeRate", "Tipo de cambio", "Exchange rate", null, "Sin valor en dólares en todos los pedimentos o sin tipo de cambio anual: no se calcula.", "No USD value on every pedimento, or no annual rate: not computed.", []);
  }
  const usd = total(counted, (c) => signOf(c) * (c.rec.usd ?? 0));
  const effect = usd * input.annualRate - customsPesos;
  return line(
    "exchangeRate",
    "Tipo de cambio (comparación en dólares)",
    "Exchange rate (compared in USD)",
    effect,
    `Los pedimentos suman US$ ${usd.toLocaleString("es-MX", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}. Convertidos al promedio anual (${input.annualRate} pesos por dólar) en vez del tipo de cambio de cada pedimento, la cifra difiere en ${fmtMiles(miles(effect))} miles.`,
    `The pedimentos add up to USD ${usd.toFixed(2)}; converted at the annual average (${input.annualRate}) instead of each pedimento's rate, the figure differs by ${fmtMiles(miles(effect))} thousand.`,
    [],
  );
}

export function explainExports(input: ReconcileInput, pop: Population, inYear: readonly Classified[]): ExplanationLine[] {
  const virtual = inYear.filter((c) => c.treatment === "export-virtual");
  const subtract = inYear.filter((c) => c.treatment === "export-subtract");
  const counted = inYear.filter((c) => isExport(c) || c.treatment === "export-subtract");
  const sign = (c: Classified) => (c.treatment === "export-subtract" ? -1 : 1);
  const customs = total(counted, (c) => sign(c) * c.mxn);
  const lines: ExplanationLine[] = [];

  lines.push(line("virtual", "Operaciones virtuales no incluidas", "Virtual operations not included", -total(virtual), `${virtual.length} pedimento(s) de exportación virtual (V1 y otras claves de transferencia) forman parte de (b). Si la cifra capturada no los incluye, es menor por ${fmtMiles(miles(total(virtual)))} miles.`, `${virtual.length} virtual export pedimento(s) are part of (b).`, virtual));

  const withVa = inYear.filter((c) => isExport(c) && c.rec.valueAdded !== null);
  const gap = total(withVa, (c) => c.rec.commercialMxn - (c.rec.valueAdded ?? 0));
  if (input.consignment) {
    lines.push(line("consignment", "Consignación: valor comercial en lugar de valor agregado", "Consignment: commercial value instead of value added", gap, `La empresa opera en consignación: (b) es solo el valor agregado (Decreto IMMEX; Guía RAOCE). Si se capturó el valor comercial, la cifra es mayor por ${fmtMiles(miles(gap))} miles.`, "Under consignment, (b) is the value added only.", withVa));
  } else {
    lines.push(line("consignment", "Valor agregado en lugar de valor comercial", "Value added instead of commercial value", withVa.length ? -gap : 0, withVa.length ? `La empresa no está marcada en consignación: (b) es el valor comercial. Si se capturó el valor agregado, la cifra es menor por ${fmtMiles(miles(gap))} miles.` : "Los pedimentos no traen valor agregado.", "Not under consignment: (b) is the commercial value.", withVa));
  }

  lines.push(rectificationLine(input, pop, (c) => isExport(c) || c.treatment === "export-subtract"));
  lines.push(cutoffLine(input, pop, counted, (c) => isExport(c) || c.treatment === "export-subtract"));
  lines.push(exchangeLine(input, counted, customs, sign));

  lines.push(line("returns", "Devoluciones de mercancía exportada (K1) no restadas", "Returns of exported goods (K1) not subtracted", total(subtract), `${subtract.length} pedimento(s) de devolución se restan de (b). Si no se restaron, la cifra es mayor por ${fmtMiles(miles(total(subtract)))} miles.`, `${subtract.length} return pedimento(s) are subtracted from (b).`, subtract));
  const temp = inYear.filter((c) => c.treatment === "exclude" && c.rec.direction === "export");
  lines.push(line("returns", "Exportaciones temporales y retornos sin venta contados", "Temporary exports and returns without a sale counted", total(temp), `${temp.length} pedimento(s) de exportación que no son venta (temporales, tránsitos, complementarios) no cuentan. Si se sumaron, la cifra es mayor por ${fmtMiles(miles(total(temp)))} miles.`, `${temp.length} export pedimento(s) that are not sales do not count.`, temp));

  lines.push(line("services", "Exportación de servicios (sin pedimento)", "Export of services (no pedimento)", null, "Los servicios exportados (p. ej. IMMEX de servicios) no llevan pedimento: si la cifra capturada los incluye, explican una diferencia positiva que esta conciliación no puede medir (se revisan contra los CFDI).", "Exported services carry no pedimento: if the captured figure includes them they explain a positive difference this reconciliation cannot measure.", []));
  return lines;
}

export function explainImports(input: ReconcileInput, pop: Population, inYear: readonly Classified[]): ExplanationLine[] {
  const virtual = inYear.filter((c) => c.treatment === "import-virtual");
  const counted = inYear.filter(isImport);
  const customs = total(counted);
  const lines: ExplanationLine[] = [];
  lines.push(line("virtual", "Importaciones virtuales no incluidas", "Virtual imports not included", -total(virtual), `${virtual.length} pedimento(s) de importación virtual o de extracción de depósito fiscal cuentan en (c) por omisión (confianza baja, tabla Claves). Si no se incluyeron, la cifra es menor por ${fmtMiles(miles(total(virtual)))} miles.`, `${virtual.length} virtual import pedimento(s) count in (c) by default.`, virtual));

  const both = counted.filter((c) => c.rec.customsMxn !== null);
  const gap = total(both, (c) => (c.rec.customsMxn ?? 0) - c.rec.commercialMxn);
  const basisCustoms = input.importBasis === "customs";
  lines.push(line("importBasis", basisCustoms ? "Valor comercial en lugar de valor en aduana" : "Valor en aduana en lugar de valor comercial", basisCustoms ? "Commercial value instead of customs value" : "Customs value instead of commercial value", both.length ? (basisCustoms ? -gap : gap) : 0, `(c) se suma a valor ${basisCustoms ? "en aduana" : "comercial"} (elegible en la hoja Conciliación; sin fuente oficial, confianza baja). Con el otro valor la cifra difiere en ${fmtMiles(miles(basisCustoms ? -gap : gap))} miles.`, "The import basis is selectable; no official source.", []));

  lines.push(rectificationLine(input, pop, isImport));
  lines.push(cutoffLine(input, pop, counted, isImport));
  lines.push(exchangeLine(input, counted, customs, () => 1));
  const excluded = inYear.filter((c) => c.treatment === "exclude" && c.rec.direction === "import");
  lines.push(line("returns", "Cambios de régimen, temporales y tránsitos contados", "Changes of regime, temporary imports and transits counted", total(excluded), `${excluded.length} pedimento(s) de importación no cuentan (F4/F5 ya contaron al importarse; temporales art. 106, depósito fiscal, tránsitos). Si se sumaron, la cifra es mayor por ${fmtMiles(miles(total(excluded)))} miles.`, `${excluded.length} import pedimento(s) do not count.`, excluded));
  return lines;
}
