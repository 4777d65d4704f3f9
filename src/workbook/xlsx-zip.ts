/**
 * The package as ExcelJS will see it: the entries are listed by JSZip's own central-directory reader (the one
 * `workbook.xlsx.load` calls), with JSZip's file-name rules (a Unicode-path extra field wins over the raw name, "." and
 * ".." segments resolved) and ExcelJS's (a leading "/" dropped). Every entry is then inflated here with an output cap
 * (never more than the size it declares, never past the workbook cap) and checked against its CRC-32, so a bomb stops
 * at the cap and a damaged part is refused instead of read wrong. ZIP64 records are read (a small workbook may carry
 * them). Node only (zlib).
 */
import { crc32, inflateRawSync } from "node:zlib";
/* eslint-disable @typescript-eslint/no-require-imports -- JSZip's internal reader: the exact code ExcelJS's load runs */
const ZipEntries = require("jszip/lib/zipEntries") as new (options: object) => { load(data: Buffer): void; files: JsZipEntry[] };
const { utf8decode } = require("jszip/lib/utf8") as { utf8decode(b: Uint8Array): string };
const { resolve: resolveName } = require("jszip/lib/utils") as { resolve(path: string): string };
/* eslint-enable @typescript-eslint/no-require-imports */

/** JSZip reads 32-bit fields with signed shifts: a size of 2 GiB or more comes back negative. */
const unsigned = (n: number) => (n < 0 ? n >>> 0 : n);

interface JsZipEntry {
  fileNameStr: string;
  dir: boolean;
  bitFlag: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  decompressed: { compressedContent: Uint8Array; compression: { magic: string } };
}

export class UnusableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnusableWorkbookError";
  }
}

export const fail = (msg: string): never => {
  throw new UnusableWorkbookError(msg);
};

export const fmt = (n: number) => n.toLocaleString("es-MX");

export interface PackagePart {
  /** The name ExcelJS matches on: JSZip's resolved name without a leading "/". */
  name: string;
  data: Buffer;
}

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

/** Entry count from the end-of-central-directory record (ZIP64 when the 16-bit count is saturated), before JSZip walks it. */
function declaredEntryCount(buf: Buffer): number | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const count = buf.readUInt16LE(i + 10);
    if (count !== 0xffff) return count;
    const loc = i - 20; // ZIP64 end-of-central-directory locator
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) return count;
    const rec = Number(buf.readBigUInt64LE(loc + 8));
    if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== 0x06064b50) return null;
    return Number(buf.readBigUInt64LE(rec + 32));
  }
  return null;
}

/**
 * The parts of the package, inflated and verified. Refuses (UnusableWorkbookError, one Spanish line): a zip JSZip
 * cannot read, encrypted entries, two entries ExcelJS would load under one name, declared sizes over the cap, an entry
 * that inflates past what it declares, and a CRC-32 mismatch.
 */
export function readPackage(buf: Buffer, limits: ZipLimits): PackagePart[] {
  const count = declaredEntryCount(buf);
  if (count === null) fail("el archivo está dañado o incompleto (no se encuentra el directorio del zip); pida una copia nueva");
  if (count! > limits.maxEntries) fail(`el archivo tiene ${fmt(count!)} partes; un libro RAOCE tiene unas decenas (límite ${fmt(limits.maxEntries)})`);

  const reader = new ZipEntries({ decodeFileName: utf8decode });
  try {
    reader.load(buf);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/encrypted/i.test(msg)) fail("el libro está protegido con contraseña (zip cifrado): quite la contraseña y guárdelo de nuevo");
    if (/compression/i.test(msg)) fail("el archivo usa una compresión no soportada (solo se leen partes guardadas o comprimidas con deflate)");
    fail("el archivo está dañado o incompleto (el directorio del zip no se puede leer); pida una copia nueva");
  }

  const seen = new Set<string>();
  const entries: { name: string; e: JsZipEntry }[] = [];
  let total = 0;
  for (const e of reader.files) {
    if (e.bitFlag & 0x1) fail("el libro está protegido con contraseña (zip cifrado): quite la contraseña y guárdelo de nuevo");
    if (e.dir) continue; // ExcelJS skips folders (JSZip marks them by name or attributes)
    let name = resolveName(e.fileNameStr);
    if (name.startsWith("/")) name = name.slice(1);
    // Two entries that ExcelJS would load under one name: which one it reads depends on their order, and Excel reports
    // such a package as damaged. Never pick one silently.
    if (seen.has(name)) fail(`el archivo está dañado: tiene dos partes llamadas ${name}; ábralo en Excel y guárdelo de nuevo`);
    seen.add(name);
    entries.push({ name, e });
    total += unsigned(e.uncompressedSize);
  }
  if (total > limits.maxUncompressedBytes) {
    fail(`el archivo se expande a ${fmt(Math.round(total / 1048576))} MB (límite ${fmt(limits.maxUncompressedBytes / 1048576)} MB): demasiado grande o una bomba zip`);
  }

  return entries.map(({ name, e }) => ({ name, data: inflateEntry(name, e) }));
}

function inflateEntry(name: string, e: JsZipEntry): Buffer {
  const size = unsigned(e.uncompressedSize);
  const raw = e.decompressed.compressedContent;
  const raws = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let out: Buffer;
  if (e.decompressed.compression.magic === "\x00\x00") {
    if (raws.length !== size) fail(`el archivo está dañado (la parte ${name} no mide lo que declara)`);
    out = raws;
  } else {
    try {
      // The output cap is the declared size: a part that lies about its size stops there. One output chunk one byte
      // larger than that: zlib returns it as is instead of concatenating 16 KiB chunks into a second copy.
      out = inflateRawSync(raws, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(64, size + 1) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) fail(`el archivo parece una bomba zip: la parte ${name} se expande más de lo que declara`);
      return fail(`el archivo está dañado (no se puede descomprimir ${name}); pida una copia nueva`);
    }
    if (out.length !== size) fail(`el archivo está dañado (la parte ${name} no mide lo que declara)`);
  }
  if (crc32(out) >>> 0 !== e.crc32 >>> 0) fail(`el archivo está dañado (la parte ${name} no pasa la verificación CRC: su contenido cambió después de guardarse); pida una copia nueva`);
  return out;
}

// ─── writing the normalised package back for ExcelJS ────────────────────────────────────────────────────────────────

/** A stored (uncompressed) zip of `parts`: what ExcelJS loads after normalisation. Fast (no deflate) and never ZIP64. */
export function storedZip(parts: PackagePart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const crc = crc32(p.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, p.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(p.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}
