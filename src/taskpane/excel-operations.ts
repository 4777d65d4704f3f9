/**
 * The pane's operations over the open Excel workbook: the Office adapter (read / apply / insertTemplate / selectCell)
 * + readInput + evaluate (analyzeSnapshot) + buildWritePlan. Loaded on first use (see createExcelOperations in
 * operations.ts); the template generator (ExcelJS, the biggest dependency) is loaded only when inserting.
 *
 * Settings the pane edits live in the workbook's input cells (layout.ts): RAOCE_ANIO_PRESENTACION, RAOCE_FECHA_CORTE,
 * RAOCE_TIPO_CAMBIO and the table tblInhabiles[Fecha inhábil]. The write plan only ever writes outputs, so the
 * pane's explicit "save settings" builds its own small plan of RangeWrites into exactly those input cells.
 */
import { RECONCILE_SHEET_LAYOUTS } from "../workbook/layout-reconcile";
import "./zod-without-eval"; // first: before any zod schema of the domain is built
import type { IsoDate } from "../domain/dates";
import { setWorkbookDate1904 } from "../functions/date-system";
import { analyzeSnapshot, staleNotice, type UsableAnalysis } from "../workbook/analyze";
import { summarizeIssues } from "../domain/issues";
import { FORMATS, SHEET_LAYOUTS, SNAPSHOT_REQUEST, TABLES, VERSION_NAME, namedCell } from "../workbook/layout";
import { createOfficeAdapter, type OfficeWorkbookAdapter } from "../workbook/office/office-adapter";
import { cellAddress, parseCell, parseRange, type PlainValue, type RangeWrite, type TableSnapshot, type WorkbookSnapshot, type WritePlan } from "../workbook/port";
import { readInput } from "../workbook/read-input";
import { isoToSerial } from "../workbook/serial-dates";
import { todayInMexico } from "../workbook/today";
import { buildWritePlan } from "../workbook/write-plan";
import { afterFilingOperations, canDownload, downloadLetter, writeLetterSheet } from "./after-filing-operations";
import { TemplateMissingError } from "./errors";
import { type InsertOutcome, type OnStage, type PaneOperations, type ProgressStage } from "./operations";
import { reconcileInWorkbook } from "./reconcile-operation";
import type { PaneSettings, SettingsChange } from "./settings-form";

/** Input names of the settings the pane edits (layout.ts). */
export const SETTING_NAMES = {
  filingYear: "RAOCE_ANIO_PRESENTACION",
  asOf: "RAOCE_FECHA_CORTE",
  exchangeRate: "RAOCE_TIPO_CAMBIO",
} as const;
export const EXTRA_DAYS_TABLE = TABLES.find((t) => t.path === "extraNonBusinessDays")!;

/** An error with an Office-like `code`, so errors.ts maps it to a readable sentence. */
export class PaneError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The same text in English, when the pane words it (an English Office shows it instead of `message`). */
    readonly messageEn?: string,
  ) {
    super(message);
    this.name = "PaneError";
  }
}

export interface ExcelOperationsDeps {
  adapter: OfficeWorkbookAdapter;
  /** How a letter reaches the user (download or printable sheet); absent: letters are not offered. */
  deliverLetter?: Parameters<typeof afterFilingOperations>[0]["deliver"];
  /** Grows a table by `rows` blank body rows (tblInhabiles, when the user lists more days than it has rows). */
  addTableRows(table: string, sheet: string, rows: number): Promise<void>;
  /** The template .xlsx as base64. */
  templateBase64(): Promise<string>;
  today(): IsoDate;
}

// ─── settings ⇄ workbook ────────────────────────────────────────────────────────────────────────────────────────────

/** The settings as the workbook holds them (through readInput, so serials, text dates and 1904 are handled once). */
export function settingsOf(input: Record<string, unknown>): PaneSettings {
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const days = Array.isArray(input.extraNonBusinessDays) ? input.extraNonBusinessDays.filter((d): d is string => typeof d === "string") : [];
  return {
    filingYear: num(input.filingYear),
    asOf: typeof input.asOf === "string" ? input.asOf : null,
    exchangeRate: num(input.exchangeRate),
    extraNonBusinessDays: days,
  };
}

function nameCell(snapshot: WorkbookSnapshot, name: string): { sheet: string; address: string } {
  const s = snapshot.names[name];
  const r = s?.found ? parseRange(s.address) : null;
  if (!s?.found || !r) {
    const n = namedCell(name);
    throw new PaneError("ItemNotFound", `El nombre ${name} (${n?.label ?? name}) no existe o está roto en este libro.`);
  }
  return { sheet: s.sheet, address: cellAddress(r.start) };
}

/**
 * RangeWrites of the changed settings, into their input cells where they are NOW (the snapshot). Returns also how
 * many blank rows tblInhabiles lacks for the new list of days.
 */
export function settingsPlan(snapshot: WorkbookSnapshot, change: SettingsChange): { plan: WritePlan; missingRows: number } {
  const ranges: RangeWrite[] = [];
  let missingRows = 0;
  const cell = (name: string, value: PlainValue, numberFormat?: string) => {
    const at = nameCell(snapshot, name);
    const w: RangeWrite = { ...at, values: [[value]] };
    ranges.push(numberFormat ? { ...w, numberFormat } : w);
  };
  if (change.filingYear !== undefined) cell(SETTING_NAMES.filingYear, change.filingYear);
  if (change.asOf !== undefined) cell(SETTING_NAMES.asOf, change.asOf === null ? null : isoToSerial(change.asOf, snapshot.date1904), FORMATS.date);
  if (change.exchangeRate !== undefined) cell(SETTING_NAMES.exchangeRate, change.exchangeRate);
  if (change.extraNonBusinessDays !== undefined) {
    const t = EXTRA_DAYS_TABLE;
    const s = snapshot.tables[t.name];
    if (!s?.found) throw new PaneError("ItemNotFound", `No se encuentra la tabla ${t.name} (hoja «${t.sheet}»).`);
    const w = extraDaysWrites(s, change.extraNonBusinessDays, snapshot.date1904);
    missingRows = w.missingRows;
    ranges.push(...w.ranges);
  }
  return { plan: { ranges, blocks: [], unprotect: [] }, missingRows };
}

const normalizeHeader = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * The date column of tblInhabiles rewritten with the new days (sorted), the note column kept next to its date (a
 * day the user removed loses its note, a new day gets none); rows past the list are emptied.
 */
function extraDaysWrites(s: TableSnapshot, days: readonly IsoDate[], date1904: boolean): { ranges: RangeWrite[]; missingRows: number } {
  const t = EXTRA_DAYS_TABLE;
  const headers = s.headers.map((h) => normalizeHeader(h));
  const dateCol = headers.indexOf(normalizeHeader(t.columns.find((c) => c.field === t.scalarField)!.header));
  const noteCol = headers.indexOf(normalizeHeader(t.columns.find((c) => c.field !== t.scalarField)!.header));
  if (dateCol < 0) throw new PaneError("ItemNotFound", `La tabla ${t.name} no tiene la columna «${t.columns[0]!.header}».`);
  const tl = parseCell(s.bodyTopLeft)!;

  // Existing notes by date (the reader already turned serials and text into ISO for the document; here we only need
  // the serial → note pairs, so compare serials).
  const notes = new Map<number, PlainValue>();
  if (noteCol >= 0) {
    for (const row of s.rows) {
      const d = row[dateCol];
      const n = row[noteCol];
      if (typeof d === "number" && (typeof n === "string" || typeof n === "number")) notes.set(Math.floor(d), n);
    }
  }
  const serials = [...new Set(days)].sort().map((d) => isoToSerial(d, date1904));
  const height = Math.max(s.rows.length, serials.length);
  const missingRows = height - s.rows.length;
  if (height === 0) return { ranges: [], missingRows: 0 };
  const column = (col: number, values: PlainValue[], numberFormat?: string): RangeWrite => {
    const start = { row: tl.row, col: tl.col + col };
    const end = { row: tl.row + height - 1, col: tl.col + col };
    const a = cellAddress(start);
    const b = cellAddress(end);
    const w: RangeWrite = { sheet: s.sheet, address: a === b ? a : `${a}:${b}`, values: values.map((v) => [v]) };
    return numberFormat ? { ...w, numberFormat } : w;
  };
  const pad = <T,>(xs: T[]): (T | null)[] => [...xs, ...Array<null>(height - xs.length).fill(null)];
  const ranges = [column(dateCol, pad(serials), FORMATS.date)];
  if (noteCol >= 0) ranges.push(column(noteCol, pad(serials.map((d) => notes.get(d) ?? null))));
  return { ranges, missingRows };
}

export function cellsOf(plan: WritePlan): number {
  let n = 0;
  for (const r of plan.ranges) n += r.values.length * (r.values[0]?.length ?? 0);
  for (const b of plan.blocks) n += b.rows.length * b.width;
  return n;
}

// ─── the operations ─────────────────────────────────────────────────────────────────────────────────────────────────

export function makeExcelOperations(deps: ExcelOperationsDeps): PaneOperations {
  const { adapter } = deps;
  const stage = (onStage: OnStage | undefined, s: ProgressStage) => onStage?.(s);

  /** Every read also tells the custom functions (same shared runtime) the workbook's date system. */
  const readShared = async (): Promise<WorkbookSnapshot> => {
    const snapshot = await adapter.read();
    setWorkbookDate1904(snapshot.date1904);
    return snapshot;
  };

  const readUsable = async (): Promise<WorkbookSnapshot> => {
    const snapshot = await readShared();
    if (!readInput(snapshot).usable) throw new TemplateMissingError();
    return snapshot;
  };

  async function writeSettings(change: SettingsChange): Promise<void> {
    const snapshot = await readUsable();
    const { plan, missingRows } = settingsPlan(snapshot, change);
    if (missingRows > 0) {
      const s = snapshot.tables[EXTRA_DAYS_TABLE.name] as TableSnapshot;
      await deps.addTableRows(EXTRA_DAYS_TABLE.name, s.sheet, missingRows);
    }
    if (plan.ranges.length > 0) await adapter.apply(plan);
  }

  async function analyze(change: SettingsChange | undefined, onStage: OnStage | undefined): Promise<{ a: UsableAnalysis; snapshot: WorkbookSnapshot; today: IsoDate }> {
    if (change && Object.keys(change).length > 0) {
      stage(onStage, "saving");
      await writeSettings(change);
    }
    stage(onStage, "reading");
    const snapshot = await readShared();
    stage(onStage, "validating");
    const today = deps.today();
    const a = analyzeSnapshot(snapshot, today);
    if (!a.usable) throw a.kind === "other-version" ? new PaneError("TemplateVersion", a.reason, a.reasonEn) : new TemplateMissingError();
    return { a, snapshot, today };
  }

  const after = afterFilingOperations({ adapter, today: deps.today, deliver: deps.deliverLetter ?? (() => Promise.reject(new PaneError("UnsupportedOperation", "letters"))) });
  return {
    markFiled: after.markFiled,
    letter: after.letter,
    async insertTemplate(): Promise<InsertOutcome> {
      const base64 = await deps.templateBase64();
      const r = await adapter.insertTemplate(base64);
      if (r.inserted) return { status: "inserted", sheets: [...SHEET_LAYOUTS, ...RECONCILE_SHEET_LAYOUTS].map((s) => s.name) };
      if (r.unsupported) throw new PaneError("ApiNotFound", `Se necesita ${r.unsupported} (Workbook.insertWorksheetsFromBase64).`);
      if (r.clashes.some((c) => c.kind === "name" && c.name === VERSION_NAME)) return { status: "present" };
      return { status: "clash", sheets: r.clashes.map((c) => c.name) };
    },

    async validate(change, onStage) {
      const { a, snapshot } = await analyze(change, onStage);
      // Results computed from other inputs: said first, so no one reads the old figures as current.
      const stale = staleNotice(a, snapshot);
      const issues = stale ? [stale, ...a.issues] : a.issues;
      return { issues, summary: stale ? summarizeIssues(issues) : a.summary, settings: settingsOf(a.read.input) };
    },

    async calculateAndWrite(change, onStage) {
      const { a, snapshot, today } = await analyze(change, onStage);
      stage(onStage, "writing");
      const plan = buildWritePlan(a, snapshot, today);
      await adapter.apply(plan);
      // What the write itself reports (an output not written over an input, a typed value replaced, a list cut) comes
      // first, as on the Problemas sheet.
      const issues = plan.notices.length ? [...plan.notices, ...a.issues] : a.issues;
      return { issues, summary: plan.notices.length ? summarizeIssues(issues) : a.summary, settings: settingsOf(a.read.input), result: a.result, cellsWritten: cellsOf(plan) };
    },

    async selectCell(location) {
      const r = await adapter.selectCell(location);
      if (r.ok) return;
      const code = r.reason === "missing-sheet" ? "ItemNotFound" : r.reason === "hidden-sheet" ? "HiddenSheet" : "InvalidArgument";
      throw new PaneError(code, r.message);
    },

    async readSettings() {
      const snapshot = await readShared();
      const read = readInput(snapshot);
      if (!read.usable) throw new TemplateMissingError();
      return settingsOf(read.input);
    },

    addRows: (table, rows) => adapter.addTableRows(table, rows),
    async reconcile(onStage) {
      const { a, snapshot, today } = await analyze(undefined, onStage);
      return reconcileInWorkbook(adapter, a, snapshot, today, () => stage(onStage, "writing"));
    },

    async writeSettings(change) {
      await writeSettings(change);
      const read = readInput(await adapter.read());
      return settingsOf(read.input);
    },
  };
}

// ─── Office wiring ──────────────────────────────────────────────────────────────────────────────────────────────────

function toBase64(bytes: Uint8Array): string {
  let s = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

/** Generates the template in the browser with ExcelJS (its own chunk, loaded only here). */
async function templateBase64(): Promise<string> {
  // `as string`: see the note on lazy imports in App.tsx.
  const { buildTemplate } = await (import("../workbook/template" as string) as Promise<typeof import("../workbook/template")>);
  const data = await buildTemplate().xlsx.writeBuffer();
  return toBase64(new Uint8Array(data as ArrayBuffer));
}

export function excelOperations(run: typeof Excel.run = Excel.run): PaneOperations {
  const adapter = createOfficeAdapter(run, SNAPSHOT_REQUEST);
  return makeExcelOperations({
    adapter,
    // Under the sheet's own protection, restored as it was (office-adapter.ts addTableRows).
    addTableRows: async (table, _sheet, rows) => {
      await adapter.addTableRows(table, rows);
    },
    templateBase64,
    today: () => todayInMexico(),
    deliverLetter: async (letter) => (canDownload() ? { how: "download", file: await downloadLetter(letter) } : { how: "sheet", sheet: await writeLetterSheet(run)(letter) }),
  });
}
