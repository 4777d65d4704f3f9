/**
 * R44–R48: the program's requirements beyond the report. The accountant records the dates on the Requisitos sheet;
 * nothing is fetched from SAT or the SE. Each becomes a located issue with the severity of the domain reference.
 * Pure: `today` is passed in.
 */
import { daysBetween, isIsoDate, longDateEn, longDateEs, MONTHS_EN, MONTHS_ES, type IsoDate } from "../dates";
import { issue, type Issue } from "../issues";

export interface RequirementsInput {
  efirmaExpiry?: unknown;
  opinionDate?: unknown;
  opinionSense?: unknown;
  listsCheckedOn?: unknown;
  listsResult?: unknown;
  inegiLastMonth?: unknown;
}

export interface DomicileRow {
  kind?: unknown;
  address?: unknown;
  registered?: unknown;
  status?: unknown;
}

export interface HealthContext {
  requirements: RequirementsInput;
  domiciles: readonly DomicileRow[];
  heldPrograms: readonly string[];
  /** A procedure is due (report not filed yet, correction letter or change notice pending): R45's 30-day test applies. */
  procedureDue: boolean;
  today: IsoDate;
}

export const OPINION_SENSES = ["Positiva", "Negativa"] as const;
export const LIST_RESULTS = ["No aparece", "Aparece en la lista del art. 69", "Aparece en la lista del art. 69-B"] as const;
export const DOMICILE_KINDS = ["Fiscal", "Planta", "Bodega"] as const;
export const DOMICILE_STATUSES = ["Activo", "No localizado"] as const;

const fold = (v: unknown) => (typeof v === "string" ? v.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim() : "");
const date = (v: unknown): IsoDate | null => (isIsoDate(v) ? v : null);
const monthName = (iso: IsoDate) => `${MONTHS_ES[Number(iso.slice(5, 7)) - 1]} de ${iso.slice(0, 4)}`;
const monthNameEn = (iso: IsoDate) => `${MONTHS_EN[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const monthIndex = (iso: IsoDate) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthStart = (index: number): IsoDate => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;

/** R48: the last month whose EMIM report is already due on `today` (due by day 20 of the next month). */
export function lastEmimMonthDue(today: IsoDate): IsoDate {
  const day = Number(today.slice(8, 10));
  return monthStart(monthIndex(today) - (day > 20 ? 1 : 2));
}

export function evaluateHealth(ctx: HealthContext): Issue[] {
  const out: Issue[] = [];
  const r = ctx.requirements;
  const { today } = ctx;
  const anything = Object.values(r).some((v) => v !== undefined && v !== null && v !== "") || ctx.domiciles.length > 0;
  // Nothing recorded yet: no alerts (the Requisitos sheet itself asks for the dates; a note on every workbook would
  // only be noise). Once anything is recorded, what is missing is noted.
  if (!anything) return out;

  // R44 e.firma.
  const efirma = date(r.efirmaExpiry);
  if (!efirma) {
    out.push(issue("info", "EFIRMA_MISSING", "requirements.efirmaExpiry", "Capture la fecha de vencimiento de la e.firma de la empresa: sin e.firma vigente VUCEM no permite firmar el reporte ni los trámites.", "Enter the expiry date of the company's e.firma: without a valid e.firma VUCEM cannot sign the report.", "R44"));
  } else if (efirma < today) {
    out.push(issue("error", "EFIRMA_EXPIRED", "requirements.efirmaExpiry", `La e.firma de la empresa venció el ${longDateEs(efirma)}: VUCEM no permite firmar el reporte ni los avisos. Renuévela en el SAT antes de cualquier trámite.`, `The company's e.firma expired on ${longDateEn(efirma)}: VUCEM cannot sign the report or notices. Renew it with SAT.`, "R44"));
  } else if (daysBetween(today, efirma) <= 30) {
    out.push(issue("warning", "EFIRMA_EXPIRING", "requirements.efirmaExpiry", `La e.firma de la empresa vence el ${longDateEs(efirma)} (en ${daysBetween(today, efirma)} días): renuévela en el SAT para poder firmar en VUCEM.`, `The company's e.firma expires on ${longDateEn(efirma)} (in ${daysBetween(today, efirma)} days): renew it with SAT.`, "R44"));
  }

  // R45 opinión de cumplimiento (CFF art. 32-D).
  const opinionDate = date(r.opinionDate);
  const sense = fold(r.opinionSense);
  if (sense.startsWith("neg")) {
    out.push(issue("error", "OPINION_NEGATIVE", "requirements.opinionSense", `La última opinión de cumplimiento (CFF art. 32-D${opinionDate ? `, ${longDateEs(opinionDate)}` : ""}) es negativa: es causal de cancelación del programa. Regularice su situación ante el SAT y obtenga una opinión positiva.`, `The last compliance opinion (CFF art. 32-D) is negative: a ground for cancelling the program. Regularize with SAT and obtain a positive one.`, "R45"));
  } else if (r.opinionSense !== undefined && r.opinionSense !== null && r.opinionSense !== "" && !sense.startsWith("pos")) {
    out.push(issue("warning", "OPINION_SENSE_UNKNOWN", "requirements.opinionSense", `Sentido de la opinión de cumplimiento no reconocido («${String(r.opinionSense).slice(0, 30)}»): use Positiva o Negativa.`, `Unrecognized compliance-opinion result: use Positiva or Negativa.`, "R45"));
  }
  if (!opinionDate) {
    out.push(issue("info", "OPINION_MISSING", "requirements.opinionDate", "Capture la fecha de la última opinión de cumplimiento (CFF art. 32-D) y su sentido.", "Enter the date and result of the last compliance opinion (CFF art. 32-D).", "R45"));
  } else if (ctx.procedureDue && daysBetween(opinionDate, today) > 30 && !sense.startsWith("neg")) {
    out.push(issue("warning", "OPINION_OLD", "requirements.opinionDate", `La opinión de cumplimiento (CFF art. 32-D) es del ${longDateEs(opinionDate)} (hace ${daysBetween(opinionDate, today)} días) y hay un trámite pendiente: suele tomarse como vigente 30 días; obtenga una nueva en el SAT.`, `The compliance opinion dates from ${longDateEn(opinionDate)} (${daysBetween(opinionDate, today)} days ago) and a procedure is due: it is usually taken as current for 30 days; get a new one.`, "R45"));
  }

  // R46 domicilios.
  if (ctx.domiciles.length === 0) {
    out.push(issue("info", "DOMICILES_MISSING", "domiciles", "Registre en la hoja Requisitos el domicilio fiscal y cada domicilio de planta o bodega del programa, con su estado.", "Record the fiscal domicile and every plant or warehouse domicile of the program, with its status.", "R46"));
  }
  if (ctx.domiciles.length > 0 && !ctx.domiciles.some((d) => fold(d.kind).startsWith("fiscal"))) {
    out.push(issue("info", "FISCAL_DOMICILE_MISSING", "domiciles", "Falta el domicilio fiscal en la tabla de domicilios (hoja Requisitos).", "The fiscal domicile is missing from the domiciles table.", "R46"));
  }
  ctx.domiciles.forEach((d, i) => {
    const at = `domiciles[${i}]`;
    const where = `${typeof d.kind === "string" && d.kind.trim() ? d.kind.trim() : "Domicilio"}${typeof d.address === "string" && d.address.trim() ? ` «${d.address.trim().slice(0, 60)}»` : ""}`;
    if (d.registered === false) {
      out.push(issue("error", "DOMICILE_NOT_REGISTERED", `${at}.registered`, `Domicilios, fila ${i + 1}: ${where} no está registrado en el programa. Operar en un domicilio no registrado es causal de cancelación, y desde el 1 de enero de 2026 la mercancía importada temporalmente que no esté en un domicilio registrado puede ser embargada (reforma a la Ley Aduanera, DOF 19 de noviembre de 2025). Dé de alta el domicilio y avise a la SE (hoja Avisos).`, `Domiciles, row ${i + 1}: ${where} is not registered in the program: a cancellation ground, and temporarily imported goods outside a registered domicile may be seized from 1 Jan 2026. Register it and notify the SE.`, "R46"));
    }
    const st = fold(d.status);
    if (st.startsWith("no loc") || st.startsWith("no act") || st === "inactivo" || st === "baja") {
      out.push(issue("error", "DOMICILE_NOT_ACTIVE", `${at}.status`, `Domicilios, fila ${i + 1}: ${where} tiene estado «${String(d.status).trim()}» ante el SAT: un domicilio no localizado es causal de cancelación del programa. Regularícelo ante el SAT y, si cambió, avise a la SE en 10 días hábiles (hoja Avisos).`, `Domiciles, row ${i + 1}: ${where} has status "${String(d.status).trim()}": a domicile not located is a cancellation ground.`, "R46"));
    }
  });

  // R47 listas de los arts. 69 y 69-B CFF.
  const listsOn = date(r.listsCheckedOn);
  const result = fold(r.listsResult);
  if (result.startsWith("aparece") || result.startsWith("si ") || result === "si" || result.includes("listad")) {
    out.push(issue("error", "LISTED_69", "requirements.listsResult", `La última revisión de las listas del SAT (CFF arts. 69 y 69-B${listsOn ? `, ${longDateEs(listsOn)}` : ""}) indica que la empresa aparece: es causal de cancelación del programa. Atienda la situación ante el SAT de inmediato.`, "The last check of SAT's lists (CFF arts. 69 and 69-B) shows the company listed: a ground for cancelling the program.", "R47"));
  }
  if (!listsOn) {
    out.push(issue("info", "LISTS_NOT_CHECKED", "requirements.listsCheckedOn", "Registre la fecha de la última revisión de las listas de los arts. 69 y 69-B del CFF y su resultado.", "Record the date and result of the last check of the CFF art. 69 and 69-B lists.", "R47"));
  } else if (daysBetween(listsOn, today) > 90) {
    out.push(issue("info", "LISTS_CHECK_OLD", "requirements.listsCheckedOn", `Las listas de los arts. 69 y 69-B del CFF se revisaron por última vez el ${longDateEs(listsOn)} (hace más de 90 días): revíselas de nuevo en el portal del SAT.`, `The CFF art. 69/69-B lists were last checked on ${longDateEn(listsOn)} (over 90 days ago): check them again.`, "R47"));
  }

  // R48 INEGI EMIM (IMMEX only).
  if (ctx.heldPrograms.includes("IMMEX")) {
    const last = date(r.inegiLastMonth);
    const due = lastEmimMonthDue(today);
    if (!last) {
      out.push(issue("info", "EMIM_MISSING", "requirements.inegiLastMonth", "IMMEX: registre el último mes reportado a la Encuesta Mensual de la Industria Manufacturera del INEGI (se reporta a más tardar el día 20 del mes siguiente).", "IMMEX: record the last month reported to INEGI's monthly manufacturing survey (due by the 20th of the next month).", "R48"));
    } else {
      const gap = monthIndex(due) - monthIndex(last);
      if (gap > 0) {
        const first = monthStart(monthIndex(last) + 1);
        out.push(issue("warning", "EMIM_GAP", "requirements.inegiLastMonth", `IMMEX: el último mes reportado al INEGI (Encuesta Mensual de la Industria Manufacturera) es ${monthName(last)}; ${gap === 1 ? `falta ${monthName(due)}` : `faltan ${gap} meses, de ${monthName(first)} a ${monthName(due)}`} (cada mes vence el día 20 del siguiente). La SE inicia el procedimiento de cancelación por reportes omitidos.`, `IMMEX: the last month reported to INEGI is ${monthNameEn(last)}; ${gap} month(s) missing up to ${monthNameEn(due)} (due on the 20th of the next month).`, "R48"));
      }
    }
  }
  return out;
}

