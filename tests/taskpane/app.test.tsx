/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ES } from "../../src/taskpane/strings";
import { EN } from "../../src/taskpane/strings-en";
import { ISSUES, fakeOperations, officeError, renderApp } from "./helpers";

describe("task pane: toolbar → validate → issues", () => {
  test("Validar lists the issues grouped by severity with counts; clicking one selects its cell", async () => {
    const ops = fakeOperations();
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    await screen.findByText("RFC: el dígito verificador no coincide.");
    expect(ops.validate).toHaveBeenCalledTimes(1);
    expect(ops.validate.mock.calls[0]![0]).toBeUndefined(); // no settings changed in the pane: nothing written first

    const errors = screen.getByRole("list", { name: /Errores/ });
    const warnings = screen.getByRole("list", { name: /Advertencias/ });
    const infos = screen.getByRole("list", { name: /Avisos/ });
    expect(within(errors).getAllByRole("listitem")).toHaveLength(1);
    expect(within(warnings).getAllByRole("listitem")).toHaveLength(2);
    expect(within(infos).getAllByRole("listitem")).toHaveLength(1);
    expect(screen.getByLabelText("2 problemas")).toBeTruthy(); // the warnings counter
    expect(screen.getByText("1 error, 2 advertencias, 1 aviso")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: /RFC: el dígito verificador.*Ir a Empresa!B6/ }));
    expect(ops.selectCell).toHaveBeenCalledWith("Empresa!B6");
    fireEvent.click(screen.getByRole("button", { name: /vence pronto.*Ir a 'Programas'!F6/ }));
    expect(ops.selectCell).toHaveBeenLastCalledWith("'Programas'!F6");

    // An issue without a cell is listed but is not a button.
    expect(screen.getByText("La relación de bienes solo se captura para PROSEC.").closest("button")).toBeNull();
    expect(within(warnings).getAllByRole("button")).toHaveLength(1);
  });

  test("issue buttons are reachable with the keyboard (native buttons, in document order)", async () => {
    const ops = fakeOperations();
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    const button = await screen.findByRole("button", { name: /Ir a Empresa!B6/ });
    expect(button.tagName).toBe("BUTTON");
    expect(button.getAttribute("tabindex")).not.toBe("-1");
    button.focus();
    expect(document.activeElement).toBe(button);
  });

  test("no issues → a clear 'ready' message", async () => {
    const ops = fakeOperations({ validate: jest.fn(async () => ({ issues: [], summary: { errors: 0, warnings: 0, infos: 0 }, settings: { filingYear: 2025, asOf: null, exchangeRate: null, extraNonBusinessDays: [] } })) });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    expect(await screen.findByText(ES.noIssues)).toBeTruthy();
  });

  test("while an action runs the pane shows progress and the buttons stay focusable but inert", async () => {
    let finish!: () => void;
    const ops = fakeOperations({
      validate: jest.fn(
        () =>
          new Promise((resolve) => {
            finish = () => resolve({ issues: ISSUES, summary: { errors: 1, warnings: 2, infos: 1 }, settings: { filingYear: 2025, asOf: null, exchangeRate: null, extraNonBusinessDays: [] } });
          }),
      ),
    });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    expect(await screen.findByRole("progressbar", { name: ES.busyReading })).toBeTruthy();
    expect(screen.getAllByText(ES.busyReading).length).toBeGreaterThan(0);
    const calc = screen.getByRole("button", { name: "Calcular y escribir" });
    expect(calc.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(calc);
    expect(ops.calculateAndWrite).not.toHaveBeenCalled();
    await act(async () => finish());
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    expect(calc.getAttribute("aria-disabled")).not.toBe("true");
  });

  test("progress follows the stages the operation reports", async () => {
    let stage!: (s: "reading" | "validating" | "writing") => void;
    let finish!: () => void;
    const base = fakeOperations();
    const ops = fakeOperations({
      calculateAndWrite: async (change, onStage) => {
        stage = onStage!;
        await new Promise<void>((r) => (finish = r));
        return base.calculateAndWrite(change, onStage);
      },
    });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Calcular y escribir" }));
    await waitFor(() => expect(stage).toBeDefined());
    act(() => stage("writing"));
    expect(screen.getAllByText(ES.busyWriting).length).toBeGreaterThan(0);
    await act(async () => finish());
    expect(await screen.findByText("Resultados escritos en el libro: vea las hojas Programas, Cifras, Problemas y Captura VUCEM.")).toBeTruthy();
  });
});

describe("task pane: insert template", () => {
  test("inserted → success message with the number of sheets", async () => {
    const ops = fakeOperations();
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Insertar plantilla" }));
    expect(await screen.findByText("Plantilla insertada: 3 hojas agregadas.")).toBeTruthy();
  });

  test("with the settings open, the new template's (empty) settings are read again", async () => {
    const empty = { filingYear: null, asOf: null, exchangeRate: null, extraNonBusinessDays: [] };
    const ops = fakeOperations({ readSettings: jest.fn().mockRejectedValueOnce(officeError("TemplateMissing")).mockResolvedValue(empty) });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Configuración" }));
    expect((await screen.findByRole("alert")).textContent).toContain(ES.errors.templateMissing);
    fireEvent.click(screen.getByRole("button", { name: "Insertar plantilla" }));
    const year = await screen.findByRole("textbox", { name: /Año de presentación/ });
    expect((year as HTMLInputElement).value).toBe("");
    expect(ops.readSettings).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("clash → explains which sheets block it", async () => {
    const ops = fakeOperations({ insertTemplate: jest.fn(async () => ({ status: "clash" as const, sheets: ["Empresa", "Cifras"] })) });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Insertar plantilla" }));
    expect(await screen.findByText(ES.templateClashTitle)).toBeTruthy();
    expect(screen.getByText(/Empresa, Cifras/)).toBeTruthy();
  });

  test("already there → says so", async () => {
    const ops = fakeOperations({ insertTemplate: jest.fn(async () => ({ status: "present" as const })) });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Insertar plantilla" }));
    expect(await screen.findByText(ES.templateAlreadyThere)).toBeTruthy();
  });
});

describe("task pane: Excel errors are readable", () => {
  test.each([
    ["InvalidOperationInEditMode", ES.errors.editMode],
    ["AccessDenied", ES.errors.protectedSheet],
    ["ItemNotFound", ES.errors.notFound],
    ["RequestPayloadSizeLimitExceeded", ES.errors.tooLarge],
    ["ActivityLimitReached", ES.errors.busy],
    ["ApiNotFound", ES.errors.unsupported],
    ["TemplateMissing", ES.errors.templateMissing],
  ])("%s → a Spanish sentence and the technical detail", async (code, message) => {
    const ops = fakeOperations({ calculateAndWrite: jest.fn(async () => Promise.reject(officeError(code, "raw text"))) });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Calcular y escribir" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(ES.errorTitle)).toBeTruthy();
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain(`Detalle técnico: ${code} — raw text`);
    // The toolbar is still there: never a blank pane.
    expect(screen.getByRole("button", { name: "Validar" })).toBeTruthy();
    fireEvent.click(within(alert).getByRole("button", { name: ES.dismiss }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });

  test("a protection error reported as GeneralException is still recognised by its text", async () => {
    const ops = fakeOperations({ validate: jest.fn(async () => Promise.reject(officeError("GeneralException", "The cell you're trying to change is on a protected sheet."))) });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    expect((await screen.findByRole("alert")).textContent).toContain(ES.errors.protectedSheet);
  });

  test("an unknown failure still explains itself", async () => {
    const ops = fakeOperations({ insertTemplate: jest.fn(async () => Promise.reject("boom")) });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Insertar plantilla" }));
    expect((await screen.findByRole("alert")).textContent).toContain(ES.errors.generic);
  });

  test("selecting a cell that no longer exists shows the error", async () => {
    const ops = fakeOperations({ selectCell: jest.fn(async () => Promise.reject(officeError("ItemNotFound"))) });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    fireEvent.click(await screen.findByRole("button", { name: /Ir a Empresa!B6/ }));
    expect((await screen.findByRole("alert")).textContent).toContain(ES.errors.notFound);
  });

  test("English Office → English messages", async () => {
    const ops = fakeOperations({ validate: jest.fn(async () => Promise.reject(officeError("InvalidOperationInEditMode"))) });
    renderApp(ops, EN);
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    expect((await screen.findByRole("alert")).textContent).toContain(EN.errors.editMode);
  });
});
