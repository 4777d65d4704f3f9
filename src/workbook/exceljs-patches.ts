/**
 * Fixes to ExcelJS 4.4 internals that a round trip of a real workbook needs. Applied once, idempotently, by the
 * ExcelJS adapter (Node). In a browser bundle (`exceljs/dist/exceljs.min.js`) the internals are not reachable: the
 * patches are skipped and `applied()` reports which ones are missing.
 *
 * 1. Tables saved by Excel omit `headerRowCount` (default 1); ExcelJS reads the missing attribute as "no header row"
 *    and writes `headerRowCount="0"` back, which breaks every table of the workbook. → absent means 1.
 * 2. ExcelJS expands every data-validation range into one entry per cell on load: a validation over a whole column
 *    (A1:A1048576, common in real workbooks) costs a million objects, and a hostile one over a whole sheet never
 *    ends. → ranges are kept as ranges (ExcelJS writes a range key back as the same `sqref`).
 * 3. Internal hyperlinks (`Sheet!A1`): ExcelJS also emits an *external* relationship for them, so Excel tries to open
 *    a file called "Sheet!A1". → internal links get only the `location` attribute.
 * 4. Read-only loads may skip the cells of whole worksheets: load option `skipSheetData: ["xl/worksheets/sheet5.xml"]`
 *    parses those parts without their `sheetData` (the sheet exists, empty). Never save such a workbook.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

type AnyObj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let done: Record<string, boolean> | null = null;

function tryRequire(id: string): AnyObj | null {
  try {
    return require(id) as AnyObj;
  } catch {
    return null;
  }
}

export function applyExcelJsPatches(): Record<string, boolean> {
  if (done) return done;
  done = { tableHeaderRow: false, dataValidationRanges: false, internalHyperlinks: false, skipSheetData: false };

  const XLSX = tryRequire("exceljs/lib/xlsx/xlsx.js");
  if (XLSX?.prototype?._processWorksheetEntry) {
    const orig = XLSX.prototype._processWorksheetEntry as (...args: unknown[]) => Promise<void>;
    XLSX.prototype._processWorksheetEntry = function patchedProcess(this: AnyObj, stream: unknown, model: unknown, sheetNo: unknown, options: AnyObj | undefined, path: string) {
      const skip = options?.skipSheetData as string[] | undefined;
      const opts = skip && skip.includes(path) ? { ...options, ignoreNodes: [...((options?.ignoreNodes as string[]) ?? []), "sheetData", "mergeCells"] } : options;
      return orig.call(this, stream, model, sheetNo, opts, path);
    };
    done.skipSheetData = true;
  }

  const TableXform = tryRequire("exceljs/lib/xlsx/xform/table/table-xform.js");
  if (TableXform?.prototype?.parseOpen) {
    const orig = TableXform.prototype.parseOpen as (node: AnyObj) => boolean;
    TableXform.prototype.parseOpen = function patchedParseOpen(this: AnyObj, node: AnyObj) {
      const wasParsing = !!this.parser;
      const r = orig.call(this, node);
      if (!wasParsing && node.name === "table" && this.model) {
        this.model.headerRow = node.attributes?.headerRowCount !== "0";
      }
      return r;
    };
    done.tableHeaderRow = true;
  }

  const DvXform = tryRequire("exceljs/lib/xlsx/xform/sheet/data-validations-xform.js");
  if (DvXform?.prototype?.parseClose) {
    const orig = DvXform.prototype.parseClose as (name: string) => boolean;
    DvXform.prototype.parseClose = function patchedParseClose(this: AnyObj, name: string) {
      if (name !== "dataValidation") return orig.call(this, name);
      const dv = this._dataValidation as AnyObj;
      if (!dv.formulae || !dv.formulae.length) {
        delete dv.formulae;
        delete dv.operator;
      }
      const list = String(this._address ?? "").split(/\s+/g).filter(Boolean);
      for (const addr of list) this.model[addr] = dv; // a range stays one key: no per-cell expansion
      return true;
    };
    done.dataValidationRanges = true;
  }

  const WsXform = tryRequire("exceljs/lib/xlsx/xform/sheet/worksheet-xform.js");
  const HlXform = tryRequire("exceljs/lib/xlsx/xform/sheet/hyperlink-xform.js");
  if (WsXform?.prototype?.prepare && HlXform?.prototype?.isInternalLink) {
    const isInternal = (h: AnyObj) => HlXform.prototype.isInternalLink.call(null, h) as boolean;
    const orig = WsXform.prototype.prepare as (model: AnyObj, options: AnyObj) => void;
    WsXform.prototype.prepare = function patchedPrepare(this: AnyObj, model: AnyObj, options: AnyObj) {
      orig.call(this, model, options);
      const internal = new Set<string>();
      for (const h of (model.hyperlinks ?? []) as AnyObj[]) {
        if (isInternal(h) && h.rId) {
          internal.add(h.rId);
          delete h.rId;
        }
      }
      if (internal.size) model.rels = (model.rels as AnyObj[]).filter((r) => !internal.has(r.Id));
    };
    // Reading: keep internal links (a `location`, no r:id) that ExcelJS would drop: give them a private relationship
    // so ExcelJS's own reconcile attaches them to their cells (the relationship is never written back).
    const origReconcile = WsXform.prototype.reconcile as (model: AnyObj, options: AnyObj) => void;
    WsXform.prototype.reconcile = function patchedReconcile(this: AnyObj, model: AnyObj, options: AnyObj) {
      let k = 0;
      for (const h of (model.hyperlinks ?? []) as AnyObj[]) {
        if (h.rId || !h.target) continue;
        h.rId = `raoceInternal${++k}`;
        model.relationships = [...((model.relationships ?? []) as AnyObj[]), { Id: h.rId, Type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", Target: h.target }];
      }
      origReconcile.call(this, model, options);
    };
    done.internalHyperlinks = true;
  }
  return done;
}
