/**
 * The workbook as a printed document (issue #9 §2): every visible sheet of the generated template fits its columns
 * to the page width (fitToWidth, fitToHeight 0), prints its whole columns (lists and tables print however long they
 * grow), repeats its table/list header row, and wrapped text gets explicit row heights (LibreOffice does not fit them
 * on open). The facts are read from the generated .xlsx XML itself. Where LibreOffice is installed, a filled example
 * is also rendered to PDF and its pages counted; where it is not, the same test still checks the file's facts.
 */
import { RECONCILE_SHEET_LAYOUTS } from "../../src/workbook/layout-reconcile";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { analyzeSnapshot } from "../../src/workbook/analyze";
import { ExcelJsAdapter } from "../../src/workbook/exceljs-adapter";
import { BLOCKS, ISSUES_BLOCK, SHEET_LAYOUTS, SHEETS, TABLES } from "../../src/workbook/layout";
import { DEFAULT_PAGE_SETUP, resolvePageSetup, wrappedLines, wrappedRowHeight } from "../../src/workbook/print-layout";
import { columnLetters } from "../../src/workbook/port";
import { printArea, printColumns, templateBuffer } from "../../src/workbook/template";
import { openWorkbookBuffer, workbookBuffer } from "../../src/workbook/xlsx-file";
import { buildWritePlan } from "../../src/workbook/write-plan";

jest.setTimeout(240_000);

interface SheetXml {
  name: string;
  state: string;
  xml: string;
}

async function sheetsOf(buf: Buffer): Promise<{ sheets: SheetXml[]; workbook: string }> {
  const zip = await JSZip.loadAsync(buf);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheets: SheetXml[] = [];
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*?(?:state="(\w+)")?[^>]*r:id="(\w+)"/g)) {
    const target = new RegExp(`Id="${m[3]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[3]}"`).exec(rels)![1]!;
    const xml = await zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
    sheets.push({ name: m[1]!.replace(/&amp;/g, "&"), state: m[2] ?? "visible", xml });
  }
  return { sheets, workbook };
}

const attr = (xml: string, el: string, name: string): string | null => new RegExp(`<${el}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1] ?? null;

function definedName(workbook: string, name: string, sheetIndex: number): string | null {
  const re = new RegExp(`<definedName name="${name}" localSheetId="${sheetIndex}">([^<]*)</definedName>`);
  return re.exec(workbook)?.[1]?.replace(/&apos;/g, "'") ?? null;
}

function rowHeight(xml: string, row: number): number | null {
  const h = new RegExp(`<row r="${row}"[^>]*\\bht="([\\d.]+)"`).exec(xml)?.[1];
  return h ? Number(h) : null;
}

function colWidths(xml: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)) {
    for (let c = Number(m[1]); c <= Number(m[2]); c++) out.set(c, Number(m[3]));
  }
  return out;
}

let template: Buffer;
let parsed: Awaited<ReturnType<typeof sheetsOf>>;

beforeAll(async () => {
  template = await templateBuffer();
  parsed = await sheetsOf(template);
});

describe("page setup of the generated template (xlsx facts)", () => {
  it("declares every sheet's page setup, with a default a new sheet inherits", () => {
    expect(DEFAULT_PAGE_SETUP).toEqual({ orientation: "portrait", pagesWide: 1, titleRows: null, titleColumns: null });
    expect(resolvePageSetup(undefined)).toEqual(DEFAULT_PAGE_SETUP);
    expect(resolvePageSetup({ orientation: "landscape" })).toEqual({ ...DEFAULT_PAGE_SETUP, orientation: "landscape" });
    // Every declared sheet is in the file; the hidden catalog sheet is last (after the reconciliation sheets).
    const declared = [...SHEET_LAYOUTS, ...RECONCILE_SHEET_LAYOUTS].map((s) => s.name as string);
    expect(parsed.sheets.map((s) => s.name).sort()).toEqual([...declared].sort());
    expect(parsed.sheets[parsed.sheets.length - 1]!.name).toBe(SHEETS.catalogs);
  });

  it.each(RECONCILE_SHEET_LAYOUTS.map((s) => s.name))("%s (reconciliation): letter, landscape, fit to width, header row repeated", (name) => {
    const i = parsed.sheets.findIndex((s) => s.name === name);
    const { xml } = parsed.sheets[i]!;
    expect(attr(xml, "pageSetUpPr", "fitToPage")).toBe("1");
    expect(attr(xml, "pageSetup", "paperSize")).toBe("1");
    expect(attr(xml, "pageSetup", "orientation")).toBe("landscape");
    expect(attr(xml, "pageSetup", "fitToHeight")).toBe("0");
    expect(definedName(parsed.workbook, "_xlnm.Print_Titles", i)).toContain(name === "Conciliación" ? "$10:$10" : "$5:$5");
    expect(xml).toContain("Página &amp;P de &amp;N</oddFooter>");
  });

  it.each(SHEET_LAYOUTS.map((s, k) => [s.name, k] as const))("%s: letter, orientation, fit to width, whole columns, header row repeated", (name, k) => {
    const sl = SHEET_LAYOUTS[k]!;
    const page = resolvePageSetup(sl.page);
    const i = parsed.sheets.findIndex((s) => s.name === name); // the reconciliation sheets come before Catálogos
    const { xml } = parsed.sheets[i]!;
    expect(attr(xml, "pageSetUpPr", "fitToPage")).toBe("1");
    expect(attr(xml, "pageSetup", "paperSize")).toBe("1");
    expect(attr(xml, "pageSetup", "orientation")).toBe(page.orientation);
    expect(attr(xml, "pageSetup", "fitToWidth")).toBe(String(page.pagesWide));
    expect(attr(xml, "pageSetup", "fitToHeight")).toBe("0");
    const cols = printColumns(sl);
    // Fixed content: a print area of its columns and rows; a sheet with a table or list prints its used range, which
    // must stay inside its columns (nothing to the right of them would print on an extra page).
    const area = printArea(sl);
    if (area) expect(definedName(parsed.workbook, "_xlnm.Print_Area", i)?.replace(/\$/g, "")).toBe(`'${name}'!${area}`);
    else expect(definedName(parsed.workbook, "_xlnm.Print_Area", i)).toBeNull();
    const dimension = attr(xml, "dimension", "ref")!;
    expect(dimension.replace(/\d+/g, "").split(":").pop()).toBe(columnLetters(cols));
    const list = TABLES.find((t) => t.sheet === name && name !== SHEETS.company) ?? BLOCKS.find((b) => b.sheet === name);
    const titles = definedName(parsed.workbook, "_xlnm.Print_Titles", i);
    if (list) {
      const headerRow = Number(/\d+/.exec("topLeft" in list ? list.topLeft : list.anchor)![0]) - ("topLeft" in list ? 0 : 1);
      expect(titles).toContain(`'${name}'!$${headerRow}:$${headerRow}`);
    }
    else expect(titles).toBe(page.titleRows ? `'${name}'!$${page.titleRows.replace(":", ":$")}` : null);
    expect(xml).toContain("Página &amp;P de &amp;N</oddFooter>");
  });

  it("the wide sheets print landscape; Programas on two page widths with the Programa column repeated", () => {
    const orientation = Object.fromEntries(SHEET_LAYOUTS.map((s) => [s.name, resolvePageSetup(s.page).orientation]));
    expect(orientation).toMatchObject({ [SHEETS.programs]: "landscape", [SHEETS.goods]: "landscape", [SHEETS.issues]: "landscape", [SHEETS.capture]: "landscape" });
    const i = SHEET_LAYOUTS.findIndex((s) => s.name === SHEETS.programs);
    expect(definedName(parsed.workbook, "_xlnm.Print_Titles", i)).toBe(`'${SHEETS.programs}'!$A:$A,'${SHEETS.programs}'!$5:$5`);
  });

  it("Problemas prints Código and Mensaje on one landscape page width at a readable scale (≥ 85 %)", () => {
    const i = SHEET_LAYOUTS.findIndex((s) => s.name === SHEETS.issues);
    const widths = colWidths(parsed.sheets[i]!.xml);
    const total = Array.from({ length: ISSUES_BLOCK.headers.length }, (_, j) => widths.get(j + 1)!).reduce((a, b) => a + b, 0);
    expect(total).toBe(ISSUES_BLOCK.widths.reduce((a, b) => a + b, 0));
    // Letter landscape minus the 0.4" margins: 10.2" = 734 pt; one width unit ≈ 5.25 pt at 100 %.
    expect(734 / (total * 5.25)).toBeGreaterThanOrEqual(0.85);
  });

  it("title and instructions stay inside the printed columns: merged, the instructions wrapped in a row sized for them", () => {
    SHEET_LAYOUTS.forEach((sl) => {
      if (sl.state !== "visible") return;
      const { xml } = parsed.sheets.find((s) => s.name === sl.name)!;
      expect(xml).toMatch(/<mergeCell ref="A1:[A-Z]+1"\/>/);
      if (sl.intro.length) {
        const merged = /<mergeCell ref="A2:([A-Z]+)2"\/>/.exec(xml);
        expect(merged).not.toBeNull();
        const widths = colWidths(xml);
        let span = 0;
        for (let c = 1; columnLetters(c) !== merged![1]; c++) span += widths.get(c) ?? 9;
        span += widths.get([...widths.keys()].find((c) => columnLetters(c) === merged![1])!) ?? 9;
        const lines = wrappedLines({ text: sl.intro.join(" "), width: span, fontSize: 9 });
        if (lines > 1) expect(rowHeight(xml, 2)).toBeGreaterThanOrEqual(lines * 9 * 1.3);
        else expect(rowHeight(xml, 2)).toBeNull();
      }
    });
  });

  it("table header rows are tall enough for their longest wrapped header (the ALTEX exporter-type one is not clipped)", () => {
    for (const t of TABLES) {
      const i = parsed.sheets.findIndex((s) => s.name === t.sheet);
      const row = Number(/\d+/.exec(t.topLeft)![0]);
      const needed = Math.max(...t.columns.map((c) => wrappedLines({ text: c.header, width: c.width, bold: true })));
      expect(rowHeight(parsed.sheets[i]!.xml, row)).toBeGreaterThanOrEqual(Math.min(needed * 11 * 1.3, 32));
      if (t.name === "tblProgramas") {
        const altex = t.columns.find((c) => c.header === "Tipo de exportador ALTEX")!;
        expect(wrappedLines({ text: altex.header, width: altex.width, bold: true })).toBe(3);
        expect(rowHeight(parsed.sheets[i]!.xml, row)).toBeGreaterThanOrEqual(3 * 11 * 1.3);
      }
    }
  });
});

describe("wrapped text gets explicit row heights (LibreOffice does not fit rows on open)", () => {
  it("estimates lines by words at the column's width", () => {
    expect(wrappedLines({ text: "corto", width: 20 })).toBe(1);
    expect(wrappedLines({ text: "palabra ".repeat(20).trim(), width: 20 })).toBeGreaterThanOrEqual(7);
    expect(wrappedLines({ text: "x".repeat(100), width: 20 })).toBeGreaterThanOrEqual(5); // a long word is split
    expect(wrappedLines({ text: "uno\ndos\ntres", width: 40 })).toBe(3);
    expect(wrappedRowHeight([{ text: "corto", width: 20 }])).toBeNull();
    expect(wrappedRowHeight([{ text: "palabra ".repeat(20), width: 20 }])).toBeGreaterThan(7 * 11);
  });

  it("raoce fill sizes the Problemas rows of long messages, and a row no longer needing it loses its height", async () => {
    const { workbook } = await openWorkbookBuffer(readFileSync(join(__dirname, "../../examples/errores-tipicos.xlsx")));
    const adapter = new ExcelJsAdapter(workbook);
    const snapshot = await adapter.read();
    const analysis = analyzeSnapshot(snapshot, "2025-05-15");
    if (!analysis.usable) throw new Error(analysis.reason);
    await adapter.apply(buildWritePlan(analysis, snapshot, "2025-05-15"));
    const ws = workbook.getWorksheet(SHEETS.issues)!;
    let sized = 0;
    for (let r = 6; r < 6 + analysis.issues.length; r++) {
      const message = String(ws.getCell(r, 3).value ?? "");
      const lines = wrappedLines({ text: message, width: ws.getColumn(3).width! });
      if (lines > 1) {
        expect(ws.getRow(r).height).toBeGreaterThanOrEqual(lines * 11 * 1.3);
        sized++;
      }
    }
    expect(sized).toBeGreaterThan(0);
    // Again with no issues at all: the old rows are emptied and their heights dropped.
    await adapter.apply({ ranges: [], blocks: [{ sheet: SHEETS.issues, anchor: ISSUES_BLOCK.anchor, width: 6, rows: [] }], unprotect: [SHEETS.issues] });
    for (let r = 6; r < 6 + analysis.issues.length; r++) expect(ws.getRow(r).height).toBeUndefined();
  });
});

describe("rendered with LibreOffice (page count), or the file facts where LibreOffice is absent", () => {
  const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();

  it("a filled example prints each sheet from its own title, one page wide (Programas: two), with codes and messages on the same page", async () => {
    const { workbook } = await openWorkbookBuffer(readFileSync(join(__dirname, "../../examples/errores-tipicos.xlsx")));
    const adapter = new ExcelJsAdapter(workbook);
    const snapshot = await adapter.read();
    const analysis = analyzeSnapshot(snapshot, "2025-05-15");
    if (!analysis.usable) throw new Error(analysis.reason);
    await adapter.apply(buildWritePlan(analysis, snapshot, "2025-05-15"));
    // The reconciliation sheets print on their own (their page setup is checked above): counted here, the core sheets.
    for (const s of RECONCILE_SHEET_LAYOUTS) workbook.removeWorksheet(workbook.getWorksheet(s.name)!.id);
    const filled = await workbookBuffer(workbook);
    // One page width per visible sheet (Programas: two); long lists (Captura VUCEM, Reglas) continue on pages of their own.
    const titlePages = SHEET_LAYOUTS.filter((s) => s.state === "visible").reduce((n, s) => n + resolvePageSetup(s.page).pagesWide, 0);
    expect(titlePages).toBe(SHEET_LAYOUTS.filter((s) => s.state === "visible").length + 1);

    if (!soffice) {
      // No LibreOffice here: the file must still say what makes those pages (fit to width, whole columns, titles).
      const { sheets, workbook: wbXml } = await sheetsOf(filled);
      sheets.forEach((s, i) => {
        expect(attr(s.xml, "pageSetup", "fitToHeight")).toBe("0");
        const area = printArea(SHEET_LAYOUTS[i]!);
        if (area) expect(definedName(wbXml, "_xlnm.Print_Area", i)?.replace(/\$/g, "")).toBe(`'${s.name}'!${area}`);
      });
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "raoce-print-"));
    try {
      writeFileSync(join(dir, "errores.xlsx"), filled);
      const r = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, join(dir, "errores.xlsx")], { encoding: "utf8", timeout: 200_000 });
      expect(r.status).toBe(0);
      const pdf = readFileSync(join(dir, "errores.pdf"), "latin1");
      const pages = (pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(titlePages); // 25 for the 7 first sheets before the page setup
      const text = spawnSync("pdftotext", ["-layout", join(dir, "errores.pdf"), "-"], { encoding: "utf8" });
      if (text.status === 0) {
        // Each page starts with a sheet's title (a sheet, or Programas' second width) or with a repeated header row:
        // nothing is cut off onto a page without its headers.
        const firsts = text.stdout.split("\f").slice(0, pages).map((p) => p.split("\n").find((l) => l.trim())!.trim());
        expect(firsts.filter((l) => l.startsWith("RAOCE —"))).toHaveLength(titlePages);
        for (const l of firsts.filter((x) => !x.startsWith("RAOCE —"))) expect(l).toMatch(/^(Paso|Regla|Clave)\b/);
        const problems = text.stdout.split("\f").find((p) => p.includes("Problemas encontrados"))!;
        expect(problems).toMatch(/RFC_DATE\s+La fecha del RFC/); // code and message side by side
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
