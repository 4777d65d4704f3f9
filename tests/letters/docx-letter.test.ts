/**
 * The letters as .docx (docx library): the document's own text holds each Dice / Debe decir pair and exactly the
 * changed fields; LibreOffice opens it (converts to PDF) when soffice is installed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { correctionDeadline } from "../../src/domain/after-filing/corrections";
import { correctionLetter, noticeLetter, type LetterContent } from "../../src/domain/after-filing/letter";
import { evaluateNotices } from "../../src/domain/after-filing/notices";
import { letterDocx, letterSheetRows } from "../../src/letters/docx-letter";

const party = { companyName: "Manufacturas del Norte, S.A. de C.V.", rfc: "SAT970701NN3", programType: "IMMEX", programNumber: "83-2019", representative: "Lic. Ana María Treviño Garza", contactName: "C.P. Jorge Salinas", phone: "81 8123 4567", email: "ce@mfnorte.example", place: "Monterrey, Nuevo León" };
const letter = correctionLetter({
  party,
  filedOn: "2025-05-28",
  folio: "2505281234567",
  fiscalYear: 2024,
  corrections: [
    { key: "totalSales", label: "Ventas totales (a)", said: "120,000", shouldSay: "121,500", source: null },
    { key: "totalExports", label: "Total exportaciones (b)", said: "12,000", shouldSay: "12,500", source: null },
  ],
  deadline: correctionDeadline("2025-05-28"),
  today: "2025-06-02",
});

/** Paragraph texts and table rows (cell texts) of word/document.xml. */
async function docxText(bytes: Uint8Array): Promise<{ text: string; rows: string[][] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const runs = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => runs(m[0]).join(""));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => runs(tc[0]).join("")));
  return { text: paragraphs.join("\n"), rows };
}

describe("correction letter .docx", () => {
  it("holds a Dice / Debe decir row for each changed field, and only those", async () => {
    const { rows } = await docxText(await letterDocx(letter));
    expect(rows).toEqual([
      ["Dato", "Dice", "Debe decir"],
      ["Ventas totales (a)", "120,000", "121,500"],
      ["Total exportaciones (b)", "12,000", "12,500"],
    ]);
  });

  it("carries the guide's content: subject, addressees, company, RFC, program, filing, contact, attachments, signature, deadline", async () => {
    const { text } = await docxText(await letterDocx(letter));
    for (const s of [
      "Asunto: ERROR RAOCE / SAT970701NN3",
      "atencion.immex@economia.gob.mx",
      "Manufacturas del Norte, S.A. de C.V.",
      "IMMEX número 83-2019",
      "presentado el 28 de mayo de 2025 con folio 2505281234567",
      "teléfono 81 8123 4567, correo electrónico ce@mfnorte.example",
      "Documento que acredita la personalidad del representante legal.",
      "Declaración anual presentada ante el SAT.",
      "Lic. Ana María Treviño Garza",
      "Representante legal",
      "a más tardar el 4 de junio de 2025 a las 18:00",
      "Monterrey, Nuevo León, a 2 de junio de 2025",
    ]) expect(text).toContain(s);
    // Nothing that was not corrected: total imports (unchanged) is not in the letter.
    expect(text).not.toContain("importaciones");
  });

  it("the printable-sheet version has the same rows (for hosts without downloads)", () => {
    const rows = letterSheetRows(letter);
    expect(rows).toEqual(expect.arrayContaining([["Dato", "Dice", "Debe decir"], ["Ventas totales (a)", "120,000", "121,500"], ["Total exportaciones (b)", "12,000", "12,500"]]));
    expect(rows.every((r) => r.length === 3)).toBe(true);
  });

  const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
  it(`is a well-formed Word package${soffice ? " that LibreOffice opens (converts both letters to PDF)" : " (soffice not installed: the PDF conversion is checked where it is)"}`, async () => {
    const notice = noticeLetter({ party, notice: evaluateNotices([{ type: "Domicilio fiscal", occurredOn: "2026-03-09", description: "Cambio a Av. Industrial 120" }], "2026-03-10").notices[0]!, today: "2026-03-10" });
    const files: [string, LetterContent][] = [["carta.docx", letter], ["aviso.docx", notice]];
    const dir = mkdtempSync(join(tmpdir(), "raoce-letter-"));
    try {
      for (const [name, c] of files) {
        const bytes = await letterDocx(c);
        const zip = await JSZip.loadAsync(bytes);
        expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("wordprocessingml.document.main+xml");
        writeFileSync(join(dir, name), bytes);
      }
      if (!soffice) return;
      execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "pdf", "--outdir", dir, join(dir, "carta.docx"), join(dir, "aviso.docx")], { stdio: "ignore", timeout: 120_000 });
      for (const name of ["carta.pdf", "aviso.pdf"]) {
        const pdf = readFileSync(join(dir, name));
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(pdf.length).toBeGreaterThan(5_000);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
