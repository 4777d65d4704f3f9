/**
 * How each sheet of the workbook prints (pure, no ExcelJS/Office): page setup declared per sheet in layout.ts
 * (`SheetLayout.page`), with a default that makes any new sheet print sensibly — letter paper, the sheet's own
 * columns fitted to the page width (fitToWidth 1, fitToHeight 0: as many pages down as the content needs), the header
 * row of its table or list repeated on every page, a footer with the sheet name and "página n de m".
 *
 * Row heights: LibreOffice does not grow a row to fit wrapped text when it opens a file (Excel does, for rows without
 * a custom height), so the generator and the file adapter write an explicit height for every row whose wrapped text
 * needs more than one line (`wrappedRowHeight`): a conservative estimate from the column width in characters.
 */

export interface PageSetup {
  orientation: "portrait" | "landscape";
  /** Pages across (1 = every column on one page width; 2 for a very wide table). Pages down: as many as needed. */
  pagesWide: number;
  /** Rows repeated at the top of every printed page ("5:5": a table's or list's header row), or none. */
  titleRows: string | null;
  /** Columns repeated at the left of every page ("A:A"), for tables printed on more than one page width. */
  titleColumns: string | null;
}

export type PageSetupSpec = Partial<PageSetup>;

/** Every sheet prints like this unless its layout says otherwise. */
export const DEFAULT_PAGE_SETUP: PageSetup = { orientation: "portrait", pagesWide: 1, titleRows: null, titleColumns: null };

export function resolvePageSetup(spec: PageSetupSpec | undefined): PageSetup {
  return { ...DEFAULT_PAGE_SETUP, ...(spec ?? {}) };
}

/** Margins in inches (narrow: a data sheet, not a letter). */
export const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.55, bottom: 0.55, header: 0.25, footer: 0.25 } as const;

/** Footer: sheet name on the left, "Página n de m" on the right (Excel/LibreOffice header-footer codes). */
export const PAGE_FOOTER = '&L&8RAOCE para Excel · &A&R&8Página &P de &N';

/** Excel's paper size code for letter (carta), the usual paper in Mexico. */
export const PAPER_LETTER = 1;

// ─── row heights for wrapped text ───────────────────────────────────────────────────────────────────────────────────

/** Default row height in points (Calibri 11). */
export const DEFAULT_ROW_HEIGHT = 15;

export interface WrappedCell {
  text: string;
  /** Column width in Excel's character units. */
  width: number;
  /** Font size in points (11 = the default). */
  fontSize?: number;
  bold?: boolean;
}

/**
 * Lines a text takes in a column: words wrapped greedily at the column's width in characters (scaled by the font
 * size; bold text ~8 % wider; a small allowance for the cell's padding). A word longer than a line is split.
 */
export function wrappedLines(cell: WrappedCell): number {
  const size = cell.fontSize ?? 11;
  // ~1.05 characters of ordinary text per width unit at 11 pt (measured on LibreOffice's renders of these sheets).
  const perLine = Math.max(1, Math.floor((cell.width * 1.05 * 11) / size / (cell.bold ? 1.1 : 1)) - 1);
  let lines = 0;
  for (const paragraph of cell.text.split(/\r?\n/)) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      let w = word.length;
      if (used > 0 && used + 1 + w > perLine) {
        count++;
        used = 0;
      }
      while (w > perLine) {
        // a word longer than a line fills it and carries on in the next
        count++;
        w -= perLine;
      }
      used += (used > 0 ? 1 : 0) + w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Height in points for a row whose wrapped cells are these (null: one line is enough, keep the default height). */
export function wrappedRowHeight(cells: readonly WrappedCell[], minimum = DEFAULT_ROW_HEIGHT): number | null {
  let height = 0;
  for (const c of cells) {
    const lines = wrappedLines(c);
    if (lines > 1) height = Math.max(height, lines * (c.fontSize ?? 11) * 1.3 + 3);
  }
  const h = Math.ceil(height);
  return h > minimum ? h : null;
}
