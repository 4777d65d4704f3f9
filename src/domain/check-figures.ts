/**
 * Consistency checks of the trade-balance figures (R20–R23, R26), given the programs in force for the filing.
 * VUCEM's own blocking checks (a, b, c ≥ 0, b ≤ a, 16 digits, whole numbers) live in vucem-figures.ts (R21a).
 */
import { formatNumber } from "./commitment";
import { scaleWarnings } from "./figure-scale";
import { taxReturnMismatch } from "./figures";
import { issue, type Issue } from "./issues";
import { hasLinkedPrograms, type ProgramType } from "./programs";
import type { FiguresInput } from "./schema";

type Figures = Partial<FiguresInput>;

/** a×1000 ≥ this multiple of the tax-return income means the sales were typed in pesos, not miles (R20, R26). */
const PESOS_RATIO = 500;
/** Direct + indirect exports may differ from the total by rounding of miles de pesos (R26 rev.). */
const SUM_TOLERANCE = 1;

const fmt = (n: number): string => formatNumber(n, Number.isInteger(n) ? 0 : 2);

function taxReturnChecks(a: number, income: number, out: Issue[]): void {
  // R26 rev.: an income of 0 is compared too (it never confirms sales above 0).
  if (income > 0 && a * 1000 >= PESOS_RATIO * income) {
    const times = fmt(Math.round((a * 1000) / income));
    out.push(issue("error", "LIKELY_PESOS", "figures.totalSales", `Las ventas totales parecen capturadas en pesos: ${fmt(a)} miles de pesos son ${times} veces el ingreso de la declaración anual. Divídalas entre 1,000 (VUCEM pide miles de pesos).`, `Total sales look typed in pesos: ${fmt(a)} thousand pesos is ${times} times the tax-return income. Divide by 1,000 (VUCEM asks for thousands of pesos).`, "R20"));
    return;
  }
  const m = taxReturnMismatch(a, income);
  if (!m.exceeds) return;
  const pct = Number.isFinite(m.ratio) ? `${fmt(Math.round(m.ratio * 10000) / 100)} %` : "por completo";
  const pctEn = Number.isFinite(m.ratio) ? `${fmt(Math.round(m.ratio * 10000) / 100)} %` : "entirely";
  out.push(issue("warning", "TAX_RETURN_MISMATCH", "figures.totalSales", `Las ventas totales (${fmt(a * 1000)} pesos) difieren ${pct} del ingreso de la declaración anual (${fmt(income)} pesos); la SE pide que coincidan. Revise ambas cifras.`, `Total sales (${fmt(a * 1000)} pesos) differ ${pctEn} from the tax-return income (${fmt(income)} pesos); they must agree. Check both figures.`, "R26"));
}

export function checkFigures(f: Figures, held: readonly ProgramType[]): Issue[] {
  const out: Issue[] = [];
  const a = f.totalSales;
  const b = f.totalExports;
  const prosecOnly = held.length > 0 && held.every((p) => p === "PROSEC");

  if (a === 0 && held.length > 0) {
    out.push(issue("warning", "ZERO_SALES", "figures.totalSales", "Las ventas totales son 0: VUCEM las acepta, pero el porcentaje de exportación (b/a) no se puede calcular.", "Total sales are 0: VUCEM accepts it, but the export share (b/a) cannot be computed.", "R21a"));
  }

  const income = f.taxReturnIncome;
  if (a !== undefined && a >= 0 && income !== undefined) taxReturnChecks(a, income, out);
  if (a !== undefined && income === undefined) {
    out.push(...scaleWarnings({ ...(a !== undefined ? { totalSales: a } : {}), ...(b !== undefined ? { totalExports: b } : {}), ...(f.totalImports !== undefined ? { totalImports: f.totalImports } : {}) }));
    out.push(issue("info", "TAX_RETURN_NOT_GIVEN", "figures.taxReturnIncome", "Sin el ingreso de la declaración anual no se pudo comparar las ventas totales con la declaración (la SE pide que coincidan). Capture el ingreso en pesos para hacer la comparación.", "Without the tax-return income, total sales could not be compared with the tax return (the SE asks that they agree). Enter the income in pesos to run the comparison.", "R26"));
  }

  if (hasLinkedPrograms(held) && f.totalImports !== undefined && f.totalImports !== 0) {
    out.push(issue("warning", "IMPORTS_NOT_CAPTURED", "figures.totalImports", "Total importaciones no se captura: con IMMEX y programas ligados VUCEM solo pide ventas totales y exportaciones (el campo está deshabilitado). La cifra no se usa.", "Total imports is not captured: with IMMEX and linked programs VUCEM asks only for sales and exports (the field is disabled). The figure is not used.", "R22"));
  }
  if (prosecOnly && f.totalImports === undefined) {
    out.push(issue("error", "REQUIRED", "figures.totalImports", "Total importaciones (c): es obligatorio para PROSEC sin otros programas vigentes (solo de los bienes producidos con insumos importados al amparo de PROSEC).", "Total imports (c): required for PROSEC without other programs in force (only for goods produced with PROSEC-imported inputs).", "R23"));
  }

  // R26 rev.: direct ≤ total and indirect ≤ total (errors); direct + indirect = total within 1 (warning).
  const { directExports: d, indirectExports: i } = f;
  if (d !== undefined && b !== undefined && d > b) {
    out.push(issue("error", "DIRECT_EXCEEDS_TOTAL", "figures.directExports", `Las exportaciones directas (${fmt(d)}) son mayores que el total de exportaciones (${fmt(b)}): el total incluye las directas y las indirectas. Revise las cifras.`, `Direct exports (${fmt(d)}) exceed total exports (${fmt(b)}): the total includes direct and indirect exports. Check the figures.`, "R26"));
  }
  if (i !== undefined && b !== undefined && i > b) {
    out.push(issue("error", "INDIRECT_EXCEEDS_TOTAL", "figures.indirectExports", `Las exportaciones indirectas (${fmt(i)}) son mayores que el total de exportaciones (${fmt(b)}): el total incluye las directas y las indirectas (regla 3.2.16 e de las Reglas de la SE). Revise las cifras.`, `Indirect exports (${fmt(i)}) exceed total exports (${fmt(b)}): the total includes direct and indirect exports (SE rule 3.2.16 e). Check the figures.`, "R26"));
  }
  if (d !== undefined && i !== undefined && b !== undefined && Math.abs(d + i - b) > SUM_TOLERANCE) {
    out.push(issue("warning", "EXPORTS_SUM", "figures.totalExports", `Exportaciones directas (${fmt(d)}) + indirectas (${fmt(i)}) = ${fmt(d + i)}, distinto del total de exportaciones (${fmt(b)}). El total es la suma de los pedimentos de exportación directa e indirecta (regla 3.2.16 e de las Reglas de la SE).`, `Direct (${fmt(d)}) + indirect (${fmt(i)}) exports = ${fmt(d + i)}, not the total exports (${fmt(b)}). The total is the sum of direct and indirect export pedimentos (SE rule 3.2.16 e).`, "R26"));
  }
  return out;
}

/** R26 rev.: figures VUCEM would take but that make a verdict meaningless (direct or indirect over the total). */
export const VERDICT_BLOCKING_CODES: ReadonlySet<string> = new Set(["DIRECT_EXCEEDS_TOTAL", "INDIRECT_EXCEEDS_TOTAL"]);
