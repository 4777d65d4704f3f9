/**
 * Checks a file BEFORE ExcelJS sees it, so that hostile or broken files fail fast with one clear Spanish line and in
 * bounded time and memory: not a zip, a password-protected (encrypted) workbook, an old .xls, a zip bomb (declared
 * sizes summed from the central directory against a cap, and every entry inflated with an output cap so a lying
 * header cannot expand further), a sheet with a million rows, a merged area or defined name over a whole sheet.
 *
 * It also reads, from the raw XML, the few things ExcelJS loses: the date system, sheet states and every defined name
 * as written (ExcelJS drops names that are `#REF!` or not ranges), and which parts a save through ExcelJS would drop.
 * Node only (zlib).
 */
import { inflateRawSync } from "node:zlib";

export class UnusableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnusableWorkbookError";
  }
}

export interface GuardLimits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
  maxEntries: number;
  maxRowsPerSheet: number;
  maxCells: number;
  maxMergedCells: number;
  maxNameCells: number;
}

export const DEFAULT_LIMITS: GuardLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 120 * 1024 * 1024,
  maxEntries: 5_000,
  maxRowsPerSheet: 50_000, // 2.5× the 20,000 goods rows a file may hold (FILE_MAX_TABLE_ROWS); keeps fill under ~1 GB
  maxCells: 600_000,
  maxMergedCells: 1_000_000,
  maxNameCells: 1_000_000,
};

export interface RawDefinedName {
  name: string;
  /** Text as written, e.g. "Empresa!$B$6" or "#REF!". */
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
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const fmt = (n: number) => n.toLocaleString("es-MX");
const fail = (msg: string): never => {
  throw new UnusableWorkbookError(msg);
};

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

function readCentralDirectory(buf: Buffer, limits: GuardLimits): ZipEntry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail("el archivo está dañado o incompleto (no se encuentra el directorio del zip); pida una copia nueva");
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) fail("el zip usa el formato ZIP64 (archivos de más de 4 GB): demasiado grande para un reporte RAOCE");
  if (count > limits.maxEntries) fail(`el archivo tiene ${fmt(count)} partes; un libro RAOCE tiene unas decenas (límite ${fmt(limits.maxEntries)})`);
  if (cdOffset + cdSize > buf.length) fail("el archivo está dañado o incompleto (directorio del zip fuera del archivo)");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) fail("el archivo está dañado (directorio del zip ilegible)");
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.subarray(p + 46, p + 46 + nameLen).toString("utf8"),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const o = e.localOffset;
  if (o + 30 > buf.length || buf.readUInt32LE(o) !== 0x04034b50) fail(`el archivo está dañado (parte ${e.name} ilegible)`);
  const start = o + 30 + buf.readUInt16LE(o + 26) + buf.readUInt16LE(o + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) fail(`el archivo está incompleto (la parte ${e.name} se corta)`);
  const raw = buf.subarray(start, end);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) fail(`el archivo está dañado (tamaño de ${e.name})`);
    return raw;
  }
  try {
    // The output cap is the size the directory declares: a bomb that lies about its size stops here. One output chunk
    // one byte larger than that size: zlib then returns it as is, instead of concatenating 16 KiB chunks into a second
    // copy (a 100 MB sheet peaked at twice its size).
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size), chunkSize: Math.max(64 * 1024, e.size + 1) });
    if (out.length !== e.size) fail(`el archivo está dañado (la parte ${e.name} no mide lo que declara)`);
    return out;
  } catch (err) {
    if (err instanceof UnusableWorkbookError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
      fail(`el archivo parece una bomba zip: la parte ${e.name} se expande más de lo que declara`);
    }
    fail(`el archivo está dañado (no se puede descomprimir ${e.name})`);
  }
  return raw; // unreachable
}

const decodeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : String.fromCodePoint(Number(e.slice(1))),
  );

const ATTR_RE = new Map<string, RegExp>();
function attr(tag: string, name: string): string | null {
  let re = ATTR_RE.get(name);
  if (!re) ATTR_RE.set(name, (re = new RegExp(`\\s${name.replace(":", "\\:")}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? "") : null;
}

function countOf(data: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(needle); i >= 0; i = data.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The SpreadsheetML namespace of Strict Open XML (transitional: http://schemas.openxmlformats.org/spreadsheetml/2006/main). */
const STRICT_SPREADSHEETML = "http://purl.oclc.org/ooxml/spreadsheetml/main";

const ROW_OPEN = Buffer.from("<row ");
const ROW_BARE = Buffer.from("<row>");
const CELL_OPEN = Buffer.from("<c ");
const CELL_BARE = Buffer.from("<c>");
const MERGE = Buffer.from("<mergeCell ");

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells covered by "A1:C3" or "$A$1:$XFD$1048576" (a single cell counts 1; anything else 0). */
function areaOf(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return 0;
  if (!m[3]) return 1;
  return (Math.abs(colNum(m[3]) - colNum(m[1]!)) + 1) * (Math.abs(Number(m[4]) - Number(m[2])) + 1);
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

export interface InspectOptions {
  /**
   * The loader skips merged cells and enforces the row cap itself (read-only loads): worksheets are then inflated
   * and counted only when their compressed size could expand past the cell cap.
   */
  lenientSheets?: boolean;
}

/** Smallest XML a cell takes (`<c r="A1"/>`): bounds the cells a part can hold from its inflated size. */
const MIN_CELL_BYTES = 10;

export function inspectXlsx(buf: Buffer, limits: GuardLimits = DEFAULT_LIMITS, options: InspectOptions = {}): XlsxInspection {
  if (buf.length > limits.maxFileBytes) fail(`el archivo pesa ${fmt(Math.round(buf.length / 1048576))} MB; un libro RAOCE pesa menos de ${fmt(limits.maxFileBytes / 1048576)} MB`);
  sniff(buf);
  const entries = readCentralDirectory(buf, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (!byName.has("xl/workbook.xml")) {
    if (byName.has("xl/workbook.bin")) fail("es un libro binario .xlsb: ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)»");
    if (byName.has("word/document.xml")) fail("es un documento de Word, no un libro de Excel");
    if (byName.has("ppt/presentation.xml")) fail("es una presentación de PowerPoint, no un libro de Excel");
    if (byName.has("content.xml")) fail("es un documento OpenDocument (.ods): guárdelo como .xlsx");
    fail("no es un libro de Excel (.xlsx): el zip no contiene xl/workbook.xml");
  }
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1) fail("el libro está protegido con contraseña (zip cifrado): quite la contraseña y guárdelo de nuevo");
    if (e.method !== 0 && e.method !== 8) fail(`el archivo usa una compresión no soportada (método ${e.method} en ${e.name})`);
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) fail("el zip usa ZIP64: demasiado grande para un reporte RAOCE");
    total += e.size;
  }
  if (total > limits.maxUncompressedBytes) {
    fail(`el archivo se expande a ${fmt(Math.round(total / 1048576))} MB (límite ${fmt(limits.maxUncompressedBytes / 1048576)} MB): demasiado grande o una bomba zip`);
  }

  // A deflate stream expands at most ~1032:1. When even that cannot pass the cap, a header that lies about sizes is
  // harmless and only the parts we scan are inflated; otherwise every part is inflated once with its declared size
  // as the output cap, so a bomb stops here (ExcelJS's unzip trusts the headers and would inflate it all in memory).
  const worstCase = entries.reduce((n, e) => n + (e.method === 0 ? e.compressedSize : e.compressedSize * 1032 + 1024), 0);
  const verifyAll = worstCase > limits.maxUncompressedBytes;
  const data = new Map<string, Buffer>();
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const sheetPart = e.name.startsWith("xl/worksheets/sheet");
    const worst = e.method === 0 ? e.compressedSize : e.compressedSize * 1032 + 1024;
    const scan = e.name === "xl/workbook.xml" || e.name === "xl/_rels/workbook.xml.rels" || e.name.startsWith("xl/worksheets/_rels/") || (sheetPart && !(options.lenientSheets && worst / MIN_CELL_BYTES <= limits.maxCells));
    if (scan || verifyAll) {
      const d = entryData(buf, e);
      if (scan) data.set(e.name, d);
    }
  }
  const text = new Map<string, string>();
  for (const name of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"]) {
    const d = data.get(name);
    if (d) text.set(name, d.toString("utf8"));
  }

  const wbXml = text.get("xl/workbook.xml") ?? "";
  // Strict Open XML (ISO/IEC 29500 Strict): other namespaces, and dates may be stored as ISO text (`t="d"`), which
  // ExcelJS reads as a plain number (2025-05-15 → 2025). Refused rather than read wrong.
  const rootTag = /<(?:\w+:)?workbook\b[^>]*>/.exec(wbXml)?.[0] ?? "";
  if (attr(rootTag, "conformance") === "strict" || rootTag.includes(STRICT_SPREADSHEETML)) {
    fail("el libro está guardado en formato «Hoja de cálculo Open XML estricta» (Strict Open XML), que RAOCE no lee: ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)»");
  }
  const prTag = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(wbXml)?.[0] ?? "";
  const d1904 = attr(prTag, "date1904");
  const date1904 = d1904 === "1" || d1904 === "true";

  const rels = new Map<string, string>();
  for (const m of (text.get("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) rels.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const sheets = [...wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const rid = attr(m[0], "r:id");
    const path = rid ? rels.get(rid) ?? null : null;
    const relsPath = path ? path.replace(/([^/]+)$/, "_rels/$1.rels") : null;
    const sheetRels = relsPath ? data.get(relsPath) : undefined;
    return { name: attr(m[0], "name") ?? "", state: attr(m[0], "state") ?? "visible", path, hasTables: !!sheetRels && sheetRels.includes("relationships/table") };
  });

  const definedNames: RawDefinedName[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const tag = `<x ${m[1]}>`;
    const name = attr(tag, "name") ?? "";
    const local = attr(tag, "localSheetId");
    const body = decodeXml(m[2] ?? "");
    definedNames.push({ name, text: body, localSheetId: local === null ? null : Number(local) });
    if (name.startsWith("_xlnm.")) continue;
    let cells = 0;
    for (const part of body.split(",")) {
      const ref = part.includes("!") ? part.slice(part.lastIndexOf("!") + 1) : part;
      cells += areaOf(ref); // ExcelJS expands A1-style ranges of names cell by cell
    }
    if (cells > limits.maxNameCells) fail(`el nombre definido «${name}» abarca ${fmt(cells)} celdas (límite ${fmt(limits.maxNameCells)}): redúzcalo a las celdas que usa`);
  }

  let rows = 0;
  let cells = 0;
  for (const s of sheets) {
    const xml = s.path ? data.get(s.path) : undefined;
    if (!xml) continue;
    const sheetRows = countOf(xml, ROW_OPEN) + countOf(xml, ROW_BARE);
    if (sheetRows > limits.maxRowsPerSheet) {
      fail(`la hoja «${s.name}» tiene ${fmt(sheetRows)} filas; RAOCE abre libros de hasta ${fmt(limits.maxRowsPerSheet)} filas por hoja`);
    }
    rows += sheetRows;
    cells += countOf(xml, CELL_OPEN) + countOf(xml, CELL_BARE);
    if (cells > limits.maxCells) fail(`el libro tiene más de ${fmt(limits.maxCells)} celdas con datos o formato; demasiado grande para un reporte RAOCE`);
    let merged = 0;
    if (!options.lenientSheets && xml.includes(MERGE)) {
      for (const m of xml.toString("latin1").matchAll(/<(?:\w+:)?mergeCell\b[^>]*ref\s*=\s*"([^"]+)"/g)) merged += areaOf(m[1]!);
    }
    if (merged > limits.maxMergedCells) fail(`la hoja «${s.name}» combina ${fmt(merged)} celdas (límite ${fmt(limits.maxMergedCells)})`);
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

  return { date1904, sheets, definedNames, lossyParts: [...lossy], uncompressedBytes: total, rows, cells };
}
