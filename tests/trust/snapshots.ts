/**
 * Workbook snapshots for the pure reader, built from the layout the way a correct adapter reports a RAOCE workbook —
 * with the damage users do to templates (renamed / deleted sheets, deleted or broken names, renamed or reordered
 * columns, rows inserted above a table, another template version, the 1904 date system) — plus fully arbitrary ones.
 * And the checks every read result must pass, whatever the snapshot.
 */
import fc from "fast-check";
import { BLOCKS, NAMED_CELLS, SHEETS, SHEET_LAYOUTS, TABLES, TEMPLATE_VERSION, VERSION_CELL, VERSION_NAME, SNAPSHOT_REQUEST } from "../../src/workbook/layout";
import {
  cellAddress,
  columnLetters,
  isCellError,
  parseCell,
  parseRange,
  type CellValue,
  type MissingReason,
  type MissingSnapshot,
  type NameSnapshot,
  type TableSnapshot,
  type WorkbookSnapshot,
} from "../../src/workbook/port";
import type { LocatedIssue } from "../../src/workbook/read-input";
import { anyCell, anyString, nameValues, tableRows, type NameValues, type TableRows } from "./arbitraries";

// ─── template-shaped snapshots with user damage ─────────────────────────────────────────────────────────────────────

export interface Damage {
  date1904: boolean;
  version: string | null;
  /** Sheet → new name (its names and tables follow it, as in Excel). */
  renamed: Record<string, string>;
  /** Deleted sheets: their names become #REF!, their tables disappear. */
  deleted: string[];
  /** Names gone or broken by the user. */
  names: Record<string, MissingReason>;
  /** Tables converted to ranges / deleted. */
  tables: string[];
  /** Per table: header texts replaced (column index → text) and the columns' order reversed. */
  headers: Record<string, { rename: Record<number, string>; reverse: boolean }>;
  /** Rows inserted above each table (its header moves down). */
  shift: Record<string, number>;
}

const NO_DAMAGE: Damage = { date1904: false, version: TEMPLATE_VERSION, renamed: {}, deleted: [], names: {}, tables: [], headers: {}, shift: {} };

const sheetNames = SHEET_LAYOUTS.map((s) => s.name as string);
const nameList = [...NAMED_CELLS.map((n) => n.name), ...BLOCKS.map((b) => b.anchorName), VERSION_NAME];

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(NO_DAMAGE) },
  {
    weight: 3,
    arbitrary: fc.record({
      date1904: fc.boolean(),
      version: fc.oneof({ weight: 5, arbitrary: fc.constant(TEMPLATE_VERSION) }, { weight: 1, arbitrary: fc.constantFrom(null, "1.3", "1.0.1", "0.9.0", "2.0.0", "", " ", "=1+1", "v1") }, { weight: 1, arbitrary: anyString() }),
      renamed: fc.dictionary(fc.constantFrom(...sheetNames), fc.constantFrom("Hoja1", "Empresa (2)", "=cmd", "Datos 2024", "'Citas'", "Ñandú"), { maxKeys: 2 }),
      deleted: fc.subarray(sheetNames, { maxLength: 2 }),
      names: fc.dictionary(fc.constantFrom(...nameList), fc.constantFrom<MissingReason>("missing", "broken", "not-a-range"), { maxKeys: 4 }),
      tables: fc.subarray(TABLES.map((t) => t.name), { maxLength: 1 }),
      headers: fc.dictionary(
        fc.constantFrom(...TABLES.map((t) => t.name)),
        fc.record({ rename: fc.dictionary(fc.integer({ min: 0, max: 22 }).map(String), fc.oneof(anyString(), fc.constantFrom("programa", " NÚMERO ", "Fecha de presentacion"))), reverse: fc.boolean() }),
        { maxKeys: 2 },
      ) as fc.Arbitrary<Damage["headers"]>,
      shift: fc.dictionary(fc.constantFrom(...TABLES.map((t) => t.name)), fc.integer({ min: 0, max: 40 }), { maxKeys: 3 }),
    }),
  },
);

const plus = (a1: string, rows: number): string => {
  const c = parseCell(a1)!;
  return cellAddress({ row: c.row + rows, col: c.col });
};

export interface TemplateCase {
  snapshot: WorkbookSnapshot;
  /** "Sheet!A1" of every cell holding what the user typed (named inputs, input columns' body, table headers). */
  userCells: Set<string>;
}

/** Excel keeps table headers unique (case-insensitively) by appending 2, 3, … to a repeated one. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h) => {
    let x = h;
    for (let k = 2; seen.has(x.toLowerCase()); k++) x = `${h}${k}`;
    seen.add(x.toLowerCase());
    return x;
  });
}

/** The snapshot an adapter reads from a template with these inputs and this damage. */
export function templateSnapshot(values: NameValues, rows: TableRows, d: Damage = NO_DAMAGE): TemplateCase {
  // Sheet names are unique in a workbook: a rename onto a name in use gets a suffix.
  const renamed = new Map<string, string>();
  const taken = new Set(sheetNames.filter((s) => !(s in d.renamed)).map((s) => s.toLowerCase()));
  for (const [from, to] of Object.entries(d.renamed)) {
    let x = to;
    for (let k = 2; taken.has(x.toLowerCase()); k++) x = `${to} (${k})`;
    taken.add(x.toLowerCase());
    renamed.set(from, x);
  }
  const sheetNow = (s: string) => renamed.get(s) ?? s;
  const deleted = new Set(d.deleted);
  const userCells = new Set<string>();
  const names: WorkbookSnapshot["names"] = {};
  const where = (name: string): { sheet: string; address: string } => {
    const n = NAMED_CELLS.find((x) => x.name === name);
    if (n) return { sheet: n.sheet, address: n.cell };
    const b = BLOCKS.find((x) => x.anchorName === name);
    if (b) return { sheet: b.sheet, address: b.anchor };
    return { sheet: SHEETS.catalogs, address: VERSION_CELL };
  };
  for (const name of SNAPSHOT_REQUEST.names) {
    const w = where(name);
    const reason = deleted.has(w.sheet) ? "broken" : d.names[name];
    if (reason) {
      names[name] = { found: false, reason, detail: `=#REF!${w.address}` };
      continue;
    }
    const value: CellValue = name === VERSION_NAME ? d.version : (values[name] ?? null);
    names[name] = { found: true, sheet: sheetNow(w.sheet), address: w.address, values: [[value]] };
    if (NAMED_CELLS.some((n) => n.name === name && n.kind === "input") || name === VERSION_NAME) userCells.add(`${sheetNow(w.sheet)}!${w.address}`);
  }
  const tables: WorkbookSnapshot["tables"] = {};
  for (const t of TABLES) {
    if (deleted.has(t.sheet) || d.tables.includes(t.name)) {
      tables[t.name] = { found: false, reason: "missing" };
      continue;
    }
    const top = plus(t.topLeft, d.shift[t.name] ?? 0);
    const tl = parseCell(top)!;
    const h = d.headers[t.name];
    let order = t.columns.map((_, j) => j);
    if (h?.reverse) order = order.reverse();
    const headers = uniqueHeaders(order.map((j) => (h?.rename[j] !== undefined ? h.rename[j]! : t.columns[j]!.header)));
    const body = (rows[t.name] ?? []).map((r) => order.map((j) => r[j] ?? null));
    const sheet = sheetNow(t.sheet);
    order.forEach((j, k) => {
      userCells.add(`${sheet}!${cellAddress({ row: tl.row, col: tl.col + k })}`);
      if (t.columns[j]!.kind !== "input") return;
      body.forEach((_, i) => userCells.add(`${sheet}!${cellAddress({ row: tl.row + 1 + i, col: tl.col + k })}`));
    });
    tables[t.name] = {
      found: true,
      sheet,
      headerAddress: `${top}:${columnLetters(tl.col + t.columns.length - 1)}${tl.row}`,
      headers,
      bodyTopLeft: cellAddress({ row: tl.row + 1, col: tl.col }),
      rows: body,
    };
  }
  const v = names[VERSION_NAME];
  const vv = v?.found ? v.values[0]?.[0] : null;
  const snapshot: WorkbookSnapshot = {
    version: typeof vv === "string" ? vv : typeof vv === "number" ? String(vv) : null,
    date1904: d.date1904,
    sheets: sheetNames.filter((s) => !deleted.has(s)).map(sheetNow),
    names,
    tables,
  };
  return { snapshot, userCells };
}

export const templateCases = (o: { maxRows?: number; damaged?: boolean } = {}): fc.Arbitrary<TemplateCase> =>
  fc.tuple(nameValues(), tableRows({ maxRows: o.maxRows ?? 6, staleOutputs: true }), o.damaged === false ? fc.constant(NO_DAMAGE) : damage).map(([v, r, d]) => templateSnapshot(v, r, d));

// ─── arbitrary snapshots (what a buggy or hostile adapter could hand over) ───────────────────────────────────────────

const address = fc.oneof(
  fc.constantFrom("A1", "B6", "XFD1048576", "A1:B2", "C4:C9", "", "A0", "ZZZZ1", "#REF!", "A:A", "1:1", "$B$6", "b6"),
  fc.tuple(fc.integer({ min: 1, max: 16_384 }), fc.integer({ min: 1, max: 1_048_576 })).map(([c, r]) => `${columnLetters(c)}${r}`),
);
const grid = fc.array(fc.array(anyCell(), { maxLength: 4 }), { maxLength: 4 });

const missing: fc.Arbitrary<MissingSnapshot> = fc.record(
  { found: fc.constant(false as const), reason: fc.constantFrom<MissingReason>("missing", "broken", "not-a-range", "too-large"), sheet: anyString(), detail: anyString() },
  { requiredKeys: ["found", "reason"] },
);
const nameSnap: fc.Arbitrary<NameSnapshot> = fc.record({ found: fc.constant(true as const), sheet: fc.oneof(fc.constantFrom(...sheetNames), anyString()), address, values: grid });
const tableSnap: fc.Arbitrary<TableSnapshot> = fc.record({
  found: fc.constant(true as const),
  sheet: fc.oneof(fc.constantFrom(...sheetNames), anyString()),
  headerAddress: address,
  headers: fc.oneof(fc.constant(TABLES[0]!.columns.map((c) => c.header)), fc.array(anyString(), { maxLength: 25 })),
  bodyTopLeft: address,
  rows: fc.array(fc.array(anyCell(), { maxLength: 25 }), { maxLength: 5 }),
});

export const arbitrarySnapshots: fc.Arbitrary<WorkbookSnapshot> = fc.record({
  version: fc.oneof(fc.constant(TEMPLATE_VERSION), fc.constant(null), anyString()),
  date1904: fc.boolean(),
  sheets: fc.oneof(fc.constant(sheetNames), fc.array(anyString(), { maxLength: 8 })),
  names: fc.record(Object.fromEntries(SNAPSHOT_REQUEST.names.map((n) => [n, fc.oneof(nameSnap, missing)])), { requiredKeys: [] }) as fc.Arbitrary<WorkbookSnapshot["names"]>,
  tables: fc.record(Object.fromEntries(SNAPSHOT_REQUEST.tables.map((t) => [t, fc.oneof(tableSnap, missing)])), { requiredKeys: [] }) as fc.Arbitrary<WorkbookSnapshot["tables"]>,
});

// ─── checks ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Freezes a snapshot deeply: a reader that mutates its input then throws (ES modules are strict). */
export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

const SEVERITIES = new Set(["error", "warning", "info"]);
const CELL_RE = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

/**
 * Every issue is well formed and, when it points at a cell, its location is exactly "Sheet!A1" for a real cell.
 * With `sheets`, the sheet must be one of them (a consistent snapshot: an adapter only reports existing sheets).
 */
export function expectWellFormedIssues(issues: readonly LocatedIssue[], sheets?: readonly string[]): void {
  for (const i of issues) {
    const where = `${i.code} ${JSON.stringify(i.location)}`;
    if (!SEVERITIES.has(i.severity)) throw new Error(`bad severity ${i.severity} (${where})`);
    if (typeof i.code !== "string" || !/^[A-Z][A-Z0-9_]*$/.test(i.code)) throw new Error(`bad code ${String(i.code)}`);
    if (typeof i.message !== "string" || i.message.trim() === "") throw new Error(`empty message (${where})`);
    if (typeof i.messageEn !== "string" || i.messageEn.trim() === "") throw new Error(`empty English message (${where})`);
    if (typeof i.path !== "string") throw new Error(`path is not a string (${where})`);
    if ((i.at === null) !== (i.location === null)) throw new Error(`location and at disagree (${where})`);
    if (i.at) {
      if (i.location !== `${i.at.sheet}!${i.at.address}`) throw new Error(`location ${i.location} is not Sheet!A1 of ${JSON.stringify(i.at)}`);
      const m = CELL_RE.exec(i.at.address);
      const cell = parseCell(i.at.address);
      if (!m || !cell || cellAddress(cell) !== i.at.address) throw new Error(`location ${i.location} is not a cell`);
      if (sheets && !sheets.includes(i.at.sheet)) throw new Error(`location ${i.location}: no sheet «${i.at.sheet}» in ${JSON.stringify(sheets)}`);
    }
  }
}

/** Every issue points at a cell (an intact template: nothing is missing, so nothing is "the workbook" as a whole). */
export function expectAllLocated(issues: readonly LocatedIssue[]): void {
  const unlocated = issues.filter((i) => i.location === null);
  if (unlocated.length) throw new Error(`issues without a cell: ${unlocated.map((i) => `${i.code} (${i.path || "—"})`).join(", ")}`);
}

/** The value a snapshot holds at a cell (from its names and tables), or undefined when it does not show that cell. */
export function snapshotCell(s: WorkbookSnapshot, sheet: string, a1: string): CellValue | undefined {
  const at = parseCell(a1);
  if (!at) return undefined;
  for (const n of Object.values(s.names)) {
    if (!n?.found || n.sheet !== sheet) continue;
    const r = parseRange(n.address);
    if (r && at.row >= r.start.row && at.row <= r.end.row && at.col >= r.start.col && at.col <= r.end.col) {
      return n.values[at.row - r.start.row]?.[at.col - r.start.col];
    }
  }
  for (const t of Object.values(s.tables)) {
    if (!t?.found || t.sheet !== sheet) continue;
    const tl = parseCell(t.bodyTopLeft);
    if (!tl) continue;
    const i = at.row - tl.row;
    const j = at.col - tl.col;
    if (i >= 0 && i < t.rows.length && j >= 0 && j < t.headers.length) return t.rows[i]![j] ?? null;
  }
  return undefined;
}

/** Codes the reader gives to a bad cell value (each must point at that very cell). */
export const CELL_VALUE_CODES = new Set(["CELL_ERROR", "NOT_A_NUMBER", "NUMBER_AS_TEXT", "NOT_AN_INTEGER", "IMPOSSIBLE_DATE", "NOT_A_DATE", "NOT_YES_NO", "TARIFF_LEADING_ZERO"]);

/** Cell-value issues point at the cell that holds the value (an error value for CELL_ERROR, something for others). */
export function expectCellIssuesAtTheirCell(s: WorkbookSnapshot, issues: readonly LocatedIssue[]): void {
  for (const i of issues) {
    if (!CELL_VALUE_CODES.has(i.code)) continue;
    if (!i.at) throw new Error(`${i.code} (${i.path}) has no location`);
    const v = snapshotCell(s, i.at.sheet, i.at.address);
    if (v === undefined || v === null) throw new Error(`${i.code} at ${i.location}: the snapshot holds nothing there`);
    if (i.code === "CELL_ERROR" && !isCellError(v)) throw new Error(`CELL_ERROR at ${i.location} but the cell holds ${JSON.stringify(v)}`);
  }
}

/**
 * No error value in an input cell is swallowed: each one gives a CELL_ERROR issue at that cell. Checked for the named
 * inputs and for table columns whose header is the layout's (a renamed or doubled header is the reader's call).
 */
export function expectEveryInputErrorReported(s: WorkbookSnapshot, issues: readonly LocatedIssue[]): void {
  const reported = new Set(issues.filter((i) => i.code === "CELL_ERROR").map((i) => i.location));
  for (const n of NAMED_CELLS) {
    const snap = s.names[n.name];
    if (n.kind !== "input" || !snap?.found) continue;
    const v = snap.values[0]?.[0];
    const at = parseRange(snap.address);
    if (isCellError(v) && at && !reported.has(`${snap.sheet}!${cellAddress(at.start)}`)) throw new Error(`error ${JSON.stringify(v)} in ${n.name} (${snap.sheet}!${snap.address}) was not reported`);
  }
  for (const t of TABLES) {
    const snap = s.tables[t.name];
    if (!snap?.found) continue;
    const tl = parseCell(snap.bodyTopLeft)!;
    t.columns.forEach((c) => {
      if (c.kind !== "input" || (t.scalarField && c.field !== t.scalarField)) return;
      const j = snap.headers.indexOf(c.header);
      if (j < 0 || snap.headers.lastIndexOf(c.header) !== j) return;
      const norm = (h: string) => h.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
      if (snap.headers.some((h, k) => k !== j && norm(String(h)) === norm(c.header))) return;
      snap.rows.forEach((row, i) => {
        const v = row[j];
        const where = `${snap.sheet}!${cellAddress({ row: tl.row + i, col: tl.col + j })}`;
        if (isCellError(v) && !reported.has(where)) throw new Error(`error ${JSON.stringify(v)} in ${t.name}[${c.header}] row ${i + 1} (${where}) was not reported`);
      });
    });
  }
}
