/**
 * Builders of the hostile and broken workbooks of issue #8 §2 (read side), made from the good example at test time:
 * no large binary is committed. Each returns the bytes of one file; `HOSTILE` lists them with what `raoce check` must
 * answer. Also a small zip writer that can write what makeZip cannot: Unicode-path extra fields, a wrong CRC-32 and
 * ZIP64 records.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { ROOT } from "./helpers";

export const GOOD = join(ROOT, "examples", "immex-industrial.xlsx");

export interface RawEntry {
  /** The name in the headers (bytes as written). */
  name: string;
  data: Buffer;
  store?: boolean;
  /** Extra field of both headers (e.g. a Unicode Path field, id 0x7075). */
  extra?: Buffer;
  /** A CRC-32 other than the data's (a part altered after it was saved). */
  crc?: number;
}

/** A zip of `entries`; `zip64` writes every size and offset in ZIP64 records (as some libraries do for small files too). */
export function rawZip(entries: RawEntry[], zip64 = false): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const comp = e.store ? e.data : deflateRawSync(e.data);
    const crc = e.crc ?? crc32(e.data) >>> 0;
    const z64 = (withOffset: boolean) => {
      const b = Buffer.alloc(4 + 16 + (withOffset ? 8 : 0));
      b.writeUInt16LE(0x0001, 0);
      b.writeUInt16LE(b.length - 4, 2);
      b.writeBigUInt64LE(BigInt(e.data.length), 4);
      b.writeBigUInt64LE(BigInt(comp.length), 12);
      if (withOffset) b.writeBigUInt64LE(BigInt(offset), 20);
      return b;
    };
    const localExtra = Buffer.concat([zip64 ? z64(false) : Buffer.alloc(0), e.extra ?? Buffer.alloc(0)]);
    const centralExtra = Buffer.concat([zip64 ? z64(true) : Buffer.alloc(0), e.extra ?? Buffer.alloc(0)]);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : comp.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    out.push(local, name, localExtra, comp);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(zip64 ? 45 : 20, 4);
    c.writeUInt16LE(zip64 ? 45 : 20, 6);
    c.writeUInt16LE(e.store ? 0 : 8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(zip64 ? 0xffffffff : comp.length, 20);
    c.writeUInt32LE(zip64 ? 0xffffffff : e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(centralExtra.length, 30);
    c.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    central.push(c, name, centralExtra);
    offset += 30 + name.length + localExtra.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...out, cd, ...tail, end]);
}

/** A Unicode Path extra field (0x7075) naming `name`, for an entry whose header name is `headerName`. */
export function unicodePathExtra(headerName: string, name: string): Buffer {
  const u = Buffer.from(name, "utf8");
  const b = Buffer.alloc(9 + u.length);
  b.writeUInt16LE(0x7075, 0);
  b.writeUInt16LE(5 + u.length, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(crc32(Buffer.from(headerName, "utf8")) >>> 0, 5);
  u.copy(b, 9);
  return b;
}

/** The good workbook's parts, in order. */
export async function goodEntries(): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(readFileSync(GOOD));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  return Promise.all(names.map(async (name) => ({ name, data: await zip.file(name)!.async("nodebuffer") })));
}

/** The good workbook with `edit` applied to the text of some parts (name → new text), re-zipped. */
export async function goodWith(edit: Record<string, (xml: string) => string>, extra: RawEntry[] = []): Promise<Buffer> {
  const entries = await goodEntries();
  for (const e of entries) if (edit[e.name]) e.data = Buffer.from(edit[e.name]!(e.data.toString("utf8")), "utf8");
  return rawZip([...entries, ...extra]);
}

const WB = "xl/workbook.xml";
/** Bienes: the sheet whose rows are goods (sheet4 in the template). */
const SHEET = "xl/worksheets/sheet4.xml";
const beforeSheetDataEnd = (xml: string, add: string) => xml.replace("</sheetData>", `${add}</sheetData>`);
const afterSheetData = (xml: string, add: string) => xml.replace("</sheetData>", `</sheetData>${add}`);
const addNames = (xml: string, names: string) => xml.replace("</definedNames>", `${names}</definedNames>`);

export interface HostileCase {
  name: string;
  file: string;
  build: () => Promise<Buffer> | Buffer;
  /** `raoce check` exit code. */
  exit: 0 | 1 | 2;
  /** exit 2: the reason after "raoce check: FILE: "; else a line of stdout. */
  says: RegExp;
}

const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("");

export const HOSTILE: HostileCase[] = [
  // ── the shapes that hung or ran out of memory ──
  {
    name: "a defined name split by an XML comment over a whole sheet",
    file: "nombre-con-comentario.xlsx",
    build: () => goodWith({ [WB]: (x) => addNames(x, '<definedName name="Todo">Bienes!$A$1<!-- nota -->:$XFD$1048576</definedName>') }),
    exit: 2,
    says: /^el nombre definido «Todo» abarca 17,179,869,184 celdas \(límite 500,000\): redúzcalo a las celdas que usa$/,
  },
  {
    name: "a defined name split by CDATA and character references",
    file: "nombre-partido.xlsx",
    build: () => goodWith({ [WB]: (x) => addNames(x, '<definedName name="Partido">Bienes!&#36;A&#36;1:<![CDATA[$XFD]]>$1048576</definedName>') }),
    exit: 2,
    says: /^el nombre definido «Partido» abarca 17,179,869,184 celdas/,
  },
  {
    name: "60 names under the per-name cap but over it together",
    file: "sesenta-nombres.xlsx",
    build: () => goodWith({ [WB]: (x) => addNames(x, many(60, (i) => `<definedName name="N${i}">Bienes!$A$1:$D$100000</definedName>`)) }),
    exit: 2,
    says: /^los nombres definidos abarcan juntos más de 500,000 celdas \(el último, «N1»\): redúzcalos a las celdas que usan$/,
  },
  {
    name: "120,000 self-closing defined names",
    file: "nombres-vacios.xlsx",
    build: () => goodWith({ [WB]: (x) => addNames(x, many(120_000, (i) => `<definedName name="V${i}"/>`)) }),
    exit: 0,
    says: /^ {2}IMMEX 83-2019\s+En plazo/m,
  },
  {
    name: "a merged range over the whole sheet, quoted with apostrophes and a tab",
    file: "combinadas.xlsx",
    build: () => goodWith({ [SHEET]: (x) => afterSheetData(x.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, ""), "<mergeCells count=\"1\"><mergeCell\tref='A1:XFD1048576'/></mergeCells>") }),
    exit: 0, // `check` skips merged cells (read-only load); `fill` refuses: see FILL_ONLY
    says: /^ {2}IMMEX 83-2019\s+En plazo/m,
  },
  {
    name: "a merged range whose reference holds a tab",
    file: "combinada-tab.xlsx",
    build: () => goodWith({ [SHEET]: (x) => afterSheetData(x.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, ""), '<mergeCells count="1"><mergeCell ref="A1:\tXFD1048576"/></mergeCells>') }),
    exit: 2,
    says: /^la hoja «Bienes» combina celdas con una referencia ilegible \(«A1: XFD1048576»\); ábrala en Excel y guárdela de nuevo$/, // XML turns the tab into a space
  },
  {
    name: "700,000 cells written <c\\tr=…> (tab separators)",
    file: "celdas-tab.xlsx",
    build: () => goodWith({ [SHEET]: (x) => beforeSheetDataEnd(x, many(7_000, (r) => `<row\tr="${r + 200}">${many(100, (c) => `<c\tr="${String.fromCharCode(65 + (c % 26))}${r + 200}"/>`)}</row>`)) }),
    exit: 2,
    says: /^el libro tiene más de 600,000 celdas con datos o formato; demasiado grande para un reporte RAOCE$/,
  },
  {
    name: "700,000 orphan cells (outside any row)",
    file: "celdas-huerfanas.xlsx",
    build: () => goodWith({ [SHEET]: (x) => beforeSheetDataEnd(x, many(700_000, () => "<c/>")) }),
    exit: 2,
    says: /^el libro tiene más de 600,000 celdas con datos o formato/,
  },
  {
    name: "400,000 unclosed row tags",
    file: "sin-cerrar.xlsx",
    build: () => goodWith({ [SHEET]: (x) => beforeSheetDataEnd(x, many(400_000, () => "<row>")) }),
    exit: 2,
    says: /^la hoja «Bienes» tiene más de 50,000 filas/,
  },
  {
    name: "an unclosed tag (not well-formed XML)",
    file: "xml-roto.xlsx",
    build: () => goodWith({ [SHEET]: (x) => beforeSheetDataEnd(x, '<row r="300"><c r="A300"><v>1</v></row>') }),
    exit: 2,
    says: /^el libro está dañado: el XML de xl\/worksheets\/sheet4\.xml está mal formado \(.+\); ábralo en Excel y guárdelo de nuevo$/,
  },
  {
    name: "a cell past the last column (XFE)",
    file: "columna-xfe.xlsx",
    build: () => goodWith({ [SHEET]: (x) => beforeSheetDataEnd(x, '<row r="300"><c r="XFE300"><v>1</v></c></row>') }),
    exit: 2,
    says: /^la hoja «Bienes» tiene una celda con una referencia fuera de la hoja o ilegible \(«XFE300»\)/,
  },
  {
    name: "columns defined past XFD",
    file: "columnas.xlsx",
    build: () => goodWith({ [SHEET]: (x) => x.replace(/<cols>/, '<cols><col min="16384" max="2000000000" width="9" customWidth="1"/>') }),
    exit: 2,
    says: /^la hoja «Bienes» define columnas fuera de la hoja \(hasta la 2,000,000,000; la última es la 16,384, XFD\)$/,
  },
  {
    name: "a 700,000-cell worksheet not listed in workbook.xml",
    file: "hoja-oculta.xlsx",
    build: () => goodWith({}, [{ name: "xl/worksheets/sheet99.xml", data: Buffer.from(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${many(7_000, (r) => `<row r="${r + 1}">${many(100, (c) => `<c r="${String.fromCharCode(65 + (c % 26))}${r + 1}"/>`)}</row>`)}</sheetData></worksheet>`) }]),
    exit: 2,
    says: /^el libro tiene más de 600,000 celdas con datos o formato/,
  },
  {
    name: "a shared string of 30 MB (one text node, under the size cap)",
    file: "texto-enorme.xlsx",
    build: () => goodWith({ "xl/sharedStrings.xml": (x) => x.replace("</sst>", `<si><t>${"x".repeat(30 * 1024 * 1024)}</t></si></sst>`) }),
    exit: 2,
    says: /^la parte xl\/sharedStrings\.xml contiene un texto de más de 2 MB seguido; Excel admite 32,767 caracteres por celda: no es un libro que Excel haya guardado$/,
  },
  {
    name: "100,000 shared strings of 1 KB (110 MB of XML)",
    file: "muchos-textos.xlsx",
    build: () => goodWith({ "xl/sharedStrings.xml": (x) => x.replace("</sst>", `${many(100_000, (i) => `<si><t>${i}${"x".repeat(1100)}</t></si>`)}</sst>`) }),
    exit: 2,
    says: /^el archivo se expande a 10\d MB \(límite 40 MB\): demasiado grande o una bomba zip$/,
  },
  // ── what the guard checks is what ExcelJS reads ──
  {
    name: "a second workbook part named /xl/workbook.xml (leading slash)",
    file: "barra-inicial.xlsx",
    build: async () => goodWith({}, [{ name: "/xl/workbook.xml", data: (await goodEntries()).find((e) => e.name === WB)!.data }]),
    exit: 2,
    says: /^el archivo está dañado: tiene dos partes llamadas xl\/workbook\.xml; ábralo en Excel y guárdelo de nuevo$/,
  },
  {
    name: "an entry whose Unicode-path field names xl/workbook.xml",
    file: "ruta-unicode.xlsx",
    build: async () => goodWith({}, [{ name: "xl/otro.xml", data: (await goodEntries()).find((e) => e.name === WB)!.data, extra: unicodePathExtra("xl/otro.xml", WB) }]),
    exit: 2,
    says: /^el archivo está dañado: tiene dos partes llamadas xl\/workbook\.xml/,
  },
  {
    name: "the only workbook part named with a leading slash (read as Excel does)",
    file: "solo-barra.xlsx",
    build: async () => rawZip((await goodEntries()).map((e) => (e.name === WB ? { ...e, name: `/${WB}` } : e))),
    exit: 0,
    says: /^ {2}IMMEX 83-2019\s+En plazo/m,
  },
  {
    name: "two sheets on one worksheet part (ExcelJS would copy its cells for each)",
    file: "hoja-doble.xlsx",
    build: () => goodWith({ [WB]: (x) => x.replace("</sheets>", `${many(50, (i) => `<sheet name="Copia ${i}" sheetId="${100 + i}" r:id="rId4"/>`)}</sheets>`) }),
    exit: 2,
    says: /^el libro está dañado: dos hojas usan la misma parte \(xl\/worksheets\/sheet1\.xml\); ábralo en Excel y guárdelo de nuevo$/,
  },
  // ── integrity ──
  {
    name: "a stored part altered after saving (1000 → 9000, CRC unchanged)",
    file: "crc-guardado.xlsx",
    build: async () => {
      const entries = await goodEntries();
      return rawZip(entries.map((e) => (e.name === "xl/worksheets/sheet3.xml" ? { ...e, store: true, crc: crc32(e.data) >>> 0, data: Buffer.from(e.data.toString().replace(/<v>(\d+)<\/v>/, (_, v: string) => `<v>${"9".padStart(v.length, "9")}</v>`)) } : e)));
    },
    exit: 2,
    says: /^el archivo está dañado \(la parte xl\/worksheets\/sheet3\.xml no pasa la verificación CRC: su contenido cambió después de guardarse\); pida una copia nueva$/,
  },
  {
    name: "a deflated part with a wrong CRC",
    file: "crc-comprimido.xlsx",
    build: async () => rawZip((await goodEntries()).map((e) => (e.name === WB ? { ...e, crc: (crc32(e.data) ^ 1) >>> 0 } : e))),
    exit: 2,
    says: /^el archivo está dañado \(la parte xl\/workbook\.xml no pasa la verificación CRC/,
  },
  {
    name: "a small workbook written with ZIP64 records",
    file: "zip64.xlsx",
    build: async () => rawZip(await goodEntries(), true),
    exit: 0,
    says: /^ {2}IMMEX 83-2019\s+En plazo/m,
  },
  // ── a value the CLI reads must be one Excel shows ──
  {
    name: "names inside XML comments (Excel ignores them)",
    file: "nombres-comentados.xlsx",
    build: () =>
      goodWith({
        [WB]: (x) =>
          x
            .replace("<definedNames>", '<definedNames><!-- <definedName name="RAOCE_RFC">Empresa!$B$7</definedName> -->')
            .replace(/(<definedName name="RAOCE_RAZON_SOCIAL">)/, "$1<!--Empresa!$B$6-->"),
      }),
    exit: 0,
    says: /^ {2}Manufacturas del Norte, S\.A\. de C\.V\. — RFC SAT970701NN3 — RAOCE 2025/m,
  },
];

/** Cases `check` reads (read-only loads skip merged cells) but `fill` (a full load) must refuse: reason of `fill`. */
export const FILL_ONLY: Record<string, RegExp> = {
  "combinadas.xlsx": /^la hoja «Bienes» combina 17,179,869,184 celdas \(límite 200,000\)$/,
};
