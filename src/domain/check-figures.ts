/** Consistency checks of the trade-balance figures (R20–R23, R26), given which programs are held. */
import { issue, type Issue } from "./issues";
import { hasLinkedPrograms, type ProgramType } from "./programs";
import { taxReturnMismatch } from "./figures";
import type { FiguresInput } from "./schema";

type Figures = Partial<FiguresInput>;

/** Sales at or above this many miles de pesos (1 billón de pesos) are almost surely typed in pesos (R20). */
const IMPLAUSIBLE_THOUSANDS = 1_000_000_000;
/** a×1000 ≥ this multiple of the tax-return income means the sales were typed in pesos, not miles (R20, R26). */
const PESOS_RATIO = 500;
/** Direct + indirect exports may differ from the total by rounding of miles de pesos. */
const SUM_TOLERANCE = 1;

const fmt = (n: number): string => n.toLocaleString("es-MX", { maximumFractionDigits: 2 });
const fmtEn = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

export function checkFigures(f: Figures, held: readonly ProgramType[]): Issue[] {
  const out: Issue[] = [];
  const a = f.totalSales;
  const b = f.totalExports;
  const prosecOnly = held.length > 0 && held.every((p) => p === "PROSEC");

  if (a !== undefined && b !== undefined && b > a) {
    out.push(
      issue(
        "error",
        "EXPORTS_EXCEED_SALES",
        "figures.totalExports",
        `Total exportaciones (${fmt(b)}) es mayor que ventas totales (${fmt(a)}): las ventas totales incluyen las exportaciones. Revise ambas cifras (miles de pesos).`,
        `Total exports (${fmtEn(b)}) exceed total sales (${fmtEn(a)}): total sales include exports. Check both figures (thousands of pesos).`,
        "R21",
      ),
    );
  }
  if (a === 0 && held.length > 0) {
    out.push(
      issue(
        "warning",
        "ZERO_SALES",
        "figures.totalSales",
        "Ventas totales es 0: el porcentaje de exportación (b/a) no se puede calcular.",
        "Total sales is 0: the export share (b/a) cannot be computed.",
        "R21",
      ),
    );
  }

  if (a !== undefined && f.taxReturnIncome !== undefined && f.taxReturnIncome > 0) {
    const m = taxReturnMismatch(a, f.taxReturnIncome);
    if (a * 1000 >= PESOS_RATIO * f.taxReturnIncome) {
      out.push(
        issue(
          "error",
          "LIKELY_PESOS",
          "figures.totalSales",
          `Ventas totales parece capturada en pesos: ${fmt(a)} miles de pesos es ${fmt(Math.round((a * 1000) / f.taxReturnIncome))} veces el ingreso de la declaración anual. Divida entre 1,000 (VUCEM pide miles de pesos).`,
          `Total sales look typed in pesos: ${fmtEn(a)} thousand pesos is ${fmtEn(Math.round((a * 1000) / f.taxReturnIncome))} times the tax-return income. Divide by 1,000 (VUCEM asks for thousands of pesos).`,
          "R20",
        ),
      );
    } else if (m.exceeds) {
      out.push(
        issue(
          "warning",
          "TAX_RETURN_MISMATCH",
          "figures.totalSales",
          `Ventas totales (${fmt(a * 1000)} pesos) difiere ${fmt(m.ratio * 100)} % del ingreso de la declaración anual (${fmt(f.taxReturnIncome)} pesos); la SE pide que coincidan.`,
          `Total sales (${fmtEn(a * 1000)} pesos) differ ${fmtEn(m.ratio * 100)} % from the tax-return income (${fmtEn(f.taxReturnIncome)} pesos); they must agree.`,
          "R26",
        ),
      );
    }
  } else if (a !== undefined && a >= IMPLAUSIBLE_THOUSANDS) {
    out.push(
      issue(
        "warning",
        "LIKELY_PESOS",
        "figures.totalSales",
        `Ventas totales = ${fmt(a)} miles de pesos (más de un billón de pesos): verifique que no esté capturada en pesos.`,
        `Total sales = ${fmtEn(a)} thousand pesos (over a trillion pesos): check it is not typed in pesos.`,
        "R20",
      ),
    );
  }

  if (hasLinkedPrograms(held) && f.totalImports !== undefined && f.totalImports !== 0) {
    out.push(
      issue(
        "warning",
        "IMPORTS_NOT_CAPTURED",
        "figures.totalImports",
        "Total importaciones no se captura: con IMMEX y programas ligados VUCEM solo pide ventas totales y exportaciones (el campo está deshabilitado). Déjelo vacío.",
        "Total imports is not captured: with IMMEX and linked programs VUCEM asks only for sales and exports (the field is disabled). Leave it empty.",
        "R22",
      ),
    );
  }
  if (prosecOnly && f.totalImports === undefined) {
    out.push(
      issue(
        "error",
        "REQUIRED",
        "figures.totalImports",
        "Total importaciones (c): es obligatorio para PROSEC sin otros programas (solo de los bienes producidos con insumos importados al amparo de PROSEC).",
        "Total imports (c): required for PROSEC alone (only for goods produced with PROSEC-imported inputs).",
        "R23",
      ),
    );
  }

  const { directExports: d, indirectExports: i } = f;
  if (d !== undefined && i !== undefined && b !== undefined && Math.abs(d + i - b) > SUM_TOLERANCE) {
    out.push(
      issue(
        "warning",
        "EXPORTS_SUM",
        "figures.totalExports",
        `Exportaciones directas (${fmt(d)}) + indirectas (${fmt(i)}) = ${fmt(d + i)}, distinto del total de exportaciones (${fmt(b)}). El total es la suma de pedimentos de exportación directa e indirecta.`,
        `Direct (${fmtEn(d)}) + indirect (${fmtEn(i)}) exports = ${fmtEn(d + i)}, not the total exports (${fmtEn(b)}). The total is the sum of direct and indirect export pedimentos.`,
        "R26",
      ),
    );
  }
  if ((d !== undefined || i !== undefined) && b !== undefined && (d ?? 0) > b) {
    out.push(
      issue(
        "error",
        "DIRECT_EXCEEDS_TOTAL",
        "figures.directExports",
        "Exportaciones directas es mayor que el total de exportaciones.",
        "Direct exports exceed total exports.",
        "R26",
      ),
    );
  }
  return out;
}
