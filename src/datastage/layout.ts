/**
 * The Data Stage file layouts we read (R50, R51; research: datastage-and-pedimentos.md §1.4). Columns are mapped BY
 * HEADER NAME: names are compared folded (case, accents, spaces and underscores ignored), with the spellings SAT
 * files are known to carry as aliases. A file without a header row falls back to the documented positions.
 */

/** Canonical field → accepted header spellings (folded). The first is the documented one. */
export const ALIASES: Record<string, string[]> = {
  Patente: ["patente", "patenteaduanal"],
  Pedimento: ["pedimento", "numeropedimento"],
  SeccionAduanera: ["seccionaduanera", "seccionaduaneradespacho", "aduanaseccion"],
  TipoOperacion: ["tipooperacion", "tipodeoperacion", "tipooper"],
  ClaveDocumento: ["clavedocumento", "clavepedimento", "cvedocumento", "cvepedimento"],
  Rfc: ["rfc", "rfcimportadorexportador"],
  TipoCambio: ["tipocambio", "tipodecambio"],
  TipoPedimento: ["tipopedimento"],
  FechaPagoReal: ["fechapagoreal", "fechavalidacionpagor", "fechapagor", "fechadepagoreal"],
  FechaPago: ["fechapago"],
  ValorAduana: ["valoraduana", "valorenaduana"],
  ValorComercial: ["valorcomercial", "valorcomerical"],
  ValorDolares: ["valordolares", "valorendolares", "valordlls"],
  ValorAgregado: ["valoragregado"],
  Fraccion: ["fraccion", "fraccionarancelaria"],
  SecuenciaFraccion: ["secuenciafraccion", "secuencia"],
  ClaveCaso: ["clavecaso", "caso"],
  FechaFacturacion: ["fechafacturacion", "fechafactura"],
  PedimentoAnterior: ["pedimentoanterior"],
  PatenteAnterior: ["patenteanterior"],
  SeccionAduaneraAnterior: ["seccionaduaneraanterior"],
  DocumentoAnterior: ["documentoanterior", "clavedocumentoanterior"],
  FechaOperacionAnterior: ["fechaoperacionanterior"],
  PedimentoOriginal: ["pedimentooriginal"],
  Folio: ["folio"],
  RFCoPatenteAduanal: ["rfcopatenteaduanal", "rfcpatenteaduanal", "rfcopatente"],
  Fecha_Inicial: ["fechainicial"],
  Fecha_Final: ["fechafinal"],
};

export const fold = (s: string): string =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");

/** Documented positions (0-based) for header-less files. */
export const POSITIONS: Record<string, Record<string, number>> = {
  "501": { Patente: 0, Pedimento: 1, SeccionAduanera: 2, TipoOperacion: 3, ClaveDocumento: 4, Rfc: 7, TipoCambio: 9, TipoPedimento: 28, FechaPagoReal: 30 },
  "551": { Patente: 0, Pedimento: 1, SeccionAduanera: 2, Fraccion: 3, SecuenciaFraccion: 4, ValorAduana: 8, ValorComercial: 9, ValorDolares: 10, ValorAgregado: 15, FechaPagoReal: 29 },
  "505": { Patente: 0, Pedimento: 1, SeccionAduanera: 2, FechaFacturacion: 3, ValorDolares: 7, FechaPagoReal: 18 },
  "507": { Patente: 0, Pedimento: 1, SeccionAduanera: 2, ClaveCaso: 3, FechaPagoReal: 7 },
  "701": { Patente: 0, Pedimento: 1, SeccionAduanera: 2, ClaveDocumento: 3, FechaPago: 4, PedimentoAnterior: 5, PatenteAnterior: 6, SeccionAduaneraAnterior: 7, DocumentoAnterior: 8, FechaOperacionAnterior: 9, PedimentoOriginal: 10, FechaPagoReal: 13 },
  resumen: { Folio: 0, RFCoPatenteAduanal: 1, Fecha_Inicial: 2, Fecha_Final: 3 },
};

/** Fields a file must have for us to use it. */
export const REQUIRED: Record<string, string[]> = {
  "501": ["Patente", "Pedimento", "SeccionAduanera", "TipoOperacion", "ClaveDocumento", "FechaPagoReal"],
  "551": ["Patente", "Pedimento", "SeccionAduanera", "ValorComercial"],
  "505": ["Patente", "Pedimento", "SeccionAduanera"],
  "507": ["Patente", "Pedimento", "SeccionAduanera", "ClaveCaso"],
  "701": ["Patente", "Pedimento", "SeccionAduanera", "PedimentoAnterior"],
  resumen: ["RFCoPatenteAduanal", "Fecha_Inicial", "Fecha_Final"],
};

export interface ColumnMap {
  /** Canonical field → column index. */
  index: Record<string, number>;
  headerless: boolean;
  /** Required fields not found. */
  missing: string[];
}

/** Maps a header line. A first field made of digits means there is no header: documented positions. */
export function mapColumns(code: string, firstLine: string[]): ColumnMap {
  const wanted = POSITIONS[code] ?? {};
  if (/^\d+$/.test((firstLine[0] ?? "").trim())) {
    return { index: { ...wanted }, headerless: true, missing: [] };
  }
  const folded = firstLine.map((h) => fold(h));
  const index: Record<string, number> = {};
  for (const field of Object.keys(wanted)) {
    const aliases = ALIASES[field] ?? [fold(field)];
    const j = folded.findIndex((h) => aliases.includes(h));
    if (j >= 0) index[field] = j;
  }
  const missing = (REQUIRED[code] ?? []).filter((f) => index[f] === undefined);
  return { index, headerless: false, missing };
}

/** `{folio}_{code}.asc` → code ("501", "551", "resumen"…), or null. */
export function fileCode(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? "";
  const m = /^(?:.*?_)?([0-9]{3}|resumen|sel|inci)\.(?:asc|txt)$/i.exec(base);
  return m ? m[1]!.toLowerCase() : null;
}
