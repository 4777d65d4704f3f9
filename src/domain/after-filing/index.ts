/**
 * After filing and between filings (R33, R34, R44–R49): one pure pass over the report document and its evaluation.
 *
 *   evaluateAfterFiling(input, result, today) → corrections per program, change notices, health issues
 *
 * The document carries the optional sections the workbook reader adds: `evidence` (rows of the Evidencia sheet),
 * `changeNotices` (Avisos), `requirements` and `domiciles` (Requisitos), `contact` (letter data).
 */
import { calendarOf, type CalendarOptions } from "../calendar";
import { isIsoDate, longDateEn, longDateEs, type IsoDate } from "../dates";
import type { ReportResult } from "../evaluate";
import { issue, type Issue } from "../issues";
import { compareWithEvidence, correctionDeadline, correctionIssues, type Correction, type CorrectionDeadline } from "./corrections";
import { blockDigest, capturedFields, inputsDigest, latestBlockFor, type EvidenceBlock } from "./evidence";
import { evidenceBlocks, type EvidenceRow } from "./evidence-rows";
import { evaluateHealth, type DomicileRow, type RequirementsInput } from "./health";
import type { LetterParty } from "./letter";
import { evaluateNotices, type ChangeNotice, type NoticeRow } from "./notices";

export interface ProgramCorrections {
  /** Document index of the program row. */
  programIndex: number;
  program: string;
  number: string | null;
  block: EvidenceBlock;
  corrections: Correction[];
  deadline: CorrectionDeadline;
  /** The report inputs changed since the evidence (even when no captured value did). */
  inputsChanged: boolean;
}

export interface AfterFilingResult {
  evidence: EvidenceBlock[];
  corrections: ProgramCorrections[];
  notices: ChangeNotice[];
  issues: Issue[];
}

export interface ContactInput {
  representative?: unknown;
  contactName?: unknown;
  phone?: unknown;
  email?: unknown;
  place?: unknown;
}

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const obj = <T>(v: unknown): T => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as T) : ({} as T));
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null);

/** The workbook's calendar (R12): its declared extra days, and without the SE's known periods when the user says so. */
export function workbookCalendar(input: Record<string, unknown>): CalendarOptions {
  const settings = obj<{ seDeclaredPeriods?: unknown }>(input.settings);
  return calendarOf({
    extraNonBusinessDays: arr<unknown>(input.extraNonBusinessDays).filter(isIsoDate),
    ...(settings.seDeclaredPeriods === false ? { settings: { seDeclaredPeriods: false } } : {}),
  });
}

export function evaluateAfterFiling(input: Record<string, unknown>, result: ReportResult, today: IsoDate): AfterFilingResult {
  const calendar = workbookCalendar(input);
  const issues: Issue[] = [];
  const evidence = evidenceBlocks(arr<EvidenceRow>(input.evidence));
  const digest = evidence.length ? inputsDigest(input) : "";

  for (const b of evidence) {
    if (b.blockSha256 === undefined) continue; // no digest row at all: nothing to compare
    if (b.blockSha256 !== blockDigest(b)) {
      issues.push(issue("warning", "EVIDENCE_MODIFIED", "evidence", `Evidencia: el bloque ${b.block} (${b.program}${b.number ? ` ${b.number}` : ""}, presentado el ${b.filedOn || "?"}, folio ${b.folio || "?"}) se modificó después de registrarse: su SHA-256 ya no coincide. La evidencia debe conservarse tal como se registró (5 años); restáurela desde una copia del libro de esa fecha.`, `Evidence: block ${b.block} was modified after it was recorded (its SHA-256 no longer matches). Restore it from a copy of the workbook of that date.`, "R33"));
    }
  }

  const corrections: ProgramCorrections[] = [];
  const programsIn = arr<Record<string, unknown>>(input.programs);
  for (const p of result.programs) {
    const block = latestBlockFor(evidence, p.type, p.number);
    if (!block || !isIsoDate(block.filedOn)) continue;
    // The status reads the row's filing date: a filing recorded only on Evidencia would leave it "not filed" unsaid.
    const row = programsIn[p.index] ?? {};
    if (row.filedOn === undefined || row.filedOn === null || row.filedOn === "") {
      const who = `${p.type}${p.number ? ` ${p.number}` : ""}`;
      issues.push(
        issue(
          "warning",
          "FILED_ONLY_IN_EVIDENCE",
          `programs[${p.index}].filedOn`,
          `${who}: la hoja Evidencia registra la presentación del ${longDateEs(block.filedOn)} (folio ${block.folio || "sin folio"}), pero la «Fecha de presentación» de su fila en Programas está vacía, así que su estado se calcula como no presentado. Capture esa fecha${block.folio ? " y el folio" : ""} en la fila.`,
          `${who}: the Evidencia sheet records the filing of ${longDateEn(block.filedOn)} (folio ${block.folio || "none"}), but the program's filing date in Programas is empty, so its status is computed as not filed. Enter that date${block.folio ? " and the folio" : ""} in the row.`,
          "R33",
        ),
      );
    }
    const current = capturedFields(input, result, p.index);
    if (!current) continue;
    const list = compareWithEvidence(block, current);
    const deadline = correctionDeadline(block.filedOn, calendar);
    const inputsChanged = !!block.inputsSha256 && block.inputsSha256 !== digest;
    corrections.push({ programIndex: p.index, program: p.type, number: p.number, block, corrections: list, deadline, inputsChanged });
    issues.push(...correctionIssues(block, list, today, calendar, `programs[${p.index}].filedOn`));
    if (list.length === 0 && inputsChanged) {
      issues.push(issue("info", "INPUTS_CHANGED_AFTER_FILING", `programs[${p.index}].filedOn`, `${p.type}${p.number ? ` ${p.number}` : ""}: los datos del libro cambiaron después de la presentación (bloque ${block.block} de Evidencia), pero ningún valor capturado en VUCEM cambió: no hace falta carta de corrección.`, `${p.type}: the workbook data changed after filing, but no value captured in VUCEM did: no correction letter is needed.`, "R33"));
    }
  }

  const n = evaluateNotices(arr<NoticeRow>(input.changeNotices), today, calendar);
  issues.push(...n.issues);

  const held = result.programs.map((p) => p.type);
  const procedureDue =
    result.programs.some((p) => p.obliged && (p.status === "EN_PLAZO" || p.status === "SUSPENDIDO")) ||
    n.notices.some((x) => x.status === "pendiente" || x.status === "vencido") ||
    corrections.some((c) => c.corrections.length > 0);
  issues.push(
    ...evaluateHealth({
      requirements: obj<RequirementsInput>(input.requirements),
      domiciles: arr<DomicileRow>(input.domiciles),
      heldPrograms: held,
      procedureDue,
      today,
    }),
  );
  return { evidence, corrections, notices: n.notices, issues };
}

/** A dated obligation after filing, for urgency (R58) and reminders (R59). */
export interface AfterFilingDeadline {
  kind: "correction" | "notice";
  /** "IMMEX 83-2019: carta de corrección (2 datos)" / "Aviso de cambio: Domicilio fiscal". */
  label: string;
  /** The deadline with every R12 layer (the correction letter: by 18:00 that day). */
  date: IsoDate;
  /** The same count over weekends only (R12's safe date). */
  safeDate: IsoDate;
  /** Past the deadline and still not done. */
  overdue: boolean;
}

/** The pending correction letters and change notices with their deadlines, soonest first. */
export function afterFilingDeadlines(r: AfterFilingResult, today: IsoDate): AfterFilingDeadline[] {
  const out: AfterFilingDeadline[] = [];
  for (const c of r.corrections) {
    if (c.corrections.length === 0) continue;
    out.push({ kind: "correction", label: `${c.program}${c.number ? ` ${c.number}` : ""}: carta de corrección (${c.corrections.length === 1 ? "1 dato" : `${c.corrections.length} datos`})`, date: c.deadline.by, safeDate: c.deadline.safe, overdue: today > c.deadline.by });
  }
  for (const n of r.notices) {
    if (!n.deadline || !n.safeDeadline || (n.status !== "pendiente" && n.status !== "vencido")) continue;
    out.push({ kind: "notice", label: `Aviso de cambio: ${n.typeText ?? "cambio"}`, date: n.deadline, safeDate: n.safeDeadline, overdue: n.status === "vencido" });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** What `raoce check --json` prints of the after-filing pass (the evidence blocks without their captured values). */
export function afterFilingJson(r: AfterFilingResult) {
  return {
    evidence: r.evidence.map(({ captured, ...rest }) => ({ ...rest, capturedValues: captured.length })),
    corrections: r.corrections.map(({ block, ...rest }) => ({ ...rest, block: block.block, filedOn: block.filedOn, folio: block.folio })),
    notices: r.notices,
  };
}

/** Who signs and whom the SE calls back: from the Requisitos sheet's contact section and the company. */
export function letterParty(input: Record<string, unknown>, program: { type: string; number: string | null }): LetterParty {
  const c = obj<ContactInput>(input.contact);
  const company = obj<Record<string, unknown>>(input.company);
  return {
    companyName: text(company.name),
    rfc: text(company.rfc)?.toUpperCase().replace(/[\s-]/g, "") ?? null,
    programType: program.type,
    programNumber: program.number,
    representative: text(c.representative),
    contactName: text(c.contactName),
    phone: text(c.phone),
    email: text(c.email),
    place: text(c.place),
  };
}

export { correctionLetter, noticeLetter, type LetterContent, type LetterParty } from "./letter";
export { NOTICE_TYPES, NOTICE_LABELS, type ChangeNotice } from "./notices";
export { capturedFields, inputsDigest, type EvidenceBlock, type CapturedField } from "./evidence";
export { evidenceCells, EVIDENCE_SECTIONS } from "./evidence-rows";
export type { Correction } from "./corrections";
