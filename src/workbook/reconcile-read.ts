/**
 * Reads the reconciliation inputs from a snapshot: the «Pedimentos» list (Anexo 24), the «Claves» mapping and the
 * settings of the «Conciliación» sheet. Pure. Every bad cell gets a located message; a workbook without these sheets
 * (template 1.0) simply has no list and the default mapping.
 */
import { isIsoDate, type IsoDate } from "../domain/dates";
import { issue, type Severity } from "../domain/issues";
import {
  DEFAULT_CLAVES,
  DEFAULT_MATERIALITY,
  parseConfidence,
  parseDirection,
  parsePedimentoNumber,
  parseTreatment,
  pedimentoProblemText,
  treatmentFits,
  type ClaveRule,
  type Materiality,
  type PedimentoRecord,
  type RectificationLink,
} from "../domain/reconcile";
import { CLAVES_TABLE, PEDIMENTOS_TABLE, type ReconcileTable } from "./layout-reconcile";
import { cellAddress, isCellError, parseCell, parseRange, type CellValue, type TableSnapshot, type WorkbookSnapshot } from "./port";
import type { CellLocation, LocatedIssue } from "./read-input";
import { serialToIso } from "./serial-dates";

export interface ReconcileSheetInput {
  /** Rows of tblPedimentos that hold a pedimento. */
  list: PedimentoRecord[];
  listLinks: RectificationLink[];
  /** tblClaves as typed (the default mapping when the table is missing or empty). */
  claves: ClaveRule[];
  clavesFromWorkbook: boolean;
  materiality: Materiality;
  importBasis: "commercial" | "customs";
  /** Totals stored by the last «Conciliar» (for `check` when the source was a Data Stage). */
  stored: { year: number | null; exports: number | null; imports: number | null; source: string | null };
  issues: LocatedIssue[];
  /** tblPedimentos exceeds the rows an adapter reads. */
  listTooLarge: boolean;
}

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const shown = (v: unknown) => String(v).slice(0, 40);

function at(snap: TableSnapshot, row: number, col: number): CellLocation | null {
  const tl = parseCell(snap.bodyTopLeft);
  return tl ? { sheet: snap.sheet, address: cellAddress({ row: tl.row + row, col: tl.col + col }) } : null;
}
const where = (l: CellLocation | null) => (l ? `${l.sheet}!${l.address}` : null);

function located(severity: Severity, code: string, es: string, en: string, loc: CellLocation | null, rule: string): LocatedIssue {
  return { ...issue(severity, code, "", es, en, rule), location: where(loc), at: loc };
}

function columnsOf(t: ReconcileTable, snap: TableSnapshot): Record<string, number> {
  const headers = snap.headers.map((h) => fold(String(h ?? "")));
  const out: Record<string, number> = {};
  for (const c of t.columns) out[c.field] = headers.indexOf(fold(c.header));
  return out;
}

function num(v: CellValue | undefined): number | null | "bad" {
  if (blank(v)) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "bad";
  if (typeof v === "string") {
    const t = v.trim().replace(/[$,\s]/g, "");
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : "bad";
  }
  return "bad";
}

function date(v: CellValue | undefined, date1904: boolean): IsoDate | null | "bad" {
  if (blank(v)) return null;
  if (typeof v === "number") return serialToIso(v, date1904) ?? "bad";
  if (typeof v === "string") {
    const t = v.trim();
    if (isIsoDate(t.slice(0, 10))) return t.slice(0, 10);
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (m) {
      const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
      return isIsoDate(iso) ? iso : "bad";
    }
  }
  return "bad";
}

function readList(snap: TableSnapshot, date1904: boolean, issues: LocatedIssue[]): { list: PedimentoRecord[]; links: RectificationLink[] } {
  const col = columnsOf(PEDIMENTOS_TABLE, snap);
  const list: PedimentoRecord[] = [];
  const links: RectificationLink[] = [];
  for (const need of ["number", "clave", "direction", "paidOn", "mxn"]) {
    if (col[need]! < 0) {
      const header = PEDIMENTOS_TABLE.columns.find((c) => c.field === need)!.header;
      issues.push(located("error", "RECON_COLUMN_MISSING", `La tabla tblPedimentos no tiene la columna «${header}» (¿se renombró o se borró?): la lista no se puede conciliar. Restaure el encabezado exacto.`, `Table tblPedimentos has no column "${header}".`, { sheet: snap.sheet, address: parseRange(snap.headerAddress) ? cellAddress(parseRange(snap.headerAddress)!.start) : "A5" }, "R52"));
      return { list, links };
    }
  }
  const cell = (r: CellValue[], f: string) => (col[f]! >= 0 ? r[col[f]!] : null);
  snap.rows.forEach((r, i) => {
    if (r.every((v) => blank(v))) return;
    const bad = (field: string, es: string, en: string, severity: Severity = "error") =>
      issues.push(located(severity, "RECON_LIST_CELL", `Pedimentos, fila ${i + 1}: ${es}.`, `Pedimentos, row ${i + 1}: ${en}.`, at(snap, i, Math.max(0, col[field]!)), "R52"));
    const errs = r.find((v) => isCellError(v));
    if (errs) return bad("number", `una celda muestra un error de Excel; corríjala`, "a cell shows an Excel error");
    const parsed = parsePedimentoNumber(cell(r, "number"));
    if (!parsed.ok) return bad("number", pedimentoProblemText(parsed.problem).es, pedimentoProblemText(parsed.problem).en);
    const direction = parseDirection(cell(r, "direction"));
    if (!direction) return bad("direction", `la operación debe ser Exportación o Importación (valor: «${shown(cell(r, "direction") ?? "")}»)`, "the operation must be Export or Import");
    const clave = String(cell(r, "clave") ?? "").trim().toUpperCase();
    if (!/^[A-Z0-9]{2}$/.test(clave)) return bad("clave", `la clave de pedimento lleva 2 caracteres del Apéndice 2 del Anexo 22 (valor: «${shown(clave)}»)`, "the clave takes 2 characters");
    const paid = date(cell(r, "paidOn"), date1904);
    if (paid === null || paid === "bad") return bad("paidOn", paid === null ? "falta la fecha de pago (define el ejercicio)" : `la fecha de pago no es una fecha (dd/mm/aaaa)`, "payment date missing or invalid");
    const mxn = num(cell(r, "mxn"));
    if (mxn === null || mxn === "bad") return bad("mxn", mxn === null ? "falta el valor en pesos" : `el valor en pesos no es un número (valor: «${shown(cell(r, "mxn"))}»)`, "value in pesos missing or not a number");
    const usd = num(cell(r, "usd"));
    if (usd === "bad") return bad("usd", "el valor en dólares no es un número", "USD value is not a number");
    const added = num(cell(r, "valueAdded"));
    if (added === "bad") return bad("valueAdded", "el valor agregado no es un número", "value added is not a number");
    if (parsed.warning && !["R1", "R2"].includes(clave) && String(cell(r, "consolidated") ?? "").trim().toLowerCase() !== "sí") {
      bad("number", pedimentoProblemText(parsed.warning).es, pedimentoProblemText(parsed.warning).en, "warning");
    }
    const loc = at(snap, i, Math.max(0, col.number!));
    const source = where(loc) ?? `Pedimentos fila ${i + 1}`;
    list.push({
      number: parsed.value.digits,
      direction,
      clave,
      paidOn: paid,
      commercialMxn: mxn,
      customsMxn: null,
      usd,
      valueAdded: added,
      exchangeRate: null,
      items: 0,
      consolidated: /^s[ií]$/i.test(String(cell(r, "consolidated") ?? "").trim()),
      invoiceFrom: null,
      source,
    });
    const prevRaw = cell(r, "previous");
    if (!blank(prevRaw)) {
      const prev = parsePedimentoNumber(prevRaw, { exception: true });
      if (!prev.ok) bad("previous", `«Rectifica al pedimento»: ${pedimentoProblemText(prev.problem).es}`, pedimentoProblemText(prev.problem).en);
      else links.push({ number: parsed.value.digits, previous: prev.value.digits, clave: clave === "R1" ? null : clave, source });
    }
  });
  return { list, links };
}

function readClaves(snap: TableSnapshot, issues: LocatedIssue[]): ClaveRule[] {
  const col = columnsOf(CLAVES_TABLE, snap);
  const rules: ClaveRule[] = [];
  if (col.clave! < 0 || col.direction! < 0 || col.treatment! < 0) {
    issues.push(located("warning", "RECON_CLAVES_COLUMNS", "La tabla tblClaves no tiene las columnas Clave, Operación y Tratamiento: se usa la tabla de claves por omisión de RAOCE.", "Table tblClaves lacks its columns: the default mapping is used.", { sheet: snap.sheet, address: "A5" }, "R54"));
    return [];
  }
  snap.rows.forEach((r, i) => {
    const clave = String(r[col.clave!] ?? "").trim().toUpperCase();
    if (!clave) return;
    const direction = parseDirection(r[col.direction!]);
    const treatment = parseTreatment(r[col.treatment!]);
    if (!direction || !treatment || !treatmentFits(direction, treatment)) {
      issues.push(located("warning", "RECON_CLAVE_ROW", `Claves, fila ${i + 1} (${clave}): ${!direction ? "la operación debe ser Exportación o Importación" : !treatment ? "el tratamiento no es uno de la lista" : "ese tratamiento no corresponde a la operación"}; la fila no se usa.`, `Claves, row ${i + 1}: invalid row, not used.`, at(snap, i, !direction ? col.direction! : col.treatment!), "R54"));
      return;
    }
    const review = col.review! >= 0 && /^s[ií]$/i.test(String(r[col.review!] ?? "").trim());
    const confidence = (col.confidence! >= 0 ? parseConfidence(r[col.confidence!]) : null) ?? "L";
    rules.push({ clave, direction, treatment, review, confidence, note: col.note! >= 0 ? String(r[col.note!] ?? "").trim() : "" });
  });
  return rules;
}

function nameValue(snapshot: WorkbookSnapshot, name: string): CellValue {
  const s = snapshot.names[name];
  return s && s.found ? (s.values[0]?.[0] ?? null) : null;
}

export function readReconcileSheets(snapshot: WorkbookSnapshot): ReconcileSheetInput {
  const issues: LocatedIssue[] = [];
  let list: PedimentoRecord[] = [];
  let listLinks: RectificationLink[] = [];
  let listTooLarge = false;
  const ls = snapshot.tables[PEDIMENTOS_TABLE.name];
  if (ls && ls.found) ({ list, links: listLinks } = readList(ls, snapshot.date1904, issues));
  else if (ls && !ls.found && ls.reason === "too-large") {
    listTooLarge = true;
    issues.push(located("warning", "RECON_LIST_TOO_LARGE", `La tabla tblPedimentos es demasiado grande para leerse aquí (${ls.detail ?? ""}); concilie con el Data Stage (raoce conciliar).`, "Table tblPedimentos is too large to read here.", null, "R52"));
  }
  const cs = snapshot.tables[CLAVES_TABLE.name];
  let claves: ClaveRule[] = [];
  if (cs && cs.found) claves = readClaves(cs, issues);
  const clavesFromWorkbook = claves.length > 0;
  if (!clavesFromWorkbook) claves = [...DEFAULT_CLAVES];

  let materiality = DEFAULT_MATERIALITY;
  const m = nameValue(snapshot, "RAOCE_MATERIALIDAD");
  if (typeof m === "number" && Number.isFinite(m) && m > 0) materiality = m < 1 ? { kind: "percent", value: m } : { kind: "percent", value: m / 100 };
  else if (!blank(m)) {
    const s = snapshot.names.RAOCE_MATERIALIDAD;
    const loc = s && s.found ? { sheet: s.sheet, address: s.address } : null;
    issues.push(located("warning", "RECON_MATERIALITY", `Materialidad: «${shown(m)}» no es un porcentaje; se usa 1 %.`, "Materiality is not a percentage; 1 % is used.", loc, "R56"));
  }
  const basis = String(nameValue(snapshot, "RAOCE_BASE_IMPORTACIONES") ?? "");
  const importBasis = /aduana/i.test(basis) ? "customs" : "commercial";
  const n = (name: string) => {
    const v = nameValue(snapshot, name);
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const src = nameValue(snapshot, "RAOCE_CONC_FUENTE");
  return {
    list,
    listLinks,
    claves,
    clavesFromWorkbook,
    materiality,
    importBasis,
    stored: { year: n("RAOCE_CONC_EJERCICIO"), exports: n("RAOCE_CONC_EXPORTACIONES"), imports: n("RAOCE_CONC_IMPORTACIONES"), source: typeof src === "string" ? src : null },
    issues,
    listTooLarge,
  };
}
