/**
 * Which letter an analysed workbook calls for (pure; shared by the CLI and the pane):
 * - the correction letter of a program whose captured values changed after filing (R33),
 * - the escrito libre of a change notice (R34/R49).
 */
import { correctionLetter, letterParty, noticeLetter, type LetterContent } from "../domain/after-filing";
import { longDateEn, longDateEs, type IsoDate } from "../domain/dates";
import type { UsableAnalysis } from "./analyze";

/** Reasons and notes in Spanish (the CLI, a Spanish Office) and English (an English Office), side by side. */
export type LetterOutcome = { ok: true; letter: LetterContent; notes: string[]; notesEn: string[] } | { ok: false; reason: string; reasonEn: string };

const refuse = (reason: string, reasonEn: string): LetterOutcome => ({ ok: false, reason, reasonEn });

/** Notes collected in both languages. */
function bilingualNotes() {
  const notes: string[] = [];
  const notesEn: string[] = [];
  return { notes, notesEn, add: (es: string, en: string) => void (notes.push(es), notesEn.push(en)) };
}

const norm = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

export function correctionLetterFor(a: UsableAnalysis, today: IsoDate, program?: string): LetterOutcome {
  const all = a.afterFiling.corrections;
  if (all.length === 0) return refuse("no hay presentaciones registradas en la hoja Evidencia: marque primero el programa como presentado (raoce presentado)", "no filing is recorded on the Evidencia sheet: first mark the program as filed («Mark as filed»)");
  let pool = all.filter((c) => c.corrections.length > 0);
  if (program) {
    const want = norm(program);
    pool = all.filter((c) => norm(c.program) === want || norm(`${c.program} ${c.number ?? ""}`) === want || norm(c.number ?? "") === want);
    if (pool.length === 0) return refuse(`no hay evidencia de una presentación de «${program}»`, `there is no evidence of a filing of «${program}»`);
  }
  if (pool.length === 0) return refuse("ningún valor capturado cambió desde la presentación registrada en Evidencia: no hace falta carta de corrección", "no captured value changed since the filing recorded on Evidencia: no correction letter is needed");
  if (pool.length > 1) {
    const list = pool.map((c) => c.program).join(", ");
    return refuse(`hay correcciones en varios programas (${list}): indique cuál (campo «Programa» del complemento; --programa en raoce)`, `there are corrections in several programs (${list}): say which one under «Program»`);
  }
  const c = pool[0]!;
  if (c.corrections.length === 0) {
    return refuse(
      `${c.program}: ningún valor capturado cambió desde la presentación del ${longDateEs(c.block.filedOn)}: no hace falta carta de corrección`,
      `${c.program}: no captured value changed since the filing of ${longDateEn(c.block.filedOn)}: no correction letter is needed`,
    );
  }
  const party = letterParty(a.input, { type: c.program, number: c.number });
  const { notes, notesEn, add } = bilingualNotes();
  if (!party.representative) add("Falta el nombre del representante legal (hoja Requisitos): la carta lo deja en blanco.", "The legal representative's name is missing (Requisitos sheet): the letter leaves it blank.");
  if (!party.phone || !party.email) add("Faltan teléfono o correo de contacto (hoja Requisitos): la carta los deja en blanco.", "The contact phone or email is missing (Requisitos sheet): the letter leaves them blank.");
  if (today > c.deadline.by) add(`El plazo de 5 días hábiles venció el ${longDateEs(c.deadline.by)}.`, `The 5-business-day deadline passed on ${longDateEn(c.deadline.by)}.`);
  const letter = correctionLetter({ party, filedOn: c.block.filedOn, folio: c.block.folio, fiscalYear: a.result.fiscalYear, corrections: c.corrections, deadline: c.deadline, today });
  return { ok: true, letter, notes, notesEn };
}

/** `row` is 1-based among the notices of the Avisos table; by default the first pending or overdue one. */
export function noticeLetterFor(a: UsableAnalysis, today: IsoDate, row?: number): LetterOutcome {
  const notices = a.afterFiling.notices;
  if (notices.length === 0) return refuse("la tabla de la hoja Avisos no tiene cambios registrados", "the table on the Avisos sheet has no changes recorded");
  let n = row === undefined ? notices.find((x) => x.status === "vencido" || x.status === "pendiente") : notices[row - 1];
  if (row !== undefined && !n) return refuse(`no hay fila ${row} en la tabla de Avisos (hay ${notices.length})`, `there is no row ${row} in the Avisos table (it has ${notices.length})`);
  if (!n) n = notices[0]!;
  const program = a.result.programs.find((p) => p.obliged) ?? a.result.programs[0];
  if (!program) return refuse("no hay programas válidos en la hoja Programas", "there are no valid programs on the Programas sheet");
  const party = letterParty(a.input, { type: program.type, number: program.number });
  const { notes, notesEn, add } = bilingualNotes();
  if (!party.representative) add("Falta el nombre del representante legal (hoja Requisitos): el escrito lo deja en blanco.", "The legal representative's name is missing (Requisitos sheet): the escrito leaves it blank.");
  if (n.status === "presentado") add("Ese aviso ya está marcado como presentado.", "That notice is already marked as filed.");
  return { ok: true, letter: noticeLetter({ party, notice: n, today }), notes, notesEn };
}
