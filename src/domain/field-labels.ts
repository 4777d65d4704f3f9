/** Human names of the input fields (Spanish as VUCEM and the template call them, English for en-US Office). */
export interface Label {
  es: string;
  en: string;
}

export const FIELD_LABELS: Record<string, Label> = {
  company: { es: "Datos de la empresa", en: "Company data" },
  "company.rfc": { es: "RFC", en: "RFC (tax id)" },
  "company.name": { es: "Razón social", en: "Company name" },
  "company.consignment": { es: "Opera en consignación", en: "Works under consignment" },
  filingYear: { es: "Año de presentación", en: "Filing year" },
  asOf: { es: "Fecha de corte", en: "As-of date" },
  exchangeRate: { es: "Tipo de cambio", en: "Exchange rate" },
  extraNonBusinessDays: { es: "Días inhábiles adicionales", en: "Extra non-business days" },
  programs: { es: "Programas", en: "Programs" },
  "programs.type": { es: "Programa", en: "Program" },
  "programs.number": { es: "Número de programa", en: "Program number" },
  "programs.modality": { es: "Modalidad", en: "Modality" },
  "programs.authorizedOn": { es: "Fecha de autorización", en: "Authorization date" },
  "programs.cancelledOn": { es: "Fecha de cancelación", en: "Cancellation date" },
  "programs.filedOn": { es: "Fecha de presentación del RAOCE", en: "RAOCE filing date" },
  "programs.folio": { es: "Folio del acuse", en: "Acknowledgement folio" },
  "programs.sectors": { es: "Sectores PROSEC autorizados", en: "Authorized PROSEC sectors" },
  "programs.exporterType": { es: "Tipo de exportador ALTEX", en: "ALTEX exporter type" },
  "programs.overrides": { es: "Fechas capturadas por el usuario", en: "User-entered dates" },
  "programs.overrides.due": { es: "Fecha límite (ajuste del usuario)", en: "Due date (user override)" },
  "programs.overrides.lateUntil": { es: "Fecha límite extemporánea (ajuste)", en: "Late-filing limit (user override)" },
  "programs.overrides.cancelledOn": { es: "Fecha de cancelación (ajuste)", en: "Cancellation date (user override)" },
  figures: { es: "Balanza comercial", en: "Trade balance" },
  "figures.totalSales": { es: "Ventas totales (a)", en: "Total sales (a)" },
  "figures.totalExports": { es: "Total exportaciones (b)", en: "Total exports (b)" },
  "figures.totalImports": { es: "Total importaciones (c)", en: "Total imports (c)" },
  "figures.directExports": { es: "Exportaciones directas", en: "Direct exports" },
  "figures.indirectExports": { es: "Exportaciones indirectas", en: "Indirect exports" },
  "figures.taxReturnIncome": { es: "Ingresos de la declaración anual (pesos)", en: "Tax-return income (pesos)" },
  goods: { es: "Relación de bienes producidos", en: "Produced goods" },
  "goods.sector": { es: "Clave de sector", en: "Sector key" },
  "goods.tariffCode": { es: "Fracción arancelaria", en: "Tariff code" },
  "goods.description": { es: "Descripción del bien", en: "Description of the good" },
  "goods.unit": { es: "Unidad de medida", en: "Unit of measure" },
  "goods.totalVolume": { es: "Volumen total producido", en: "Total volume produced" },
  "goods.domesticVolume": { es: "Volumen vendido en mercado nacional", en: "Volume sold domestically" },
  "goods.exportVolume": { es: "Volumen exportado", en: "Volume exported" },
  settings: { es: "Configuración", en: "Settings" },
  "settings.linkedProsecMayFromYear": { es: "Año desde el que PROSEC ligado vence en mayo", en: "Year linked PROSEC moved to May" },
  "settings.altexIndirectFactor": { es: "Factor de exportación indirecta ALTEX", en: "ALTEX indirect-export factor" },
  "settings.ecexMinExportsUsd": { es: "Mínimo ECEX en USD", en: "ECEX minimum (USD)" },
  "settings.ecexMinExportShare": { es: "Mínimo ECEX en %", en: "ECEX minimum (%)" },
  "settings.seDeclaredPeriods": { es: "Contar los periodos inhábiles declarados por la SE", en: "Count the SE's declared non-business periods" },
  "programs.cancellationCause": { es: "Causa de la cancelación", en: "Cause of the cancellation" },
};

/** Label of a path such as `goods[3].tariffCode` (row indexes are dropped for the lookup). */
export function labelOf(path: string): Label {
  const key = path.replace(/\[\d+\]/g, "");
  return FIELD_LABELS[key] ?? { es: path, en: path };
}
