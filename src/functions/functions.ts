/**
 * =RAOCE.* custom functions: the JSDoc here is the source of dist/functions.json (custom-functions-metadata-plugin),
 * the bodies are thin wrappers over ./core. IDS AND THE NAMESPACE ARE FROZEN: renaming one breaks every workbook that
 * uses it (tests/functions/metadata.test.ts snapshots them). Parameter names and descriptions may change.
 *
 * Registration: one explicit map (REGISTRATIONS), associated at module top level when the page loads, before any UI
 * renders. webpack.config.js drops the metadata plugin's own auto-association so every id is registered once.
 *
 * Errors: bad input → #VALUE! with a Spanish message; valid input with no answer (no rules or exchange rate for that
 * year, no late window for ALTEX/ECEX…) → #N/A with a message (a message needs CustomFunctionsRuntime 1.2, declared
 * in manifest.xml).
 *
 * Dates: Excel serials of the WORKBOOK's date system, or text AAAA-MM-DD. The four functions that read or return a
 * date are async: they wait for the date system (./date-system: asked once from Excel in the shared runtime, kept
 * current by the pane), so a 1904 workbook gets its own days, not days 1,462 off.
 *
 * Volatile: STATUS and DAYSLEFT count from today when the as-of date is empty, so Excel must recalculate them on
 * every recalculation (otherwise yesterday's answer stays in the cell). The others depend only on their arguments.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions metadata maps `any` to a cell of any type */
import * as core from "./core";
import { detectWithExcel, setDateSystemDetector, workbookDate1904 } from "./date-system";

function toExcelError(e: unknown): CustomFunctions.Error {
  if (e instanceof core.FunctionError) {
    const code = e.kind === "notAvailable" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, e.message);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Error inesperado: ${detail}`);
}

function run<T>(compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    throw toExcelError(e);
  }
}

/** A computation over date serials, in the workbook's date system. */
async function dated<T>(compute: () => T): Promise<T> {
  let date1904: boolean;
  try {
    date1904 = await workbookDate1904();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.notAvailable,
      `No se pudo saber si este libro usa el sistema de fechas 1900 o 1904 (${detail}); vuelva a calcular con Ctrl+Alt+F9.`,
    );
  }
  return run(() => core.inDateSystem(date1904, compute));
}

/**
 * Estatus del RAOCE de un programa en una fecha: NO_OBLIGADO, PERIODO_NO_ABIERTO, EN_PLAZO, PRESENTADO, SUSPENDIDO, PRESENTADO_EXTEMPORANEO o CANCELADO.
 * @customfunction STATUS
 * @param programa IMMEX, PROSEC, ALTEX o ECEX.
 * @param anioPresentacion Año en que se presenta el reporte (reporta el ejercicio anterior).
 * @param [fechaPresentacion] Fecha en que se presentó el RAOCE; vacío si no se ha presentado.
 * @param [fechaConsulta] Fecha a la que se evalúa; vacío = hoy en la Ciudad de México.
 * @param [otrosProgramas] Otros programas de la empresa, p. ej. "IMMEX,PROSEC" o un rango.
 * @param [fechaAutorizacion] Fecha de autorización del programa.
 * @returns Código de estatus.
 * @volatile
 */
export async function status(
  programa: string,
  anioPresentacion: number,
  fechaPresentacion?: any,
  fechaConsulta?: any,
  otrosProgramas?: any[][],
  fechaAutorizacion?: any,
): Promise<string> {
  return dated(() => core.status(programa, anioPresentacion, fechaPresentacion, fechaConsulta, otrosProgramas, fechaAutorizacion));
}

/**
 * Fecha del calendario del RAOCE: apertura, vencimiento, límite extemporáneo o cancelación (como fecha de Excel).
 * @customfunction DEADLINE
 * @param programa IMMEX, PROSEC, ALTEX o ECEX.
 * @param anioPresentacion Año en que se presenta el reporte.
 * @param [hito] opens, due (predeterminado), late o cancelled; también apertura, vencimiento, extemporaneo, cancelacion.
 * @param [otrosProgramas] Otros programas de la empresa, p. ej. "IMMEX" o un rango (PROSEC ligado vence en mayo).
 * @returns Fecha (número de serie de Excel; aplique formato de fecha).
 */
export async function deadline(programa: string, anioPresentacion: number, hito?: string, otrosProgramas?: any[][]): Promise<number> {
  return dated(() => core.deadline(programa, anioPresentacion, hito, otrosProgramas));
}

/**
 * Días naturales que faltan para el siguiente hito del RAOCE (apertura, vencimiento, límite extemporáneo o cancelación).
 * @customfunction DAYSLEFT
 * @param programa IMMEX, PROSEC, ALTEX o ECEX.
 * @param anioPresentacion Año en que se presenta el reporte.
 * @param [fechaConsulta] Fecha desde la que se cuenta; vacío = hoy en la Ciudad de México.
 * @param [otrosProgramas] Otros programas de la empresa, p. ej. "IMMEX,PROSEC" o un rango.
 * @returns Días naturales (0 = el hito es ese mismo día).
 * @volatile
 */
export async function daysLeft(programa: string, anioPresentacion: number, fechaConsulta?: any, otrosProgramas?: any[][]): Promise<number> {
  return dated(() => core.daysLeft(programa, anioPresentacion, fechaConsulta, otrosProgramas));
}

/**
 * Saldo de la balanza comercial: exportaciones − importaciones, en miles de pesos.
 * @customfunction BALANCE
 * @param exportaciones Total de exportaciones (miles de pesos).
 * @param [importaciones] Total de importaciones (miles de pesos); vacío = 0.
 * @returns Saldo en miles de pesos (puede ser negativo).
 */
export function balance(exportaciones: number, importaciones?: number): number {
  return run(() => core.balance(exportaciones, importaciones));
}

/**
 * Porcentaje de exportación: exportaciones / ventas totales × 100, sin redondear (10 = 10 %).
 * @customfunction EXPORTSHARE
 * @param ventas Ventas totales (miles de pesos), mayores que 0.
 * @param exportaciones Total de exportaciones (miles de pesos).
 * @returns Porcentaje (10 significa 10 %).
 */
export function exportShare(ventas: number, exportaciones: number): number {
  return run(() => core.exportShare(ventas, exportaciones));
}

/**
 * Convierte miles de pesos a dólares con el tipo de cambio promedio del ejercicio (o el que usted indique).
 * @customfunction USD
 * @param milesPesos Importe en miles de pesos.
 * @param ejercicio Ejercicio reportado (año anterior al de presentación).
 * @param [tipoCambio] Pesos por dólar; vacío = promedio FIX de Banxico del ejercicio (2025: 19.1996).
 * @returns Importe en dólares.
 */
export function usd(milesPesos: number, ejercicio: number, tipoCambio?: number): number {
  return run(() => core.usd(milesPesos, ejercicio, tipoCambio));
}

/**
 * Compromiso de exportación del ejercicio: CUMPLE, NO_CUMPLE, NO_EVALUADO o POR_CONFIRMAR.
 * @customfunction COMMITMENT
 * @param programa IMMEX, PROSEC, ALTEX o ECEX.
 * @param ejercicio Ejercicio reportado (año anterior al de presentación).
 * @param ventas Ventas totales (miles de pesos).
 * @param exportaciones Total de exportaciones (miles de pesos).
 * @param [tipoCambio] Pesos por dólar; vacío = promedio del ejercicio.
 * @param [tipoExportador] ALTEX: DIRECTO, INDIRECTO o AMBOS.
 * @param [exportacionesIndirectas] Exportaciones indirectas (miles de pesos).
 * @returns Veredicto.
 */
export function commitment(
  programa: string,
  ejercicio: number,
  ventas: number,
  exportaciones: number,
  tipoCambio?: number,
  tipoExportador?: string,
  exportacionesIndirectas?: number,
): string {
  return run(() =>
    core.commitment(programa, ejercicio, ventas, exportaciones, tipoCambio, tipoExportador, exportacionesIndirectas),
  );
}

/**
 * Valida un RFC: VALIDO, ADVERTENCIA (el dígito verificador no coincide; el SAT emitió algunos así) o INVALIDO.
 * @customfunction RFC
 * @param rfc RFC de persona moral (12 caracteres) o física (13).
 * @returns VALIDO, ADVERTENCIA o INVALIDO.
 */
export function rfc(rfc: any): string {
  return run(() => core.rfc(rfc));
}

/**
 * Suma días hábiles de la Secretaría de Economía a una fecha (sin fines de semana, días inhábiles oficiales ni los que indique).
 * @customfunction BUSINESSDAYS
 * @param fechaInicial Fecha desde la que se cuenta (no cuenta como día).
 * @param dias Número de días hábiles (entero, 0 o más).
 * @param [diasInhabiles] Días inhábiles adicionales: un rango de fechas o el texto "2025-04-17,2025-04-18".
 * @returns Fecha (número de serie de Excel; aplique formato de fecha).
 */
export async function businessDays(fechaInicial: any, dias: number, diasInhabiles?: any[][]): Promise<number> {
  return dated(() => core.businessDays(fechaInicial, dias, diasInhabiles));
}

/** id (frozen) → implementation. The runtime and tests/functions/registration.test.ts use this same map. */
export const REGISTRATIONS = {
  STATUS: status,
  DEADLINE: deadline,
  DAYSLEFT: daysLeft,
  BALANCE: balance,
  EXPORTSHARE: exportShare,
  USD: usd,
  COMMITMENT: commitment,
  RFC: rfc,
  BUSINESSDAYS: businessDays,
} as const;

export function registerCustomFunctions(): void {
  for (const [id, fn] of Object.entries(REGISTRATIONS)) CustomFunctions.associate(id, fn);
}

// Top level, on page load: the shared runtime loads taskpane.html headless when a workbook that uses =RAOCE.* opens.
if (typeof CustomFunctions !== "undefined") registerCustomFunctions();
// In Excel the shared runtime has the Excel API: the date functions ask it for the workbook's date system once.
if (typeof Excel !== "undefined" && typeof Excel.run === "function") setDateSystemDetector(() => detectWithExcel(Excel.run));
