/**
 * Workbook files (Node): open = bounded read (bounded-read.ts), guard (xlsx-guard.ts), normalise (xlsx-normalise.ts),
 * then ExcelJS load of the normalised package; save = atomic write. The CLI, the example
 * generator, the tests and the benchmarks open and save through here.
 */
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Workbook } from "exceljs";
import { ExcelJsAdapter, splitRef } from "./exceljs-adapter";
import { applyExcelJsPatches } from "./exceljs-patches";
import { BoundedReadError, readFileBounded } from "./bounded-read";
import { BLOCKS, NAMED_CELLS, SNAPSHOT_REQUEST } from "./layout";
import { DEFAULT_LIMITS, inspectXlsx, UnusableWorkbookError, type GuardLimits, type XlsxInspection } from "./xlsx-guard";
import { normalisePackage } from "./xlsx-normalise";

// Every workbook the Node side opens or saves goes through ExcelJS with these fixes (see exceljs-patches.ts).
applyExcelJsPatches();

export interface OpenedWorkbook {
  workbook: Workbook;
  adapter: ExcelJsAdapter;
  inspection: XlsxInspection;
  /** The bytes read (what a save is compared with: save-loss.ts). */
  source: Buffer;
}

export interface OpenOptions {
  limits?: GuardLimits;
  /**
   * Read-only use (`raoce check`): skip the worksheet parts reading never needs (validations, conditional formats,
   * links, page setup, views, drawings…). Such a workbook must not be saved.
   */
  readOnly?: boolean;
}

/** Worksheet XML elements `readOnly` loads skip (ExcelJS `ignoreNodes`). */
const READ_ONLY_IGNORED = ["mergeCells", "sheetPr", "sheetViews", "sheetFormatPr", "cols", "autoFilter", "hyperlinks", "dataValidations", "conditionalFormatting", "pageMargins", "pageSetup", "printOptions", "headerFooter", "rowBreaks", "drawing", "picture", "sheetProtection", "extLst"];

/**
 * Worksheet parts a read never needs: the generated lists (Problemas, Captura VUCEM), unless a name the snapshot
 * reads points there or the sheet holds a table (the user moved something onto it).
 */
const LIST_SHEETS = new Set<string>(BLOCKS.map((b) => b.sheet));
/** Names whose values a snapshot uses (inputs and the version), lower-cased. */
const READ_NAMES = new Set([...NAMED_CELLS.filter((c) => c.kind === "input").map((c) => c.name), SNAPSHOT_REQUEST.versionName].map((n) => n.toLowerCase()));

function unreadSheets(inspection: Pick<XlsxInspection, "sheets" | "definedNames">): string[] {
  const used = new Set<string>();
  for (const n of inspection.definedNames) {
    if (!READ_NAMES.has(n.name.toLowerCase())) continue;
    const ref = splitRef(n.text.split(",")[0] ?? "");
    if (ref) used.add(ref.sheet);
  }
  return inspection.sheets.filter((s) => LIST_SHEETS.has(s.name) && !used.has(s.name) && s.path && !s.hasTables).map((s) => s.path!);
}

/**
 * A RAOCE template with no table at all, saved by a tool that does not keep Excel tables (Gnumeric's ssconvert
 * writes the cells and drops every table): reading it would report every list as deleted. Said as what happened.
 */
function checkTablesKept(inspection: XlsxInspection): void {
  const isTemplate = inspection.definedNames.some((n) => n.name.toLowerCase() === SNAPSHOT_REQUEST.versionName.toLowerCase());
  if (!isTemplate || inspection.tableParts > 0 || !inspection.application || /microsoft/i.test(inspection.application)) return;
  throw new UnusableWorkbookError(
    `el libro se guardó con «${inspection.application.slice(0, 40)}», que no conserva las tablas de Excel (${SNAPSHOT_REQUEST.tables.join(", ")}): sus listas ya no se pueden leer; abra el original en Excel o LibreOffice, o copie sus datos a una plantilla nueva (raoce template)`,
  );
}

/** Guard, normalise, then load. Throws UnusableWorkbookError with one Spanish line for anything unusable. */
export async function openWorkbookBuffer(buf: Buffer, options: OpenOptions | GuardLimits = {}): Promise<OpenedWorkbook> {
  const opts: OpenOptions = "maxFileBytes" in options ? { limits: options } : options;
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const inspection = inspectXlsx(buf, limits, opts.readOnly ? { lenientSheets: true, skippedSheets: unreadSheets } : {});
  checkTablesKept(inspection);
  const workbook = new Workbook();
  try {
    const loadOptions = { maxRows: limits.maxRowsPerSheet, ...(opts.readOnly ? { ignoreNodes: READ_ONLY_IGNORED, skipSheetData: unreadSheets(inspection) } : {}) };
    const pkg = normalisePackage(inspection.parts);
    inspection.parts = []; // the inflated parts are in `pkg` now: let them go before ExcelJS builds its model
    await workbook.xlsx.load(pkg as unknown as ArrayBuffer, loadOptions as never);
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 160);
    if (/^Max row count/.test(msg)) {
      throw new UnusableWorkbookError(`una hoja tiene más de ${limits.maxRowsPerSheet.toLocaleString("es-MX")} filas; RAOCE abre libros de hasta ese tamaño`);
    }
    throw new UnusableWorkbookError(`el libro está dañado y no se puede leer (${msg})`);
  }
  return { workbook, adapter: new ExcelJsAdapter(workbook, inspection.definedNames), inspection, source: buf };
}

/** A workbook file (or a pipe such as `<(cat libro.xlsx)`): never reads more than the size cap (devices are refused). */
export async function openWorkbookFile(path: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let buf: Buffer;
  try {
    // Synchronous on purpose: a CLI reads one workbook at a time, and fs/promises costs ~0.3 ms more per small file.
    buf = readFileBounded(path, limits.maxFileBytes);
  } catch (e) {
    if (e instanceof BoundedReadError) throw new UnusableWorkbookError(e.message);
    throw e;
  }
  return openWorkbookBuffer(buf, { ...options, limits });
}

export async function workbookBuffer(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The file operations a save uses (tests inject a failing one: a full disk, a file too large). */
export interface SaveIo {
  writeFile(path: string, data: Buffer): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

const NODE_IO: SaveIo = { writeFile: (p, d) => writeFile(p, d), rename, unlink };

/**
 * Writes next to the target and renames, so a crash never leaves a half-written workbook; on ANY failure (ENOSPC,
 * EFBIG, EACCES at the rename…) the temporary file is removed before the error is passed on.
 */
export async function saveBufferFile(buf: Buffer, path: string, io: SaveIo = NODE_IO): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await io.writeFile(tmp, buf);
    await io.rename(tmp, path);
  } catch (e) {
    await io.unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export async function saveWorkbookFile(wb: Workbook, path: string, io: SaveIo = NODE_IO): Promise<void> {
  await saveBufferFile(await workbookBuffer(wb), path, io);
}
