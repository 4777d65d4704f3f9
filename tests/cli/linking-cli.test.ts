/**
 * Issue #10: `raoce deadlines` and `raoce status` apply R9 rev. 2026-11 — "held" ≠ "linked". The other program links
 * only when in force for the filing: not cancelled before 1 April of the filing year (R4) and not authorized during
 * the filing year (R3). Golden dates come from the domain reference (R8, R9, R12/R13), not from the program:
 * filing year 2026 → PROSEC alone due on the last business day of April = Thu 30 Apr 2026, suspended from 1 May, late
 * until Tue 30 Jun 2026, cancelled 1 Jul 2026; linked PROSEC and IMMEX due on the last business day of May = Fri 29 May
 * 2026 (R13: no month-end deadline ever falls on a fixed holiday).
 */
import { programDates } from "../../src/cli/args";
import { UsageError } from "../../src/cli/errors";
import { run } from "../../src/cli/main";

const NOW = new Date("2026-05-10T18:00:00Z");
const out = (argv: string[]) => run(argv, NOW);
const json = async (argv: string[]) => {
  const r = await out([...argv, "--json"]);
  expect(r.stderr ?? "").toBe("");
  return JSON.parse(r.stdout);
};
/** A rule id is never shown alone: only as "regla R9" inside the basis in words (R12 of the team rules). */
const bareRuleIds = (text: string): string[] => [...text.matchAll(/(\S+\s)?\bR\d{1,2}a?\b/g)].filter((m) => m[1] !== "regla ").map((m) => m[0]);

const err = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error("expected a UsageError");
};

it("the bare-id check catches an id shown alone and lets «regla R9» through", () => {
  expect(bareRuleIds("Nota: algo R9 [PROSEC ligado: Guía; regla R9]")).toEqual(["algo R9"]);
  expect(bareRuleIds("[Programa cancelado: Guía; regla R4 · IMMEX + PROSEC: Guía; regla R10]")).toEqual([]);
});

describe("programDates: --authorized / --cancelled values", () => {
  const held = ["IMMEX", "PROSEC", "ALTEX"] as const;

  it("PROGRAMA=FECHA pairs, comma-separated and repeated, ISO or DD/MM/AAAA, program names in any case", () => {
    expect(programDates(["IMMEX=01/02/2026,altex=2026-03-01", " Prosec = 1/6/2026 "], "--authorized", held)).toEqual({
      IMMEX: "2026-02-01",
      ALTEX: "2026-03-01",
      PROSEC: "2026-06-01",
    });
    expect(programDates("IMMEX=15/10/2025", "--cancelled", held)).toEqual({ IMMEX: "2025-10-15" });
    expect(programDates(undefined, "--cancelled", held)).toEqual({});
  });

  it("a bare date is the --program's own; mixed with pairs", () => {
    expect(programDates(["15/10/2025", "IMMEX=2025-09-01"], "--cancelled", held, "PROSEC")).toEqual({ PROSEC: "2025-10-15", IMMEX: "2025-09-01" });
    expect(programDates(["15/10/2025", "PROSEC=2025-10-15"], "--cancelled", held, "PROSEC")).toEqual({ PROSEC: "2025-10-15" });
  });

  it.each([
    [["ECEX=15/10/2025"], "--cancelled ECEX=15/10/2025: ECEX no está entre los programas de la empresa (--programs IMMEX,PROSEC,ALTEX); agréguelo a --programs o quite esa fecha"],
    [["IMMEX=31/02/2026"], "--cancelled IMMEX=31/02/2026: «31/02/2026» no es una fecha válida; escríbala como 30/05/2026 (DD/MM/AAAA) o 2026-05-30"],
    [["IMMEX=01/02/2026,ALTEX=02/30/2026"], "--cancelled ALTEX=02/30/2026: «02/30/2026» no es una fecha válida"],
    [["MAQUILA=15/10/2025"], "--cancelled MAQUILA=15/10/2025: programa desconocido «MAQUILA»; use IMMEX, PROSEC, ALTEX o ECEX"],
    [["IMMEX="], "--cancelled IMMEX=: falta la fecha, p. ej. --cancelled IMMEX=15/10/2025"],
    [["IMMEX=15/10/2025", "IMMEX=2025-10-16"], "--cancelled: dos fechas distintas para IMMEX (15 de octubre de 2025 y 16 de octubre de 2025); indique una sola"],
    [["15/10/26"], "--cancelled 15/10/26 no es una fecha válida; escríbala como 30/05/2026 (DD/MM/AAAA) o 2026-05-30, o indique el programa: --cancelled IMMEX=15/10/2025"],
  ])("%j is a usage error that names the pair", (values, message) => {
    expect(err(() => programDates(values, "--cancelled", held, "PROSEC"))).toContain(message);
  });

  it("a bare date needs a program to belong to", () => {
    expect(err(() => programDates(["15/10/2025"], "--cancelled", held))).toBe("--cancelled 15/10/2025: indique de qué programa es la fecha, p. ej. --cancelled IMMEX=15/10/2025 (o use --program)");
  });
});

describe("raoce status: only programs in force link (R9 rev. 2026-11)", () => {
  const prosec = ["status", "--year", "2026", "--program", "PROSEC", "--programs", "IMMEX,PROSEC", "--as-of", "10/05/2026"];

  it("IMMEX cancelled 15/10/2025 (before 1 April 2026): PROSEC files alone, due 30 April, Suspendido on 10 May (the issue's bug)", async () => {
    const body = await json([...prosec, "--cancelled", "IMMEX=15/10/2025"]);
    expect(body).toMatchObject({
      status: "SUSPENDIDO",
      linked: false,
      inForce: ["PROSEC"],
      excluded: [{ program: "IMMEX", reason: "CANCELLED_BEFORE_APRIL", date: "2025-10-15" }],
      deadlines: { due: "2026-04-30", lateUntil: "2026-06-30", cancelledOn: "2026-07-01" },
    });
    expect(body.notes.map((n: { code: string }) => n.code)).toEqual(["PROSEC_ALONE_PARTNER_CANCELLED", "SUSPENDED_MAY_FILE"]);

    const r = await out([...prosec, "--cancelled", "IMMEX=15/10/2025"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("al 10 de mayo de 2026: Suspendido");
    expect(r.stdout).toContain("No se presentó a más tardar el 30 de abril de 2026: el programa está suspendido");
    expect(r.stdout).toContain("IMMEX se canceló el 15 de octubre de 2025, antes del 1 de abril de 2026: no presenta el RAOCE 2026, así que PROSEC lo presenta solo");
    expect(r.stdout).not.toContain("replica a PROSEC"); // the next action no longer sends it through the IMMEX report
    expect(bareRuleIds(r.stdout)).toEqual([]);
  });

  it("the same with a repeated flag and ISO dates", async () => {
    const body = await json([...prosec, "--cancelled", "2026-07-15", "--cancelled", "IMMEX=2025-10-15"]);
    expect(body).toMatchObject({ status: "SUSPENDIDO", deadlines: { due: "2026-04-30" }, inForce: ["PROSEC"] });
  });

  it("IMMEX authorized 01/02/2026 (during the filing year): April date and the note that the guide might allow May", async () => {
    const body = await json([...prosec, "--authorized", "IMMEX=01/02/2026"]);
    expect(body).toMatchObject({ status: "SUSPENDIDO", deadlines: { due: "2026-04-30" }, excluded: [{ program: "IMMEX", reason: "AUTHORIZED_IN_FILING_YEAR", date: "2026-02-01" }] });
    const r = await out([...prosec, "--authorized", "IMMEX=01/02/2026"]);
    expect(r.stdout).toContain("IMMEX se autorizó el 1 de febrero de 2026, durante el año de presentación 2026");
    expect(r.stdout).toContain("lo que podría permitir mayo");
    expect(bareRuleIds(r.stdout)).toEqual([]);
  });

  it("IMMEX cancelled 15/04/2026 (on/after 1 April) stays linked: May date, En plazo on 10 May, no replication promised", async () => {
    const body = await json([...prosec, "--cancelled", "IMMEX=15/04/2026"]);
    expect(body).toMatchObject({ status: "EN_PLAZO", linked: true, inForce: ["IMMEX", "PROSEC"], excluded: [], deadlines: { due: "2026-05-29" } });
    const r = await out([...prosec, "--cancelled", "IMMEX=15/04/2026"]);
    expect(r.stdout).toContain("Siguiente paso: Presentar en VUCEM a más tardar el 29 de mayo de 2026");
    expect(r.stdout).toContain("IMMEX está cancelado desde el 15 de abril de 2026; como seguía vigente el 1 de abril de 2026, PROSEC sigue ligado y conserva sus fechas (vence el 29 de mayo de 2026)");
    expect(bareRuleIds(r.stdout)).toEqual([]);
  });

  it("an IMMEX report filed before IMMEX's cancellation on/after 1 April still counts for PROSEC (R17), with no warning against it", async () => {
    const argv = [...prosec, "--cancelled", "IMMEX=15/04/2026", "--immex-filed", "10/04/2026"];
    expect(await json(argv)).toMatchObject({ status: "PRESENTADO", effectiveFiledOn: "2026-04-10" });
    expect((await out(argv)).stdout).not.toContain("no cuente con la réplica");
  });

  it.each([
    ["IMMEX=31/03/2026", "2026-04-30"], // the day before 1 April: does not file (R4)
    ["IMMEX=01/04/2026", "2026-05-29"], // 1 April itself: follows the timeline, still links
  ])("the 1 April boundary: --cancelled %s → PROSEC due %s", async (cancelled, due) => {
    expect((await json([...prosec, "--cancelled", cancelled])).deadlines.due).toBe(due);
  });

  it("IMMEX authorized during the fiscal year (R5) still links: May; with IMMEX in force the next step goes through its report", async () => {
    expect((await json([...prosec, "--authorized", "IMMEX=15/06/2025"])).deadlines.due).toBe("2026-05-29");
    expect((await out(prosec)).stdout).toContain("Se presenta con el reporte IMMEX (VUCEM lo replica a PROSEC)");
  });

  it("another program in force keeps PROSEC linked: IMMEX out, ALTEX in → May", async () => {
    const body = await json(["status", "--year", "2026", "--program", "PROSEC", "--programs", "IMMEX,ALTEX,PROSEC", "--as-of", "10/05/2026", "--cancelled", "IMMEX=15/10/2025"]);
    expect(body).toMatchObject({ status: "EN_PLAZO", linked: true, inForce: ["ALTEX", "PROSEC"], deadlines: { due: "2026-05-29" } });
    const r = await out(["status", "--year", "2026", "--program", "PROSEC", "--programs", "IMMEX,ALTEX,PROSEC", "--as-of", "10/05/2026", "--cancelled", "IMMEX=15/10/2025"]);
    expect(r.stdout).toContain("Nota: IMMEX no presenta el RAOCE 2026 (No obligado): cancelado el 15 de octubre de 2025, antes del 1 de abril de 2026");
    expect(r.stdout).not.toContain("replica a PROSEC");
  });

  it("an IMMEX filing date is not replicated from an IMMEX that does not file, and the note says why", async () => {
    const body = await json([...prosec, "--cancelled", "IMMEX=15/10/2025", "--immex-filed", "20/04/2026"]);
    expect(body.status).toBe("SUSPENDIDO");
    expect(body.notes.find((n: { code: string }) => n.code === "IMMEX_NOT_HELD").message).toContain("IMMEX no presenta el RAOCE 2026 (cancelado el 15 de octubre de 2025)");
  });

  it("the program's own bare date keeps its meaning: IMMEX cancelled before April is No obligado", async () => {
    const body = await json(["status", "--year", "2026", "--program", "IMMEX", "--programs", "IMMEX,PROSEC", "--cancelled", "15/10/2025", "--as-of", "10/05/2026"]);
    expect(body).toMatchObject({ status: "NO_OBLIGADO", excluded: [{ program: "IMMEX", reason: "CANCELLED_BEFORE_APRIL" }] });
  });

  it.each([
    [["--cancelled", "ALTEX=15/10/2025"], "raoce status: --cancelled ALTEX=15/10/2025: ALTEX no está entre los programas de la empresa"],
    [["--authorized", "IMMEX=30/02/2026"], "raoce status: --authorized IMMEX=30/02/2026: «30/02/2026» no es una fecha válida"],
  ])("%j → exit 2 with a Spanish message", async (extra, message) => {
    const r = await out([...prosec, ...extra]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe("raoce deadlines: a program not in force does not file (R3/R4) and PROSEC files alone", () => {
  const base = ["deadlines", "--year", "2026", "--programs", "IMMEX,PROSEC"];

  it("IMMEX cancelled 15/10/2025: IMMEX does not file the 2026 RAOCE, PROSEC due 30 April with the note", async () => {
    const body = await json([...base, "--cancelled", "IMMEX=15/10/2025"]);
    expect(body.inForce).toEqual(["PROSEC"]);
    expect(body.programs[0]).toMatchObject({ program: "IMMEX", files: false, exclusion: { reason: "CANCELLED_BEFORE_APRIL", date: "2025-10-15" }, due: null });
    expect(body.programs[1]).toMatchObject({ program: "PROSEC", files: true, exclusion: null, linked: false, due: "2026-04-30", lateUntil: "2026-06-30", cancelledOn: "2026-07-01" });
    expect(body.programs[1].linkingNote).toContain("PROSEC lo presenta solo");

    const r = await out([...base, "--cancelled", "IMMEX=15/10/2025"]);
    expect(r.exitCode).toBe(0);
    const rows = r.stdout.split("\n");
    expect(rows.find((l) => l.startsWith("IMMEX "))).toMatch(/^IMMEX \(no obligado\)\s+no presenta el RAOCE 2026\s+—\s+—\s+—\s+alta$/);
    expect(rows.find((l) => l.startsWith("PROSEC "))).toMatch(/^PROSEC\s+1 de abril de 2026\s+30 de abril de 2026\s+30 de junio de 2026\s+1 de julio de 2026\s+alta$/);
    expect(r.stdout).toContain("IMMEX no presenta el RAOCE 2026 (No obligado): cancelado el 15 de octubre de 2025, antes del 1 de abril de 2026");
    expect(r.stdout).toContain("Nota: IMMEX se canceló el 15 de octubre de 2025, antes del 1 de abril de 2026: no presenta el RAOCE 2026, así que PROSEC lo presenta solo");
    expect(r.stdout).not.toContain("(ligado)");
    expect(bareRuleIds(r.stdout)).toEqual([]);
  });

  it("IMMEX authorized 01/02/2026: not filing (authorized during the filing year), PROSEC due 30 April, 'might allow May'", async () => {
    const body = await json([...base, "--authorized", "IMMEX=01/02/2026"]);
    expect(body.programs[0]).toMatchObject({ files: false, exclusion: { reason: "AUTHORIZED_IN_FILING_YEAR", date: "2026-02-01" } });
    expect(body.programs[1]).toMatchObject({ due: "2026-04-30", linked: false });
    const r = await out([...base, "--authorized", "IMMEX=01/02/2026"]);
    expect(r.stdout).toContain("IMMEX no presenta el RAOCE 2026 (No obligado): autorizado el 1 de febrero de 2026, durante el año de presentación 2026");
    expect(r.stdout).toContain("lo que podría permitir mayo");
  });

  it("IMMEX cancelled 15/04/2026 stays linked: both due Fri 29 May 2026, and IMMEX's line says it is Cancelado from that date", async () => {
    const body = await json([...base, "--cancelled", "IMMEX=15/04/2026"]);
    expect(body.inForce).toEqual(["IMMEX", "PROSEC"]);
    expect(body.programs.map((p: { files: boolean; due: string }) => [p.files, p.due])).toEqual([[true, "2026-05-29"], [true, "2026-05-29"]]);
    expect(body.programs[1]).toMatchObject({ linked: true, linkingNote: null });
    const r = await out([...base, "--cancelled", "IMMEX=15/04/2026"]);
    expect(r.stdout).toContain("PROSEC (ligado)");
    expect(r.stdout).toContain("Nota: cancelado el 15 de abril de 2026, en o después del 1 de abril de 2026");
    expect(bareRuleIds(r.stdout)).toEqual([]);
  });

  it("without dates the output is unchanged: every program files and PROSEC is linked", async () => {
    const body = await json(base);
    expect(body.inForce).toEqual(["IMMEX", "PROSEC"]);
    expect(body.programs.map((p: { files: boolean; exclusion: unknown }) => [p.files, p.exclusion])).toEqual([[true, null], [true, null]]);
    expect(body.programs[1]).toMatchObject({ linked: true, due: "2026-05-29" });
  });

  it.each([
    [["--cancelled", "ALTEX=15/10/2025"], "ALTEX no está entre los programas de la empresa (--programs IMMEX,PROSEC)"],
    [["--cancelled", "IMMEX=15-10-25"], "--cancelled IMMEX=15-10-25: «15-10-25» no es una fecha válida"],
    [["--cancelled", "15/10/2025"], "--cancelled 15/10/2025: indique de qué programa es la fecha"],
    [["--program", "IMMEX", "--due", "15/06/2026", "--cancelled", "IMMEX=15/10/2025"], "--due, --late-until y --cancel-on no se aplican: IMMEX no presenta el RAOCE 2026"],
  ])("%j → exit 2 with a Spanish message", async (extra, message) => {
    const r = await out([...base, ...extra]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("a bare date applies to --program (or the only program)", async () => {
    const body = await json(["deadlines", "--year", "2026", "--programs", "PROSEC", "--authorized", "01/02/2026"]);
    expect(body.programs[0]).toMatchObject({ program: "PROSEC", files: false, exclusion: { reason: "AUTHORIZED_IN_FILING_YEAR" } });
  });
});
