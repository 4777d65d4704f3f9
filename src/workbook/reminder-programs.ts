/** The R59 inputs of one analysed workbook: one entry per program the engine evaluated. Pure. */
import { noticeBasis } from "../domain/after-filing/notices";
import type { IsoDate } from "../domain/dates";
import type { ProgramType } from "../domain/programs";
import { evidenceCorrectionReminder, noticeReminder, programReminders, type Reminder, type ReminderProgram } from "../domain/portfolio/reminders";
import type { UsableAnalysis } from "./analyze";

/**
 * Every reminder of one analysed workbook (R59), for `raoce calendario` and the pane's calendar alike: each program's
 * milestones, each change notice of the Avisos sheet with a deadline (sent ones stay, as cancelled events; R49), and
 * the correction letter of a filing recorded only on Evidencia (R33).
 */
export function workbookReminders(file: string, a: UsableAnalysis): Reminder[] {
  const reminders = reminderPrograms(file, a).flatMap((p) => programReminders(p));
  const co = a.result.company;
  for (const n of a.afterFiling.notices) {
    if (!n.deadline || !n.occurredOn) continue;
    reminders.push(noticeReminder({ rfc: co.rfc, name: co.name, file, what: n.typeText ?? "Cambio", occurredOn: n.occurredOn, deadline: n.deadline, safeDeadline: n.safeDeadline, notifiedOn: n.notifiedOn, basis: noticeBasis(n.occurredOn) }));
  }
  for (const c of a.afterFiling.corrections) {
    if (a.result.filingYear === null || reminders.some((r) => r.kind === "correction" && r.description.includes(`Libro: ${file}`) && r.title.includes(` · ${c.program} `))) continue;
    reminders.push(evidenceCorrectionReminder({ rfc: co.rfc, name: co.name, file, program: c.program as ProgramType, number: c.number, filingYear: a.result.filingYear, filedOn: c.block.filedOn, by: c.deadline.by, safe: c.deadline.safe, pending: c.corrections.length }));
  }
  return reminders;
}

export function reminderPrograms(file: string, a: UsableAnalysis): ReminderProgram[] {
  const r = a.result;
  if (r.filingYear === null) return [];
  const inputPrograms = Array.isArray(a.input.programs) ? (a.input.programs as Record<string, unknown>[]) : [];
  const filedOf = (i: number): IsoDate | null => {
    const v = inputPrograms[i]?.filedOn;
    return typeof v === "string" && v !== "" ? v : null;
  };
  const immex = r.programs.find((p) => p.type === "IMMEX");
  return r.programs
    .filter((p) => p.deadlines && p.status)
    .map((p) => {
      const filedStatus = p.status === "PRESENTADO" || p.status === "PRESENTADO_EXTEMPORANEO";
      // R10/R17: a PROSEC held with IMMEX counts the IMMEX filing (replication) when it has none of its own.
      const filedOn = filedOf(p.index) ?? (filedStatus && p.type === "PROSEC" && immex ? filedOf(immex.index) : null);
      return {
        rfc: r.company.rfc,
        name: r.company.name,
        file,
        program: p.type,
        number: p.number,
        filingYear: r.filingYear!,
        deadlines: p.deadlines!,
        status: p.status!,
        filedOn: filedStatus ? filedOn : null,
        reactivationBy: p.reactivationBy,
        correctionBy: p.correctionBy,
        correctionBySafe: p.correctionBySafe,
      };
    });
}
