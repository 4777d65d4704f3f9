/**
 * Workbook files (Node): open = guard (xlsx-guard.ts) then ExcelJS load, save = atomic write. The CLI, the example
 * generator, the tests and the benchmarks open and save through here.
 */
import { readFileSync, statSync } from "node:fs";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Workbook } from "exceljs";
import { ExcelJsAdapter, splitRef } from "./exceljs-adapter";
import { applyExcelJsPatches } from "./exceljs-patches";
import { BLOCKS, NAMED_CELLS, SNAPSHOT_REQUEST } from "./layout";
import { DEFAULT_LIMITS, inspectXlsx, UnusableWorkbookError, type GuardLimits, type XlsxInspection } from "./xlsx-guard";

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

function unreadSheets(inspection: XlsxInspection): string[] {
  const used = new Set<string>();
  for (const n of inspection.definedNames) {
    if (!READ_NAMES.has(n.name.toLowerCase())) continue;
    const ref = splitRef(n.text.split(",")[0] ?? "");
    if (ref) used.add(ref.sheet);
  }
  return inspection.sheets.filter((s) => LIST_SHEETS.has(s.name) && !used.has(s.name) && s.path && !s.hasTables).map((s) => s.path!);
}

/** Guard, then load. Throws UnusableWorkbookError with one Spanish line for anything unusable. */
export async function openWorkbookBuffer(buf: Buffer, options: OpenOptions | GuardLimits = {}): Promise<OpenedWorkbook> {
  const opts: OpenOptions = "maxFileBytes" in options ? { limits: options } : options;
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const inspection = inspectXlsx(buf, limits, { lenientSheets: !!opts.readOnly });
  const workbook = new Workbook();
  try {
    const loadOptions = { maxRows: limits.maxRowsPerSheet, ...(opts.readOnly ? { ignoreNodes: READ_ONLY_IGNORED, skipSheetData: unreadSheets(inspection) } : {}) };
    await workbook.xlsx.load(buf as unknown as ArrayBuffer, loadOptions as never);
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 160);
    if (/^Max row count/.test(msg)) {
      throw new UnusableWorkbookError(`una hoja tiene más de ${limits.maxRowsPerSheet.toLocaleString("es-MX")} filas; RAOCE abre libros de hasta ese tamaño`);
    }
    throw new UnusableWorkbookError(`el libro está dañado y no se puede leer (${msg})`);
  }
  return { workbook, adapter: new ExcelJsAdapter(workbook, inspection.definedNames), inspection, source: buf };
}

export async function openWorkbookFile(path: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let size: number;
  try {
    const s = statSync(path);
    if (s.isDirectory()) throw new UnusableWorkbookError("es una carpeta, no un archivo");
    size = s.size;
  } catch (e) {
    if (e instanceof UnusableWorkbookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnusableWorkbookError(code === "ENOENT" ? "no existe el archivo" : `no se pudo leer (${code ?? "error"})`);
  }
  if (size > limits.maxFileBytes) {
    throw new UnusableWorkbookError(`el archivo pesa ${Math.round(size / 1048576).toLocaleString("es-MX")} MB; un libro RAOCE pesa menos de ${limits.maxFileBytes / 1048576} MB`);
  }
  // Synchronous on purpose: a CLI reads one workbook at a time, and fs/promises costs ~0.3 ms more per small file.
  return openWorkbookBuffer(readFileSync(path), { ...options, limits });
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
