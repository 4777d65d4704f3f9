/**
 * What the task pane asks of the workbook. Components receive a `PaneOperations` as a prop, so they are tested
 * without Office; `createExcelOperations()` (excel-operations.ts, loaded on demand) wires the real one.
 */
import type { ReportResult } from "../domain/evaluate";
import { summarizeIssues, type Issue, type IssueSummary } from "../domain/issues";
import type { PaneSettings, SettingsChange } from "./settings-form";

export type { PaneSettings, SettingsChange } from "./settings-form";

/** An engine issue with the cell it points at, as Excel's Name Box shows it ("Empresa!B6"), when it has one. */
export interface LocatedIssue extends Issue {
  location: string | null;
}

export type { IssueSummary } from "../domain/issues";

export interface ValidationOutcome {
  issues: LocatedIssue[];
  summary: IssueSummary;
  /** The settings as the workbook holds them now (after any change the pane saved first). */
  settings: PaneSettings;
}

export interface WriteOutcome extends ValidationOutcome {
  result: ReportResult;
  /** Cells the write plan filled (output cells + list rows). */
  cellsWritten: number;
}

/** Tables the pane can grow under protection (Programas, Bienes). */
export type GrowableTable = "tblProgramas" | "tblBienes";
export const GROWABLE_TABLES: readonly GrowableTable[] = ["tblProgramas", "tblBienes"];

export interface AddRowsOutcome {
  table: string;
  sheet: string;
  added: number;
  rows: number;
}

export type InsertOutcome =
  | { status: "inserted"; sheets: string[] }
  /** Sheets of the template already exist under those names: nothing was inserted. */
  | { status: "clash"; sheets: string[] }
  /** The workbook already has the RAOCE template. */
  | { status: "present" };

/** What a slow operation is doing now (the pane shows it next to the progress bar). */
export type ProgressStage = "inserting" | "saving" | "reading" | "validating" | "writing" | "addingRows";
export type OnStage = (stage: ProgressStage) => void;

/** One figure of the pane's reconciliation (issue #12): the numbers and the explanation lines that account for it. */
export interface ReconciledFigure {
  figure: "totalSales" | "totalExports" | "totalImports";
  letter: "a" | "b" | "c";
  captured: number | null;
  /** Customs total (b, c) or tax-return income (a), miles de pesos. */
  reference: number | null;
  difference: number | null;
  differencePct: number | null;
  status: "conciliado" | "dentro-materialidad" | "diferencia-material" | "sin-captura" | "sin-datos";
  explains: { title: string; titleEn: string; effectMiles: number | null; pedimentos: number }[];
  unexplained: number | null;
}

export type ReconcileOutcome =
  | { status: "done"; figures: ReconciledFigure[]; pedimentos: number; cellsWritten: number; issues: LocatedIssue[] }
  /** The «Pedimentos» list is empty: nothing to reconcile in the pane (the Data Stage is read by `raoce conciliar`). */
  | { status: "empty-list" }
  /** A workbook of template 1.0: no «Conciliación» sheet to write. */
  | { status: "no-sheet" };

/** «Marcar como presentado» (issue #13). `program` is needed only when several programs file. */
export interface MarkFiledRequest {
  filedOn: string;
  folio: string;
  program?: string;
  preparedBy?: string;
  reviewedBy?: string;
  replace?: boolean;
}

/** What an after-filing action did; `reason` (Spanish, from the rules) says why nothing was done. */
/** Reasons and notes come in Spanish and English (`…En`); the panel shows the pane's language. */
export type AfterFilingOutcome =
  | { ok: true; block?: { number: number; program: string; folio: string }; delivered?: { how: "download"; file: string } | { how: "sheet"; sheet: string }; notes: string[]; notesEn: string[]; issues?: LocatedIssue[] }
  | { ok: false; reason: string; reasonEn: string };

export interface PaneOperations {
  insertTemplate(): Promise<InsertOutcome>;
  /** Reads the workbook (writing `change` first, when the user changed settings in the pane) and lists the issues. */
  validate(change?: SettingsChange, onStage?: OnStage): Promise<ValidationOutcome>;
  /** Same, then writes the results into the output cells. */
  calculateAndWrite(change?: SettingsChange, onStage?: OnStage): Promise<WriteOutcome>;
  /** Selects a cell given as "Sheet!A1" (or "'My sheet'!A1"). */
  selectCell(location: string): Promise<void>;
  readSettings(): Promise<PaneSettings>;
  /** Writes only the changed settings into their input cells; returns the settings as now stored. */
  writeSettings(change: SettingsChange): Promise<PaneSettings>;
  /** Adds blank rows to a table on a protected sheet (lifting and restoring the sheet's own protection). */
  addRows(table: GrowableTable, rows: number): Promise<AddRowsOutcome>;
  /** Reconciles the figures with the workbook's «Pedimentos» list and writes the «Conciliación» sheet (one read, one write). */
  reconcile?(onStage?: OnStage): Promise<ReconcileOutcome>;
  /** After filing (optional: a host or a test may not offer it). One read and one write each. */
  markFiled?(request: MarkFiledRequest): Promise<AfterFilingOutcome>;
  /** The correction letter or a change notice's escrito libre: downloaded as .docx, or written into a printable sheet. */
  letter?(kind: "correction" | "notice", options: { program?: string; row?: number }): Promise<AfterFilingOutcome>;
}

export const summarize = summarizeIssues;

/**
 * The operations over the open Excel workbook. The engine, the workbook modules and the template generator are loaded
 * on first use (dynamic import), keeping them out of the pane's initial bundle.
 */
type ExcelOperationsModule = typeof import("./excel-operations");

export function createExcelOperations(): PaneOperations {
  let loaded: Promise<PaneOperations> | null = null;
  // `as string`: see the note on lazy imports in App.tsx (nodenext would ask for a ".js" extension).
  const real = () => (loaded ??= (import("./excel-operations" as string) as Promise<ExcelOperationsModule>).then((m) => m.excelOperations()));
  return {
    insertTemplate: async () => (await real()).insertTemplate(),
    validate: async (change, onStage) => (await real()).validate(change, onStage),
    calculateAndWrite: async (change, onStage) => (await real()).calculateAndWrite(change, onStage),
    selectCell: async (location) => (await real()).selectCell(location),
    readSettings: async () => (await real()).readSettings(),
    writeSettings: async (change) => (await real()).writeSettings(change),
    addRows: async (table, rows) => (await real()).addRows(table, rows),
    reconcile: async (onStage) => (await real()).reconcile!(onStage),
    markFiled: async (request) => (await real()).markFiled!(request),
    letter: async (kind, options) => (await real()).letter!(kind, options),
  };
}
