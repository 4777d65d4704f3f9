/**
 * R33: after a filing, a captured figure that differs from the evidence is a CORRECTION (the signed report cannot be
 * edited): it is reported by a letter of the legal representative within 5 business days (by 18:00), with each change
 * as "dice / debe decir". Pure.
 */
import { addBusinessDays, addWeekdays, type CalendarOptions } from "../calendar";
import { longDateEn, longDateEs, type IsoDate } from "../dates";
import { issue, type Issue } from "../issues";
import { sameCaptured, shownValue, type CapturedField, type EvidenceBlock } from "./evidence";

export interface Correction {
  key: string;
  label: string;
  /** What was filed ("dice"). */
  said: string;
  /** What it should say now ("debe decir"). */
  shouldSay: string;
  /** Input path of the value now (for the cell). */
  source: string | null;
}

export interface CorrectionDeadline {
  /** 5th business day after the filing date (all R12 layers), by 18:00. */
  by: IsoDate;
  /** The same count over weekends only: the safe date (R12). */
  safe: IsoDate;
}

export function correctionDeadline(filedOn: IsoDate, calendar: CalendarOptions = {}): CorrectionDeadline {
  return { by: addBusinessDays(filedOn, 5, calendar), safe: addWeekdays(filedOn, 5) };
}

/** Each field whose value now differs from the evidence, in the evidence's order; new fields after, removed ones too. */
export function compareWithEvidence(block: EvidenceBlock, current: readonly CapturedField[]): Correction[] {
  const now = new Map(current.map((f) => [f.key, f]));
  const out: Correction[] = [];
  for (const was of block.captured) {
    const is = now.get(was.key);
    if (is && sameCaptured(was.key, was.value, is.value)) continue;
    out.push({ key: was.key, label: was.label, said: shownValue(was.value), shouldSay: is ? shownValue(is.value) : "(no se captura)", source: is?.source ?? was.source });
  }
  const before = new Set(block.captured.map((f) => f.key));
  // A kind of goods field a block with goods never recorded (the domestic and export volumes, recorded since
  // 2026-11-28) is not a correction; a new good's fields are (goods.1.sector recorded → goods.3.sector is a kind).
  const kind = (key: string) => key.replace(/\.\d+\./g, ".#.");
  const kinds = new Set(block.captured.map((f) => kind(f.key)));
  const recordedGoods = block.captured.some((f) => f.key.startsWith("goods."));
  for (const is of current) {
    if (before.has(is.key) || is.value === null || (recordedGoods && is.key.startsWith("goods.") && !kinds.has(kind(is.key)))) continue;
    out.push({ key: is.key, label: is.label, said: "(no capturado)", shouldSay: shownValue(is.value), source: is.source });
  }
  return out;
}

/** Located issues: one per corrected field, at the cell that changed. Past the deadline they are errors. */
export function correctionIssues(block: EvidenceBlock, corrections: readonly Correction[], today: IsoDate, calendar: CalendarOptions = {}, programPath = ""): Issue[] {
  if (corrections.length === 0) return [];
  const d = correctionDeadline(block.filedOn, calendar);
  const late = today > d.by;
  const who = `${block.program}${block.number ? ` ${block.number}` : ""}`;
  const filed = `presentado el ${longDateEs(block.filedOn)}, folio ${block.folio}`;
  const filedEn = `filed on ${longDateEn(block.filedOn)}, folio ${block.folio}`;
  const when = late
    ? `El plazo de 5 días hábiles venció el ${longDateEs(d.by)}: envíe la carta de todos modos y consulte a la SE.`
    : `Envíe la carta de corrección del representante legal a más tardar el ${longDateEs(d.by)} a las 18:00 (fecha segura si solo se descuentan sábados y domingos: ${longDateEs(d.safe)}).`;
  const whenEn = late
    ? `The 5-business-day term ended on ${longDateEn(d.by)}: send the letter anyway and ask the SE.`
    : `Send the legal representative's correction letter by ${longDateEn(d.by)}, 18:00 (safe date counting weekends only: ${longDateEn(d.safe)}).`;
  return corrections.map((c) =>
    issue(
      late ? "error" : "warning",
      "CORRECTION_AFTER_FILING",
      c.source ?? programPath,
      `${who}: «${c.label}» cambió después de presentar el RAOCE (${filed}): dice ${c.said}, debe decir ${c.shouldSay}. Es una corrección, no un resultado pendiente: un reporte firmado no se edita (Guía RAOCE 2025). ${when} Genérela con «Carta de corrección» o raoce carta-correccion.`,
      `${who}: "${c.label}" changed after the RAOCE was filed (${filedEn}): it says ${c.said}, it should say ${c.shouldSay}. This is a correction, not a stale result: a signed report cannot be edited (RAOCE guide 2025). ${whenEn} Generate it with "Correction letter" or raoce carta-correccion.`,
      "R33",
    ),
  );
}
