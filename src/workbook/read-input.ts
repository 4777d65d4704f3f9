/**
 * Snapshot → report document + located issues. Pure (no ExcelJS, no Office.js): both adapters share it.
 *
 * Cell-level problems the engine cannot see are found here: text in a number cell, an impossible date, an Excel
 * error value, a missing sheet / name / table / column, a template of another version. Everything the engine can
 * judge (required fields, unknown program, unit, sector, RFC…) is passed through as typed and judged by `evaluate`;
 * `locate(path)` then turns the engine's path (`programs[1].filedOn`) into the cell (`Programas!F7`).
 */
import { parseSector } from "../domain/catalogs";
import { isIsoDate, type IsoDate } from "../domain/dates";
import { labelOf } from "../domain/field-labels";
import { issue, type Issue, type Severity } from "../domain/issues";
import { parseExporterType } from "../domain/programs";
import {
  NAMED_CELLS,
  SHEETS,
  SHEET_LAYOUTS,
  TABLES,
  TEMPLATE_VERSION,
  VERSION_CELL,
  VERSION_NAME,
  MAX_TABLE_ROWS,
  majorOf,
  type FieldType,
  type NamedCell,
  type TableLayout,
} from "./layout";
import {
  cellAddress,
  isCellError,
  parseCell,
  parseRange,
  type CellValue,
  type MissingSnapshot,
  type NameSnapshot,
  type TableSnapshot,
  type WorkbookSnapshot,
} from "./port";
import { serialToIso } from "./serial-dates";

/** A cell of the workbook: sheet and A1 address (no `$`). */
export interface CellLocation {
  sheet: string;
  address: string;
}

/** An engine or workbook issue with the cell it points at. `location` is "Sheet!A1" (null: no cell to point at). */
export interface LocatedIssue extends Issue {
  location: string | null;
  at: CellLocation | null;
}

type TablePath = TableLayout["path"];

export interface ReadResult {
  /** False when the file is not a RAOCE workbook at all (then `reason` says why, in one Spanish line; `reasonEn` in English). */
  usable: boolean;
  reason: string | null;
  reasonEn: string | null;
  /** The report document for `evaluate` (values converted from cells; bad cells left out). */
  input: Record<string, unknown>;
  /** Problems found while reading, already located. */
  issues: LocatedIssue[];
  /** For each table-fed array, the table body row (0-based) of each document index. */
  rows: Record<TablePath, number[]>;
  /** Document paths already reported here: the engine's REQUIRED / INVALID_VALUE at them are redundant. */
  handled: Set<string>;
  /** Engine path → cell, or null. */
  locate(path: string): CellLocation | null;
}

// ─── value conversion ───────────────────────────────────────────────────────────────────────────────────────────────

interface Problem {
  severity: Severity;
  code: string;
  es: string;
  en: string;
}

type Converted = { value: unknown; problem?: Problem } | { value?: undefined; problem: Problem };

const blank = (v: CellValue): boolean => v === null || (typeof v === "string" && v.trim() === "");
const shown = (v: unknown): string => String(v).slice(0, 40);

const NUMBER_TEXT_RE = /^[-+]?\$?\s*(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/** "1,234.50", "$ 1234", " 12 " → number; anything else → null. Spanish decimal commas are not guessed. */
function numberFromText(s: string): number | null {
  const t = s.trim().replace(/\s+/g, " ");
  if (!/\d/.test(t) || !NUMBER_TEXT_RE.test(t)) return null;
  const n = Number(t.replace(/[$,\s]/g, ""));
  return Number.isFinite(n) ? n : null;
}

/** "2025-06-10", "10/06/2025", "10-06-2025", "1/6/2025" → ISO; "31/02/2025" → "invalid"; other text → null. */
function dateFromText(s: string): IsoDate | "invalid" | null {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isIsoDate(t) ? t : "invalid";
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : "invalid";
}

const TRUE_WORDS = new Set(["SI", "S", "YES", "Y", "TRUE", "VERDADERO", "1", "X"]);
const FALSE_WORDS = new Set(["NO", "N", "FALSE", "FALSO", "0"]);

function convert(raw: CellValue, type: FieldType | "stamp", date1904: boolean, docFactor = 1): Converted {
  if (isCellError(raw)) {
    return { problem: { severity: "error", code: "CELL_ERROR", es: `la celda muestra el error ${raw.error}; capture un valor`, en: `the cell shows the error ${raw.error}; enter a value` } };
  }
  if (blank(raw)) return { value: undefined };
  const v = raw as string | number | boolean;
  switch (type) {
    case "text":
    case "stamp":
      return { value: typeof v === "string" ? v.trim() : typeof v === "boolean" ? (v ? "Sí" : "No") : String(v) };
    case "code":
      return { value: typeof v === "string" ? v.trim() : String(v) };
    case "tariff": {
      if (typeof v === "number" && Number.isInteger(v) && v > 0) {
        const digits = String(v);
        // R36 rev.: a number stays a number; the domain pads 7 (or 9) digits and warns with the padded code and its
        // chapter (TARIFF_PADDED), while 7 digits typed as text stay an error.
        if (digits.length === 7 || digits.length === 9) return { value: v };
        return { value: digits };
      }
      return { value: typeof v === "string" ? v.trim() : String(v) };
    }
    case "list":
      return { value: typeof v === "string" ? v.trim() : v };
    case "number":
    case "percent": {
      if (typeof v === "number") return Number.isFinite(v) ? { value: v * docFactor } : { problem: notNumber(v) };
      if (typeof v === "string") {
        const pct = type === "percent" && /%\s*$/.test(v);
        const n = numberFromText(pct ? v.replace(/%\s*$/, "") : v);
        if (n === null) return { problem: notNumber(v) };
        const value = (pct ? n / 100 : n) * docFactor;
        return { value, problem: { severity: "warning", code: "NUMBER_AS_TEXT", es: `el número está capturado como texto («${shown(v)}»); se leyó ${value}. Escríbalo como número`, en: `the number is stored as text ("${shown(v)}"); read as ${value}. Enter it as a number` } };
      }
      return { problem: notNumber(v) };
    }
    case "integer": {
      const n = typeof v === "number" ? v : typeof v === "string" ? numberFromText(v) : null;
      if (n === null || !Number.isInteger(n)) {
        return { problem: { severity: "error", code: "NOT_AN_INTEGER", es: `debe ser un número entero (valor: «${shown(v)}»)`, en: `must be a whole number (value: "${shown(v)}")` } };
      }
      if (typeof v === "string") return { value: n, problem: { severity: "warning", code: "NUMBER_AS_TEXT", es: `el número está capturado como texto («${shown(v)}»); escríbalo como número`, en: `the number is stored as text ("${shown(v)}"); enter it as a number` } };
      return { value: n };
    }
    case "date": {
      if (typeof v === "number") {
        const iso = serialToIso(v, date1904);
        if (iso) return { value: iso };
        return { problem: { severity: "error", code: "IMPOSSIBLE_DATE", es: `el número ${shown(v)} no es una fecha que Excel pueda mostrar; capture la fecha como dd/mm/aaaa`, en: `the number ${shown(v)} is not a date Excel can show; enter the date as dd/mm/yyyy` } };
      }
      if (typeof v === "string") {
        const d = dateFromText(v);
        if (d === "invalid") return { problem: { severity: "error", code: "IMPOSSIBLE_DATE", es: `«${shown(v)}» no es una fecha que exista; revise día y mes (dd/mm/aaaa)`, en: `"${shown(v)}" is not a real date; check day and month (dd/mm/yyyy)` } };
        if (d) return { value: d };
      }
      return { problem: { severity: "error", code: "NOT_A_DATE", es: `no es una fecha (valor: «${shown(v)}»); capture dd/mm/aaaa`, en: `is not a date (value: "${shown(v)}"); enter dd/mm/yyyy` } };
    }
    case "boolean": {
      if (typeof v === "boolean") return { value: v };
      // sí, si, Sí., SI, yes, no, NO, No. … (Excel's list validation of the template only warns: any case and accent).
      const key = String(v).normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().replace(/[.!]+$/, "").trim().toUpperCase();
      if (TRUE_WORDS.has(key)) return { value: true };
      if (FALSE_WORDS.has(key)) return { value: false };
      return { problem: { severity: "error", code: "NOT_YES_NO", es: `debe ser Sí o No (se acepta también si, sí, no, yes, en mayúsculas o minúsculas; valor: «${shown(v)}»)`, en: `must be Yes or No (value: "${shown(v)}")` } };
    }
    case "sectors": {
      if (typeof v === "number") return { value: [v] };
      if (typeof v !== "string") return { value: [String(v)] };
      const out: string[] = [];
      for (const piece of v.split(/[,;\n]+/)) {
        const p = piece.trim();
        if (!p) continue;
        if (parseSector(p)) out.push(p);
        else for (const w of p.split(/\s+/)) if (w) out.push(w);
      }
      return { value: out };
    }
  }
}

function notNumber(v: unknown): Problem {
  return { severity: "error", code: "NOT_A_NUMBER", es: `debe ser un número, no texto (valor: «${shown(v)}»)`, en: `must be a number, not text (value: "${shown(v)}")` };
}

// ─── helpers ────────────────────────────────────────────────────────────────────────────────────────────────────────

const normalizeHeader = (s: string): string =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

const found = <T extends NameSnapshot | TableSnapshot>(s: T | MissingSnapshot | undefined): s is T => !!s && s.found;

/**
 * The first cell of a name's range: "C4:C9" → C4; a whole column or row ("A:A", "3:5", which Office.js reports for a
 * name redefined that way) → A1 / A3. Null when the address is not a range at all: a location is always "Sheet!A1".
 */
function topLeftOf(address: string): string | null {
  const r = parseRange(address);
  if (r) return cellAddress(r.start);
  const bare = address.replace(/\$/g, "").trim();
  const cols = /^([A-Za-z]{1,3}):[A-Za-z]{1,3}$/.exec(bare);
  if (cols) return parseCell(`${cols[1]}1`) ? `${cols[1]!.toUpperCase()}1` : null;
  const rows = /^(\d{1,7}):\d{1,7}$/.exec(bare);
  if (rows) return parseCell(`A${rows[1]}`) ? `A${Number(rows[1])}` : null;
  return null;
}

/** Where a found name points, as a cell location (null when its address is not a range). */
function nameLocation(s: NameSnapshot): CellLocation | null {
  const address = topLeftOf(s.address);
  return address ? { sheet: s.sheet, address } : null;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let o = obj;
  for (const p of parts.slice(0, -1)) {
    if (o[p] === null || typeof o[p] !== "object") o[p] = {};
    o = o[p] as Record<string, unknown>;
  }
  o[parts[parts.length - 1]!] = value;
}

/** Map of a table's layout columns to the snapshot's header indexes (-1 when the column is missing). */
function columnIndexes(t: TableLayout, snap: TableSnapshot): number[] {
  const headers = snap.headers.map((h) => normalizeHeader(String(h ?? "")));
  return t.columns.map((c) => headers.indexOf(normalizeHeader(c.header)));
}

/** A cell of the sheet (null past the last row or column: a location always names a real cell). */
function cellOn(sheet: string, row: number, col: number): CellLocation | null {
  return row >= 1 && row <= 1_048_576 && col >= 1 && col <= 16_384 ? { sheet, address: cellAddress({ row, col }) } : null;
}

function bodyCell(snap: TableSnapshot, row: number, colIndex: number): CellLocation | null {
  const tl = parseCell(snap.bodyTopLeft);
  if (!tl) return null;
  return cellOn(snap.sheet, tl.row + row, tl.col + colIndex);
}

function headerCell(snap: TableSnapshot, colIndex = 0): CellLocation | null {
  const r = parseRange(snap.headerAddress);
  if (!r) return null;
  return cellOn(snap.sheet, r.start.row, r.start.col + Math.max(0, colIndex));
}

const locationText = (at: CellLocation | null): string | null => (at ? `${at.sheet}!${at.address}` : null);

function located(i: Issue, at: CellLocation | null): LocatedIssue {
  return { ...i, location: locationText(at), at };
}

// ─── read ───────────────────────────────────────────────────────────────────────────────────────────────────────────

export function readInput(snapshot: WorkbookSnapshot): ReadResult {
  const issues: LocatedIssue[] = [];
  const handled = new Set<string>();
  const input: Record<string, unknown> = { company: {}, figures: {}, programs: [], goods: [], settings: {} };
  const rows = Object.fromEntries(TABLES.map((t) => [t.path, []])) as unknown as Record<TablePath, number[]>;
  const { date1904 } = snapshot;
  const sheetSet = new Set(snapshot.sheets);

  const add = (severity: Severity, code: string, path: string, es: string, en: string, at: CellLocation | null, rule?: string) =>
    issues.push(located(issue(severity, code, path, es, en, rule), at));

  // Not our template at all?
  const versionSnap = snapshot.names[VERSION_NAME];
  const anyName = NAMED_CELLS.some((n) => found(snapshot.names[n.name]));
  const anyTable = TABLES.some((t) => found(snapshot.tables[t.name]));
  if (!found(versionSnap) && !anyName && !anyTable) {
    return {
      usable: false,
      reason: "no es una plantilla RAOCE: no tiene los nombres RAOCE_* ni las tablas tblProgramas / tblBienes (genere una con `raoce template`)",
      reasonEn: "this is not a RAOCE template: it has no RAOCE_* names and no tblProgramas / tblBienes tables (insert one with «Insert template»)",
      input,
      issues,
      rows,
      handled,
      locate: () => null,
    };
  }
  for (const t of TABLES) {
    const s = snapshot.tables[t.name];
    if (s && !s.found && s.reason === "too-large") {
      // The adapters word `detail` in Spanish ("N filas; el límite es M"): English keeps its two figures.
      const [count, limit] = s.detail?.match(/\d[\d,]*/g) ?? [];
      const en = count && limit ? `${count} rows; the limit is ${limit}` : `more than ${MAX_TABLE_ROWS.toLocaleString("en-US")}`;
      return {
        usable: false,
        reason: `la tabla ${t.name} tiene demasiadas filas (${s.detail ?? `más de ${MAX_TABLE_ROWS.toLocaleString("es-MX")}`})`,
        reasonEn: `the table ${t.name} has too many rows (${en})`,
        input,
        issues,
        rows,
        handled,
        locate: () => null,
      };
    }
  }

  // Template version.
  const versionAt: CellLocation | null = found(versionSnap) ? nameLocation(versionSnap) : sheetSet.has(SHEETS.catalogs) ? { sheet: SHEETS.catalogs, address: VERSION_CELL } : null;
  const version = snapshot.version?.trim() || null;
  if (!version) {
    add("error", "TEMPLATE_VERSION_MISSING", "", `No se encuentra la versión de la plantilla (nombre ${VERSION_NAME}); el libro parece una plantilla RAOCE modificada. Se lee lo que se encuentra; para estar seguro copie sus datos a una plantilla nueva (raoce template).`, `The template version (name ${VERSION_NAME}) is missing; the workbook looks like a modified RAOCE template. What can be found is read; copy your data into a fresh template to be sure.`, versionAt);
  } else if (majorOf(version) !== majorOf(TEMPLATE_VERSION)) {
    add("error", "TEMPLATE_VERSION", "", `Plantilla de otra versión (${version}); esta versión de RAOCE usa la ${TEMPLATE_VERSION}. Copie sus datos a una plantilla nueva (raoce template); se intentó leer lo que coincide.`, `Template of another version (${version}); this RAOCE uses ${TEMPLATE_VERSION}. Copy your data into a new template; what matches was read.`, versionAt);
  } else if (version !== TEMPLATE_VERSION) {
    add("info", "TEMPLATE_VERSION_MINOR", "", `Plantilla versión ${version}; la actual es ${TEMPLATE_VERSION}. Se lee sin problema; una plantilla nueva puede traer mejoras.`, `Template version ${version}; the current one is ${TEMPLATE_VERSION}. It reads fine; a new template may bring improvements.`, versionAt);
  }

  // Sheets: deleted (everything on it is gone) or renamed (names followed it: a notice only).
  const missingSheets = new Set<string>();
  for (const sl of SHEET_LAYOUTS) {
    if (sheetSet.has(sl.name)) continue;
    const onIt = [...NAMED_CELLS.filter((n) => n.sheet === sl.name).map((n) => snapshot.names[n.name]), ...TABLES.filter((t) => t.sheet === sl.name).map((t) => snapshot.tables[t.name])];
    const now = onIt.find((s): s is NameSnapshot | TableSnapshot => !!s && s.found);
    if (now) {
      const at = "address" in now ? nameLocation(now) : headerCell(now);
      add("info", "SHEET_RENAMED", "", `La hoja «${sl.name}» se renombró a «${now.sheet}»; RAOCE la sigue encontrando por sus nombres definidos.`, `Sheet "${sl.name}" was renamed to "${now.sheet}"; RAOCE still finds it through its defined names.`, at);
    } else {
      missingSheets.add(sl.name);
      if (sl.name === SHEETS.rules) continue; // reference text only (absent from 1.0 workbooks): nothing is read or written there
      if (sl.optional) {
        add("info", "SHEET_MISSING", "", `El libro no tiene la hoja «${sl.name}» (plantilla anterior a la ${TEMPLATE_VERSION}): copie sus datos a una plantilla nueva (raoce template) para usarla.`, `The workbook has no "${sl.name}" sheet (template older than ${TEMPLATE_VERSION}): copy your data into a new template to use it.`, null);
        continue;
      }
      const severity: Severity = sl.name === SHEETS.catalogs || sl.name === SHEETS.issues || sl.name === SHEETS.capture ? "warning" : "error";
      add(severity, "SHEET_MISSING", "", `Falta la hoja «${sl.name}» (se borró o se reemplazó): sus datos no se pueden leer${severity === "warning" ? " ni escribir" : ""}. Restáurela desde una plantilla nueva (raoce template).`, `Sheet "${sl.name}" is missing (deleted or replaced): its data cannot be read. Restore it from a new template.`, null);
    }
  }

  // Named cells.
  const nameAt = (n: NamedCell): CellLocation | null => {
    const s = snapshot.names[n.name];
    return found(s) ? nameLocation(s) : null;
  };
  for (const n of NAMED_CELLS) {
    const s = snapshot.names[n.name];
    if (!found(s)) {
      if (n.path) handled.add(n.path);
      if (missingSheets.has(n.sheet)) continue; // one issue for the whole sheet
      if (n.optional) continue; // added in a later MINOR version: older workbooks work without it
      const where = sheetSet.has(n.sheet) ? { sheet: n.sheet, address: n.cell } : null;
      const why = s?.reason === "broken" ? "apunta a #¡REF! (se borró su celda o su hoja)" : s?.reason === "not-a-range" ? "ya no es una celda" : "no existe (se borró o se renombró)";
      const label = n.label || n.name;
      if (n.kind === "input") {
        add(n.required ? "error" : "warning", "NAME_MISSING", n.path ?? "", `El nombre definido ${n.name} («${label}») ${why}: no se puede leer ese dato. En la plantilla está en ${n.sheet}!${n.cell}; restáurelo en Fórmulas › Administrador de nombres.`, `Defined name ${n.name} ("${label}") is missing or broken: that input cannot be read. In the template it is at ${n.sheet}!${n.cell}; restore it in Formulas › Name Manager.`, where);
      } else {
        add("warning", "NAME_MISSING", "", `El nombre definido ${n.name} («${label}») ${why}: ese resultado no se puede escribir. En la plantilla está en ${n.sheet}!${n.cell}.`, `Defined name ${n.name} ("${label}") is missing or broken: that output cannot be written. In the template it is at ${n.sheet}!${n.cell}.`, where);
      }
      continue;
    }
    if (n.kind !== "input" || !n.path) continue;
    const raw = s.values[0]?.[0] ?? null;
    const docFactor = n.path === "settings.ecexMinExportShare" ? 100 : 1;
    const c = convert(raw, n.type, date1904, docFactor);
    if (c.problem) {
      const label = labelOf(n.path).es;
      add(c.problem.severity, c.problem.code, n.path, `${label}: ${c.problem.es}.`, `${labelOf(n.path).en}: ${c.problem.en}.`, nameAt(n));
      if (c.value === undefined) handled.add(n.path);
    }
    if (c.value !== undefined) setPath(input, n.path, c.value);
  }

  // Tables.
  const tableSnaps = new Map<string, TableSnapshot>();
  const tableCols = new Map<string, number[]>();
  for (const t of TABLES) {
    const s = snapshot.tables[t.name];
    if (!found(s)) {
      handled.add(t.path);
      if (!missingSheets.has(t.sheet)) {
        const at = sheetSet.has(t.sheet) ? { sheet: t.sheet, address: t.topLeft } : null;
        const severity: Severity = t.path === "programs" ? "error" : "warning";
        add(severity, "TABLE_MISSING", t.path === "extraNonBusinessDays" ? "" : t.path, `No se encuentra la tabla ${t.name} (hoja «${t.sheet}»): se borró, se renombró o se convirtió en rango. Sin ella no se leen ${t.path === "programs" ? "los programas" : t.path === "goods" ? "los bienes producidos" : (t.description ?? "los días inhábiles adicionales")}. Cópiela de una plantilla nueva o restaure su nombre (Diseño de tabla › Nombre de la tabla).`, `Table ${t.name} (sheet "${t.sheet}") is missing: deleted, renamed or converted to a range. Restore it from a new template.`, at);
      }
      continue;
    }
    const idx = columnIndexes(t, s);
    tableSnaps.set(t.name, s);
    tableCols.set(t.name, idx);
    t.columns.forEach((c, j) => {
      if (idx[j]! >= 0) return;
      if (c.optional) return; // added in a later MINOR version: older workbooks read and fill without it
      if (c.kind === "input" && c.field && !(t.scalarField && c.field !== t.scalarField)) {
        add("error", "COLUMN_MISSING", t.path, `La tabla ${t.name} no tiene la columna «${c.header}» (¿se renombró o se borró?): no se puede leer ese dato. Restaure el encabezado exacto.`, `Table ${t.name} has no column "${c.header}" (renamed or deleted?): that input cannot be read. Restore the exact header.`, headerCell(s));
      } else if (c.kind === "output") {
        add("warning", "COLUMN_MISSING", "", `La tabla ${t.name} no tiene la columna de resultados «${c.header}»: ese resultado no se escribe.`, `Table ${t.name} has no output column "${c.header}": that output is not written.`, headerCell(s));
      }
    });

    const docRows: unknown[] = [];
    s.rows.forEach((cells, r) => {
      const inputCols = t.columns.map((c, j) => ({ c, i: idx[j]! })).filter(({ c, i }) => c.kind === "input" && c.field && i >= 0);
      const read = t.scalarField ? inputCols.filter(({ c }) => c.field === t.scalarField) : inputCols;
      if (read.every(({ i }) => blank(cells[i] ?? null) && !isCellError(cells[i]))) return;
      const docIndex = docRows.length;
      const rowPath = `${t.path}[${docIndex}]`;
      const obj: Record<string, unknown> = {};
      for (const { c, i } of read) {
        const raw = cells[i] ?? null;
        const fieldPath = t.scalarField ? rowPath : `${rowPath}.${c.field}`;
        let conv = convert(raw, c.type, date1904);
        if (c.field === "exporterType" && conv.value !== undefined && typeof conv.value === "string") {
          conv = { value: parseExporterType(conv.value) ?? conv.value };
        }
        if (conv.problem) {
          const lab = labelOf(t.scalarField ? t.path : fieldPath);
          add(conv.problem.severity, conv.problem.code, fieldPath, `${lab.es}, fila ${docIndex + 1}: ${conv.problem.es}.`, `${lab.en}, row ${docIndex + 1}: ${conv.problem.en}.`, bodyCell(s, r, i));
          if (conv.value === undefined) handled.add(fieldPath);
        }
        if (conv.value !== undefined) {
          if (t.scalarField) obj.value = conv.value;
          else setPath(obj, c.field!, conv.value);
        }
      }
      if (t.scalarField) {
        if (obj.value === undefined) return; // bad date: reported above, nothing to pass on
        docRows.push(obj.value);
      } else docRows.push(obj);
      rows[t.path].push(r);
    });
    input[t.path] = docRows;
  }

  const locate = makeLocator(snapshot, rows, tableSnaps, tableCols);
  return { usable: true, reason: null, reasonEn: null, input, issues, rows, handled, locate };
}

const TABLE_PATH_RE = new RegExp(`^(${TABLES.map((t) => t.path).join("|")})(?:\\[(\\d+)\\])?(?:\\.(.+))?$`);

function makeLocator(
  snapshot: WorkbookSnapshot,
  rows: Record<TablePath, number[]>,
  tableSnaps: Map<string, TableSnapshot>,
  tableCols: Map<string, number[]>,
): (path: string) => CellLocation | null {
  const nameCell = (n: NamedCell): CellLocation | null => {
    const s = snapshot.names[n.name];
    return found(s) ? nameLocation(s) : null;
  };
  return (path: string): CellLocation | null => {
    if (!path) return null;
    const m = TABLE_PATH_RE.exec(path);
    if (m) {
      const t = TABLES.find((x) => x.path === m[1])!;
      const snap = tableSnaps.get(t.name);
      const idx = tableCols.get(t.name);
      if (!snap || !idx) return null;
      if (m[2] === undefined) return headerCell(snap);
      const bodyRow = rows[t.path][Number(m[2])];
      if (bodyRow === undefined) return headerCell(snap);
      let field = m[3] ?? (t.scalarField ?? "");
      // sectors[2] → sectors; overrides → overrides.due; unknown → first input column.
      field = field.replace(/\[\d+\]/g, "");
      while (field) {
        const j = t.columns.findIndex((c) => c.field === field || (c.field ?? "").startsWith(field + "."));
        if (j >= 0 && idx[j]! >= 0) return bodyCell(snap, bodyRow, idx[j]!);
        field = field.includes(".") ? field.slice(0, field.lastIndexOf(".")) : "";
      }
      const first = t.columns.findIndex((c, j) => c.kind === "input" && idx[j]! >= 0);
      return bodyCell(snap, bodyRow, first >= 0 ? idx[first]! : 0);
    }
    let p = path.replace(/\[\d+\]/g, "");
    while (p) {
      const exact = NAMED_CELLS.find((n) => n.kind === "input" && n.path === p);
      if (exact) return nameCell(exact);
      const under = NAMED_CELLS.find((n) => n.kind === "input" && (n.path ?? "").startsWith(p + "."));
      if (under) return nameCell(under);
      p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "";
    }
    return null;
  };
}

/** Engine issues located through `read.locate`, after the reader's own; redundant engine issues dropped. */
export function mergeIssues(read: ReadResult, engineIssues: readonly Issue[]): LocatedIssue[] {
  const redundant = (i: Issue) => (i.code === "REQUIRED" || i.code === "INVALID_VALUE" || i.code === "INVALID_SECTION") && read.handled.has(i.path);
  const fromEngine = engineIssues.filter((i) => !redundant(i)).map((i) => located(i, read.locate(i.path)));
  const all = [...read.issues, ...fromEngine];
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return all.map((x, k) => ({ x, k })).sort((a, b) => rank[a.x.severity] - rank[b.x.severity] || a.k - b.k).map(({ x }) => x);
}
