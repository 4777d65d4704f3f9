/**
 * Checks a file BEFORE ExcelJS sees it, so that hostile or broken files fail fast with one clear Spanish line and in
 * bounded time and memory, whatever the shape of their XML: not a zip, a password-protected (encrypted) workbook, an
 * old .xls, a zip bomb, a damaged part (CRC-32), too many parts, elements, rows, cells, merged cells or cells named.
 *
 * It reads the package exactly as ExcelJS will (xlsx-zip.ts: JSZip's own reader, ExcelJS's part names, every part
 * inflated with a cap and its CRC checked) and every part ExcelJS parses with saxes, the streaming parser ExcelJS
 * itself uses (linear time, comments and CDATA are not elements): the counts are the elements ExcelJS will build,
 * including worksheets that workbook.xml does not list, and the refusal comes before ExcelJS parses anything.
 *
 * It also reads, from the XML, the few things ExcelJS loses: the date system, sheet states and every defined name as
 * written (ExcelJS drops names that are `#REF!` or not ranges), and which parts a save through ExcelJS would drop.
 * The inflated parts are handed to xlsx-normalise.ts, which builds the package ExcelJS loads. Node only (zlib).
 */
import { StringDecoder } from "node:string_decoder";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { fail, fmt, readPackage, type PackagePart } from "./xlsx-zip";

export { UnusableWorkbookError } from "./xlsx-zip";

export interface GuardLimits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
  maxEntries: number;
  maxRowsPerSheet: number;
  maxCells: number;
  maxMergedCells: number;
  /** Cells covered by all defined names together (ExcelJS expands every A1-style name cell by cell). */
  maxNameCells: number;
  /** XML elements over every part ExcelJS parses (each becomes at least one object in its model). */
  maxElements: number;
}

export const DEFAULT_LIMITS: GuardLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  // A RAOCE workbook of 20,000 goods rows inflates to ~8 MB; ExcelJS needs ~4.5× the XML it parses (a 110 MB workbook
  // of short strings peaked at 570 MB): 40 MB keeps any accepted file near 300 MB.
  maxUncompressedBytes: 40 * 1024 * 1024,
  maxEntries: 5_000,
  maxRowsPerSheet: 50_000, // 2.5× the 20,000 goods rows a file may hold (FILE_MAX_TABLE_ROWS); keeps fill under ~1 GB
  maxCells: 600_000,
  maxMergedCells: 200_000,
  maxNameCells: 500_000,
  maxElements: 3_000_000,
};

export interface RawDefinedName {
  name: string;
  /** Text as written, e.g. "Empresa!$B$6" or "#REF!" (XML comments are not part of it; CDATA is, as in Excel). */
  text: string;
  localSheetId: number | null;
}

export interface XlsxInspection {
  date1904: boolean;
  /** Worksheets in tab order; `hasTables` when the sheet's relationships include a table part. */
  sheets: { name: string; state: string; path: string | null; hasTables: boolean }[];
  definedNames: RawDefinedName[];
  /** Parts of the file that ExcelJS does not keep when it saves (Spanish, for a warning). */
  lossyParts: string[];
  uncompressedBytes: number;
  rows: number;
  cells: number;
  /** `<Application>` of docProps/app.xml ("Microsoft Excel", "gnumeric"…), or null. */
  application: string | null;
  /** Table parts in the package (xl/tables/…). */
  tableParts: number;
  /** Every part, inflated and verified, under the name ExcelJS uses (input of xlsx-normalise.ts; emptied by the loader once used). */
  parts: PackagePart[];
}

function sniff(buf: Buffer): void {
  if (buf.length === 0) fail("el archivo está vacío");
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    const marker = Buffer.from("EncryptionInfo", "utf16le");
    if (buf.includes(marker)) {
      fail("el libro está protegido con contraseña (cifrado): ábralo en Excel, quite la contraseña en Archivo › Información › Proteger libro y guárdelo de nuevo");
    }
    fail("es un libro .xls de Excel 97-2003 (u otro documento OLE), no un .xlsx: ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)»");
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) {
    if (buf.length >= 4 && buf.readUInt32LE(0) === 0x06054b50) fail("es un archivo zip vacío, no un libro de Excel");
    const head = buf.subarray(0, 512).toString("latin1").trimStart().toLowerCase();
    if (head.startsWith("<html") || head.startsWith("<!doctype html")) fail("es una página HTML con extensión de Excel, no un libro .xlsx: ábrala en Excel y guárdela como .xlsx");
    if (head.startsWith("<?xml")) fail("es un archivo XML (¿hoja de cálculo XML 2003?), no un libro .xlsx: ábralo en Excel y guárdelo como .xlsx");
    if (head.startsWith("%pdf")) fail("es un PDF, no un libro de Excel");
    fail("no es un libro de Excel (.xlsx): el archivo no es un zip");
  }
}

const LOSSY: [RegExp, string][] = [
  [/^xl\/charts\//, "gráficas"],
  [/^xl\/pivotTables\//, "tablas dinámicas"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/slicers\//, "segmentaciones"],
  [/^xl\/timelines\//, "escalas de tiempo"],
  [/^xl\/externalLinks\//, "vínculos a otros libros"],
  [/^xl\/ctrlProps\//, "controles de formulario"],
];


/** The SpreadsheetML namespace of Strict Open XML (transitional: http://schemas.openxmlformats.org/spreadsheetml/2006/main). */
const STRICT_SPREADSHEETML = "http://purl.oclc.org/ooxml/spreadsheetml/main";

const MAX_COL = 16_384;
const MAX_ROW = 1_048_576;

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B7" → {row, col} inside the sheet, else null. */
function cellOf(ref: string): { row: number; col: number } | null {
  const m = CELL_RE.exec(ref);
  if (!m) return null;
  const col = colNum(m[1]!);
  const row = Number(m[2]);
  return col >= 1 && col <= MAX_COL && row >= 1 && row <= MAX_ROW ? { row, col } : null;
}

/** Cells covered by "A1:C3" or "$A$1:$XFD$1048576" (a single cell counts 1); null when it is not an A1 reference inside the sheet. */
export function areaOf(ref: string): number | null {
  const [a, b, extra] = ref.split(":");
  if (extra !== undefined || a === undefined) return null;
  const p = cellOf(a);
  const q = b === undefined ? p : cellOf(b);
  if (!p || !q) return null;
  return (Math.abs(q.col - p.col) + 1) * (Math.abs(q.row - p.row) + 1);
}

/**
 * Parts ExcelJS's load parses as XML (its `switch` in lib/xlsx/xlsx.js; its patterns are not anchored). Media and
 * themes are kept as bytes, everything else is inflated and dropped.
 */
export function excelJsParses(name: string): boolean {
  if (/xl\/media\//.test(name) || /xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(name)) return false;
  if (["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "docProps/app.xml", "docProps/core.xml"].includes(name)) return true;
  return [/xl\/worksheets\/sheet(\d+)[.]xml/, /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/, /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/, /xl\/(comments\d+)[.]xml/, /xl\/tables\/(table\d+)[.]xml/, /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/, /xl\/drawings\/(vmlDrawing\d+)[.]vml/].some((re) => re.test(name));
}

export const isWorksheetPart = (name: string) => /xl\/worksheets\/sheet(\d+)[.]xml/.test(name) && !/xl\/worksheets\/_rels\//.test(name);

/** The part a relationship points to, from the part that holds it (OPC: relative to its folder, or absolute with "/"). */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export const relsPathOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");

const localName = (tag: string) => tag.slice(tag.indexOf(":") + 1);

interface ParseBudget {
  elements: number;
  readonly limits: GuardLimits;
}

/**
 * Parses one part with saxes in chunks, calling `onOpen`/`onText`/`onClose` for its elements (names without prefix).
 * Stops (throws) as soon as the element budget is spent or the XML is not well formed: ExcelJS, with the same parser,
 * would refuse it too (and Excel repairs or refuses such a file).
 */
function scanXml(part: PackagePart, budget: ParseBudget, handlers: { open?: (tag: SaxesTagPlain) => void; text?: (t: string) => void; close?: (name: string) => void } = {}): void {
  const parser = new SaxesParser({ position: false }); // no line/column bookkeeping: ~2× faster, same tokens
  parser.on("error", (err) => fail(`el libro está dañado: el XML de ${part.name} está mal formado (${err.message.split("\n")[0]!.slice(0, 120)}); ábralo en Excel y guárdelo de nuevo`));
  parser.on("opentag", (tag) => {
    if (++budget.elements > budget.limits.maxElements) {
      fail(`el libro tiene más de ${fmt(budget.limits.maxElements)} elementos XML (en ${part.name}); demasiado grande para un reporte RAOCE`);
    }
    handlers.open?.(tag as SaxesTagPlain);
  });
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  if (handlers.close) parser.on("closetag", (tag) => handlers.close!(localName(tag.name)));
  const decoder = new StringDecoder("utf8");
  const CHUNK = 1 << 20;
  for (let i = 0; i < part.data.length; i += CHUNK) parser.write(decoder.write(part.data.subarray(i, i + CHUNK)));
  parser.write(decoder.end());
  parser.close();
}

/** The "<" of a part: how many (an upper bound on its elements) and the longest run without one (its longest text or attribute). */
function ltStats(data: Buffer): { count: number; longestRun: number } {
  let count = 0;
  let longestRun = 0;
  let last = -1;
  for (let i = data.indexOf(0x3c); i >= 0; i = data.indexOf(0x3c, i + 1)) {
    count++;
    if (i - last > longestRun) longestRun = i - last;
    last = i;
  }
  return { count, longestRun: Math.max(longestRun, data.length - last) };
}

/**
 * Longest text or attribute value a part may hold. Excel keeps at most 32,767 characters in a cell (≤ 128 KB in UTF-8)
 * and 8,192 in a formula; ExcelJS would copy a 100 MB string several times (≈ 5× its size at peak).
 */
const MAX_TEXT_RUN = 2 * 1024 * 1024;

const attr = (tag: SaxesTagPlain, name: string): string | null => {
  const v = tag.attributes[name];
  return typeof v === "string" ? v : null;
};

export interface InspectOptions {
  /** Read-only loads: ExcelJS skips merged cells and columns, so their areas are not limited. */
  lenientSheets?: boolean;
  /**
   * Worksheet parts whose cells the load will skip (read-only loads: `skipSheetData`), from the sheets and names read
   * so far: ExcelJS only tokenizes them, so their "<" count is charged instead of a parse.
   */
  skippedSheets?: (found: Pick<XlsxInspection, "sheets" | "definedNames">) => string[];
}

export function inspectXlsx(buf: Buffer, limits: GuardLimits = DEFAULT_LIMITS, options: InspectOptions = {}): XlsxInspection {
  if (buf.length > limits.maxFileBytes) fail(`el archivo pesa ${fmt(Math.round(buf.length / 1048576))} MB; un libro RAOCE pesa menos de ${fmt(limits.maxFileBytes / 1048576)} MB`);
  sniff(buf);
  const entries = readPackage(buf, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (!byName.has("xl/workbook.xml")) {
    if (byName.has("xl/workbook.bin")) fail("es un libro binario .xlsb: ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)»");
    if (byName.has("word/document.xml")) fail("es un documento de Word, no un libro de Excel");
    if (byName.has("ppt/presentation.xml")) fail("es una presentación de PowerPoint, no un libro de Excel");
    if (byName.has("content.xml")) fail("es un documento OpenDocument (.ods): guárdelo como .xlsx");
    fail("no es un libro de Excel (.xlsx): el zip no contiene xl/workbook.xml");
  }
  const total = entries.reduce((n, e) => n + e.data.length, 0);
  const budget: ParseBudget = { elements: 0, limits };

  // workbook.xml: root (Strict?), date system, sheets, defined names (their text, as Excel reads it).
  let strict = false;
  let date1904 = false;
  const sheetTags: { name: string; state: string; rid: string | null }[] = [];
  const definedNames: RawDefinedName[] = [];
  let nameOpen: { name: string; local: string | null; text: string[] } | null = null;
  scanXml(byName.get("xl/workbook.xml")!, budget, {
    open(tag) {
      const n = localName(tag.name);
      if (n === "workbook") strict = attr(tag, "conformance") === "strict" || Object.values(tag.attributes).includes(STRICT_SPREADSHEETML);
      else if (n === "workbookPr") date1904 = ["1", "true"].includes(attr(tag, "date1904") ?? "");
      else if (n === "sheet") sheetTags.push({ name: attr(tag, "name") ?? "", state: attr(tag, "state") ?? "visible", rid: attr(tag, "r:id") });
      else if (n === "definedName") nameOpen = { name: attr(tag, "name") ?? "", local: attr(tag, "localSheetId"), text: [] };
    },
    text(t) {
      nameOpen?.text.push(t);
    },
    close(n) {
      if (n !== "definedName" || !nameOpen) return;
      definedNames.push({ name: nameOpen.name, text: nameOpen.text.join(""), localSheetId: nameOpen.local === null ? null : Number(nameOpen.local) });
      nameOpen = null;
    },
  });
  // Strict Open XML (ISO/IEC 29500 Strict): other namespaces, and dates may be stored as ISO text (`t="d"`), which
  // ExcelJS reads as a plain number (2025-05-15 → 2025). Refused rather than read wrong.
  if (strict) fail("el libro está guardado en formato «Hoja de cálculo Open XML estricta» (Strict Open XML), que RAOCE no lee: ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)»");

  // ExcelJS expands every A1-style name cell by cell: the cells of all names together are what it will build.
  let nameCells = 0;
  for (const n of definedNames) {
    for (const piece of n.text.split(",")) {
      const ref = piece.includes("!") ? piece.slice(piece.lastIndexOf("!") + 1) : piece;
      const area = areaOf(ref.trim()) ?? 0;
      nameCells += area;
      if (area > limits.maxNameCells) fail(`el nombre definido «${n.name}» abarca ${fmt(area)} celdas (límite ${fmt(limits.maxNameCells)}): redúzcalo a las celdas que usa`);
    }
    if (nameCells > limits.maxNameCells) fail(`los nombres definidos abarcan juntos más de ${fmt(limits.maxNameCells)} celdas (el último, «${n.name}»): redúzcalos a las celdas que usan`);
  }

  type Rel = { id: string | null; target: string; type: string };
  const rels = new Map<string, Rel[]>();
  const relsOf = (part: string): Rel[] => {
    const path = relsPathOf(part);
    let list = rels.get(path);
    if (!list) {
      list = [];
      const p = byName.get(path);
      if (p) {
        const found = list;
        scanXml(p, budget, {
          open(tag) {
            if (localName(tag.name) !== "Relationship" || attr(tag, "TargetMode") === "External") return;
            found.push({ id: attr(tag, "Id"), target: resolveTarget(part, attr(tag, "Target") ?? ""), type: attr(tag, "Type") ?? "" });
          },
        });
      }
      rels.set(path, list);
    }
    return list;
  };
  const wbRels = relsOf("xl/workbook.xml");
  const sheets = sheetTags.map((s) => {
    const path = s.rid ? wbRels.find((r) => r.id === s.rid)?.target ?? null : null;
    const hasTables = !!path && relsOf(path).some((r) => r.type.endsWith("/table"));
    return { name: s.name, state: s.state, path, hasTables };
  });
  // ExcelJS builds one worksheet per <sheet> from its part: two sheets on one part would copy its cells twice (a small
  // file could multiply them), and Excel reports such a workbook as damaged.
  const used = new Set<string>();
  for (const s of sheets) {
    if (!s.path) continue;
    if (used.has(s.path)) fail(`el libro está dañado: dos hojas usan la misma parte (${s.path}); ábralo en Excel y guárdelo de nuevo`);
    used.add(s.path);
  }
  const sheetName = (part: string) => sheets.find((s) => s.path === part)?.name ?? part;

  // Every other part ExcelJS parses, worksheets first-class: listed in workbook.xml or not, ExcelJS builds their cells.
  const skipped = new Set(options.skippedSheets?.({ sheets, definedNames }) ?? []);
  let rows = 0;
  let cells = 0;
  for (const part of entries) {
    if (!excelJsParses(part.name)) continue;
    if (part.data.length > MAX_TEXT_RUN && ltStats(part.data).longestRun > MAX_TEXT_RUN) {
      fail(`la parte ${part.name} contiene un texto de más de ${fmt(MAX_TEXT_RUN / 1048576)} MB seguido; Excel admite 32,767 caracteres por celda: no es un libro que Excel haya guardado`);
    }
    if (part.name === "xl/workbook.xml" || rels.has(part.name)) continue;
    if (!isWorksheetPart(part.name) || skipped.has(part.name)) {
      // Strings, styles, tables, drawings, comments, properties: nothing in them expands in ExcelJS beyond one object
      // per element, so their "<" count (an upper bound on their elements) is charged to the budget instead of a
      // parse; ExcelJS still refuses them if they are not well formed.
      budget.elements += ltStats(part.data).count;
      if (budget.elements > limits.maxElements) fail(`el libro tiene más de ${fmt(limits.maxElements)} elementos XML (en ${part.name}); demasiado grande para un reporte RAOCE`);
      continue;
    }
    const name = sheetName(part.name);
    let sheetRows = 0;
    let merged = 0;
    scanXml(part, budget, {
      open(tag) {
        const n = localName(tag.name);
        if (n === "c") {
          if (++cells > limits.maxCells) fail(`el libro tiene más de ${fmt(limits.maxCells)} celdas con datos o formato; demasiado grande para un reporte RAOCE`);
          const r = attr(tag, "r");
          if (r !== null && !cellOf(r)) fail(`la hoja «${name}» tiene una celda con una referencia fuera de la hoja o ilegible («${r.slice(0, 20)}»); ábrala en Excel y guárdela de nuevo`);
        } else if (n === "row") {
          if (++sheetRows > limits.maxRowsPerSheet) fail(`la hoja «${name}» tiene más de ${fmt(limits.maxRowsPerSheet)} filas; RAOCE abre libros de hasta ${fmt(limits.maxRowsPerSheet)} filas por hoja`);
          const r = attr(tag, "r");
          if (r !== null && !(/^\d{1,7}$/.test(r) && Number(r) >= 1 && Number(r) <= MAX_ROW)) fail(`la hoja «${name}» tiene una fila fuera de la hoja o ilegible («${r.slice(0, 20)}»); ábrala en Excel y guárdela de nuevo`);
        } else if (n === "mergeCell") {
          const ref = attr(tag, "ref") ?? "";
          const area = areaOf(ref);
          if (area === null) fail(`la hoja «${name}» combina celdas con una referencia ilegible («${ref.slice(0, 30)}»); ábrala en Excel y guárdela de nuevo`);
          merged += area!;
          if (!options.lenientSheets && merged > limits.maxMergedCells) fail(`la hoja «${name}» combina ${fmt(merged)} celdas (límite ${fmt(limits.maxMergedCells)})`);
        } else if (n === "col") {
          // ExcelJS builds one column object per column up to `max`.
          const max = Number(attr(tag, "max") ?? "0");
          if (!(max <= MAX_COL)) fail(`la hoja «${name}» define columnas fuera de la hoja (hasta la ${fmt(max)}; la última es la ${fmt(MAX_COL)}, XFD)`);
        }
      },
    });
    rows += sheetRows;
  }

  const tableParts = entries.filter((e) => /^xl\/tables\/[^/]+\.xml$/.test(e.name)).length;
  let application: string | null = null;
  const app = byName.get("docProps/app.xml");
  if (app) {
    let inApp = false;
    const text: string[] = [];
    scanXml(app, { elements: 0, limits }, { open: (t) => (inApp = localName(t.name) === "Application"), text: (t) => inApp && text.push(t), close: () => (inApp = false) });
    application = text.join("").trim() || null;
  }

  const lossy = new Set<string>();
  for (const e of entries) for (const [re, what] of LOSSY) if (re.test(e.name)) lossy.add(what);
  // ExcelJS keeps workbook-level names that are plain ranges, print areas and print titles; it drops or rewrites the rest.
  for (const n of definedNames) {
    if (n.name === "_xlnm.Print_Area" || n.name === "_xlnm.Print_Titles") continue;
    if (n.name === "_xlnm._FilterDatabase") lossy.add("filtros automáticos fuera de tablas");
    else if (n.localSheetId !== null) lossy.add(`nombres definidos de hoja (${n.name})`);
    else if (!n.text.split(",").every((part) => /^('[^']+(?:''[^']*)*'|[^'!]+)!\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(part.trim())) && !/#REF!/.test(n.text)) {
      lossy.add(`nombres definidos con fórmulas o constantes (${n.name})`);
    }
  }


  return { date1904, sheets, definedNames, lossyParts: [...lossy], uncompressedBytes: total, rows, cells, application, tableParts, parts: entries };
}
