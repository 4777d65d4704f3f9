/**
 * Hostile files through the CLI in child processes (several calls per child, see cli-child.ts), measured (issue "Trust" §4): not a zip, a
 * truncated zip, two zip bombs of 2 GiB, a sheet of a million rows, a password-protected workbook, Strict Open XML,
 * a template of another version, a template with a deleted sheet, and our template saved by LibreOffice.
 *
 * For every file: a clear Spanish line, the exit code of the CLI contract (src/cli/workbook-run.ts: "not our template
 * or not readable → 2", "our template with located errors → 1"), a peak resident set under RSS_LIMIT_MB — and, in a
 * batch with a good workbook after it, the good one is still reported. No wall-clock limit (the times go
 * in the optional report below and in bench/).
 *
 * The CLI is transpiled from src/ with swc into a temporary folder (so the test never runs a stale lib/) and started
 * as `node --require measure.js cli/main.js check …`; measure.js writes `process.resourceUsage()` (maxRSS: the peak
 * resident set of the process, in KiB) when the process exits (tests/workbook/xlsx/cli-child.ts). Every fixture is generated here into a temporary
 * folder, except the LibreOffice one (tests/fixtures/libreoffice/, see workbook-cli.test.ts). No file of 2 GiB is
 * ever built: the bombs repeat one deflate block that was flushed on a byte boundary (see `deflateRepeated`).
 *
 * RAOCE_HOSTILE_TABLE=report.md npx jest tests/workbook/hostile-files.test.ts writes the measurements as a table.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { expectCheckOutcome, runCli, runMany, transpileCli } from "./xlsx/cli-child";
import { openWorkbookBuffer, workbookBuffer } from "../../src/workbook/xlsx-file";
import { makeZip, ROOT, type ZipPart } from "./xlsx/helpers";

jest.setTimeout(60_000);

const RSS_LIMIT_MB = 300;
const AS_OF = "2025-05-15";
const GOOD = join(ROOT, "examples", "immex-industrial.xlsx");
const GOOD_COMPANY = "Manufacturas del Norte, S.A. de C.V.";
const LIBREOFFICE = join(ROOT, "tests", "fixtures", "libreoffice", "immex-industrial-libreoffice.xlsx");

let work: string;
let cliDir: string;
const files = new Map<string, string>();
const measured: { name: string; command: string; exitCode: number | null; rssMb: number; ms: number }[] = [];

// ─── a measured run of the CLI from source (tests/workbook/xlsx/cli-child.ts) ───────────────────────────────────────

interface Run {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  rssMb: number;
  ms: number;
}

async function cli(name: string, args: string[]): Promise<Run> {
  const t0 = process.hrtime.bigint();
  const r = await runCli(cliDir, work, args);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6; // reported (RAOCE_HOSTILE_TABLE), never asserted
  measured.push({ name, command: args[0]!, exitCode: r.exitCode, rssMb: r.rssMb, ms });
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, rssMb: r.rssMb, ms };
}

// ─── fixtures ───────────────────────────────────────────────────────────────────────────────────────────────────────

type JSZipT = InstanceType<typeof import("jszip")>;

async function loadZip(buf: Buffer): Promise<JSZipT> {
  const JSZip = (await import("jszip")).default;
  return JSZip.loadAsync(buf);
}

/** Every part of a zip, in order, as `makeZip` parts (stored parts stay stored: none in our workbooks). */
async function zipParts(zip: JSZipT): Promise<ZipPart[]> {
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  return Promise.all(names.map(async (name) => ({ name, data: await zip.file(name)!.async("nodebuffer") })));
}

/**
 * Raw deflate of `prefix + unit × times + suffix` without ever holding it: each piece is compressed on its own and
 * flushed onto a byte boundary (Z_SYNC_FLUSH, no final block), so the pieces concatenate into one valid stream and
 * the same compressed `unit` can be repeated. The CRC-32 is chained over the pieces.
 */
function deflateRepeated(prefix: Buffer, unit: Buffer, times: number, suffix: Buffer): { bytes: Buffer; crc: number; size: number } {
  const head = deflateRawSync(prefix, { finishFlush: constants.Z_SYNC_FLUSH });
  const block = deflateRawSync(unit, { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const tail = deflateRawSync(suffix); // Z_FINISH: the final block
  let crc = zlibCrc32(prefix);
  for (let i = 0; i < times; i++) crc = zlibCrc32(unit, crc);
  crc = zlibCrc32(suffix, crc);
  return { bytes: Buffer.concat([head, ...Array.from({ length: times }, () => block), tail]), crc, size: prefix.length + unit.length * times + suffix.length };
}

const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;

/** The good workbook with worksheet `part` padded inside <sheetData> by 2 GiB of blanks (valid XML, same cells). */
async function zipBomb(part: string, lie: boolean): Promise<Buffer> {
  const parts = await zipParts(await loadZip(readFileSync(GOOD)));
  const i = parts.findIndex((p) => p.name === part);
  const xml = parts[i]!.data.toString();
  const cut = xml.indexOf("</sheetData>");
  const bomb = deflateRepeated(Buffer.from(xml.slice(0, cut)), Buffer.alloc(MIB, " "), (2 * GIB) / MIB, Buffer.from(xml.slice(cut)));
  // Honest: the directory declares the 2 GiB. Lying: it declares the original size, as a bomb hiding from size checks does.
  parts[i] = { name: part, data: Buffer.alloc(0), deflated: bomb, declaredSize: lie ? Buffer.byteLength(xml) : bomb.size };
  return makeZip(parts);
}

/** The good workbook with 1,000,000 more rows (two cells each) on the Bienes sheet, below its table. */
async function millionRows(): Promise<Buffer> {
  const zip = await loadZip(readFileSync(GOOD));
  const part = "xl/worksheets/sheet4.xml";
  const xml = await zip.file(part)!.async("string");
  expect(xml).toContain("</sheetData>");
  const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  const chunks: string[] = [];
  for (let r = last + 1; r <= last + 1_000_000; r++) chunks.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>XXII</t></is></c><c r="E${r}"><v>${r}</v></c></row>`);
  const cut = xml.indexOf("</sheetData>");
  zip.file(part, xml.slice(0, cut) + chunks.join("") + xml.slice(cut));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * What Excel's "Hoja de cálculo Open XML estricta" changes: the SpreadsheetML, relationships and DrawingML namespaces
 * (purl.oclc.org), the relationship types, and `conformance="strict"` on the workbook. (The package parts — content
 * types, package relationships, core properties — keep their namespaces in Strict.)
 */
async function strictOpenXml(): Promise<Buffer> {
  const TO_STRICT: [string, string][] = [
    ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
    ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
    ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
  ];
  const zip = await loadZip(readFileSync(GOOD));
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir || !/\.(xml|rels)$/.test(name)) continue;
    let xml = await zip.file(name)!.async("string");
    for (const [from, to] of TO_STRICT) xml = xml.split(from).join(to);
    if (name === "xl/workbook.xml") xml = xml.replace(/<workbook\b/, '<workbook conformance="strict"');
    zip.file(name, xml);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * A well-formed OLE compound file (CFB v3: 512-byte sectors, one FAT sector, no mini stream — every stream is at least
 * the 4,096-byte cutoff) holding the two streams of a password-protected OOXML package: EncryptionInfo (agile, as
 * Excel 2013+ writes it) and EncryptedPackage (an 8-byte size, then ciphertext; here pseudo-random bytes).
 * Synthetic: no encryption tool is reachable here (msoffcrypto-tool is on PyPI; LibreOffice 7.4's OOXML export
 * with a password failed headless), and the guard only needs the container. Real files also carry a \x06DataSpaces
 * storage, left out.
 */
function encryptedOoxml(): Buffer {
  const SECTOR = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const NONE = 0xffffffff;
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA==" encryptedVerifierHashInput="AAAAAAAAAAAAAAAAAAAAAA==" encryptedVerifierHashValue="AAAA" encryptedKeyValue="AAAA"/></keyEncryptor></keyEncryptors></encryption>';
  const info = Buffer.alloc(4096, 0x20); // trailing blanks after the XML's root element are allowed
  info.writeUInt16LE(4, 0); // version 4.4: agile
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  info.write(xml, 8, "utf8");
  let x = 7;
  const pkg = Buffer.from(Buffer.alloc(8 + 24_576).map(() => ((x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff));
  pkg.writeBigUInt64LE(24_092n, 0);
  const streams = [
    { name: "EncryptionInfo", data: info },
    { name: "EncryptedPackage", data: pkg },
  ];

  // Sector 0: the FAT; sector 1: the directory; then each stream's sectors, chained.
  const fat: number[] = [0xfffffffd, END];
  const starts: number[] = [];
  for (const s of streams) {
    const start = fat.length;
    const n = Math.ceil(s.data.length / SECTOR);
    for (let k = 0; k < n; k++) fat.push(k === n - 1 ? END : start + k + 1);
    starts.push(start);
  }
  while (fat.length < SECTOR / 4) fat.push(FREE);

  const header = Buffer.alloc(SECTOR);
  Buffer.from("D0CF11E0A1B11AE1", "hex").copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory starts at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // no mini FAT
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  for (let k = 0; k < 109; k++) header.writeUInt32LE(k === 0 ? 0 : FREE, 76 + 4 * k);

  const fatSector = Buffer.alloc(SECTOR);
  fat.forEach((v, k) => fatSector.writeUInt32LE(v, 4 * k));

  const dir = Buffer.alloc(SECTOR);
  const entry = (k: number, name: string, type: number, color: number, left: number, right: number, child: number, start: number, size: number) => {
    const o = k * 128;
    const n = Buffer.from(`${name}\0`, "utf16le");
    n.copy(dir, o);
    dir.writeUInt16LE(n.length, o + 64);
    dir.writeUInt8(type, o + 66);
    dir.writeUInt8(color, o + 67);
    dir.writeUInt32LE(left, o + 68);
    dir.writeUInt32LE(right, o + 72);
    dir.writeUInt32LE(child, o + 76);
    dir.writeUInt32LE(start, o + 116);
    dir.writeUInt32LE(size, o + 120);
  };
  // A red-black tree of the root's children, ordered by name length then name: EncryptionInfo (black) < EncryptedPackage (red).
  entry(0, "Root Entry", 5, 1, NONE, NONE, 1, END, 0);
  entry(1, "EncryptionInfo", 2, 1, NONE, 2, NONE, starts[0]!, info.length);
  entry(2, "EncryptedPackage", 2, 0, NONE, NONE, NONE, starts[1]!, pkg.length);
  for (const o of [68, 72, 76]) dir.writeUInt32LE(NONE, 3 * 128 + o); // the unused 4th entry
  const body = streams.map((s) => Buffer.concat([s.data, Buffer.alloc((SECTOR - (s.data.length % SECTOR)) % SECTOR)]));
  return Buffer.concat([header, fatSector, dir, ...body]);
}

/** The good workbook re-saved through ExcelJS after `edit` (as a user's Excel would save the change). */
async function edited(edit: (wb: import("exceljs").Workbook) => void): Promise<Buffer> {
  const { workbook } = await openWorkbookBuffer(readFileSync(GOOD));
  edit(workbook);
  return workbookBuffer(workbook);
}

// ─── the cases ──────────────────────────────────────────────────────────────────────────────────────────────────────

interface Case {
  name: string;
  file: string;
  build: () => Buffer | Promise<Buffer>;
  /** exit code of `raoce check` on this file alone */
  exit: 0 | 1 | 2;
  /** exit 2: the stderr reason; exit 0/1: a line of stdout */
  says: RegExp;
  /** A tighter ceiling than RSS_LIMIT_MB where the cost is known (a regression guard). */
  rssLimitMb?: number;
}

const CASES: Case[] = [
  { name: "not a zip (a CSV renamed .xlsx)", file: "no-es-zip.xlsx", build: () => Buffer.from("RFC,Razón social\nSAT970701NN3,Manufacturas del Norte\n"), exit: 2, says: /^no es un libro de Excel \(\.xlsx\): el archivo no es un zip$/ },
  { name: "truncated zip (first half)", file: "mitad.xlsx", build: () => { const b = readFileSync(GOOD); return b.subarray(0, b.length >> 1); }, exit: 2, says: /^el archivo está dañado o incompleto .*pida una copia nueva$/ },
  { name: "truncated zip (last 100 bytes cut)", file: "sin-final.xlsx", build: () => { const b = readFileSync(GOOD); return b.subarray(0, b.length - 100); }, exit: 2, says: /^el archivo está dañado o incompleto/ },
  { name: "zip bomb: a sheet of 2 GiB, declared", file: "bomba.xlsx", build: () => zipBomb("xl/worksheets/sheet3.xml", false), exit: 2, says: /^el archivo se expande a 2,048 MB \(límite 40 MB\): demasiado grande o una bomba zip$/ },
  { name: "zip bomb: a sheet of 2 GiB behind a lying header", file: "bomba-oculta.xlsx", build: () => zipBomb("xl/worksheets/sheet3.xml", true), exit: 2, says: /^el archivo parece una bomba zip: la parte xl\/worksheets\/sheet3\.xml se expande más de lo que declara$/ },
  { name: "a sheet of a million rows", file: "millon-de-filas.xlsx", build: millionRows, exit: 2, rssLimitMb: 260, says: /^el archivo se expande a 10\d MB \(límite 40 MB\): demasiado grande o una bomba zip$/ },
  { name: "password-protected (encrypted OLE container, synthetic)", file: "protegido.xlsx", build: encryptedOoxml, exit: 2, says: /^el libro está protegido con contraseña \(cifrado\): .*guárdelo de nuevo$/ },
  { name: "Strict Open XML", file: "estricto.xlsx", build: strictOpenXml, exit: 2, says: /«Hoja de cálculo Open XML estricta» \(Strict Open XML\), que RAOCE no lee: ábralo en Excel y guárdelo como «Libro de Excel \(\.xlsx\)»$/ },
  { name: "a template of another (newer) version", file: "version-2.xlsx", build: () => edited((wb) => (wb.getWorksheet("Catálogos")!.getCell("B2").value = "2.0.0")), exit: 2, says: /^es una plantilla RAOCE más nueva \(versión «2\.0\.0» en Catálogos!B2\) .*: actualice RAOCE$/ },
  { name: "a template of an older version", file: "version-0.xlsx", build: () => edited((wb) => (wb.getWorksheet("Catálogos")!.getCell("B2").value = "0.9.0")), exit: 2, says: /^es una plantilla RAOCE de otra versión \(«0\.9\.0» en Catálogos!B2\); esta versión de RAOCE lee la 1\.x: copie sus datos a una plantilla nueva \(raoce template\)$/ },
  { name: "our template with a deleted sheet (Empresa)", file: "sin-empresa.xlsx", build: () => edited((wb) => wb.removeWorksheet(wb.getWorksheet("Empresa")!.id)), exit: 1, says: /^ {4}Error: \(libro\) — Falta la hoja «Empresa» \(se borró o se reemplazó\)/m },
  { name: "our template saved by LibreOffice 7.4", file: "libreoffice.xlsx", build: () => readFileSync(LIBREOFFICE), exit: 0, says: /^ {2}IMMEX 83-2019: En plazo · vence el 30 de mayo de 2025/m },
];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "raoce-hostile-"));
  cliDir = join(work, "cli-build");
  transpileCli(cliDir);
  for (const c of CASES) {
    const path = join(work, c.file);
    writeFileSync(path, await c.build());
    files.set(c.name, path);
  }
}, 120_000);

afterAll(() => {
  if (process.env.RAOCE_HOSTILE_TABLE && measured.length) {
    const rows = measured.map((m) => `| ${m.name} | ${m.command} | ${m.exitCode} | ${m.rssMb.toFixed(0)} | ${(Number.isNaN(m.ms) ? "—" : (m.ms / 1000).toFixed(2))} |`);
    writeFileSync(process.env.RAOCE_HOSTILE_TABLE, ["| file | command | exit | peak RSS of its child so far (MB) | time (s) |", "| --- | --- | --- | --- | --- |", ...rows, ""].join("\n"));
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the fixtures are what they claim", () => {
  it("deflateRepeated makes one valid deflate stream with the right size and CRC", () => {
    const r = deflateRepeated(Buffer.from("<a>"), Buffer.alloc(64 * 1024, " "), 40, Buffer.from("</a>"));
    const out = inflateRawSync(r.bytes);
    expect(out.length).toBe(r.size);
    expect(zlibCrc32(out)).toBe(r.crc);
    expect(out.subarray(0, 3).toString() + out.subarray(-4).toString()).toBe("<a></a>");
  });

  it("the bombs are small files that declare or hide 2 GiB", async () => {
    const declared = readFileSync(files.get(CASES[3]!.name)!);
    expect(declared.length).toBeLessThan(3 * MIB);
    const eocd = declared.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = declared.readUInt32LE(eocd + 16);
    let biggest = 0;
    while (declared.readUInt32LE(p) === 0x02014b50) {
      biggest = Math.max(biggest, declared.readUInt32LE(p + 24));
      p += 46 + declared.readUInt16LE(p + 28) + declared.readUInt16LE(p + 30) + declared.readUInt16LE(p + 32);
    }
    expect(biggest).toBeGreaterThan(2 * GIB);
  });

  it("the encrypted workbook is a well-formed compound file naming its two streams in the directory", () => {
    const cfb = readFileSync(files.get(CASES[6]!.name)!);
    expect(cfb.subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1");
    expect(cfb.length % 512).toBe(0);
    const dirAt = 512 * (1 + cfb.readUInt32LE(48));
    const names = [0, 1, 2].map((k) => cfb.toString("utf16le", dirAt + k * 128, dirAt + k * 128 + cfb.readUInt16LE(dirAt + k * 128 + 64) - 2));
    expect(names).toEqual(["Root Entry", "EncryptionInfo", "EncryptedPackage"]);
  });
});

describe("raoce check on hostile files: clear message, contract exit code, bounded memory", () => {
  it("each file on its own (one child process, one call per file)", async () => {
    const { results } = await runMany(cliDir, work, [...CASES.map((c) => ["check", files.get(c.name)!, "--as-of", AS_OF]), ["check", GOOD, "--as-of", AS_OF]]);
    CASES.forEach((c, i) => {
      const r = results[i]!;
      const file = files.get(c.name)!;
      measured.push({ name: c.name, command: "check", exitCode: r.exitCode, rssMb: r.rssMb, ms: NaN });
      expect(`${c.name}: exit ${r.exitCode}`).toBe(`${c.name}: exit ${c.exit}`);
      expectCheckOutcome(r, file, c);
      // The peak so far (the heap is collected between calls).
      expect(r.rssMb).toBeLessThan(c.rssLimitMb ?? RSS_LIMIT_MB);
    });
    const good = results[CASES.length]!;
    expect(good).toMatchObject({ exitCode: 0, stderr: "" });
    expect(good.stdout).toContain(GOOD_COMPANY);
  });
});

describe("a batch with the hostile files first still checks the good workbook after them", () => {
  it("every file reported once, the good one too, and the summary counts them", async () => {
    const r = await cli("all hostile files + good (one batch)", ["check", ...CASES.map((c) => files.get(c.name)!), GOOD, "--as-of", AS_OF]);
    expect(r.exitCode).toBe(2);
    const refused = CASES.filter((c) => c.exit === 2);
    const lines = r.stderr.split("\n");
    expect(lines).toHaveLength(refused.length);
    refused.forEach((c, i) => expect(lines[i]!.startsWith(`raoce check: ${files.get(c.name)!}: `)).toBe(true));
    expect(r.stdout).toContain(`${GOOD}\n  ${GOOD_COMPANY} — RFC SAT970701NN3`);
    const withErrors = CASES.filter((c) => c.exit === 1).length;
    expect(r.stdout).toMatch(new RegExp(`${CASES.length + 1} libros: ${CASES.length + 1 - refused.length - withErrors} sin errores, ${withErrors} con errores, ${refused.length} inutilizables$`));
    expect(r.rssMb).toBeLessThan(RSS_LIMIT_MB);
  });
});

describe("raoce fill refuses the same files (full load, not read-only) and writes nothing", () => {
  it("one child process, one call per file", async () => {
    const refused = CASES.filter((c) => c.exit === 2);
    const out = (c: Case) => join(work, `salida-${c.file}`);
    const { results } = await runMany(cliDir, work, refused.map((c) => ["fill", files.get(c.name)!, "--out", out(c), "--as-of", AS_OF]));
    refused.forEach((c, i) => {
      const r = results[i]!;
      const file = files.get(c.name)!;
      measured.push({ name: `${c.name} (fill)`, command: "fill", exitCode: r.exitCode, rssMb: r.rssMb, ms: NaN });
      expect(`${c.name}: exit ${r.exitCode}`).toBe(`${c.name}: exit 2`);
      expect(r.stderr.split("\n")).toHaveLength(1);
      expect(r.stderr.slice(`raoce fill: ${file}: `.length)).toMatch(c.says);
      expect(existsSync(out(c))).toBe(false);
      expect(r.rssMb).toBeLessThan(c.rssLimitMb ?? RSS_LIMIT_MB);
    });
  });
});
