/** @jest-environment jsdom */
import { act, render, screen } from "@testing-library/react";
import type { Root } from "react-dom/client";
import { boot, type BootOptions, type OfficeLike } from "../../src/taskpane/boot";
import { fakeOperations } from "./helpers";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { OutsideOfficeState, Shell } from "../../src/taskpane/App";
import { ES, langFor, loadStrings } from "../../src/taskpane/strings";
import { EN } from "../../src/taskpane/strings-en";
import { isDarkOfficeTheme, loadTheme } from "../../src/taskpane/theme";
import { describeError } from "../../src/taskpane/errors";

describe("strings", () => {
  test.each([
    ["es-MX", "es"],
    ["es-ES", "es"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["EN-us", "en"],
    ["fr-FR", "es"],
    ["", "es"],
    [undefined, "es"],
  ])("display language %p → %s", async (lang, expected) => {
    expect(langFor(lang)).toBe(expected);
    expect((await loadStrings(lang)).lang).toBe(expected);
  });

  test("both catalogs have the same keys and no empty string", () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" && !Array.isArray(v) ? keys(v).map((x) => `${k}.${x}`) : [k]));
    expect(keys(EN).sort()).toEqual(keys(ES).sort());
    const strings = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : v && typeof v === "object" ? strings(v) : []));
    for (const s of [...strings(ES), ...strings(EN)]) expect(s.trim()).not.toBe("");
  });
});

describe("theme", () => {
  test("follows Office's body background", async () => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#FFFFFF" })).toBe(false);
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(await loadTheme({ bodyBackgroundColor: "#1f1f1f" })).toBe(webDarkTheme);
    expect(await loadTheme(null)).toBe(webLightTheme);
  });
});

describe("outside Office", () => {
  test("a clear explanation and how to sideload, in Spanish", async () => {
    render(
      <Shell strings={ES}>
        <OutsideOfficeState strings={ES} />
      </Shell>,
    );
    expect(await screen.findByText(ES.outsideTitle)).toBeTruthy();
    expect(screen.getByText(ES.outsideBody)).toBeTruthy();
    expect(screen.getByRole("heading", { name: ES.outsideHowTitle })).toBeTruthy();
    expect(screen.getAllByRole("listitem")).toHaveLength(ES.outsideSteps.length);
    expect(screen.getAllByText(/manifest\.xml/).length).toBeGreaterThanOrEqual(3);
  });

  test("in English", async () => {
    render(
      <Shell strings={EN}>
        <OutsideOfficeState strings={EN} />
      </Shell>,
    );
    expect(await screen.findByText(EN.outsideTitle)).toBeTruthy();
  });
});

describe("errors", () => {
  test("Office error codes → readable sentences", () => {
    expect(describeError({ code: "InvalidOperationInEditMode", message: "" }, ES).message).toBe(ES.errors.editMode);
    expect(describeError(Object.assign(new Error("Sheet is protected"), { code: "GeneralException" }), ES).message).toBe(ES.errors.protectedSheet);
    expect(describeError(new Error("kaput"), ES)).toEqual({ message: ES.errors.generic, detail: "Detalle técnico: Error — kaput" });
    expect(describeError(undefined, ES)).toEqual({ message: ES.errors.generic, detail: null });
  });

  test("a render error inside the pane becomes a message, not a blank page", () => {
    const Boom = () => {
      throw Object.assign(new Error("x"), { code: "AccessDenied" });
    };
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <Shell strings={ES}>
        <Boom />
      </Shell>,
    );
    expect(screen.getByRole("alert").textContent).toContain(ES.errors.protectedSheet);
    expect(screen.getByRole("heading", { name: ES.appTitle })).toBeTruthy();
    warn.mockRestore();
    error.mockRestore();
  });
});

describe("entry point (boot)", () => {
  let root: Root | null = null;
  afterEach(() => {
    act(() => root?.unmount());
    root = null;
    document.body.innerHTML = "";
  });

  async function start(office: OfficeLike | undefined, extra: Partial<BootOptions> = {}) {
    const container = document.body.appendChild(document.createElement("div"));
    await act(async () => {
      root = boot(container, { office, operations: () => fakeOperations(), browserLanguage: "es-MX", ...extra });
    });
  }

  const excel = (displayLanguage: string, officeTheme?: { bodyBackgroundColor: string }): OfficeLike => ({
    onReady: () => Promise.resolve({ host: "Excel" }),
    HostType: { Excel: "Excel" },
    context: { displayLanguage, officeTheme },
  });

  test("office.js missing → the outside-Office state", async () => {
    await start(undefined);
    expect(await screen.findByText(ES.outsideTitle)).toBeTruthy();
  });

  test("onReady with host null (a plain browser) → the outside-Office state, in the browser's language", async () => {
    await start({ onReady: () => Promise.resolve({ host: null }), HostType: { Excel: "Excel" } }, { browserLanguage: "en-US" });
    expect(await screen.findByText(EN.outsideTitle)).toBeTruthy();
  });

  test("onReady that never answers → the outside-Office state after the timeout, not an endless spinner", async () => {
    await start({ onReady: () => new Promise(() => undefined), HostType: { Excel: "Excel" } }, { timeoutMs: 50 });
    expect(screen.getByText(ES.loading)).toBeTruthy();
    expect(await screen.findByText(ES.outsideTitle)).toBeTruthy();
  });

  test("Excel in English with a dark theme → the pane in English", async () => {
    await start(excel("en-US", { bodyBackgroundColor: "#262626" }));
    expect(await screen.findByRole("button", { name: "Calculate and write" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: EN.appTitle })).toBeTruthy();
  });

  test("Excel in Spanish → the pane in Spanish", async () => {
    await start(excel("es-MX"));
    expect(await screen.findByRole("button", { name: "Calcular y escribir" })).toBeTruthy();
  });
});
