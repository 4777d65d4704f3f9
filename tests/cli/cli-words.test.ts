/**
 * Issue #10 §3–§4: the CLI as the accountant uses it — written dates, Spanish labels instead of codes, help on every
 * command, DD/MM/AAAA dates in every option, the R9 switch year and the R14 overrides on `deadlines` and `status`,
 * the next action in words, and the rules catalog (`raoce reglas`). Golden dates come from the domain reference §10
 * and R7/R9 (2026: 29 May is the last Friday of May; 31 Aug a Monday; 30 Apr a Thursday).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMAND_HELP } from "../../src/cli/help";
import { COMMAND_NAMES, run } from "../../src/cli/main";
import { parseDayFirstDate as parseCliDate } from "../../src/domain/dates";
import { findRule, RULES_CATALOG } from "../../src/domain/rules-catalog";

const NOW = new Date("2026-05-10T18:00:00Z");

describe("dates as the accountant writes them", () => {
  it.each([
    ["30/05/2026", "2026-05-30"],
    ["2026-05-30", "2026-05-30"],
    ["1/6/2026", "2026-06-01"],
    ["30-05-2026", "2026-05-30"],
    ["30.05.2026", "2026-05-30"],
    [" 29/02/2024 ", "2024-02-29"],
  ])("%s → %s", (text, iso) => expect(parseCliDate(text)).toBe(iso));

  it.each(["31/02/2026", "05/30/2026", "30/05/26", "2026/05/30", "mañana", ""])("%j is refused", (text) => expect(parseCliDate(text)).toBeNull());

  it("every date option takes DD/MM/AAAA: G6 through status with --filed 10/06/2025 --as-of 20/06/2025", async () => {
    const r = await run(["status", "--year", "2025", "--program", "IMMEX", "--filed", "10/06/2025", "--as-of", "20/06/2025", "--json"], NOW);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "PRESENTADO_EXTEMPORANEO", reactivationBy: "2025-06-12" });
  });

  it("a bad date says both accepted forms", async () => {
    const r = await run(["status", "--year", "2026", "--program", "IMMEX", "--as-of", "31/02/2026"], NOW);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("--as-of 31/02/2026 no es una fecha válida; escríbala como 30/05/2026 (DD/MM/AAAA) o 2026-05-30");
  });
});

describe("help", () => {
  it("raoce --help and raoce help exit 0 and list every command", async () => {
    for (const argv of [["--help"], ["-h"], ["help"], []]) {
      const r = await run(argv, NOW);
      expect(r.exitCode).toBe(0);
      for (const cmd of Object.keys(COMMAND_HELP)) expect(r.stdout).toContain(`raoce ${cmd}`);
    }
  });

  it("every command has its own help page", () => {
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(COMMAND_HELP).sort());
  });

  it.each(Object.keys(COMMAND_HELP))("raoce %s --help exits 0 with its own Spanish page", async (cmd) => {
    const r = await run([cmd, "--help"], NOW);
    expect(r.exitCode).toBe(0);
    expect(r.stderr ?? "").toBe("");
    expect(r.stdout).toMatch(new RegExp(`^raoce ${cmd} — `));
    expect(r.stdout).toContain("Uso:");
  });

  it("help even when the other arguments are incomplete", async () => {
    const r = await run(["status", "--year", "2026", "-h"], NOW);
    expect(r).toMatchObject({ exitCode: 0, stdout: expect.stringContaining("--prosec-mayo-desde") });
  });
});

describe("deadlines and status: switch year and overrides", () => {
  it("--prosec-mayo-desde 2027 moves linked PROSEC 2026 back to April (R9)", async () => {
    const may = JSON.parse((await run(["deadlines", "--year", "2026", "--programs", "IMMEX,PROSEC", "--json"], NOW)).stdout);
    const april = JSON.parse((await run(["deadlines", "--year", "2026", "--programs", "IMMEX,PROSEC", "--prosec-mayo-desde", "2027", "--json"], NOW)).stdout);
    expect(may.programs[1]).toMatchObject({ program: "PROSEC", due: "2026-05-29" });
    expect(april.programs[1]).toMatchObject({ program: "PROSEC", due: "2026-04-30" });
  });

  it("status takes the switch year too: linked PROSEC on 10 May 2026 is suspended with April, on time with May", async () => {
    const base = ["status", "--year", "2026", "--programs", "IMMEX,PROSEC", "--program", "PROSEC", "--as-of", "10/05/2026", "--json"];
    expect(JSON.parse((await run(base, NOW)).stdout).status).toBe("EN_PLAZO");
    expect(JSON.parse((await run([...base, "--prosec-mayo-desde", "2027"], NOW)).stdout).status).toBe("SUSPENDIDO");
  });

  it("--due overrides the computed date (R14) and the source says so", async () => {
    const r = JSON.parse((await run(["status", "--year", "2026", "--program", "IMMEX", "--due", "15/06/2026", "--as-of", "10/06/2026", "--json"], NOW)).stdout);
    expect(r).toMatchObject({ status: "EN_PLAZO", deadlines: { due: "2026-06-15" } });
    expect(r.deadlines.source).toMatch(/usuario/);
    const d = JSON.parse((await run(["deadlines", "--year", "2026", "--programs", "IMMEX", "--due", "2026-06-15", "--late-until", "14/09/2026", "--cancel-on", "15/09/2026", "--json"], NOW)).stdout);
    expect(d.programs[0]).toMatchObject({ due: "2026-06-15", lateUntil: "2026-09-14", cancelledOn: "2026-09-15" });
  });

  it("overrides with several programs need --program", async () => {
    const r = await run(["deadlines", "--year", "2026", "--programs", "IMMEX,PROSEC", "--due", "15/06/2026"], NOW);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/indique con --program/);
    const ok = JSON.parse((await run(["deadlines", "--year", "2026", "--programs", "IMMEX,PROSEC", "--program", "IMMEX", "--due", "15/06/2026", "--json"], NOW)).stdout);
    expect(ok.programs.map((p: { due: string }) => p.due)).toEqual(["2026-06-15", "2026-05-29"]);
  });

  it("a bad switch year is a usage error", async () => {
    const r = await run(["deadlines", "--year", "2026", "--programs", "PROSEC", "--prosec-mayo-desde", "mayo"], NOW);
    expect(r).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("--prosec-mayo-desde mayo no es un año válido") });
  });
});

describe("status text: Spanish labels, fiscal year, next action", () => {
  it("on time: the next action in words with the written date", async () => {
    const r = await run(["status", "--year", "2026", "--program", "IMMEX", "--as-of", "10/05/2026"], NOW);
    expect(r.stdout).toContain("IMMEX — RAOCE 2026 (ejercicio 2025), al 10 de mayo de 2026: En plazo");
    expect(r.stdout).toContain("Siguiente paso: Presentar en VUCEM a más tardar el 29 de mayo de 2026 (faltan 19 días).");
    expect(r.stdout).not.toMatch(/EN_PLAZO|\d{4}-\d{2}-\d{2}|\[(info|warning|error)\]/);
  });

  it("filed late: Spanish label, not PRESENTADO_EXTEMPORANEO; the note tagged «Nota» with its basis in words", async () => {
    const r = await run(["status", "--year", "2025", "--program", "IMMEX", "--filed", "10/06/2025", "--as-of", "20/06/2025"], NOW);
    expect(r.stdout).toContain(": Presentado fuera de plazo (reactivación)");
    expect(r.stdout).not.toMatch(/PRESENTADO_EXTEMPORANEO|\[info\]/);
    expect(r.stdout).toMatch(/^Nota: .*\[Plazos IMMEX: Decreto IMMEX .*; regla R7\]$/m);
    // 12 Jun 2025 (reactivation) is already past on 20 Jun: the text never offers a past date as still open.
    expect(r.stdout).toContain("La suspensión debió levantarse a más tardar el 12 de junio de 2025");
  });

  it("linked PROSEC (R10): filed with the IMMEX report", async () => {
    const r = await run(["status", "--year", "2026", "--programs", "IMMEX,PROSEC", "--program", "PROSEC", "--as-of", "10/05/2026"], NOW);
    expect(r.stdout).toContain("Siguiente paso: Se presenta con el reporte IMMEX (VUCEM lo replica a PROSEC). Presentar en VUCEM a más tardar el 29 de mayo de 2026 (faltan 19 días).");
  });

  it("suspended: file by the last late date, or cancellation", async () => {
    const r = await run(["status", "--year", "2026", "--program", "IMMEX", "--as-of", "01/06/2026"], NOW);
    expect(r.stdout).toContain("Siguiente paso: El programa está suspendido: presente en VUCEM a más tardar el 31 de agosto de 2026 (faltan 91 días); si no, se cancela el 1 de septiembre de 2026.");
  });

  it("dates source: no «Todas las fechas» after «Fuente de las fechas», each id named", async () => {
    const r = await run(["status", "--year", "2026", "--program", "IMMEX", "--as-of", "10/05/2026"], NOW);
    expect(r.stdout).not.toMatch(/Fuente de las fechas: Todas las fechas/);
    const line = r.stdout.split("\n").find((l) => l.startsWith("Fuente de las fechas: "))!;
    expect(line).toBeDefined();
    expect(line).not.toMatch(/\bR\d+a?\b(?! \()/); // any rule id is followed by its name
  });
});

describe("raoce reglas", () => {
  it("lists the catalog and shows one rule with its basis and confidence in words", async () => {
    const all = await run(["reglas"], NOW);
    expect(all.exitCode).toBe(0);
    expect(all.stdout).toContain(`(${RULES_CATALOG.length} reglas)`);
    const one = await run(["reglas", "r21a"], NOW);
    expect(one.stdout).toMatch(/^R21a — Lo que VUCEM acepta/);
    expect(one.stdout).toContain("Fundamento: Formulario VUCEM del reporte anual");
    expect(one.stdout).toContain("Confianza: Media");
  });

  it("--json gives id, Spanish and English text, basis and confidence", async () => {
    const body = JSON.parse((await run(["reglas", "R7", "--json"], NOW)).stdout);
    expect(body).toMatchObject({ id: "R7", confidence: "H", basis: expect.stringContaining("Decreto IMMEX"), es: expect.stringContaining("último día hábil de mayo"), en: expect.stringContaining("last business day of May") });
  });

  it("an unknown id is a usage error", async () => {
    expect(await run(["reglas", "R99"], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("no hay regla «R99»") });
  });
});

describe("the catalog covers every rule id the product shows", () => {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f.name) && !p.endsWith("rules-catalog.ts")) {
        const text = readFileSync(p, "utf8");
        // `rule: "R7"`, issue(…, "R35"), rule ids in lists and in "R8/R10"
        for (const m of text.matchAll(/["'`](R\d{1,2}a?(?:\/R\d{1,2}a?)*)["'`]/g)) for (const id of m[1]!.split("/")) ids.add(id);
        for (const m of text.matchAll(/rule:\s*["'`]([^"'`]+)["'`]/g)) for (const id of m[1]!.split(/[/,\s]+/)) if (/^R\d{1,2}a?$/.test(id)) ids.add(id);
      }
    }
  };
  walk(join(__dirname, "../../src/domain"));
  walk(join(__dirname, "../../src/workbook"));

  it("found the engine's ids (sanity: R7, R9, R23, R35 are among them)", () => {
    for (const id of ["R7", "R9", "R23", "R35"]) expect(ids).toContain(id);
  });

  it.each([...ids].sort())("%s is in the catalog", (id) => expect(findRule(id)).not.toBeNull());

  it("every entry has Spanish and English text, a basis in words and a confidence", () => {
    for (const e of RULES_CATALOG) {
      expect(e.es.length).toBeGreaterThan(20);
      expect(e.en.length).toBeGreaterThan(20);
      expect(e.basis).not.toMatch(/\bR\d/);
      expect(["H", "M", "L"]).toContain(e.confidence);
    }
    expect(new Set(RULES_CATALOG.map((e) => e.id)).size).toBe(RULES_CATALOG.length);
  });
});
