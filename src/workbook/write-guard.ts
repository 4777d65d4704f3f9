/**
 * What keeps a write from touching what the user typed (pure; used by write-plan.ts for `fill` and «Calcular y
 * escribir»):
 *
 * - an output is written only where the template says it is, and only if that cell is not an input: not an input
 *   name's cell, not an input column or the header of a table, not part of a merged area that starts elsewhere or
 *   holds an input (a write into a merged area lands in its top-left cell: `Empresa!B14` would change);
 * - the generated lists stay inside the sheet (1,048,576 rows × 16,384 columns) and off the inputs;
 * - a value someone typed into an output cell is reported (cell, old value, why it is an output, where that
 *   information belongs) before the run replaces it.
 *
 * Everything it refuses or notices becomes a located warning: first rows of Problemas, `fill`'s output, the pane.
 */
import type { IsoDate } from "../domain/dates";
import type { Severity } from "../domain/issues";
import { TABLES, type BlockLayout, type NamedCell, type TableColumn } from "./layout";
import { cellAddress, isCellError, parseCell, parseRange, type CellRef, type CellValue, type WorkbookSnapshot } from "./port";
import type { LocatedIssue } from "./read-input";
import { serialToIso } from "./serial-dates";

export const LAST_ROW = 1_048_576;
export const LAST_COL = 16_384;

interface Rect {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** What the user knows the area as ("RFC", "tblProgramas[Fecha de presentación]"). */
  what: string;
}

const contains = (x: Rect, row: number, col: number) => row >= x.r1 && row <= x.r2 && col >= x.c1 && col <= x.c2;
const intersects = (x: Rect, y: Omit<Rect, "what">) => x.sheet === y.sheet && x.r1 <= y.r2 && y.r1 <= x.r2 && x.c1 <= y.c2 && y.c1 <= x.c2;

const normalizeHeader = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

export function notice(severity: Severity, code: string, at: { sheet: string; address: string } | null, message: string, messageEn: string): LocatedIssue {
  return { severity, code, message, messageEn, path: "", location: at ? `${at.sheet}!${at.address}` : null, at };
}

/** Why an output cell is not written; `merge` when the cause is a merged area (then the fix is to unmerge it). */
export interface Refusal {
  es: string;
  en: string;
  merge?: string;
}

/** Where outputs may not go, resolved against the workbook as it is now. */
export class InputMap {
  /** Named input cells and input table columns (body), and every table's header row. */
  private readonly inputs: Rect[] = [];
  /** Merged areas per sheet. */
  private readonly merges = new Map<string, Rect[]>();

  constructor(snapshot: WorkbookSnapshot, namedCells: readonly NamedCell[]) {
    for (const n of namedCells) {
      if (n.kind !== "input") continue;
      const s = snapshot.names[n.name];
      const r = s?.found ? parseRange(s.address) : null;
      if (s?.found && r) this.inputs.push({ sheet: s.sheet, r1: r.start.row, c1: r.start.col, r2: r.end.row, c2: r.end.col, what: `«${n.label || n.name}» (${n.name})` });
    }
    for (const t of TABLES) {
      const s = snapshot.tables[t.name];
      if (!s?.found) continue;
      const tl = parseCell(s.bodyTopLeft);
      const h = parseRange(s.headerAddress);
      if (!tl || !h) continue;
      this.inputs.push({ sheet: s.sheet, r1: h.start.row, c1: h.start.col, r2: h.end.row, c2: h.end.col, what: `los encabezados de la tabla ${t.name}` });
      const headers = s.headers.map((x) => normalizeHeader(String(x ?? "")));
      const byHeader = new Map(t.columns.map((c) => [normalizeHeader(c.header), c] as [string, TableColumn]));
      headers.forEach((hh, j) => {
        const c = byHeader.get(hh);
        if (c?.kind === "output") return; // a column the user added, or an input: both are the user's
        const last = tl.row + Math.max(0, s.rows.length - 1);
        this.inputs.push({ sheet: s.sheet, r1: tl.row, c1: tl.col + j, r2: last, c2: tl.col + j, what: `la columna «${s.headers[j] ?? ""}» de la tabla ${t.name}` });
      });
    }
    for (const [sheet, list] of Object.entries(snapshot.merges ?? {})) {
      const rects: Rect[] = [];
      for (const m of list) {
        const r = parseRange(m);
        if (r) rects.push({ sheet, r1: r.start.row, c1: r.start.col, r2: r.end.row, c2: r.end.col, what: m });
      }
      this.merges.set(sheet, rects);
    }
  }

  /** Only the merged areas that touch this rectangle (keeps per-cell checks cheap whatever the merge count). */
  relevantMerges(sheet: string, r1: number, c1: number, r2: number, c2: number): Rect[] {
    return (this.merges.get(sheet) ?? []).filter((m) => intersects(m, { sheet, r1, c1, r2, c2 }));
  }

  /** Why an output may not be written at this cell, or null when it may. */
  refusal(sheet: string, at: CellRef, merges: readonly Rect[] = this.relevantMerges(sheet, at.row, at.col, at.row, at.col)): Refusal | null {
    const input = this.inputs.find((x) => x.sheet === sheet && contains(x, at.row, at.col));
    if (input) return { es: `es una celda de captura (${input.what})`, en: `it is an input cell (${input.what})` };
    for (const m of merges) {
      if (!contains(m, at.row, at.col)) continue;
      const tl = cellAddress({ row: m.r1, col: m.c1 });
      const holdsInput = this.inputs.find((x) => intersects(x, m));
      if (holdsInput) return { es: `está combinada (${m.what}) con una celda de captura (${holdsInput.what}); escribir ahí cambiaría ${sheet}!${tl}`, en: `it is merged (${m.what}) with an input cell; writing there would change ${sheet}!${tl}`, merge: m.what };
      if (m.r1 !== at.row || m.c1 !== at.col) return { es: `está combinada (${m.what}) y el valor iría a ${sheet}!${tl}`, en: `it is merged (${m.what}) and the value would land in ${sheet}!${tl}`, merge: m.what };
    }
    return null;
  }

  /** The input areas a list block starting at `anchor`, `width` wide, down to the last row, would cover. */
  blockConflict(sheet: string, anchor: CellRef, width: number): Rect | null {
    const area = { sheet, r1: anchor.row, c1: anchor.col, r2: LAST_ROW, c2: anchor.col + width - 1 };
    return this.inputs.find((x) => intersects(x, area)) ?? (this.merges.get(sheet) ?? []).find((m) => intersects(m, area) && this.inputs.some((x) => intersects(x, m))) ?? null;
  }
}

/** A list block cut to the sheet's edge, or refused; with the notice to report. */
export function fitBlock<T>(b: BlockLayout, sheet: string, anchor: CellRef, rows: T[], map: InputMap): { rows: T[] | null; notice: LocatedIssue | null } {
  const at = { sheet, address: cellAddress(anchor) };
  const name = `«${b.sheet}» (${b.anchorName})`;
  if (anchor.col + b.headers.length - 1 > LAST_COL) {
    return {
      rows: null,
      notice: notice("warning", "LIST_NOT_WRITTEN", at, `La lista ${name} empieza en ${at.sheet}!${at.address} y sus ${b.headers.length} columnas no caben en la hoja (la última es XFD): no se escribió. Regrese el nombre ${b.anchorName} a ${b.sheet}!${b.anchor} en Fórmulas › Administrador de nombres.`, `List ${b.anchorName} starts at ${at.sheet}!${at.address}; its ${b.headers.length} columns do not fit in the sheet: not written. Move the name back to ${b.sheet}!${b.anchor}.`),
    };
  }
  const conflict = map.blockConflict(sheet, anchor, b.headers.length);
  if (conflict) {
    return {
      rows: null,
      notice: notice("warning", "LIST_NOT_WRITTEN", at, `La lista ${name} empieza en ${at.sheet}!${at.address} y cubriría ${conflict.what}: no se escribió, para no borrar lo capturado. Regrese el nombre ${b.anchorName} a ${b.sheet}!${b.anchor} en Fórmulas › Administrador de nombres.`, `List ${b.anchorName} at ${at.sheet}!${at.address} would cover ${conflict.what}: not written. Move the name back to ${b.sheet}!${b.anchor}.`),
    };
  }
  const room = LAST_ROW - anchor.row + 1;
  if (rows.length > room) {
    return {
      rows: rows.slice(0, room),
      notice: notice("warning", "LIST_CLIPPED", at, `La lista ${name} empieza en ${at.sheet}!${at.address}: solo caben ${room.toLocaleString("es-MX")} de sus ${rows.length.toLocaleString("es-MX")} filas antes de la última fila de la hoja; el resto no se escribió. Regrese el nombre ${b.anchorName} a ${b.sheet}!${b.anchor}.`, `List ${b.anchorName} at ${at.sheet}!${at.address}: only ${room} of its ${rows.length} rows fit before the sheet's last row.`),
    };
  }
  return { rows, notice: null };
}

/** Where the information typed into an output belongs instead (Spanish, English). */
const BELONGS: Record<string, [string, string]> = {
  status: ["La fecha de presentación se captura en la columna «Fecha de presentación» y el folio en «Folio del acuse»: con ellas RAOCE calcula el estado.", "Enter the filing date in «Fecha de presentación» and the folio in «Folio del acuse»: the status is computed from them."],
  obliged: ["Si un programa no está vigente, capture su «Fecha de cancelación».", "If a program is not in force, enter its cancellation date."],
  opens: ["Para ajustar un plazo use las columnas «Vence (ajuste)», «Extemporáneo hasta (ajuste)» o «Cancelación (ajuste)».", "To adjust a deadline use the «(ajuste)» columns."],
  due: ["Para ajustar el vencimiento use la columna «Vence (ajuste)».", "To adjust the due date use «Vence (ajuste)»."],
  lateUntil: ["Para ajustar el plazo extemporáneo use la columna «Extemporáneo hasta (ajuste)».", "Use «Extemporáneo hasta (ajuste)»."],
  cancelledOn: ["Para ajustar la cancelación use la columna «Cancelación (ajuste)»; una cancelación real va en «Fecha de cancelación».", "Use «Cancelación (ajuste)» or «Fecha de cancelación»."],
  reactivationBy: ["RAOCE la calcula de la fecha de presentación y de la cancelación.", "Computed from the filing and cancellation dates."],
  commitment: ["RAOCE lo calcula de las cifras de la hoja Cifras: corrija ahí las ventas y exportaciones.", "Computed from the Cifras sheet: correct sales and exports there."],
  commitmentReason: ["RAOCE lo calcula de las cifras de la hoja Cifras.", "Computed from the Cifras sheet."],
  exportShare: ["RAOCE lo calcula de «Ventas totales (a)» y «Total exportaciones (b)» (hoja Cifras): capture ahí las cifras.", "Computed from «Ventas totales (a)» and «Total exportaciones (b)»: enter the figures there."],
  balance: ["RAOCE lo calcula de «Total exportaciones (b)» y «Total importaciones (c)» (hoja Cifras).", "Computed from exports (b) and imports (c)."],
  salesUsd: ["RAOCE lo calcula de las ventas y del tipo de cambio: capture el tipo de cambio en Empresa › «Tipo de cambio».", "Computed from sales and the exchange rate."],
  exportsUsd: ["RAOCE lo calcula de las exportaciones y del tipo de cambio: capture el tipo de cambio en Empresa › «Tipo de cambio».", "Computed from exports and the exchange rate."],
  exchangeRateUsed: ["El tipo de cambio se captura en Empresa › «Tipo de cambio (MXN por USD; vacío = tabla)».", "Enter the exchange rate in Empresa › «Tipo de cambio»."],
  exchangeRateSource: ["El tipo de cambio se captura en Empresa › «Tipo de cambio (MXN por USD; vacío = tabla)».", "Enter the exchange rate in Empresa › «Tipo de cambio»."],
  asOfUsed: ["La fecha de corte se captura en Empresa › «Fecha de corte (vacía = hoy)».", "Enter the as-of date in Empresa › «Fecha de corte»."],
  closingInventory: ["RAOCE lo calcula de los volúmenes producido, nacional y exportado de la misma fila.", "Computed from the volumes of the same row."],
};
const DEFAULT_BELONGS: [string, string] = ["Una nota propia va en una celda fuera de las celdas grises.", "Keep your own notes outside the grey cells."];

/** A value as the user saw it: dates as dd/mm/aaaa, fractions in a percent cell as "78.50 %", numbers in es-MX. */
export function shownValue(v: CellValue, format: string | undefined, date1904: boolean): string {
  if (v === null) return "(vacía)";
  if (isCellError(v)) return v.error;
  if (typeof v === "number" && format && /[dmy]/.test(format) && !format.includes("#")) {
    const iso = serialToIso(v, date1904) as IsoDate | null;
    if (iso) return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  if (typeof v === "number" && format?.includes("%")) return `${(v * 100).toLocaleString("es-MX", { maximumFractionDigits: 2 })} %`;
  if (typeof v === "number") return v.toLocaleString("es-MX", { maximumFractionDigits: 6 });
  if (typeof v === "boolean") return v ? "VERDADERO" : "FALSO";
  const s = String(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

export interface TypedOver {
  sheet: string;
  address: string;
  /** What the output is ("Estado", "Porcentaje de exportación (b / a)"). */
  label: string;
  /** Output key (`status`, `exportShare`…): picks where the information belongs. */
  output: string;
  old: CellValue;
  next: CellValue;
  /** The output's number format (dates and percents are shown as the cell shows them). */
  format: string | undefined;
}

export function typedOverNotice(t: TypedOver, date1904: boolean): LocatedIssue {
  const [es, en] = BELONGS[t.output] ?? DEFAULT_BELONGS;
  const old = shownValue(t.old, t.format, date1904);
  const next = shownValue(t.next, t.format, date1904);
  return notice(
    "warning",
    "OUTPUT_TYPED_OVER",
    { sheet: t.sheet, address: t.address },
    `Tenía «${old}», escrito a mano en una celda de resultado («${t.label}»: la calcula RAOCE); se reemplazó por «${next}». ${es}`,
    `Held "${old}", typed into an output cell ("${t.label}": RAOCE computes it); replaced by "${next}". ${en}`,
  );
}

/** `fix` says how to repair a misplaced name or column; a merged area gets the unmerge advice instead. */
export function refusedNotice(sheet: string, address: string, label: string, why: Refusal, fix: string): LocatedIssue {
  const how = why.merge ? `Separe las celdas ${sheet}!${why.merge} (Inicio › Combinar y centrar › Separar celdas) y vuelva a calcular.` : fix;
  return notice(
    "warning",
    "OUTPUT_NOT_WRITTEN",
    { sheet, address },
    `No se escribió «${label}» en ${sheet}!${address}: ${why.es}. Lo capturado se conserva. ${how}`,
    `"${label}" was not written at ${sheet}!${address}: ${why.en}. What was typed is kept.`,
  );
}
