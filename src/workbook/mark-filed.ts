/**
 * «Marcar como presentado» (R33): the plan that records a filing. Pure; shared by `raoce presentado` and the pane.
 *
 *  1. the filing date and acuse folio go into the program's row (the only input cells RAOCE ever writes, and only
 *     when they are blank, already equal, or the caller confirmed replacing them),
 *  2. one dated evidence block is APPENDED to the Evidencia table — rows after the last used one, the table grown
 *     when needed; an earlier block is never rewritten,
 *  3. the usual outputs are recomputed with the new filing (status, deadlines, Problemas, Captura VUCEM).
 */
import { capturedFields, evidenceCells, inputsDigest, type EvidenceBlock } from "../domain/after-filing";
import { isIsoDate, longDateEn, longDateEs, type IsoDate } from "../domain/dates";
import { analyzeSnapshot, type UsableAnalysis } from "./analyze";
import { EVIDENCE_TABLE } from "./layout-after-filing";
import { TABLES } from "./layout";
import { cellAddress, parseCell, parseRange, rangeAddress, type CellValue, type PlainValue, type RangeWrite, type TableSnapshot, type WorkbookSnapshot, type WritePlan } from "./port";
import { isoToSerial } from "./serial-dates";
import { buildWritePlan, plural } from "./write-plan";

export interface MarkFiledOptions {
  /** "IMMEX", "PROSEC", or "IMMEX 2019-8664"; optional when the workbook has one program that files. */
  program?: string;
  filedOn: IsoDate;
  folio: string;
  preparedBy?: string;
  reviewedBy?: string;
  /** Today in Mexico: the date of the block and of the recomputed outputs. */
  markedOn: IsoDate;
  /** The row already holds another date or folio: replace it (the caller has told the user). */
  replace?: boolean;
}

export type MarkFiledOutcome =
  | { ok: true; plan: WritePlan; block: EvidenceBlock; analysis: UsableAnalysis; notes: string[]; notesEn: string[] }
  | { ok: false; reason: string; reasonEn: string };

/** A refusal in both languages: Spanish for the CLI and a Spanish Office, English for an English Office. */
const refuse = (reason: string, reasonEn: string): MarkFiledOutcome => ({ ok: false, reason, reasonEn });

const PROGRAMS_TABLE = TABLES.find((t) => t.path === "programs")!;
const norm = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

function columnIndex(snap: TableSnapshot, header: string): number {
  return snap.headers.map((h) => norm(String(h ?? ""))).indexOf(norm(header));
}

const blankCell = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

export function buildMarkFiledPlan(a: UsableAnalysis, snapshot: WorkbookSnapshot, o: MarkFiledOptions): MarkFiledOutcome {
  if (!isIsoDate(o.filedOn)) return refuse(`la fecha de presentación «${o.filedOn}» no es una fecha válida: escríbala como DD/MM/AAAA (28/05/2025) o AAAA-MM-DD (2025-05-28)`, `the filing date «${o.filedOn}» is not a valid date: write it as DD/MM/YYYY (28/05/2025) or YYYY-MM-DD (2025-05-28)`);
  if (o.filedOn > o.markedOn) return refuse(`la fecha de presentación (${longDateEs(o.filedOn)}) es posterior a hoy (${longDateEs(o.markedOn)})`, `the filing date (${longDateEn(o.filedOn)}) is after today (${longDateEn(o.markedOn)})`);
  const folio = o.folio.trim();
  if (!folio) return refuse("indique el folio del acuse de VUCEM", "enter the folio of VUCEM's acknowledgement");
  if (folio.length > 60 || /[\r\n\t]/.test(folio)) return refuse("el folio del acuse debe ser una sola línea de hasta 60 caracteres", "the acknowledgement folio must be a single line of up to 60 characters");
  const names = { prepared: o.preparedBy?.trim() || null, reviewed: o.reviewedBy?.trim() || null };
  for (const n of [names.prepared, names.reviewed]) if (n && (n.length > 120 || /[\r\n\t]/.test(n))) return refuse("los nombres de quien preparó y revisó deben ser una línea de hasta 120 caracteres", "the names of who prepared and who reviewed must each be one line of up to 120 characters");

  // 1. Which program.
  const r = a.result;
  let candidates = r.programs.filter((p) => p.obliged);
  if (o.program) {
    const want = norm(o.program);
    candidates = r.programs.filter((p) => norm(p.type) === want || norm(`${p.type} ${p.number ?? ""}`) === want || norm(p.number ?? "") === want);
    if (candidates.length === 0) {
      const all = r.programs.map((p) => `${p.type} ${p.number ?? ""}`.trim()).join(", ");
      return refuse(`no hay un programa «${o.program}» en la hoja Programas (hay: ${all || "ninguno"})`, `there is no program «${o.program}» on the Programas sheet (there are: ${all || "none"})`);
    }
  }
  if (candidates.length !== 1) {
    const list = candidates.map((p) => `${p.type} ${p.number ?? ""}`.trim()).join(", ");
    return candidates.length === 0
      ? refuse("ningún programa del libro está obligado a presentar este año", "no program in the workbook is obliged to file this year")
      : refuse(`el libro tiene varios programas que presentan (${list}): indique cuál (campo «Programa» del complemento; --programa en raoce)`, `the workbook has several programs that file (${list}): say which one under «Program»`);
  }
  const p = candidates[0]!;
  if (!p.obliged) {
    const who = `${p.type} ${p.number ?? ""}`.trim();
    return refuse(`${who}: no está obligado a presentar el RAOCE ${r.filingYear ?? ""}; no hay nada que marcar`.replace(/ ;/, ";"), `${who}: not obliged to file the RAOCE ${r.filingYear ?? ""}; there is nothing to mark`.replace(/ ;/, ";"));
  }
  const captured = capturedFields(a.input, r, p.index);
  if (!captured) return refuse(`${p.type}: no se pudo determinar lo capturado en VUCEM`, `${p.type}: could not determine what was captured in VUCEM`);

  // 2. Where things go.
  const progSnap = snapshot.tables[PROGRAMS_TABLE.name];
  const evSnap = snapshot.tables[EVIDENCE_TABLE.name];
  if (!progSnap || !progSnap.found) return refuse("no se encuentra la tabla tblProgramas", "the tblProgramas table cannot be found");
  if (!evSnap || !evSnap.found) {
    return refuse(
      `el libro no tiene la hoja Evidencia (tabla ${EVIDENCE_TABLE.name}; plantilla anterior a la 1.2): copie sus datos a una plantilla nueva (raoce template) para registrar la presentación`,
      `the workbook has no Evidencia sheet (table ${EVIDENCE_TABLE.name}; a template older than 1.2): copy your data into a new template (insert it in a new workbook) to record the filing`,
    );
  }
  const evCols = EVIDENCE_TABLE.columns.map((c) => columnIndex(evSnap, c.header));
  if (evCols.some((j) => j < 0)) {
    const missing = EVIDENCE_TABLE.columns[evCols.findIndex((j) => j < 0)]!.header;
    return refuse(`a la tabla ${EVIDENCE_TABLE.name} le falta la columna «${missing}»; restáurela desde una plantilla nueva`, `the ${EVIDENCE_TABLE.name} table is missing the «${missing}» column; restore it from a new template`);
  }
  const fCol = columnIndex(progSnap, "Fecha de presentación");
  const folioCol = columnIndex(progSnap, "Folio del acuse");
  if (fCol < 0 || folioCol < 0) return refuse("a la tabla tblProgramas le falta la columna «Fecha de presentación» o «Folio del acuse»", "the tblProgramas table is missing the «Fecha de presentación» or «Folio del acuse» column");
  const bodyRow = a.read.rows.programs[p.index];
  const progTop = parseCell(progSnap.bodyTopLeft);
  const evTop = parseCell(evSnap.bodyTopLeft);
  const header = parseRange(evSnap.headerAddress);
  if (bodyRow === undefined || !progTop || !evTop || !header) return refuse("no se pudo ubicar la fila del programa o la tabla Evidencia", "could not locate the program's row or the Evidencia table");

  // 3. The row's date and folio: never silently replaced.
  const notes: string[] = [];
  const notesEn: string[] = [];
  const rowIn = ((a.input.programs as Record<string, unknown>[] | undefined) ?? [])[p.index] ?? {};
  const oldDate = typeof rowIn.filedOn === "string" ? rowIn.filedOn : null;
  const oldFolio = rowIn.folio === undefined || rowIn.folio === null ? null : String(rowIn.folio).trim();
  const rawDate = progSnap.rows[bodyRow]?.[fCol];
  const rawFolio = progSnap.rows[bodyRow]?.[folioCol];
  const differs = (!blankCell(rawDate) && oldDate !== o.filedOn) || (!blankCell(rawFolio) && oldFolio !== folio);
  if (differs && !o.replace) {
    return refuse(
      `la fila ${p.type} ya tiene fecha de presentación ${oldDate ? longDateEs(oldDate) : `«${String(rawDate)}»`} y folio ${oldFolio ?? "(vacío)"}, distintos de los indicados; si es otra presentación, confirme que se reemplacen (casilla «Reemplazar la fecha y el folio…» del complemento; --reemplazar en raoce; los valores anteriores quedan en la hoja Evidencia si se marcaron antes)`,
      `the ${p.type} row already has filing date ${oldDate ? longDateEn(oldDate) : `«${String(rawDate)}»`} and folio ${oldFolio ?? "(empty)"}, different from the ones given; if this is another filing, confirm that they be replaced (tick «Replace the date and folio»; the earlier values stay on the Evidencia sheet if they were marked before)`,
    );
  }
  if (differs) {
    notes.push(`Se reemplazaron la fecha ${oldDate ? longDateEs(oldDate) : "(vacía)"} y el folio ${oldFolio ?? "(vacío)"} de la fila ${p.type}.`);
    notesEn.push(`The date ${oldDate ? longDateEn(oldDate) : "(empty)"} and the folio ${oldFolio ?? "(empty)"} of the ${p.type} row were replaced.`);
  }

  // 4. The block.
  const existing = a.afterFiling.evidence;
  const block: EvidenceBlock = {
    block: existing.reduce((m, b) => Math.max(m, b.block), 0) + 1,
    markedOn: o.markedOn,
    program: p.type,
    number: p.number,
    filedOn: o.filedOn,
    folio,
    preparedBy: names.prepared,
    reviewedBy: names.reviewed,
    exchangeRate: r.figures.exchangeRate,
    exchangeRateSource: r.figures.exchangeRateSource,
    computedAt: o.markedOn,
    inputsSha256: inputsDigest(a.input),
    captured,
  };
  const origins: Record<string, string | null> = {};
  for (const f of captured) {
    const at = f.source ? a.read.locate(f.source) : null;
    origins[f.key] = at ? `${at.sheet}!${at.address}` : null;
  }
  const cells = evidenceCells(block, origins);
  if (a.summary.errors > 0) {
    notes.push(`El reporte tiene ${plural(a.summary.errors, "error", "errores")}: se registró lo que el libro calcula hoy; revise la hoja Problemas.`);
    notesEn.push(`The report has ${plural(a.summary.errors, "error", "errors")}: what the workbook computes today was recorded; check the Problemas sheet.`);
  }

  // Append after the last used row of the table (blank template rows are filled first).
  let lastUsed = -1;
  evSnap.rows.forEach((row, i) => {
    if (row.some((v) => !blankCell(v))) lastUsed = i;
  });
  const firstRow = evTop.row + lastUsed + 1;
  const lastRow = firstRow + cells.length - 1;
  const date1904 = snapshot.date1904;
  const DATE_COLS = new Set([1, 4]);
  const asCell = (v: unknown, k: number): PlainValue => (v === null || v === undefined ? null : DATE_COLS.has(k) && typeof v === "string" ? isoToSerial(v, date1904) : (v as PlainValue));
  const ranges: RangeWrite[] = EVIDENCE_TABLE.columns.map((c, k) => {
    const col = evTop.col + evCols[k]!;
    const w: RangeWrite = { sheet: evSnap.sheet, address: rangeAddress({ row: firstRow, col }, { row: lastRow, col }), values: cells.map((line) => [asCell(line[k], k)]) };
    return c.numberFormat ? { ...w, numberFormat: c.numberFormat } : w;
  });
  const tableEnd = evTop.row + evSnap.rows.length - 1;
  const growTables = lastRow > tableEnd ? [{ table: EVIDENCE_TABLE.name, sheet: evSnap.sheet, range: rangeAddress(header.start, { row: lastRow, col: header.end.col }) }] : [];

  const progRow = progTop.row + bodyRow;
  ranges.push(
    { sheet: progSnap.sheet, address: cellAddress({ row: progRow, col: progTop.col + fCol }), values: [[isoToSerial(o.filedOn, date1904)]], numberFormat: "dd/mm/yyyy" },
    { sheet: progSnap.sheet, address: cellAddress({ row: progRow, col: progTop.col + folioCol }), values: [[folio]], numberFormat: "@" },
  );

  // 5. Recompute the outputs as they are after the filing: the same snapshot with the new cells.
  // A copy of the two tables that change (the rest is shared, read-only).
  const copyTable = (t: TableSnapshot): TableSnapshot => ({ ...t, rows: t.rows.map((r) => [...r]) });
  const after: WorkbookSnapshot = { ...snapshot, tables: { ...snapshot.tables, [PROGRAMS_TABLE.name]: copyTable(progSnap), [EVIDENCE_TABLE.name]: copyTable(evSnap) } };
  const progAfter = after.tables[PROGRAMS_TABLE.name] as TableSnapshot;
  progAfter.rows[bodyRow]![fCol] = isoToSerial(o.filedOn, date1904);
  progAfter.rows[bodyRow]![folioCol] = folio;
  const evAfter = after.tables[EVIDENCE_TABLE.name] as TableSnapshot;
  cells.forEach((line, i) => {
    const at = lastUsed + 1 + i;
    const row: CellValue[] = evAfter.rows[at] ?? evAfter.headers.map(() => null);
    EVIDENCE_TABLE.columns.forEach((_, k) => (row[evCols[k]!] = asCell(line[k], k)));
    evAfter.rows[at] = row;
  });
  const analysis = analyzeSnapshot(after, o.markedOn);
  if (!analysis.usable) return refuse(analysis.reason, analysis.reasonEn);
  const outputs = buildWritePlan(analysis, after, o.markedOn);
  const plan: WritePlan = {
    ranges: [...outputs.ranges, ...ranges],
    blocks: outputs.blocks,
    growTables,
    unprotect: [...new Set([...outputs.unprotect, evSnap.sheet, progSnap.sheet])],
  };
  return { ok: true, plan, block, analysis, notes, notesEn };
}
