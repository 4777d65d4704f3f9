/** Shared by the task pane's jsdom tests: a fake PaneOperations over real engine results, and a render helper. */
import { render } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate, type ReportResult } from "../../src/domain/evaluate";
import { App, Shell } from "../../src/taskpane/App";
import type { LocatedIssue, PaneOperations, PaneSettings, WriteOutcome } from "../../src/taskpane/operations";
import { summarize } from "../../src/taskpane/operations";
import { ES, type Strings } from "../../src/taskpane/strings";

export function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, "../../examples/json", name), "utf8")) as Record<string, unknown>;
}

export function resultOf(doc: Record<string, unknown>, today = "2025-05-15"): ReportResult {
  return evaluate(doc, today);
}

export const SETTINGS: PaneSettings = { filingYear: 2025, asOf: "2025-05-15", exchangeRate: null, extraNonBusinessDays: [] };

export const ISSUES: LocatedIssue[] = [
  { severity: "error", code: "RFC_CHECK_DIGIT", message: "RFC: el dígito verificador no coincide.", messageEn: "RFC: the check digit does not match.", path: "company.rfc", location: "Empresa!B6" },
  { severity: "warning", code: "NEAR_THRESHOLD", message: "IMMEX: cifra cerca del umbral.", messageEn: "IMMEX: figure near the threshold.", path: "figures.totalExports", location: "Cifras!B7" },
  { severity: "warning", code: "GOODS_NOT_CAPTURED", message: "La relación de bienes solo se captura para PROSEC.", messageEn: "Produced goods only for PROSEC.", path: "goods", location: null },
  { severity: "info", code: "DUE_SOON", message: "IMMEX: vence pronto.", messageEn: "IMMEX: due soon.", path: "programs[0].filedOn", location: "'Programas'!F6" },
];

export type FakeOperations = { [K in keyof PaneOperations]: jest.MockedFunction<PaneOperations[K]> };

/** Every operation is a jest mock; `overrides` replace the default behaviour of some. */
export function fakeOperations(overrides: Partial<PaneOperations> = {}, result = resultOf(example("immex-industrial.json"))): FakeOperations {
  const defaults: PaneOperations = {
    insertTemplate: async () => ({ status: "inserted", sheets: ["Empresa", "Programas", "Cifras"] }),
    validate: async () => ({ issues: ISSUES, summary: summarize(ISSUES), settings: SETTINGS }),
    calculateAndWrite: async (): Promise<WriteOutcome> => ({ issues: [], summary: summarize([]), settings: SETTINGS, result, cellsWritten: 42 }),
    selectCell: async () => undefined,
    readSettings: async () => SETTINGS,
    writeSettings: async (c) => ({ ...SETTINGS, ...c }),
    addRows: async (table, rows) => ({ table, sheet: table === "tblBienes" ? "Bienes" : "Programas", added: rows, rows: rows + 30 }),
  };
  const impl = { ...defaults, ...overrides };
  return {
    insertTemplate: jest.fn(impl.insertTemplate),
    validate: jest.fn(impl.validate),
    calculateAndWrite: jest.fn(impl.calculateAndWrite),
    selectCell: jest.fn(impl.selectCell),
    readSettings: jest.fn(impl.readSettings),
    writeSettings: jest.fn(impl.writeSettings),
    addRows: jest.fn(impl.addRows),
  };
}

export function renderApp(operations: PaneOperations, strings: Strings = ES) {
  return render(
    <Shell strings={strings}>
      <App operations={operations} strings={strings} />
    </Shell>,
  );
}

/** An error shaped like Office.js's OfficeExtension.Error. */
export function officeError(code: string, message = "") {
  return Object.assign(new Error(message || code), { name: "RichApi.Error", code });
}
