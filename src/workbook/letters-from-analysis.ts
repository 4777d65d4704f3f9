/**
 * Which letter an analysed workbook calls for (pure; shared by the CLI and the pane):
 * - the correction letter of a program whose captured values changed after filing (R33),
 * - the escrito libre of a change notice (R34/R49).
 */
import { correctionLetter, letterParty, noticeLetter, type LetterContent } from "../domain/after-filing";
import type { IsoDate } from "../domain/dates";
import type { UsableAnalysis } from "./analyze";

export type LetterOutcome = { ok: true; letter: LetterContent; notes: string[] } | { ok: false; reason: string };

const norm = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

export function correctionLetterFor(a: UsableAnalysis, today: IsoDate, program?: string): LetterOutcome {
  const all = a.afterFiling.corrections;
  if (all.length === 0) return { ok: false, reason: "no hay presentaciones registradas en la hoja Evidencia: marque primero el programa como presentado (raoce presentado)" };
  let pool = all.filter((c) => c.corrections.length > 0);
  if (program) {
    const want = norm(program);
    pool = all.filter((c) => norm(c.program) === want || norm(`${c.program} ${c.number ?? ""}`) === want || norm(c.number ?? "") === want);
    if (pool.length === 0) return { ok: false, reason: `no hay evidencia de una presentación de «${program}»` };
  }
  if (pool.length === 0) return { ok: false, reason: "ningún valor capturado cambió desde la presentación registrada en Evidencia: no hace falta carta de corrección" };
  if (pool.length > 1) return { ok: false, reason: `hay correcciones en varios programas (${pool.map((c) => c.program).join(", ")}): indique cuál con --programa` };
  const c = pool[0]!;
  if (c.corrections.length === 0) return { ok: false, reason: `${c.program}: ningún valor capturado cambió desde la presentación del ${c.block.filedOn}: no hace falta carta de corrección` };
  const party = letterParty(a.input, { type: c.program, number: c.number });
  const notes: string[] = [];
  if (!party.representative) notes.push("Falta el nombre del representante legal (hoja Requisitos): la carta lo deja en blanco.");
  if (!party.phone || !party.email) notes.push("Faltan teléfono o correo de contacto (hoja Requisitos): la carta los deja en blanco.");
  if (today > c.deadline.by) notes.push(`El plazo de 5 días hábiles venció el ${c.deadline.by}.`);
  const letter = correctionLetter({ party, filedOn: c.block.filedOn, folio: c.block.folio, fiscalYear: a.result.fiscalYear, corrections: c.corrections, deadline: c.deadline, today });
  return { ok: true, letter, notes };
}

/** `row` is 1-based among the notices of the Avisos table; by default the first pending or overdue one. */
export function noticeLetterFor(a: UsableAnalysis, today: IsoDate, row?: number): LetterOutcome {
  const notices = a.afterFiling.notices;
  if (notices.length === 0) return { ok: false, reason: "la tabla de la hoja Avisos no tiene cambios registrados" };
  let n = row === undefined ? notices.find((x) => x.status === "vencido" || x.status === "pendiente") : notices[row - 1];
  if (row !== undefined && !n) return { ok: false, reason: `no hay fila ${row} en la tabla de Avisos (hay ${notices.length})` };
  if (!n) n = notices[0]!;
  const program = a.result.programs.find((p) => p.obliged) ?? a.result.programs[0];
  if (!program) return { ok: false, reason: "no hay programas válidos en la hoja Programas" };
  const party = letterParty(a.input, { type: program.type, number: program.number });
  const notes: string[] = [];
  if (!party.representative) notes.push("Falta el nombre del representante legal (hoja Requisitos): el escrito lo deja en blanco.");
  if (n.status === "presentado") notes.push("Ese aviso ya está marcado como presentado.");
  return { ok: true, letter: noticeLetter({ party, notice: n, today }), notes };
}
