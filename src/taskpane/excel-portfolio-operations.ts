/**
 * Office wiring of the portfolio actions (portfolio-operations.ts). Loaded on first use: ExcelJS (new-year workbook,
 * Cartera sheet) and ical-generator come in their own chunks.
 */
import "./zod-without-eval"; // first: before any zod schema of the domain is built
import { createOfficeAdapter } from "../workbook/office/office-adapter";
import { SNAPSHOT_REQUEST } from "../workbook/layout";
import { todayInMexico } from "../workbook/today";
import { makePortfolioOperations, type PortfolioOperations } from "./portfolio-operations";

function toBase64(bytes: Uint8Array): string {
  let s = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

function documentFileName(): string {
  const url = typeof Office !== "undefined" ? (Office.context?.document?.url ?? "") : "";
  const last = decodeURIComponent(url.split(/[\\/]/).pop() ?? "");
  return last || "libro.xlsx";
}

export function excelPortfolioOperations(run: typeof Excel.run = Excel.run): PortfolioOperations {
  const adapter = createOfficeAdapter(run, SNAPSHOT_REQUEST);
  return makePortfolioOperations({
    read: () => adapter.read(),
    today: () => todayInMexico(),
    fileName: documentFileName,
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
    async newYearBase64(input) {
      // `as string`: see the note on lazy imports in App.tsx.
      const { newYearWorkbook } = await (import("../workbook/new-year-workbook" as string) as Promise<typeof import("../workbook/new-year-workbook")>);
      const r = newYearWorkbook(input);
      const data = await r.workbook.xlsx.writeBuffer();
      return { base64: toBase64(new Uint8Array(data as ArrayBuffer)), filingYear: r.filingYear, notes: r.notes };
    },
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    async carteraBase64() {
      const { buildCarteraWorkbook } = await (import("../workbook/cartera-sheet" as string) as Promise<typeof import("../workbook/cartera-sheet")>);
      const data = await buildCarteraWorkbook().xlsx.writeBuffer();
      return toBase64(new Uint8Array(data as ArrayBuffer));
    },
    hasSheet: (name) =>
      run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        return sheets.items.some((s) => s.name.toLowerCase() === name.toLowerCase());
      }),
    insertSheets: (base64) =>
      run(async (context) => {
        context.workbook.insertWorksheetsFromBase64(base64, { positionType: Excel.WorksheetPositionType.end });
        await context.sync();
      }),
    async icsText(reminders, alarmDays) {
      const { remindersIcs } = await (import("../workbook/reminders-ics" as string) as Promise<typeof import("../workbook/reminders-ics")>);
      return remindersIcs(reminders, { alarmDays, stamp: new Date() });
    },
  });
}
