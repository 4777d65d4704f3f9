/**
 * Issue #11 × #13: `raoce cartera` and `raoce calendario` read each workbook's after-filing state (Evidencia, Avisos,
 * Requisitos). The example `immex-presentado-correccion.xlsx` is an IMMEX 83-2019 filed on 28-May-2025 (evidence
 * block 1, two captured values changed since: a correction) with three change notices on the Avisos sheet:
 *   row 1 planta/bodega, change 10-Apr-2025, notified 22-Apr-2025 (filed);
 *   row 2 domicilio fiscal, change Tue 1-Apr-2025, not notified (overdue);
 *   row 3 representante legal, change Tue 20-May-2025, not notified (pending at 2-Jun-2025).
 * Expected dates are counted by hand with R12 (Mon–Fri minus the LFPA/LFT days; none falls in these ranges):
 *   1-Apr-2025 + 10 business days: Apr 2,3,4,7,8,9,10,11,14,15 → Tue 15-Apr-2025.
 *   20-May-2025 + 10 business days: May 21,22,23,26,27,28,29,30, Jun 2,3 → Tue 3-Jun-2025.
 *   10-Apr-2025 + 10 business days (Holy Week is not a default R12 layer): Apr 11,14,15,16,17,18,21,22,23,24 → 24-Apr.
 *   Correction letter (R33): filed Wed 28-May-2025 + 5 business days: May 29,30, Jun 2,3,4 → Wed 4-Jun-2025.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import { Workbook } from "exceljs";
import { run } from "../../src/cli/main";

const NOW = new Date("2025-06-02T18:00:00Z");
const EX = join(__dirname, "..", "..", "examples", "immex-presentado-correccion.xlsx");
let dir: string;
let folder: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "raoce-wiring-"));
  folder = join(dir, "clientes");
  mkdirSync(folder);
  copyFileSync(EX, join(folder, "cliente.xlsx"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const rowsAt = async (asOf: string) => {
  const r = await run(["cartera", folder, "--as-of", asOf, "--json"], NOW);
  return JSON.parse(r.stdout) as { rows: Record<string, unknown>[]; problems: { severity: string; message: string }[] };
};

describe("raoce cartera with the after-filing sheets", () => {
  it("an overdue change notice keeps the client urgent after the correction-letter term has passed, and is the next step", async () => {
    // 10-Jun-2025: the letter deadline (4-Jun) has passed, so only the notices can make the filed program urgent.
    const j = await rowsAt("2025-06-10");
    expect(j.rows).toHaveLength(1);
    expect(j.rows[0]).toMatchObject({ rfc: "SAT970701NN3", program: "IMMEX", status: "PRESENTADO", urgency: "CARTA_CORRECCION", nextStep: "notice", nextStepLabel: "Aviso de cambio hasta", nextDate: "2025-04-15" });
    // Program health and overdue notices are errors of the workbook: they count in the errors column and are listed.
    const errors = j.problems.filter((p) => p.severity === "error").map((p) => p.message);
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/Aviso de cambio vencido.*Domicilio fiscal/), expect.stringMatching(/no está registrado en el programa/)]));
    expect(j.rows[0]!.errors).toBe(errors.length);
  });

  it("a pending change notice due before the correction letter is the next milestone", async () => {
    // Mark the domicilio fiscal notice (Avisos row 2, sheet row 7) as sent, so only the representante legal one is pending.
    const file = join(folder, "cliente.xlsx");
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    const av = wb.getWorksheet("Avisos")!;
    expect(String(av.getCell("A7").value)).toBe("Domicilio fiscal");
    av.getCell("D7").value = new Date(Date.UTC(2025, 3, 14));
    av.getCell("E7").value = "SE-NL-2025-0399";
    await wb.xlsx.writeFile(file);
    const j = await rowsAt("2025-06-02");
    expect(j.rows[0]).toMatchObject({ urgency: "CARTA_CORRECCION", nextStep: "notice", nextDate: "2025-06-03", correctionBy: "2025-06-04", daysLeft: 1 });
    // Once the representante legal notice is also sent, the correction letter (4-Jun) is the next step again.
    av.getCell("D8").value = new Date(Date.UTC(2025, 4, 30));
    av.getCell("E8").value = "SE-NL-2025-0555";
    await wb.xlsx.writeFile(file);
    const k = await rowsAt("2025-06-02");
    expect(k.rows[0]).toMatchObject({ urgency: "CARTA_CORRECCION", nextStep: "correction", nextDate: "2025-06-04" });
    // After the letter term, with no notice pending, nothing is urgent.
    expect((await rowsAt("2025-06-10")).rows[0]).toMatchObject({ urgency: "SIN_URGENCIA" });
  });
});

describe("raoce calendario with the Avisos sheet", () => {
  const events = (out: string) => new ICAL.Component(ICAL.parse(readFileSync(out, "utf8"))).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const status = (e: ICAL.Event) => String(e.component.getFirstPropertyValue("status") ?? "");

  it("adds one event per change notice on its 10-business-day deadline; a sent one is cancelled; UIDs are stable", async () => {
    const out = join(dir, "raoce.ics");
    expect((await run(["calendario", folder, "--out", out], NOW)).exitCode).toBe(0);
    const ev = events(out);
    const notices = ev.filter((e) => /aviso de cambio/.test(e.summary));
    expect(notices.map((e) => [e.startDate.toString(), status(e)]).sort()).toEqual([
      ["2025-04-15", "CONFIRMED"],
      ["2025-04-24", "CANCELLED"],
      ["2025-06-03", "CONFIRMED"],
    ]);
    const rep = notices.find((e) => e.startDate.toString() === "2025-06-03")!;
    expect(rep.startDate.isDate).toBe(true);
    expect(rep.description).toMatch(/Cambio: Representante legal, ocurrido el 20 de mayo de 2025/);
    expect(rep.description).toMatch(/Fundamento: Reglas y criterios de carácter general en materia de comercio exterior de la SE/);
    expect(rep.description).not.toMatch(/\bR\d+\b/);
    // The correction letter (R33) is on its own date, once.
    expect(ev.filter((e) => /carta de corrección/.test(e.summary)).map((e) => e.startDate.toString())).toEqual(["2025-06-04"]);
    expect(new Set(ev.map((e) => e.uid)).size).toBe(ev.length);

    // Sending the pending notice keeps its UID and turns the event into a cancellation (a re-import updates it).
    const file = join(folder, "cliente.xlsx");
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet("Avisos")!.getCell("D8").value = new Date(Date.UTC(2025, 4, 30));
    await wb.xlsx.writeFile(file);
    expect((await run(["calendario", folder, "--out", out], NOW)).exitCode).toBe(0);
    const again = events(out).find((e) => e.uid === rep.uid)!;
    expect(again.startDate.toString()).toBe("2025-06-03");
    expect(status(again)).toBe("CANCELLED");
  });

  it("a filing recorded only on the Evidencia sheet still gets its correction-letter event and deadline", async () => {
    const file = join(folder, "cliente.xlsx");
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    const pr = wb.getWorksheet("Programas")!;
    pr.getCell("G6").value = null; // filing date and folio left blank on Programas; block 1 of Evidencia says 28-May-2025
    pr.getCell("H6").value = null;
    await wb.xlsx.writeFile(file);
    const out = join(dir, "raoce.ics");
    expect((await run(["calendario", folder, "--out", out], NOW)).exitCode).toBe(0);
    const letters = events(out).filter((e) => /carta de corrección/.test(e.summary));
    expect(letters.map((e) => e.startDate.toString())).toEqual(["2025-06-04"]);
    expect(letters[0]!.description).toMatch(/2 datos cambiaron después de presentar \(hoja Evidencia\)/);
    expect(letters[0]!.description).toMatch(/Presentado el 28 de mayo de 2025 \(hoja Evidencia\)/);
    expect((await rowsAt("2025-06-02")).rows[0]).toMatchObject({ correctionBy: "2025-06-04" });
    // And the workbook says why the program reads as not filed, at the empty cell.
    const check = await run(["check", file, "--json"], NOW);
    const said = (JSON.parse(check.stdout!) as { issues: { code: string; location: string; message: string }[] }[])[0]!.issues.filter((i) => i.code === "FILED_ONLY_IN_EVIDENCE");
    expect(said).toEqual([expect.objectContaining({ location: "Programas!G6", message: expect.stringContaining("registra la presentación del 28 de mayo de 2025") })]);
  });
});
