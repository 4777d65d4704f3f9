/**
 * Fingerprint of a workbook's template content (names, tables, cells, formats, validations, protection), so a test
 * can tell when assets/plantilla-raoce.xlsx is stale without comparing zip bytes (zips embed timestamps). Node only.
 */
import { createHash } from "node:crypto";
import type { Workbook } from "exceljs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyObj = Record<string, any>;

// ─── fingerprint ────────────────────────────────────────────────────────────────────────────────────────────────────

function canon(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "date:invalid" : `date:${v.toISOString()}`; // a serial past 9999 in a date cell
  if (Array.isArray(v)) return v.map(canon);
  if (typeof v === "object") {
    const o = v as AnyObj;
    return Object.fromEntries(
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
        .map((k) => [k, canon(o[k])]),
    );
  }
  return v;
}

/**
 * The template content of a workbook, as canonical JSON: per sheet (state, protection, every non-empty or styled
 * cell's value, formula, number format, lock, fill), validations, tables (name, range, columns), merges; and the
 * defined names. Two workbooks with the same description are the same template, whatever their zip bytes.
 */
export function describeTemplate(wb: Workbook): unknown {
  const sheets = wb.worksheets.map((ws) => {
    const cells: AnyObj[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as AnyObj | null;
        cells.push({
          a: cell.address,
          v: v && typeof v === "object" && "formula" in v ? null : canon(v),
          f: v && typeof v === "object" && "formula" in v ? v.formula : null,
          n: cell.numFmt ?? null,
          l: cell.style?.protection?.locked === false ? 0 : 1,
          fill: (cell.style?.fill as AnyObj | undefined)?.fgColor?.argb ?? null,
        });
      });
    });
    const tables = Object.values(((ws as unknown as AnyObj).tables ?? {}) as Record<string, AnyObj>).map((t) => {
      const m = (t.table ?? t.model) as AnyObj;
      return { name: m.name, ref: m.tableRef ?? m.ref, columns: (m.columns as AnyObj[]).map((c) => c.name), header: m.headerRow !== false };
    });
    const dv = (ws as unknown as AnyObj).dataValidations.model as Record<string, AnyObj>;
    const validations = Object.keys(dv)
      .filter((k) => dv[k])
      .sort()
      .map((k) => ({ ref: k, ...(canon(dv[k]) as AnyObj) }));
    const prot = (ws as unknown as AnyObj).sheetProtection as AnyObj | null;
    return {
      name: ws.name,
      state: ws.state,
      protected: !!prot?.sheet,
      password: !!prot?.hashValue,
      widths: (ws.columns ?? []).map((c) => c.width ?? null),
      cells,
      tables,
      validations,
      merges: Object.keys(((ws as unknown as AnyObj)._merges ?? {}) as AnyObj).sort(),
    };
  });
  const names = (wb.definedNames.model as { name: string; ranges: string[] }[])
    .map((n) => ({ name: n.name, ranges: [...n.ranges].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return canon({ sheets, names });
}

export function fingerprint(wb: Workbook): string {
  return createHash("sha256").update(JSON.stringify(describeTemplate(wb))).digest("hex");
}



