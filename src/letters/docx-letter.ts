/**
 * LetterContent (pure, src/domain/after-filing/letter.ts) → a Word document with the `docx` library. Browser-safe
 * (no Node modules): the CLI writes the bytes to a file, the pane offers them as a download.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { LetterContent } from "../domain/after-filing/letter";

const FONT = "Arial";
const SIZE = 22; // half-points: 11 pt

const p = (text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; italic?: boolean; size?: number; color?: string } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: opts.after ?? 160 },
    children: [new TextRun({ text, bold: opts.bold ?? false, italics: opts.italic ?? false, font: FONT, size: opts.size ?? SIZE, ...(opts.color ? { color: opts.color } : {}) })],
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: "808080" };

function table(t: NonNullable<LetterContent["table"]>): Table {
  const widths = t.headers.length === 3 ? [34, 33, 33] : [30, 70];
  const cell = (text: string, header: boolean, k: number) =>
    new TableCell({
      width: { size: widths[k] ?? 30, type: WidthType.PERCENTAGE },
      borders: { top: border, bottom: border, left: border, right: border },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "D9E2F3" } } : {}),
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [new Paragraph({ children: [new TextRun({ text, bold: header, font: FONT, size: SIZE })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.headers.map((h, k) => cell(h, true, k)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((v, k) => cell(v, false, k)) })),
    ],
  });
}

export function letterDocument(c: LetterContent): Document {
  const children: (Paragraph | Table)[] = [];
  // The sender's note: a shaded box above the letter, to delete before printing on letterhead.
  for (const line of c.senderNote) children.push(p(`Nota para quien envía (borre antes de imprimir): ${line}`, { italic: true, size: 18, color: "7F6000", after: 80, align: AlignmentType.LEFT }));
  children.push(p("", { after: 120 }));
  children.push(p(c.dateLine, { align: AlignmentType.RIGHT, after: 240 }));
  children.push(p(`Para: ${c.to.join("; ")}`, { align: AlignmentType.LEFT, after: 60 }));
  children.push(p(`Asunto: ${c.subject}`, { bold: true, align: AlignmentType.LEFT, after: 240 }));
  c.addressee.forEach((line, i) => children.push(p(line, { bold: i === 0, align: AlignmentType.LEFT, after: i === c.addressee.length - 1 ? 240 : 0 })));
  for (const para of c.paragraphs) children.push(p(para));
  if (c.table) {
    children.push(table(c.table));
    children.push(p("", { after: 120 }));
  }
  for (const para of c.closingParagraphs) children.push(p(para));
  if (c.attachments.length) {
    children.push(p("Anexos:", { bold: true, align: AlignmentType.LEFT, after: 60 }));
    c.attachments.forEach((a, i) => children.push(p(`${i + 1}. ${a}`, { align: AlignmentType.LEFT, after: 40 })));
    children.push(p("", { after: 160 }));
  }
  for (const line of c.signature) children.push(p(line, { align: AlignmentType.CENTER, after: 0 }));
  return new Document({
    creator: "RAOCE para Excel",
    title: c.subject,
    description: "Borrador generado por RAOCE para Excel",
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 } } }, children }],
  });
}

/** The .docx bytes. */
export async function letterDocx(c: LetterContent): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(letterDocument(c)));
}

/**
 * The letter as rows of three cells for a printable sheet (hosts where a file cannot be downloaded): text lines in
 * the first cell, the Dato | Dice | Debe decir table in three columns.
 */
export function letterSheetRows(c: LetterContent): [string, string, string][] {
  const out: [string, string, string][] = [];
  const add = (a = "", b = "", d = "") => out.push([a, b, d]);
  for (const line of c.senderNote) add(`Nota para quien envía (no forma parte de la carta): ${line}`);
  add();
  add(c.dateLine);
  add(`Para: ${c.to.join("; ")}`);
  add(`Asunto: ${c.subject}`);
  add();
  c.addressee.forEach((l) => add(l));
  add();
  c.paragraphs.forEach((l) => add(l));
  if (c.table) {
    const [h1 = "", h2 = "", h3 = ""] = c.table.headers;
    add(h1, h2, h3);
    for (const r of c.table.rows) add(r[0] ?? "", r[1] ?? "", r[2] ?? "");
  }
  add();
  c.closingParagraphs.forEach((l) => add(l));
  add();
  if (c.attachments.length) {
    add("Anexos:");
    c.attachments.forEach((a, i) => add(`${i + 1}. ${a}`));
    add();
  }
  c.signature.forEach((l) => add(l));
  return out;
}
