/** @jest-environment jsdom */
/**
 * The pane's «Después de presentar» panel (issue #13): the form, its validation and the messages, with fake
 * operations; and the operations themselves over a real workbook (ExcelJS adapter), counting reads and writes.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { LetterContent } from "../../src/domain/after-filing/letter";
import { LETTER_SHEET, afterFilingOperations, writeLetterSheet } from "../../src/taskpane/after-filing-operations";
import type { AfterFilingOutcome } from "../../src/taskpane/operations";
import { ES } from "../../src/taskpane/strings";
import { EN } from "../../src/taskpane/strings-en";
import { writeInputs } from "../../src/workbook/exceljs-adapter";
import { SNAPSHOT_REQUEST } from "../../src/workbook/layout";
import { createOfficeAdapter } from "../../src/workbook/office/office-adapter";
import { layoutWorkbook } from "../workbook/office/layout-workbook";
import type { WorkbookAdapter } from "../../src/workbook/port";
import { exampleDoc, reopen, workbookFor } from "../workbook/xlsx/helpers";
import { ISSUES, fakeOperations, renderApp } from "./helpers";

describe("panel", () => {
  it("is offered only when the operations support it", () => {
    renderApp(fakeOperations());
    expect(screen.queryByRole("button", { name: "Después de presentar" })).toBeNull();
  });

  it("validates the form, marks as filed, shows the block and refreshes the issues", async () => {
    const markFiled = jest.fn(async (): Promise<AfterFilingOutcome> => ({ ok: true, block: { number: 2, program: "IMMEX 83-2019", folio: "F-1" }, notes: [], notesEn: [], issues: ISSUES }));
    const ops = { ...fakeOperations(), markFiled, letter: jest.fn() };
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Después de presentar" }));
    const mark = await screen.findByRole("button", { name: "Marcar como presentado" }, { timeout: 10_000 });
    fireEvent.click(mark);
    expect(await screen.findByText("Escriba una fecha válida como DD/MM/AAAA (por ejemplo 28/05/2025) o AAAA-MM-DD (2025-05-28).")).toBeTruthy();
    expect(screen.getByText("Escriba el folio del acuse.")).toBeTruthy();
    expect(markFiled).not.toHaveBeenCalled();

    fireEvent.change(screen.getByRole("textbox", { name: /Fecha de presentación/ }), { target: { value: "31/02/2025" } });
    fireEvent.click(mark);
    expect(await screen.findByText(/^Escriba una fecha válida como DD\/MM\/AAAA/)).toBeTruthy(); // not a real day
    expect(markFiled).not.toHaveBeenCalled();
    // As the accountant types it: day first; sent as the ISO date it names.
    fireEvent.change(screen.getByRole("textbox", { name: /Fecha de presentación/ }), { target: { value: "28/05/2025" } });
    fireEvent.change(screen.getByRole("textbox", { name: /Folio del acuse/ }), { target: { value: "F-1" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Preparó" }), { target: { value: "Jorge" } });
    fireEvent.click(mark);
    expect(await screen.findByText("Presentación registrada: IMMEX 83-2019, folio F-1 (bloque 2 de la hoja Evidencia).")).toBeTruthy();
    expect(markFiled).toHaveBeenCalledWith({ filedOn: "2025-05-28", folio: "F-1", program: "", preparedBy: "Jorge", reviewedBy: "", replace: false });
    expect(await screen.findByText("RFC: el dígito verificador no coincide.")).toBeTruthy(); // issue list refreshed
  });

  it("shows the reason when nothing was done, and where the letter went (English catalog)", async () => {
    const letter = jest
      .fn()
      .mockResolvedValueOnce({ ok: false, reason: "ningún valor capturado cambió", reasonEn: "no captured value changed" })
      .mockResolvedValueOnce({ ok: true, delivered: { how: "sheet", sheet: "Carta RAOCE" }, notes: ["Nota."], notesEn: ["A note."] });
    const ops = { ...fakeOperations(), markFiled: jest.fn(), letter };
    renderApp(ops, EN);
    fireEvent.click(screen.getByRole("button", { name: "After filing" }));
    fireEvent.click(await screen.findByRole("button", { name: "Correction letter" }, { timeout: 10_000 }));
    expect(await screen.findByText("no captured value changed")).toBeTruthy();
    expect(screen.queryByText(/ningún valor/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Correction letter" }));
    expect(await screen.findByText(/the letter is on the "Carta RAOCE" sheet.* A note\.$/)).toBeTruthy();
    expect(screen.queryByText(/Nota\./)).toBeNull();
    fireEvent.change(screen.getByRole("textbox", { name: /Row of the Avisos table/ }), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Change notice" }));
    await waitFor(() => expect(letter).toHaveBeenCalledTimes(2)); // a bad row number is not sent
  });
});

describe("the panel over a real workbook: the engine's reasons and notes in the pane's language", () => {
  const doc = (): Record<string, unknown> => ({ ...exampleDoc("immex-industrial"), asOf: "2025-05-28" });
  async function panelOver(strings = EN) {
    const o = await workbookFor(doc());
    const ops = afterFilingOperations({ adapter: o.adapter, today: () => "2025-05-28", deliver: async () => ({ how: "sheet", sheet: LETTER_SHEET }) });
    renderApp({ ...fakeOperations(), markFiled: ops.markFiled, letter: ops.letter }, strings);
    return o;
  }
  const type = (name: RegExp | string, value: string) => fireEvent.change(screen.getByRole("textbox", { name }), { target: { value } });
  // (no \b after a final accented letter: JavaScript's \b sees "ú" as a non-word character)
  const spanish = /\bhay\b|ningún|indique|\bfila\b|\bfecha\b|Se reemplazaron|ya tiene|presentación/;
  const shown = () => document.querySelector('[aria-labelledby="after-filing-heading"] [role="status"]')?.textContent ?? "";

  it("English Office: refusals and notes are English, dates written out, no Spanish sentence", async () => {
    await panelOver();
    fireEvent.click(screen.getByRole("button", { name: "After filing" }));
    const correction = await screen.findByRole("button", { name: "Correction letter" }, { timeout: 10_000 });
    const mark = screen.getByRole("button", { name: "Mark as filed" });

    fireEvent.click(correction); // nothing filed yet
    expect(await screen.findByText("no filing is recorded on the Evidencia sheet: first mark the program as filed («Mark as filed»)")).toBeTruthy();
    expect(shown()).not.toMatch(spanish);
    expect("ningún valor capturado cambió desde la presentación del 28 de mayo de 2025").toMatch(spanish); // the guard itself bites

    type(/Filing date/, "28/05/2025");
    type(/Acknowledgement folio/, "F-1");
    type(/^Program/, "ALTEX");
    fireEvent.click(mark);
    expect(await screen.findByText("there is no program «ALTEX» on the Programas sheet (there are: IMMEX 83-2019)")).toBeTruthy();
    expect(shown()).not.toMatch(spanish);

    type(/^Program/, "");
    fireEvent.click(mark);
    expect(await screen.findByText("Filing recorded: IMMEX 83-2019, folio F-1 (block 1 of the Evidencia sheet).")).toBeTruthy();

    type(/^Program/, "IMMEX");
    fireEvent.click(correction); // filed, nothing changed since
    expect(await screen.findByText("IMMEX: no captured value changed since the filing of 28 May 2025: no correction letter is needed")).toBeTruthy();
    expect(shown()).not.toMatch(spanish);

    // Another folio on the same row: refused until confirmed; confirmed, the note says what was replaced.
    type(/^Program/, "");
    type(/Acknowledgement folio/, "F-2");
    fireEvent.click(mark);
    expect(await screen.findByText(/^the IMMEX row already has filing date 28 May 2025 and folio F-1, different from the ones given/)).toBeTruthy();
    expect(shown()).not.toMatch(spanish);
    fireEvent.click(screen.getByRole("checkbox", { name: /Replace the date and folio/ }));
    fireEvent.click(mark);
    expect(await screen.findByText("Filing recorded: IMMEX 83-2019, folio F-2 (block 2 of the Evidencia sheet). The date 28 May 2025 and the folio F-1 of the IMMEX row were replaced.")).toBeTruthy();
  });

  it("Spanish Office: the same refusal in Spanish, with the written date", async () => {
    await panelOver(ES);
    fireEvent.click(screen.getByRole("button", { name: "Después de presentar" }));
    const mark = await screen.findByRole("button", { name: "Marcar como presentado" }, { timeout: 10_000 });
    type(/Fecha de presentación/, "28/05/2025");
    type(/Folio del acuse/, "F-1");
    fireEvent.click(mark);
    expect(await screen.findByText("Presentación registrada: IMMEX 83-2019, folio F-1 (bloque 1 de la hoja Evidencia).")).toBeTruthy();
    type(/^Programa/, "IMMEX");
    fireEvent.click(screen.getByRole("button", { name: "Carta de corrección" }));
    expect(await screen.findByText("IMMEX: ningún valor capturado cambió desde la presentación del 28 de mayo de 2025: no hace falta carta de corrección")).toBeTruthy();
  });
});

describe("operations over a workbook: one read and one write per action", () => {
  function counted(inner: WorkbookAdapter) {
    const calls = { read: 0, apply: 0 };
    const adapter: WorkbookAdapter = {
      read: () => (calls.read++, inner.read()),
      apply: (p) => (calls.apply++, inner.apply(p)),
    };
    return { adapter, calls };
  }

  it("markFiled then letter (after a figure changes) deliver the evidence and the letter", async () => {
    const doc: Record<string, unknown> = { ...exampleDoc("immex-industrial"), asOf: "2025-05-28" };
    const o = await workbookFor(doc);
    const { adapter, calls } = counted(o.adapter);
    const delivered: LetterContent[] = [];
    const ops = afterFilingOperations({ adapter, today: () => "2025-05-28", deliver: async (l) => (delivered.push(l), { how: "download", file: `${l.slug}.docx` }) });
    const marked = await ops.markFiled({ filedOn: "2025-05-28", folio: "2505281234567" });
    expect(marked).toMatchObject({ ok: true, block: { number: 1, program: "IMMEX 83-2019", folio: "2505281234567" } });
    expect(calls).toEqual({ read: 1, apply: 1 });

    // Nothing changed yet: no letter, and nothing delivered.
    expect(await ops.letter("correction", {})).toMatchObject({ ok: false, reason: expect.stringContaining("ningún valor capturado cambió") });
    expect(delivered).toHaveLength(0);

    writeInputs(o.workbook, { ...doc, figures: { ...(doc.figures as object), totalExports: 12500 }, programs: [{ ...(doc.programs as object[])[0], filedOn: "2025-05-28", folio: "2505281234567" }] });
    const o2 = await reopen(o.workbook);
    const c2 = counted(o2.adapter);
    const ops2 = afterFilingOperations({ adapter: c2.adapter, today: () => "2025-05-29", deliver: async (l) => (delivered.push(l), { how: "download", file: `${l.slug}.docx` }) });
    expect(await ops2.letter("correction", {})).toEqual({ ok: true, delivered: { how: "download", file: "carta-correccion-IMMEX-83-2019.docx" }, notes: expect.any(Array), notesEn: expect.any(Array) });
    expect(c2.calls).toEqual({ read: 1, apply: 0 });
    expect(delivered[0]!.table!.rows).toEqual([["Total exportaciones (b)", "12,000", "12,500"]]);
  });
});

describe("operations over the Office.js adapter (typed fake of Excel)", () => {
  it("markFiled: 1 run to read and 1 to write; the Evidencia table is resized, then filled; sheets re-protected", async () => {
    const { fx } = layoutWorkbook({ goodsRows: 2 });
    const adapter = createOfficeAdapter(fx.run, SNAPSHOT_REQUEST, { isSetSupported: () => true });
    const ops = afterFilingOperations({ adapter, today: () => "2025-04-29", deliver: async () => ({ how: "sheet", sheet: "Carta RAOCE" }) });
    const runsBefore = fx.runCount;
    const o = await ops.markFiled({ filedOn: "2025-04-28", folio: "P-1" });
    expect(o).toMatchObject({ ok: true, block: { number: 1, program: "PROSEC 2019-8664", folio: "P-1" } });
    expect(fx.runCount - runsBefore).toBe(2);
    const t = fx.tables.get("tblevidencia")!;
    // PROSEC alone: 6 filing rows + RFC, program, number, year, a, b, c (the fake's goods rows are not valid goods)
    // + the block's own SHA-256.
    expect(t.rows).toBe(6 + 7 + 1);
    expect(fx.value("Evidencia", "I6")).toBe("Preparó");
    expect(fx.value("Evidencia", "F19")).toBe("P-1");
    expect(fx.value("Evidencia", "F20")).toBeNull();
    expect(fx.value("Programas", "H6")).toBe("P-1");
    for (const name of ["Evidencia", "Programas", "Problemas"]) expect(fx.sheetByName(name)!.protection.protected).toBe(true);
  });
});

describe("the printable letter sheet (hosts without downloads)", () => {
  /** A minimal recording stand-in for the Excel calls writeLetterSheet makes (one run; sheet lookup, add, write). */
  function recorder(existing: boolean) {
    const log: string[] = [];
    let syncs = 0;
    const range = (address: string) => {
      const r: Record<string, unknown> = { address, format: {} as Record<string, unknown>, clear: () => log.push(`clear ${address}`) };
      return new Proxy(r, { set: (t, k, v) => (log.push(`${address}.${String(k)}=${JSON.stringify(v).slice(0, 60)}`), (t[k as string] = v), true) });
    };
    const sheet = (name: string) => ({ name, isNullObject: !existing, getRange: (a?: string) => range(a ?? "(sheet)"), activate: () => log.push(`activate ${name}`) });
    const context = {
      workbook: { worksheets: { getItemOrNullObject: (n: string) => sheet(n), add: (n: string) => (log.push(`add ${n}`), { ...sheet(n), isNullObject: false }) } },
      sync: async () => void syncs++,
    };
    const run = (async (fn: (c: unknown) => Promise<unknown>) => fn(context)) as unknown as typeof Excel.run;
    return { run, log, syncs: () => syncs };
  }

  const letter = { slug: "x", to: ["atencion.immex@economia.gob.mx"], subject: "ERROR RAOCE / SAT970701NN3", senderNote: [], dateLine: "A 2 de junio de 2025", addressee: ["Secretaría de Economía"], paragraphs: ["=HYPERLINK(\"x\")"], table: { headers: ["Dato", "Dice", "Debe decir"], rows: [["Total exportaciones (b)", "12,000", "12,500"]] }, closingParagraphs: [], attachments: [], signature: ["Representante legal"] };

  it("creates the sheet when missing, writes text-formatted values in 2 syncs, and activates it", async () => {
    const r = recorder(false);
    expect(await writeLetterSheet(r.run)(letter)).toBe(LETTER_SHEET);
    expect(r.syncs()).toBe(2);
    expect(r.log[0]).toBe(`add ${LETTER_SHEET}`);
    const fmt = r.log.findIndex((l) => /\.numberFormat=/.test(l));
    const vals = r.log.findIndex((l) => /\.values=/.test(l));
    expect(fmt).toBeGreaterThan(0);
    expect(vals).toBeGreaterThan(fmt); // text format first: "=…" stays text
    expect(r.log).toContain(`activate ${LETTER_SHEET}`);
  });

  it("clears an existing sheet instead of adding one", async () => {
    const r = recorder(true);
    await writeLetterSheet(r.run)(letter);
    expect(r.log).not.toContain(`add ${LETTER_SHEET}`);
    expect(r.log[0]).toBe("clear (sheet)");
  });
});
