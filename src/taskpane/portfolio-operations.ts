/**
 * The pane's portfolio actions (issue #11 §2–§4) over the open workbook, kept apart from operations.ts so they are
 * tested with fakes and loaded on first use:
 *   newYear()       R60: next filing year's workbook from this one, opened as a NEW workbook (Excel.createWorkbook,
 *                   ExcelApi 1.8) — the open workbook is not touched; where the API is missing, the file to download;
 *   insertCartera() the Cartera sheet (RAOCE.* functions) added at the end, never over an existing "Cartera" sheet;
 *   calendar(days)  R59 reminders of this workbook's programs as iCalendar text (the pane offers download and copy).
 */
import type { IsoDate } from "../domain/dates";
import type { Reminder } from "../domain/portfolio/reminders";
import { analyzeSnapshot, type UsableAnalysis } from "../workbook/analyze";
import type { WorkbookSnapshot } from "../workbook/port";
import { workbookReminders } from "../workbook/reminder-programs";
import { TemplateMissingError } from "./errors";

export type NewYearOutcome =
  | { status: "opened"; filingYear: number | null; notes: string[] }
  /** The host cannot open a new workbook: the pane offers the file to download. */
  | { status: "download"; filingYear: number | null; notes: string[]; fileName: string; base64: string };

export type CarteraOutcome = { status: "inserted" } | { status: "clash" } | { status: "unsupported"; requirement: string };

export interface CalendarOutcome {
  ics: string;
  events: number;
  fileName: string;
}

export interface PortfolioOperations {
  newYear(): Promise<NewYearOutcome>;
  insertCartera(): Promise<CarteraOutcome>;
  calendar(alarmDays: number | null): Promise<CalendarOutcome>;
}

/** What the operations need from Excel (fakes in tests). */
export interface PortfolioDeps {
  read(): Promise<WorkbookSnapshot>;
  today(): IsoDate;
  /** The open workbook's file name (for event descriptions and the download name), if known. */
  fileName(): string;
  isSetSupported(set: string, version: string): boolean;
  /** Builds next year's workbook from the analysed inputs; base64 of the .xlsx and what R60 reported. */
  newYearBase64(input: Record<string, unknown>): Promise<{ base64: string; filingYear: number | null; notes: string[] }>;
  createWorkbook(base64: string): Promise<void>;
  carteraBase64(): Promise<string>;
  /** True when a sheet of that name exists (case-insensitive). */
  hasSheet(name: string): Promise<boolean>;
  insertSheets(base64: string): Promise<void>;
  icsText(reminders: Reminder[], alarmDays: number | null): Promise<string>;
}

function analyzeOrThrow(snapshot: WorkbookSnapshot, today: IsoDate): UsableAnalysis {
  const a = analyzeSnapshot(snapshot, today);
  if (!a.usable) throw new TemplateMissingError();
  return a;
}

const stem = (name: string) => name.replace(/\.xlsx$/i, "") || "libro";

export function makePortfolioOperations(deps: PortfolioDeps): PortfolioOperations {
  return {
    async newYear() {
      const a = analyzeOrThrow(await deps.read(), deps.today());
      const r = await deps.newYearBase64(a.read.input);
      if (deps.isSetSupported("ExcelApi", "1.8")) {
        await deps.createWorkbook(r.base64);
        return { status: "opened", filingYear: r.filingYear, notes: r.notes };
      }
      return { status: "download", filingYear: r.filingYear, notes: r.notes, base64: r.base64, fileName: `${stem(deps.fileName())}-${r.filingYear ?? "nuevo"}.xlsx` };
    },

    async insertCartera() {
      if (!deps.isSetSupported("ExcelApi", "1.13")) return { status: "unsupported", requirement: "ExcelApi 1.13" };
      if (await deps.hasSheet("Cartera")) return { status: "clash" };
      await deps.insertSheets(await deps.carteraBase64());
      return { status: "inserted" };
    },

    async calendar(alarmDays) {
      const a = analyzeOrThrow(await deps.read(), deps.today());
      const file = deps.fileName();
      const reminders = workbookReminders(file, a); // milestones, change notices and Evidencia letters, as raoce calendario
      return { ics: await deps.icsText(reminders, alarmDays), events: reminders.length, fileName: `${stem(file)}-raoce.ics` };
    },
  };
}
