/** @jest-environment jsdom */
/**
 * The pane's portfolio actions (issue #11): the operations over a real workbook snapshot with Excel faked, and the
 * PortfolioPanel component with fake operations.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { join } from "node:path";
import { TextEncoder as NodeTextEncoder } from "node:util";
import ICAL from "ical.js";
import { PortfolioPanel } from "../../src/taskpane/components/PortfolioPanel";
import { makePortfolioOperations, type PortfolioDeps, type PortfolioOperations } from "../../src/taskpane/portfolio-operations";
import { Shell } from "../../src/taskpane/App";
import { ES } from "../../src/taskpane/strings";
import { EN } from "../../src/taskpane/strings-en";
import { newYearWorkbook } from "../../src/workbook/new-year-workbook";
import { buildCarteraWorkbook } from "../../src/workbook/cartera-sheet";
import { remindersIcs } from "../../src/workbook/reminders-ics";
import { openWorkbookBuffer, openWorkbookFile } from "../../src/workbook/xlsx-file";
import { readInput } from "../../src/workbook/read-input";

// jsdom lacks TextEncoder (every browser Office runs the pane in has it); ical-generator uses it to fold lines.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= NodeTextEncoder;

const EX = (n: string) => join(__dirname, "..", "..", "examples", `${n}.xlsx`);

async function deps(file: string, overrides: Partial<PortfolioDeps> = {}): Promise<PortfolioDeps & { created: string[]; inserted: string[] }> {
  const snapshot = await (await openWorkbookFile(EX(file))).adapter.read();
  const created: string[] = [];
  const inserted: string[] = [];
  return {
    created,
    inserted,
    read: async () => snapshot,
    today: () => "2025-04-10",
    fileName: () => `${file}.xlsx`,
    isSetSupported: () => true,
    async newYearBase64(input) {
      const r = newYearWorkbook(input);
      return { base64: Buffer.from(await r.workbook.xlsx.writeBuffer()).toString("base64"), filingYear: r.filingYear, notes: r.notes };
    },
    createWorkbook: async (b64) => void created.push(b64),
    carteraBase64: async () => Buffer.from(await buildCarteraWorkbook(10).xlsx.writeBuffer()).toString("base64"),
    hasSheet: async () => false,
    insertSheets: async (b64) => void inserted.push(b64),
    icsText: async (reminders, alarm) => remindersIcs(reminders, { alarmDays: alarm, stamp: new Date(0) }),
    ...overrides,
  };
}

describe("portfolio operations over the open workbook", () => {
  it("Nuevo ejercicio opens a new workbook for filing year + 1 with company, program and goods, figures empty", async () => {
    const d = await deps("prosec-cafe");
    const r = await makePortfolioOperations(d).newYear();
    expect(r).toMatchObject({ status: "opened", filingYear: 2026 });
    const { adapter } = await openWorkbookBuffer(Buffer.from(d.created[0]!, "base64"));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a document read back from cells, checked field by field
    const input = readInput(await adapter.read()).input as Record<string, any>;
    expect(input.filingYear).toBe(2026);
    expect(input.company.rfc).toBe("CFE370814QI0");
    expect(input.programs).toEqual([expect.objectContaining({ type: "PROSEC", number: "2019-8664" })]);
    expect(input.programs[0].filedOn).toBeUndefined();
    expect(input.goods.map((g: { description: string }) => g.description)).toEqual(["Café sin tostar, sin descafeinar, variedad robusta", "Café soluble"]);
    expect(input.goods[0].totalVolume).toBeUndefined();
    expect(input.figures?.totalSales).toBeUndefined();
  });

  it("without ExcelApi 1.8 it offers the file to download instead", async () => {
    const d = await deps("prosec-cafe", { isSetSupported: (_s, v) => v !== "1.8" });
    const r = await makePortfolioOperations(d).newYear();
    expect(r).toMatchObject({ status: "download", fileName: "prosec-cafe-2026.xlsx" });
    expect(d.created).toEqual([]);
  });

  it("Insertar cartera never inserts over an existing Cartera sheet", async () => {
    const d = await deps("prosec-cafe", { hasSheet: async (n) => n === "Cartera" });
    expect(await makePortfolioOperations(d).insertCartera()).toEqual({ status: "clash" });
    expect(d.inserted).toEqual([]);
    const ok = await deps("prosec-cafe");
    expect(await makePortfolioOperations(ok).insertCartera()).toEqual({ status: "inserted" });
    expect(ok.inserted).toHaveLength(1);
  });

  it("the calendar of the open workbook reads back with the R8 dates of PROSEC alone", async () => {
    const r = await makePortfolioOperations(await deps("prosec-cafe")).calendar(2);
    const events = new ICAL.Component(ICAL.parse(r.ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(Object.fromEntries(events.map((e) => [e.summary, e.startDate.toString()]))).toMatchObject({
      "CFE370814QI0 · PROSEC vence hoy": "2025-04-30",
      "CFE370814QI0 · PROSEC último día para presentar extemporáneo": "2025-06-30",
    });
    expect(r.fileName).toBe("prosec-cafe-raoce.ics");
    expect(r.events).toBe(events.length);
  });
});

function fake(over: Partial<PortfolioOperations> = {}): PortfolioOperations {
  return {
    newYear: jest.fn(async () => ({ status: "opened" as const, filingYear: 2026, notes: [] })),
    insertCartera: jest.fn(async () => ({ status: "inserted" as const })),
    calendar: jest.fn(async () => ({ ics: "BEGIN:VCALENDAR\r\nEND:VCALENDAR", events: 6, fileName: "libro-raoce.ics" })),
    ...over,
  };
}

describe("PortfolioPanel", () => {
  it("runs each action and says what happened; the calendar can be downloaded or copied", async () => {
    const ops = fake();
    render(<Shell strings={ES}><PortfolioPanel strings={ES} operations={ops} disabled={false} objectUrl={() => "blob:x"} /></Shell>);
    fireEvent.click(screen.getByRole("button", { name: "Nuevo ejercicio" }));
    expect(await screen.findByText(/Se abrió un libro nuevo para el RAOCE 2026/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Insertar cartera" }));
    expect(await screen.findByText(/Se agregó la hoja Cartera/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Recordatorios (.ics)" }));
    const link = await screen.findByRole("link", { name: "Descargar libro-raoce.ics" });
    expect(link.getAttribute("download")).toBe("libro-raoce.ics");
    expect(ops.calendar).toHaveBeenCalledWith(3);
    expect((screen.getByRole("textbox", { name: /Texto del calendario/ }) as HTMLTextAreaElement).value).toContain("BEGIN:VCALENDAR");
  });

  it("a clash and a failure are told, in English too", async () => {
    const ops = fake({ insertCartera: jest.fn(async () => ({ status: "clash" as const })), newYear: jest.fn(async () => { throw Object.assign(new Error("x"), { code: "TemplateMissing" }); }) });
    render(<Shell strings={EN}><PortfolioPanel strings={EN} operations={ops} disabled={false} /></Shell>);
    fireEvent.click(screen.getByRole("button", { name: "Insert portfolio sheet" }));
    expect(await screen.findByText(/already has a sheet named Cartera/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "New filing year" }));
    await waitFor(() => expect(screen.getByText(EN.errors.templateMissing, { exact: false })).toBeTruthy());
  });
});

describe("the pane's calendar has the same kinds of events as raoce calendario", () => {
  it("change notices of the Avisos sheet and the correction letter of the filing (issue #13 × #11)", async () => {
    const r = await makePortfolioOperations(await deps("immex-presentado-correccion")).calendar(2);
    const events = new ICAL.Component(ICAL.parse(r.ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const titles = events.map((e) => `${e.summary} @ ${e.startDate.toString()}`);
    // The example's Avisos: a change of 1-Apr-2025 due 15-Apr-2025 (10 business days, R34), one sent, one pending due
    // 3-Jun-2025; its filing of 28-May-2025 gives the correction letter until 4-Jun-2025 (5 business days, R33).
    expect(titles).toEqual(expect.arrayContaining([
      "SAT970701NN3 · aviso de cambio a la SE vence hoy @ 2025-04-15",
      "SAT970701NN3 · aviso de cambio a la SE vence hoy @ 2025-06-03",
      "SAT970701NN3 · IMMEX último día para carta de corrección @ 2025-06-04",
    ]));
    expect(titles.filter((t) => /aviso de cambio/.test(t))).toHaveLength(3);
    expect(r.events).toBe(events.length);
  });
});
