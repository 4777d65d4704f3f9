/**
 * Template sheets for after filing and between filings (R33, R34, R44–R49), registered in layout.ts:
 * - Evidencia: what was filed, append-only (one dated block per «Marcar como presentado»; protected, every cell locked).
 * - Avisos: change notices of SE rule 1.3.12 with their 10-business-day deadline and status.
 * - Requisitos: e.firma, 32-D opinion, 69/69-B lists, INEGI EMIM, domiciles, and the data the letters need.
 * Only type imports from layout.ts here: layout.ts imports this module's values (no cycle at load time).
 */
import { DOMICILE_KINDS, DOMICILE_STATUSES, LIST_RESULTS, OPINION_SENSES } from "../domain/after-filing/health";
import { NOTICE_LABELS } from "../domain/after-filing/notices";
import type { NamedCell, SheetLayout, TableLayout } from "./layout";

export const AF_SHEETS = { evidence: "Evidencia", notices: "Avisos", requirements: "Requisitos" } as const;

const DATE = "dd/mm/yyyy";
const TEXT = "@";
const MONTH = "mm/yyyy";

export const AF_CATALOGS = {
  RAOCE_LISTA_AVISOS: [...NOTICE_LABELS],
  RAOCE_LISTA_OPINION: [...OPINION_SENSES],
  RAOCE_LISTA_LISTAS69: [...LIST_RESULTS],
  RAOCE_LISTA_DOMICILIO_TIPO: [...DOMICILE_KINDS],
  RAOCE_LISTA_DOMICILIO_ESTADO: [...DOMICILE_STATUSES],
} as const;

export const AF_SHEET_LAYOUTS: SheetLayout[] = [
  {
    name: AF_SHEETS.evidence,
    title: "RAOCE — Evidencia de lo presentado (se conserva 5 años)",
    intro: [
      "RAOCE agrega aquí un bloque fechado cada vez que se marca un programa como presentado: lo capturado en VUCEM, la celda de origen, el tipo de cambio y el SHA-256 de los datos.",
      "Nunca se sobrescribe un bloque anterior. No edite esta hoja: si una cifra cambió después de presentar, RAOCE lo trata como corrección y prepara la carta.",
    ],
    state: "visible",
    protect: true,
    optional: true,
    widths: [],
  },
  {
    name: AF_SHEETS.notices,
    title: "RAOCE — Avisos de cambio a la SE (regla 1.3.12: 10 días hábiles)",
    intro: [
      "Una fila por cambio: denominación, socios o accionistas, representante legal, domicilio fiscal, domicilios de planta o bodega. Columnas grises: plazo y estado calculados.",
      "El plazo es de 10 días hábiles desde que ocurre el cambio (Reglas de la SE, DOF 12 de febrero de 2026). Borrador del escrito libre: «Aviso de cambio» en el complemento o raoce aviso-cambio.",
    ],
    state: "visible",
    protect: true,
    optional: true,
    widths: [],
  },
  {
    name: AF_SHEETS.requirements,
    title: "RAOCE — Requisitos del programa y datos para las cartas",
    intro: [
      "Registre las fechas; RAOCE no consulta al SAT ni a la SE: las convierte en alertas (hoja Problemas). Un tercio de las cancelaciones de 2023 fue por requisitos, no por el reporte.",
    ],
    state: "visible",
    protect: true,
    optional: true,
    widths: [46, 40, 24, 22],
    sections: { 4: "Requisitos (fechas que registra el despacho)", 12: "Datos para las cartas (corrección y avisos)", 19: "Domicilios registrados en el programa" },
  },
];

const R = AF_SHEETS.requirements;

export const AF_NAMED_CELLS: NamedCell[] = [
  { name: "RAOCE_EFIRMA_VENCE", sheet: R, cell: "B5", label: "Vencimiento de la e.firma de la empresa", hint: "Vencida: VUCEM no permite firmar. Aviso 30 días antes.", kind: "input", path: "requirements.efirmaExpiry", type: "date", numberFormat: DATE },
  { name: "RAOCE_OPINION_FECHA", sheet: R, cell: "B6", label: "Última opinión de cumplimiento (CFF 32-D): fecha", hint: "Se toma como vigente 30 días.", kind: "input", path: "requirements.opinionDate", type: "date", numberFormat: DATE },
  { name: "RAOCE_OPINION_SENTIDO", sheet: R, cell: "B7", label: "Sentido de la opinión", hint: "Positiva o Negativa.", kind: "input", path: "requirements.opinionSense", type: "list", validation: { list: "RAOCE_LISTA_OPINION", strict: true } },
  { name: "RAOCE_LISTAS69_FECHA", sheet: R, cell: "B8", label: "Última revisión de las listas 69 y 69-B del CFF", hint: "Revíselas al menos cada 90 días.", kind: "input", path: "requirements.listsCheckedOn", type: "date", numberFormat: DATE },
  { name: "RAOCE_LISTAS69_RESULTADO", sheet: R, cell: "B9", label: "Resultado de la revisión", kind: "input", path: "requirements.listsResult", type: "list", validation: { list: "RAOCE_LISTA_LISTAS69", strict: true } },
  { name: "RAOCE_INEGI_ULTIMO_MES", sheet: R, cell: "B10", label: "Último mes reportado al INEGI (EMIM, solo IMMEX)", hint: "Cualquier día del mes; vence el día 20 del mes siguiente.", kind: "input", path: "requirements.inegiLastMonth", type: "date", numberFormat: MONTH },

  { name: "RAOCE_REPRESENTANTE_LEGAL", sheet: R, cell: "B13", label: "Representante legal (firma las cartas)", kind: "input", path: "contact.representative", type: "text", numberFormat: TEXT },
  { name: "RAOCE_CONTACTO_NOMBRE", sheet: R, cell: "B14", label: "Persona de contacto", kind: "input", path: "contact.contactName", type: "text", numberFormat: TEXT },
  { name: "RAOCE_CONTACTO_TELEFONO", sheet: R, cell: "B15", label: "Teléfono de contacto", kind: "input", path: "contact.phone", type: "code", numberFormat: TEXT },
  { name: "RAOCE_CONTACTO_CORREO", sheet: R, cell: "B16", label: "Correo electrónico de contacto", kind: "input", path: "contact.email", type: "text", numberFormat: TEXT },
  { name: "RAOCE_LUGAR_FIRMA", sheet: R, cell: "B17", label: "Lugar de firma (ciudad, estado)", kind: "input", path: "contact.place", type: "text", numberFormat: TEXT },
];

export const AF_TABLES: TableLayout[] = [
  {
    name: "tblDomicilios",
    sheet: R,
    topLeft: "A20",
    blankRows: 6,
    path: "domiciles",
    description: "los domicilios del programa",
    style: "TableStyleLight9",
    columns: [
      { header: "Tipo de domicilio", kind: "input", field: "kind", type: "list", validation: { list: "RAOCE_LISTA_DOMICILIO_TIPO", strict: false }, width: 46 },
      { header: "Domicilio", kind: "input", field: "address", type: "text", width: 40 },
      { header: "Registrado en el programa", kind: "input", field: "registered", type: "boolean", validation: { list: "RAOCE_LISTA_SINO", strict: true }, width: 24 },
      { header: "Estado ante el SAT", kind: "input", field: "status", type: "list", validation: { list: "RAOCE_LISTA_DOMICILIO_ESTADO", strict: false }, width: 22 },
    ],
  },
  {
    name: "tblAvisos",
    sheet: AF_SHEETS.notices,
    topLeft: "A5",
    blankRows: 8,
    path: "changeNotices",
    description: "los avisos de cambio",
    style: "TableStyleLight9",
    columns: [
      { header: "Tipo de cambio", kind: "input", field: "type", type: "list", validation: { list: "RAOCE_LISTA_AVISOS", strict: false }, width: 46 },
      { header: "Descripción", kind: "input", field: "description", type: "text", width: 40 },
      { header: "Fecha en que ocurrió", kind: "input", field: "occurredOn", type: "date", numberFormat: DATE, width: 13 },
      { header: "Fecha en que se avisó", kind: "input", field: "notifiedOn", type: "date", numberFormat: DATE, width: 13 },
      { header: "Folio o acuse", kind: "input", field: "folio", type: "code", numberFormat: TEXT, width: 20 },
      { header: "Vence", kind: "output", output: "noticeDeadline", type: "date", numberFormat: DATE, width: 12 },
      { header: "Fecha segura", kind: "output", output: "noticeSafeDeadline", type: "date", numberFormat: DATE, width: 12 },
      { header: "Estado del aviso", kind: "output", output: "noticeStatus", type: "text", width: 24 },
    ],
  },
  {
    name: "tblEvidencia",
    sheet: AF_SHEETS.evidence,
    topLeft: "A5",
    blankRows: 1,
    path: "evidence",
    description: "la evidencia de lo presentado",
    style: "TableStyleLight15",
    columns: [
      { header: "Bloque", kind: "input", locked: true, field: "block", type: "integer", numberFormat: "0", width: 8 },
      { header: "Marcado el", kind: "input", locked: true, field: "markedOn", type: "date", numberFormat: DATE, width: 12 },
      { header: "Programa", kind: "input", locked: true, field: "program", type: "text", width: 10 },
      { header: "Número", kind: "input", locked: true, field: "number", type: "code", numberFormat: TEXT, width: 13 },
      { header: "Presentado el", kind: "input", locked: true, field: "filedOn", type: "date", numberFormat: DATE, width: 12 },
      { header: "Folio del acuse", kind: "input", locked: true, field: "folio", type: "code", numberFormat: TEXT, width: 24 },
      { header: "Sección", kind: "input", locked: true, field: "section", type: "text", width: 15 },
      { header: "Clave", kind: "input", locked: true, field: "key", type: "text", width: 18 },
      { header: "Concepto", kind: "input", locked: true, field: "label", type: "text", width: 34 },
      { header: "Valor", kind: "input", locked: true, field: "value", type: "text", width: 30 },
      { header: "Origen", kind: "input", locked: true, field: "origin", type: "text", width: 16 },
    ],
  },
];

/** Number formats of the Evidencia columns, in order (the write of a block applies them). */
export const EVIDENCE_TABLE = AF_TABLES.find((t) => t.name === "tblEvidencia")!;
