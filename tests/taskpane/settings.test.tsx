/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { changesBetween, draftOf, parseDraft, rateSourceText } from "../../src/taskpane/settings-form";
import { ES } from "../../src/taskpane/strings";
import { EN } from "../../src/taskpane/strings-en";
import { SETTINGS, fakeOperations, renderApp } from "./helpers";

async function openSettings() {
  fireEvent.click(screen.getByRole("button", { name: "Configuración" }));
  return screen.findByRole("textbox", { name: /Año de presentación/ });
}

describe("settings form (pure)", () => {
  test("valid draft → settings; blanks are null; rate accepts a decimal comma; days sorted and deduplicated", () => {
    const p = parseDraft({ filingYear: " 2025 ", asOf: "", exchangeRate: "18,3263", extraNonBusinessDays: "2025-04-18\n2025-04-17\n\n2025-04-17" }, ES);
    expect(p.errors).toEqual({});
    expect(p.value).toEqual({ filingYear: 2025, asOf: null, exchangeRate: 18.3263, extraNonBusinessDays: ["2025-04-17", "2025-04-18"] });
  });

  test.each([
    [{ filingYear: "25" }, "filingYear", ES.filingYearInvalid],
    [{ filingYear: "dos mil" }, "filingYear", ES.filingYearInvalid],
    [{ asOf: "2025-02-30" }, "asOf", ES.dateInvalid],
    [{ asOf: "31/02/2026" }, "asOf", ES.dateInvalid],
    [{ asOf: "05/30/2026" }, "asOf", ES.dateInvalid],
    [{ asOf: "30/05/26" }, "asOf", ES.dateInvalid],
    [{ exchangeRate: "0" }, "exchangeRate", ES.exchangeRateInvalid],
    [{ exchangeRate: "-18" }, "exchangeRate", ES.exchangeRateInvalid],
    [{ exchangeRate: "18.3 MXN" }, "exchangeRate", ES.exchangeRateInvalid],
    [{ extraNonBusinessDays: "2025-04-17\n2025-13-01" }, "extraNonBusinessDays", ES.extraDaysInvalid("2025-13-01")],
  ])("%o → error on %s", (patch, field, message) => {
    const p = parseDraft({ ...draftOf(SETTINGS), ...patch }, ES);
    expect(p.value).toBeNull();
    expect(p.errors).toEqual({ [field]: message });
  });

  test.each([
    ["30/05/2026", "2026-05-30"],
    ["1/6/2026", "2026-06-01"],
    ["2026-05-30", "2026-05-30"],
    ["30.05.2026", "2026-05-30"],
    [" 30-05-2026 ", "2026-05-30"],
  ])("as-of %j is read day first as %s (the CLI's forms)", (text, iso) => {
    const p = parseDraft({ ...draftOf(SETTINGS), asOf: text }, ES);
    expect(p.errors).toEqual({});
    expect(p.value?.asOf).toBe(iso);
  });

  test("extra days take DD/MM/AAAA and ISO mixed, one per line; the bad ones are named with both forms", () => {
    const ok = parseDraft({ ...draftOf(SETTINGS), extraNonBusinessDays: "2/4/2026\n2026-04-03\n02/04/2026" }, ES);
    expect(ok.value?.extraNonBusinessDays).toEqual(["2026-04-02", "2026-04-03"]);
    const bad = parseDraft({ ...draftOf(SETTINGS), extraNonBusinessDays: "30/05/2026\n31/02/2026\n05/30/2026\n30/05/26" }, ES);
    expect(bad.value).toBeNull();
    expect(bad.errors).toEqual({ extraNonBusinessDays: ES.extraDaysInvalid("31/02/2026, 05/30/2026, 30/05/26") });
  });

  test("the error messages name both accepted forms, in Spanish and in English", () => {
    for (const m of [ES.dateInvalid, ES.extraDaysInvalid("x")]) expect(m).toMatch(/DD\/MM\/AAAA[\s\S]*AAAA-MM-DD/);
    for (const m of [EN.dateInvalid, EN.extraDaysInvalid("x")]) expect(m).toMatch(/DD\/MM\/YYYY[\s\S]*YYYY-MM-DD/);
  });

  test("dates loaded from the workbook show as DD/MM/AAAA and read back unchanged (no spurious change)", () => {
    const stored = { ...SETTINGS, asOf: "2026-06-01", extraNonBusinessDays: ["2026-04-02", "2026-04-03"] };
    const d = draftOf(stored);
    expect(d.asOf).toBe("01/06/2026");
    expect(d.extraNonBusinessDays).toBe("02/04/2026\n03/04/2026");
    const back = parseDraft(d, ES).value!;
    expect(changesBetween(stored, back)).toEqual({});
  });

  test("only changed fields are written back", () => {
    expect(changesBetween(SETTINGS, SETTINGS)).toEqual({});
    expect(changesBetween(SETTINGS, { ...SETTINGS, exchangeRate: 19.1, extraNonBusinessDays: ["2025-04-17"] })).toEqual({ exchangeRate: 19.1, extraNonBusinessDays: ["2025-04-17"] });
  });

  test("rate source: the product table for the fiscal year (2025: 19.1996 with its source), or the user's rate", () => {
    expect(rateSourceText(2025, null, ES)).toBe("Fuente: Promedio FIX Banxico 2024 (tabla del producto) — 18.3263");
    expect(rateSourceText(2026, null, ES)).toBe("Fuente: Promedio de los 251 tipos de cambio FIX diarios de 2025, Banxico serie SF43718 — 19.1996");
    expect(rateSourceText(2025, 18.5, ES)).toBe("Fuente: Capturado por el usuario");
    expect(rateSourceText(2040, null, ES)).toBe(ES.exchangeRateNoSource);
    expect(rateSourceText(2025, null, EN)).toBe("Source: Banxico FIX average 2024 (product table) — 18.3263");
  });
});

describe("settings panel", () => {
  test("opens with the workbook's values, labelled inputs and the rate's source", async () => {
    const ops = fakeOperations();
    renderApp(ops);
    const year = await openSettings();
    expect(ops.readSettings).toHaveBeenCalledTimes(1);
    expect((year as HTMLInputElement).value).toBe("2025");
    expect((screen.getByRole("textbox", { name: /Fecha de corte/ }) as HTMLInputElement).value).toBe("15/05/2025");
    expect(screen.getByRole("textbox", { name: /Tipo de cambio/ })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /Días inhábiles adicionales/ })).toBeTruthy();
    expect(screen.getByTestId("rate-source").textContent).toBe("Fuente: Promedio FIX Banxico 2024 (tabla del producto) — 18.3263");
    expect(screen.getByRole("button", { name: "Configuración" }).getAttribute("aria-pressed")).toBe("true");
  });

  test("invalid values show their messages; Validar is blocked until they are fixed", async () => {
    const ops = fakeOperations();
    renderApp(ops);
    const year = await openSettings();
    fireEvent.change(year, { target: { value: "25" } });
    fireEvent.change(screen.getByRole("textbox", { name: /Fecha de corte/ }), { target: { value: "05/31/2025" } });
    expect(screen.getByText(ES.filingYearInvalid)).toBeTruthy();
    expect(screen.getByText(ES.dateInvalid)).toBeTruthy();
    expect(year.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("button", { name: ES.saveSettings }).getAttribute("aria-disabled")).toBe("true");

    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    expect(await screen.findByText(ES.settingsFixFirst)).toBeTruthy();
    expect(ops.validate).not.toHaveBeenCalled();
  });

  test("the user's exchange rate changes the source shown and is saved with only the changed field", async () => {
    const ops = fakeOperations();
    renderApp(ops);
    await openSettings();
    fireEvent.change(screen.getByRole("textbox", { name: /Tipo de cambio/ }), { target: { value: "18.5" } });
    expect(screen.getByTestId("rate-source").textContent).toBe("Fuente: Capturado por el usuario");
    expect(screen.getByText(ES.settingsUnsaved)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: ES.saveSettings }));
    await waitFor(() => expect(ops.writeSettings).toHaveBeenCalledWith({ exchangeRate: 18.5 }));
    expect(await screen.findByText(ES.settingsSaved)).toBeTruthy();
  });

  test("an as-of date typed DD/MM/AAAA is saved as the date it names", async () => {
    const ops = fakeOperations();
    renderApp(ops);
    await openSettings();
    fireEvent.change(screen.getByRole("textbox", { name: /Fecha de corte/ }), { target: { value: "30/05/2026" } });
    expect(screen.queryByText(ES.dateInvalid)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: ES.saveSettings }));
    await waitFor(() => expect(ops.writeSettings).toHaveBeenCalledWith({ asOf: "2026-05-30" }));
    expect((screen.getByRole("textbox", { name: /Fecha de corte/ }) as HTMLInputElement).value).toBe("30/05/2026");
  });

  test("unsaved valid changes are written first when the user validates", async () => {
    const ops = fakeOperations();
    renderApp(ops);
    await openSettings();
    fireEvent.change(screen.getByRole("textbox", { name: /Días inhábiles adicionales/ }), { target: { value: "2025-04-17\n2025-04-18" } });
    fireEvent.click(screen.getByRole("button", { name: "Validar" }));
    await waitFor(() => expect(ops.validate).toHaveBeenCalledWith({ extraNonBusinessDays: ["2025-04-17", "2025-04-18"] }, expect.any(Function)));
  });

  test("a failure to read the settings is explained and can be retried", async () => {
    const ops = fakeOperations({ readSettings: jest.fn().mockRejectedValueOnce(Object.assign(new Error("x"), { code: "ItemNotFound" })).mockResolvedValue(SETTINGS) });
    renderApp(ops);
    fireEvent.click(screen.getByRole("button", { name: "Configuración" }));
    expect((await screen.findByRole("alert")).textContent).toContain(ES.errors.notFound);
    fireEvent.click(await screen.findByRole("button", { name: ES.reloadSettings }));
    expect(await screen.findByRole("textbox", { name: /Año de presentación/ })).toBeTruthy();
  });

  test("en-US labels and messages", async () => {
    const ops = fakeOperations();
    renderApp(ops, EN);
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    const year = await screen.findByRole("textbox", { name: /Filing year/ });
    fireEvent.change(year, { target: { value: "abc" } });
    expect(screen.getByText(EN.filingYearInvalid)).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /As-of|as of/i }), { target: { value: "30/05/26" } });
    expect(screen.getByText(EN.dateInvalid)).toBeTruthy();
    expect(screen.getByTestId("rate-source").textContent).toMatch(/^Source: /);
  });
});
