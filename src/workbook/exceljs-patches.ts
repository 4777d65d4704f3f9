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
 * 5. Tables without a `<tableStyleInfo>` (LibreOffice writes none): ExcelJS crashes saving them ("Cannot read
 *    properties of null (reading 'theme')"). → such a table is written without one, as it was read.
 * 6. A number in a date-formatted cell beyond JavaScript's Date range (|serial| ≳ 1e8: a folio pasted into a date
 *    column), or a formula's text/boolean result in a date-formatted cell, becomes an Invalid Date on load, and a save
 *    writes `<v>NaN</v>`: the user's value is destroyed and Excel reports the file as damaged. → such values stay
 *    what they were (read and written back as they are).
 * 7. ISO 8601 date cells (`t="d"`: allowed since ECMA-376 2nd edition, the norm in Strict files, which the guard
 *    refuses anyway): ExcelJS parses "2025-05-15" as the number 2025. → a Date, as ExcelJS gives for a date serial;
 *    text that is not an ISO date stays text.
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

/** "2025-05-15", "2025-05-15T13:45:00(.000)", with or without a zone → a UTC Date as ExcelJS makes them; else null. */
function isoCellDate(text: string): Date | null {
  const t = text.trim();
  const m = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (!m) return null;
  const [y, mo, da] = t.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, da));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== da) return null; // 2025-02-30 is not a date (V8 would roll it over)
  const d = new Date(m[1] === undefined ? `${t}T00:00:00Z` : m[4] ? t : `${t}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function applyExcelJsPatches(): Record<string, boolean> {
  if (done) return done;
  done = { tableHeaderRow: false, dataValidationRanges: false, internalHyperlinks: false, skipSheetData: false, tableWithoutStyle: false, outOfRangeDates: false, isoDateCells: false };

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

  const StyleInfoXform = tryRequire("exceljs/lib/xlsx/xform/table/table-style-info-xform.js");
  if (StyleInfoXform?.prototype?.render) {
    const orig = StyleInfoXform.prototype.render as (xmlStream: unknown, model: unknown) => boolean;
    StyleInfoXform.prototype.render = function patchedRender(this: AnyObj, xmlStream: unknown, model: unknown) {
      return model ? orig.call(this, xmlStream, model) : false;
    };
    done.tableWithoutStyle = true;
  }

  const CellXform = tryRequire("exceljs/lib/xlsx/xform/sheet/cell-xform.js");
  if (CellXform?.prototype?.reconcile) {
    const orig = CellXform.prototype.reconcile as (model: AnyObj, options: AnyObj) => void;
    const invalid = (v: unknown) => v instanceof Date && Number.isNaN(v.getTime());
    CellXform.prototype.reconcile = function patchedReconcile(this: AnyObj, model: AnyObj, options: AnyObj) {
      const { type, value, result } = model;
      orig.call(this, model, options);
      if (invalid(model.value) && typeof value === "number") {
        model.type = type; // ValueType.Number
        model.value = value;
      }
      // ExcelJS also "converts" a text or boolean formula result in a date-formatted cell (=IF(A1="","n/a",A1+30)).
      if (model.result instanceof Date && (typeof result !== "number" || invalid(model.result))) model.result = result;
    };
    done.outOfRangeDates = true;
  }

  const Enums = tryRequire("exceljs/lib/doc/enums.js");
  if (CellXform?.prototype?.parseClose && Enums?.ValueType) {
    const orig = CellXform.prototype.parseClose as (name: string) => boolean;
    CellXform.prototype.parseClose = function patchedParseClose(this: AnyObj, name: string) {
      const formula = !!(this.model?.formula || this.model?.shareType);
      const iso = name === "c" && this.t === "d" && this.model ? (formula ? this.model.result : this.model.value) : undefined;
      const r = orig.call(this, name);
      if (typeof iso === "string") {
        const date = isoCellDate(iso);
        if (formula) this.model.result = date ?? iso;
        else {
          this.model.type = date ? Enums.ValueType.Date : Enums.ValueType.String;
          this.model.value = date ?? iso;
        }
      }
      return r;
    };
    done.isoDateCells = true;
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
