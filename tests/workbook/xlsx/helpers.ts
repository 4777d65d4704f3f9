/** Shared fixtures for the workbook tests: the template, example documents typed into it, a tiny zip writer. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import type { Workbook } from "exceljs";
import { writeInputs } from "../../../src/workbook/exceljs-adapter";
import { openWorkbookBuffer, workbookBuffer, type OpenedWorkbook } from "../../../src/workbook/xlsx-file";
import { templateBuffer } from "../../../src/workbook/template";

export const ROOT = join(__dirname, "..", "..", "..");
export const EXAMPLES = ["altex-directo", "errores-tipicos", "immex-industrial", "immex-late-2024", "immex-prosec-autopartes", "prosec-cafe"];

let template: Promise<Buffer> | null = null;
export function templateBuf(): Promise<Buffer> {
  template ??= templateBuffer();
  return template;
}

export function exampleDoc(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, "examples", "json", `${name}.json`), "utf8"));
}

/** A template with `doc` typed into it, saved and reopened (as a file on disk would be). */
export async function workbookFor(doc: Record<string, unknown>, edit?: (wb: Workbook) => void, before?: (wb: Workbook) => void): Promise<OpenedWorkbook> {
  const { workbook } = await openWorkbookBuffer(await templateBuf());
  before?.(workbook);
  writeInputs(workbook, doc);
  edit?.(workbook);
  return openWorkbookBuffer(await workbookBuffer(workbook));
}

export async function reopen(wb: Workbook): Promise<OpenedWorkbook> {
  return openWorkbookBuffer(await workbookBuffer(wb));
}

// ─── a minimal zip writer (deflate or stored), for hand-made hostile files ──────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
  store?: boolean;
  /** Already deflated bytes (raw deflate) with their CRC-32: `data` is then ignored and `declaredSize` is required. */
  deflated?: { bytes: Buffer; crc: number };
}

export function makeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, "utf8");
    const comp = p.deflated ? p.deflated.bytes : p.store ? data : deflateRawSync(data);
    const name = Buffer.from(p.name, "utf8");
    const size = p.declaredSize ?? data.length;
    const crc = p.deflated ? p.deflated.crc : crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(p.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, comp);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The minimal parts of an xlsx with one sheet whose XML is `sheetXml`. */
export function minimalXlsx(sheetXml: string, workbookExtra = ""): ZipPart[] {
  return [
    { name: "[Content_Types].xml", data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>` },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets>${workbookExtra}</workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: "xl/worksheets/sheet1.xml", data: sheetXml },
  ];
}

export const sheetXml = (body: string, after = "") =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${after}</worksheet>`;
