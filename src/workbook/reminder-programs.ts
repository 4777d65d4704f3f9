/** The R59 inputs of one analysed workbook: one entry per program the engine evaluated. Pure. */
import type { IsoDate } from "../domain/dates";
import type { ReminderProgram } from "../domain/portfolio/reminders";
import type { UsableAnalysis } from "./analyze";

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
