/**
 * The pane's after-filing operations (issue #13) over the Office adapter: one read and one write per action.
 * - markFiled: the same plan as `raoce presentado` (mark-filed.ts): date and folio on the program row, one appended
 *   evidence block, the outputs recomputed.
 * - letter: the same content as `raoce carta-correccion` / `aviso-cambio`; downloaded as .docx where the host lets
 *   the pane download (Excel on the web), otherwise written into a printable sheet of this workbook.
 */
import type { IsoDate } from "../domain/dates";
import type { LetterContent } from "../domain/after-filing/letter";
import { analyzeSnapshot } from "../workbook/analyze";
import { correctionLetterFor, noticeLetterFor } from "../workbook/letters-from-analysis";
import { buildMarkFiledPlan } from "../workbook/mark-filed";
import type { WorkbookAdapter } from "../workbook/port";
import type { AfterFilingOutcome, MarkFiledRequest } from "./operations";

export const LETTER_SHEET = "Carta RAOCE";

export interface AfterFilingDeps {
  adapter: WorkbookAdapter;
  today(): IsoDate;
  /** Hands the letter to the user: a download, or a printable sheet. */
  deliver(letter: LetterContent): Promise<{ how: "download"; file: string } | { how: "sheet"; sheet: string }>;
}

export function afterFilingOperations(deps: AfterFilingDeps) {
  const analyze = async () => {
    const snapshot = await deps.adapter.read();
    const today = deps.today();
    const a = analyzeSnapshot(snapshot, today);
    return { snapshot, today, a };
  };
  return {
    async markFiled(req: MarkFiledRequest): Promise<AfterFilingOutcome> {
      const { snapshot, today, a } = await analyze();
      if (!a.usable) return { ok: false, reason: a.reason, reasonEn: a.reasonEn };
      const m = buildMarkFiledPlan(a, snapshot, {
        filedOn: req.filedOn,
        folio: req.folio,
        markedOn: today,
        ...(req.program?.trim() ? { program: req.program.trim() } : {}),
        ...(req.preparedBy?.trim() ? { preparedBy: req.preparedBy } : {}),
        ...(req.reviewedBy?.trim() ? { reviewedBy: req.reviewedBy } : {}),
        replace: !!req.replace,
      });
      if (!m.ok) return m;
      await deps.adapter.apply(m.plan);
      return { ok: true, block: { number: m.block.block, program: `${m.block.program}${m.block.number ? ` ${m.block.number}` : ""}`, folio: m.block.folio }, notes: m.notes, notesEn: m.notesEn, issues: m.analysis.issues };
    },

    async letter(kind: "correction" | "notice", options: { program?: string; row?: number }): Promise<AfterFilingOutcome> {
      const { a } = await analyze();
      if (!a.usable) return { ok: false, reason: a.reason, reasonEn: a.reasonEn };
      const asOf = a.result.asOf;
      const r = kind === "correction" ? correctionLetterFor(a, asOf, options.program) : noticeLetterFor(a, asOf, options.row);
      if (!r.ok) return r;
      const delivered = await deps.deliver(r.letter);
      return { ok: true, delivered, notes: r.notes, notesEn: r.notesEn };
    },
  };
}

/** Excel on the web lets the pane download a file; desktop webviews (notably Mac) do not reliably. */
export function canDownload(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType.OfficeOnline;
  } catch {
    return false;
  }
}

/** Browser download of the .docx (the docx library is its own chunk, loaded only here). */
export async function downloadLetter(letter: LetterContent): Promise<string> {
  // `as string`: see the note on lazy imports in App.tsx.
  const { letterDocx } = await (import("../letters/docx-letter" as string) as Promise<typeof import("../letters/docx-letter")>);
  const bytes = await letterDocx(letter);
  const file = `${letter.slug}.docx`;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file;
}

/**
 * Writes the letter into the printable sheet (created when missing, its old contents cleared): one Excel.run, one
 * sync to learn whether the sheet exists and one to write. Values only, never formulas: the cells get the text format
 * "@" before their values (queued first), so a name starting with "=" stays text (port.ts, TEXT SAFETY).
 */
export function writeLetterSheet(run: typeof Excel.run) {
  return async (letter: LetterContent): Promise<string> => {
    const { letterSheetRows } = await (import("../letters/docx-letter" as string) as Promise<typeof import("../letters/docx-letter")>);
    const rows = letterSheetRows(letter);
    await run(async (context) => {
      let ws = context.workbook.worksheets.getItemOrNullObject(LETTER_SHEET);
      await context.sync();
      if (ws.isNullObject) ws = context.workbook.worksheets.add(LETTER_SHEET);
      else ws.getRange().clear();
      const range = ws.getRange(`A1:C${rows.length}`);
      range.numberFormat = rows.map((r) => r.map(() => "@"));
      range.values = rows;
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
      ws.getRange("A:A").format.columnWidth = 300;
      ws.getRange("B:C").format.columnWidth = 110;
      ws.activate();
      await context.sync();
    });
    return LETTER_SHEET;
  };
}
