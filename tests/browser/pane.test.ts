/**
 * The built task pane in headless Chromium (Debian's, through playwright-core) on a fake Excel workbook:
 * insert the template → validate → calculate and write, end to end; no console errors; no request leaves the page's
 * origin; a screenshot for the README (docs/screenshot-taskpane.png). Also: a plain browser (real office.js, no
 * Office) gets the explanatory state, an Excel error becomes a readable message, and English Office gets English.
 *
 * The production bundle is built once (webpack, OFFICE_JS=local) into a temporary folder and served on 127.0.0.1.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { isoToSerial } from "../../src/workbook/serial-dates";
import { ISSUES_BLOCK, NAMED_CELLS, SHEETS, TABLES } from "../../src/workbook/layout";
import { RECONCILE_SHEET_LAYOUTS, RECONCILE_TABLES } from "../../src/workbook/layout-reconcile";
import type { FakeBook } from "./fake-office";
import { BUILD_TIMEOUT_MS, ROOT, launchChromium, openPane, serve, sharedPaneBuild, type PaneSession } from "./harness";

jest.setTimeout(240_000);

let dir: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
const sessions: PaneSession[] = [];

beforeAll(async () => {
  dir = await sharedPaneBuild(); // shared with tests/addin/csp.test.ts; opened as taskpane-local.html
  server = await serve(dir);
  browser = await launchChromium();
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.context.close().catch(() => undefined)));
  await browser?.close();
  await server?.close();
});

async function open(options: Parameters<typeof openPane>[2]): Promise<PaneSession> {
  const s = await openPane(browser, server.origin, { pageFile: "taskpane-local.html", ...options });
  sessions.push(s);
  return s;
}

/**
 * Runs `fn(window.__fakeExcel, arg)` in the page. Playwright sends `fn`'s source through the DevTools protocol
 * (not eval: the page's CSP has no 'unsafe-eval'), so `fn` must be self-contained.
 */
function book<A, R>(page: Page, fn: (b: FakeBook, arg: A) => R, arg: A): Promise<R> {
  const wrapped = new Function("arg", `return (${fn.toString()})(window.__fakeExcel, arg);`) as (arg: unknown) => R;
  return page.evaluate(wrapped, arg as unknown);
}

const nameCell = (name: string) => {
  const n = NAMED_CELLS.find((x) => x.name === name)!;
  return { sheet: n.sheet as string, address: n.cell };
};

/** What an accountant types into the template: an IMMEX company (examples/json/immex-industrial.json), wrong RFC. */
async function typeInputs(page: Page): Promise<void> {
  const serial = (iso: string) => isoToSerial(iso, false);
  const inputs: [string, string, string | number][] = [
    [...(Object.values(nameCell("RAOCE_RFC")) as [string, string]), "SAT97A701NN3"], // not an RFC: an error
    [...(Object.values(nameCell("RAOCE_RAZON_SOCIAL")) as [string, string]), "Manufacturas del Norte, S.A. de C.V."],
    [...(Object.values(nameCell("RAOCE_ANIO_PRESENTACION")) as [string, string]), 2025],
    [...(Object.values(nameCell("RAOCE_FECHA_CORTE")) as [string, string]), serial("2025-05-15")],
    [...(Object.values(nameCell("RAOCE_VENTAS_TOTALES")) as [string, string]), 120000],
    [...(Object.values(nameCell("RAOCE_EXPORTACIONES")) as [string, string]), 12000],
    [...(Object.values(nameCell("RAOCE_IMPORTACIONES")) as [string, string]), 8000],
  ];
  const programs = TABLES.find((t) => t.name === "tblProgramas")!;
  const col = (header: string) => String.fromCharCode(65 + programs.columns.findIndex((c) => c.header === header));
  inputs.push([programs.sheet, `${col("Programa")}6`, "IMMEX"]);
  inputs.push([programs.sheet, `${col("Número")}6`, "83-2019"]);
  inputs.push([programs.sheet, `${col("Modalidad")}6`, "INDUSTRIAL"]);
  inputs.push([programs.sheet, `${col("Fecha de autorización")}6`, serial("2019-03-01")]);
  await book(page, (b, list) => list.forEach(([s, a, v]) => b.set(s, a, v)), inputs);
}

describe("task pane in Chromium on a fake Excel", () => {
  test("insert → validate → calculate and write, end to end", async () => {
    const { page, errors, foreign, cspViolations } = await open({ fakeOffice: true, query: "lang=es-MX" });
    const insert = page.getByRole("button", { name: "Insertar plantilla" });
    await insert.waitFor();

    // 1. Insert the template: the pane generates the .xlsx, the fake adds what it contains.
    await insert.click();
    await page.getByText(new RegExp(`Plantilla insertada: ${Object.keys(SHEETS).length + RECONCILE_SHEET_LAYOUTS.length} hojas agregadas`)).waitFor({ timeout: 60_000 });
    const inserted = await book(page, (b) => ({ sheets: b.sheets.map((s) => s.name), names: b.names.size, tables: [...b.tables.values()].map((t) => t.name) }), null);
    const declared = [...Object.values(SHEETS), ...RECONCILE_SHEET_LAYOUTS.map((s) => s.name)];
    expect(inserted.sheets).toEqual([...declared.filter((n) => n !== SHEETS.catalogs), SHEETS.catalogs]);
    expect(inserted.tables.sort()).toEqual([...TABLES, ...RECONCILE_TABLES].map((t) => t.name).sort());
    expect(inserted.names).toBeGreaterThan(NAMED_CELLS.length);

    // 2. The user types the inputs; "Validar" lists the issues; clicking one selects its cell. (Keyboard: Tab from
    //    "Insertar plantilla" reaches "Validar", Enter runs it.)
    await typeInputs(page);
    await insert.focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, focusVisible: el.matches(":focus-visible") && el.hasAttribute("data-fui-focus-visible"), outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused).toEqual({ text: "Validar", focusVisible: true, outline: "solid" }); // visible focus
    await page.keyboard.press("Enter");
    const rfcIssue = page.getByRole("button", { name: /RFC.*Ir a Empresa!B6/ });
    await rfcIssue.waitFor();
    await expect(page.getByRole("heading", { name: /^Errores/ }).count()).resolves.toBe(1);
    await rfcIssue.click();
    await page.waitForFunction(() => window.__fakeExcel.selection === "Empresa!B6");
    expect(await book(page, (b) => b.active, null)).toBe(SHEETS.company);

    // 3. Settings: the user's exchange rate and two extra non-business days, saved into the workbook's input cells.
    await page.getByRole("button", { name: "Configuración" }).click();
    const rate = page.getByRole("textbox", { name: /Tipo de cambio/ });
    await rate.waitFor();
    await expect(page.getByRole("textbox", { name: /Año de presentación/ }).inputValue()).resolves.toBe("2025");
    await expect(page.getByRole("textbox", { name: /Fecha de corte/ }).inputValue()).resolves.toBe("15/05/2025"); // as the accountant reads it
    await rate.fill("18.5");
    await expect(page.getByTestId("rate-source").textContent()).resolves.toBe("Fuente: Capturado por el usuario");
    // Ten days: more than the 8 blank rows of tblInhabiles, so the table grows (Table.rows.add).
    const extra = ["2025-04-17", "2025-04-18", ...Array.from({ length: 8 }, (_, i) => `2025-12-${22 + i}`)];
    // Typed the way accountants write them (DD/MM/AAAA), except one in ISO: both forms are accepted.
    const typed = extra.map((d, i) => (i === 1 ? d : `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`));
    await page.getByRole("textbox", { name: /Días inhábiles/ }).fill(typed.join("\n"));
    await page.getByRole("button", { name: "Guardar en el libro" }).click();
    await page.getByText("Configuración guardada en el libro.").waitFor();
    const rateCell = nameCell("RAOCE_TIPO_CAMBIO");
    expect(await book(page, (b, c) => b.get(c.sheet, c.address), rateCell)).toBe(18.5);
    const daysTable = await book(page, (b) => ({ rows: b.tables.get("tblinhabiles")!.rows, cells: Array.from({ length: 10 }, (_, i) => b.get("Empresa", `A${29 + i}`)) }), null);
    expect(daysTable).toEqual({ rows: 10, cells: extra.map((d) => isoToSerial(d)) });

    // 4. The user fixes the RFC; "Calcular y escribir" writes the outputs and shows the program card.
    await book(page, (b, c) => b.set(c.sheet, c.address, "SAT970701NN3"), nameCell("RAOCE_RFC"));
    await page.getByRole("button", { name: "Calcular y escribir" }).click();
    const card = page.getByRole("article", { name: /IMMEX 83-2019/ });
    await card.waitFor();
    await expect(card.getByTestId("status-badge").textContent()).resolves.toBe("En plazo");
    await expect(card.textContent()).resolves.toMatch(/Vence: 30 de mayo de 2025 · faltan 15 días/);
    await expect(card.textContent()).resolves.toContain("Cumple");
    await page.getByText(/Resultados escritos en el libro/).waitFor();
    await expect(page.getByRole("heading", { name: /^Errores/ }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: /vence el 30 de mayo de 2025.*Ir a Programas!G6/ }).waitFor();

    // The fake workbook's output cells were written (through the layout's names / table columns).
    const status = String.fromCharCode(65 + TABLES[0]!.columns.findIndex((c) => c.header === "Estado"));
    const out = await book(
      page,
      (b, a) => ({
        balance: b.get("Cifras", "B14"),
        share: b.get("Cifras", "B15"),
        rateUsed: b.get("Cifras", "B18"),
        rateSource: b.get("Empresa", "B18"),
        asOfUsed: b.get("Empresa", "B15"),
        status: b.get("Programas", `${a.status}6`),
        firstIssue: [b.get(a.issues, "A6"), b.get(a.issues, "B6")],
        codes: Array.from({ length: 10 }, (_, i) => b.get(a.issues, `B${6 + i}`)),
        protectedAgain: b.sheets.filter((s) => s.protected).map((s) => s.name),
      }),
      { status, issues: ISSUES_BLOCK.sheet },
    );
    expect(out).toMatchObject({
      balance: 4000,
      share: 0.1,
      rateUsed: 18.5,
      rateSource: "Capturado por el usuario",
      asOfUsed: isoToSerial("2025-05-15"),
      status: "En plazo",
    });
    // Only notes (no error, no warning) for this company: the list starts with an Info and names the coming deadline.
    expect(out.firstIssue[0]).toBe("Info");
    expect(out.codes).toContain("DUE_SOON");
    expect(out.protectedAgain).toEqual(expect.arrayContaining([SHEETS.company, SHEETS.programs, SHEETS.figures, SHEETS.issues, SHEETS.capture]));

    // The README's picture is refreshed on demand (UPDATE_SCREENSHOT=1) so a test run never dirties the checkout.
    const shot = process.env.UPDATE_SCREENSHOT ? join(ROOT, "docs") : join(tmpdir(), "raoce-pane-shot");
    mkdirSync(shot, { recursive: true });
    await page.getByRole("button", { name: "Configuración" }).click(); // close the settings for the picture
    await page.screenshot({ path: join(shot, "screenshot-taskpane.png"), fullPage: true });

    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(await cspViolations()).toEqual([]); // ExcelJS (template), zod and React ran under the CSP without a refusal
  });

  test("an Excel error is shown as a readable message, and the pane keeps working", async () => {
    const { page, errors, foreign } = await open({ fakeOffice: true });
    await page.getByRole("button", { name: "Validar" }).waitFor();
    await page.evaluate(() => (window.__fakeExcel.failNextSync = "InvalidOperationInEditMode"));
    await page.getByRole("button", { name: "Validar" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("Termine de editar la celda");
    // No template in this workbook: the next try says so, in words.
    await page.getByRole("button", { name: "Validar" }).click();
    await page.getByText(/no tiene la plantilla RAOCE/).waitFor();
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  test("English Office → English pane, dark theme followed", async () => {
    const { page, errors } = await open({ fakeOffice: true, query: "lang=en-US&theme=dark" });
    await page.getByRole("button", { name: "Insert template" }).waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("RAOCE for Excel");
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector("main")!).backgroundColor);
    expect(bg).not.toBe("rgb(255, 255, 255)");
    expect(errors).toEqual([]);
  });

  test("a plain browser (real office.js, no Office) gets a clear explanatory state", async () => {
    const { page, errors, foreign, cspViolations } = await open({ fakeOffice: false });
    await page.getByText("Abra este complemento en Excel").waitFor({ timeout: 20_000 });
    await expect(page.getByText(/Cómo cargarlo/).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(await cspViolations()).toEqual([]);
  });

  /*
   * The guard's own negative check: `foreign` must really catch what tries to leave. The targets are under `.invalid`
   * (RFC 2606: never resolves) and every attempt is aborted before it reaches the network.
   */
  test("what tries to leave the origin is recorded and stopped: by the CSP, and without it by the harness", async () => {
    const send = () => {
      void fetch("https://telemetry.example.invalid/collect", { method: "POST", body: "x" }).catch(() => undefined);
      navigator.sendBeacon("https://beacon.example.invalid/b", "x");
      const img = new Image();
      img.src = "https://pixel.example.invalid/p.png";
      try {
        new WebSocket("wss://socket.example.invalid/s");
      } catch {
        // refused by the CSP
      }
    };
    const settle = async (s: PaneSession, until: () => Promise<boolean>) => {
      for (let i = 0; i < 50 && !(await until()); i++) await s.page.waitForTimeout(100);
    };

    // With the page's CSP: each request is refused by the browser (a violation each) and never becomes a request. The
    // WebSocket is the harness's: its route replaces the page's WebSocket class, so it is recorded before any CSP check.
    const strict = await open({ fakeOffice: true });
    await strict.page.getByRole("button", { name: "Validar" }).waitFor();
    await strict.page.evaluate(send);
    await settle(strict, async () => (await strict.cspViolations()).length >= 3 && strict.foreign.length >= 1);
    expect((await strict.cspViolations()).map((v) => v.split(" @ ")[0]).sort()).toEqual(
      ["connect-src https://beacon.example.invalid/b", "connect-src https://telemetry.example.invalid/collect", "img-src https://pixel.example.invalid/p.png"],
    );
    expect(strict.foreign).toEqual(["websocket wss://socket.example.invalid/s"]);

    // Without it (bypassCSP): each one is caught by the harness and aborted, so a test asserting `foreign == []` fails.
    const open_ = await open({ fakeOffice: true, bypassCSP: true });
    await open_.page.getByRole("button", { name: "Validar" }).waitFor();
    await open_.page.evaluate(send);
    await settle(open_, async () => open_.foreign.length >= 4);
    expect([...open_.foreign].sort()).toEqual(
      ["https://beacon.example.invalid/b", "https://pixel.example.invalid/p.png", "https://telemetry.example.invalid/collect", "websocket wss://socket.example.invalid/s"],
    );
  });
});
