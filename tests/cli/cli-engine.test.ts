/** The `raoce deadlines | status | evaluate` contract (issue #2 §3), run in-process through the same `run` as bin/raoce.js. */
import { run } from "../../src/cli/main";
import { join } from "node:path";

const NOW = new Date("2025-06-20T18:00:00Z");
const json = async (argv: string[]) => {
  const r = await run([...argv, "--json"], NOW);
  expect(r.stderr ?? "").toBe("");
  return { exitCode: r.exitCode, body: JSON.parse(r.stdout) };
};

describe("raoce deadlines", () => {
  it("G1 + G3: IMMEX and linked PROSEC 2025", async () => {
    const { exitCode, body } = await json(["deadlines", "--year", "2025", "--programs", "immex,Prosec"]);
    expect(exitCode).toBe(0);
    expect(body).toMatchObject({ filingYear: 2025, fiscalYear: 2024 });
    expect(body.programs).toEqual([
      expect.objectContaining({ program: "IMMEX", opens: "2025-04-01", due: "2025-05-30", lateUntil: "2025-08-29", cancelledOn: "2025-09-01" }),
      expect.objectContaining({ program: "PROSEC", opens: "2025-04-01", due: "2025-05-30", lateUntil: "2025-06-30", cancelledOn: "2025-07-01" }),
    ]);
    for (const p of body.programs) expect(typeof p.source).toBe("string");
  });

  it("G2: PROSEC alone 2025 is due in April", async () => {
    const { body } = await json(["deadlines", "--year", "2025", "--programs", "PROSEC"]);
    expect(body.programs[0]).toMatchObject({ due: "2025-04-30", lateUntil: "2025-06-30", cancelledOn: "2025-07-01" });
  });

  it("G4: ALTEX and ECEX have no late window", async () => {
    const { body } = await json(["deadlines", "--year", "2025", "--programs", "ALTEX,ECEX"]);
    for (const p of body.programs) expect(p).toMatchObject({ due: "2025-05-30", lateUntil: null, cancelledOn: "2025-05-31" });
  });

  it("prints a readable Spanish table without --json", async () => {
    const r = await run(["deadlines", "--year", "2026", "--programs", "IMMEX"], NOW);
    expect(r.exitCode).toBe(0);
    // 2026: 29 May is the last Friday of May; 31 Aug is a Monday.
    expect(r.stdout).toMatch(/IMMEX\s+1 de abril de 2026\s+29 de mayo de 2026\s+31 de agosto de 2026\s+1 de septiembre de 2026/);
    expect(r.stdout).toMatch(/Extemporáneo hasta/);
  });
});

describe("raoce status", () => {
  it("the issue's example: PROSEC linked, filed 2025-06-10, as of 2025-06-20", async () => {
    const { exitCode, body } = await json(["status", "--year", "2025", "--programs", "IMMEX,PROSEC", "--program", "PROSEC", "--filed", "2025-06-10", "--as-of", "2025-06-20"]);
    expect(exitCode).toBe(0);
    expect(body).toMatchObject({ program: "PROSEC", status: "PRESENTADO_EXTEMPORANEO", reactivationBy: "2025-06-12" });
  });

  it("G5: authorized during the filing year → NO_OBLIGADO; reactivationBy null", async () => {
    const { body } = await json(["status", "--year", "2025", "--program", "IMMEX", "--authorized", "2025-02-15", "--as-of", "2025-05-01"]);
    expect(body).toMatchObject({ status: "NO_OBLIGADO", reactivationBy: null });
  });

  it("G7: as of 2025-09-01 not filed → CANCELADO", async () => {
    const { body } = await json(["status", "--year", "2025", "--program", "immex", "--as-of", "2025-09-01"]);
    expect(body.status).toBe("CANCELADO");
  });

  it("--as-of defaults to today in Mexico City (not UTC)", async () => {
    // 2025-06-01T03:00Z is still 31 May in Mexico City (UTC−6).
    const r = await run(["status", "--year", "2025", "--program", "IMMEX", "--json"], new Date("2025-06-01T03:00:00Z"));
    expect(JSON.parse(r.stdout)).toMatchObject({ asOf: "2025-05-31", status: "SUSPENDIDO" });
  });

  it("a filing date before 1 April is an input error → exit 1", async () => {
    const r = await run(["status", "--year", "2025", "--program", "IMMEX", "--filed", "2025-03-15", "--as-of", "2025-04-10", "--json"], NOW);
    expect(r.exitCode).toBe(1);
  });
});

describe("raoce evaluate", () => {
  const ex = (f: string) => join(__dirname, "../../examples/json", f);

  it("returns the documented JSON shape and exit 0 for a clean report", async () => {
    const { exitCode, body } = await json(["evaluate", ex("immex-industrial.json")]);
    expect(exitCode).toBe(0);
    expect(Object.keys(body.figures)).toEqual(expect.arrayContaining(["balance", "exportShare", "exportsUsd", "salesUsd", "exchangeRate", "exchangeRateSource"]));
    expect(body.programs[0]).toMatchObject({ type: "IMMEX", obliged: true, status: "EN_PLAZO", commitment: "CUMPLE", capture: ["totalSales", "totalExports", "totalImports"] });
    expect(body.programs[0].deadlines).toMatchObject({ due: "2025-05-30" });
  });

  it("exit 1 when the report has errors", async () => {
    const r = await run(["evaluate", ex("errores-tipicos.json")], NOW);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/Error: Total exportaciones \(b\) — /);
  });

  it("--as-of overrides the document's date", async () => {
    const { body } = await json(["evaluate", ex("immex-industrial.json"), "--as-of", "2025-09-01"]);
    expect(body.programs[0].status).toBe("CANCELADO");
  });
});

describe("exit code 2 with one Spanish line on stderr", () => {
  it.each([
    [["deadlines", "--year", "2025", "--programs", "MAQUILA"], /programa desconocido «MAQUILA»/],
    [["deadlines", "--year", "1999", "--programs", "IMMEX"], /no es un año de presentación válido/],
    [["deadlines", "--programs", "IMMEX"], /falta --year/],
    [["deadlines", "--year", "2025", "--programs", "IMMEX", "--colour"], /opción desconocida --colour/],
    [["status", "--year", "2025", "--program", "IMMEX", "--as-of", "2025-02-30"], /no es una fecha válida/],
    [["evaluate", "/no/such/file.json"], /no existe el archivo/],
    [["evaluate", __filename], /no es JSON válido/],
    [["evaluate"], /indique un archivo JSON/],
    [["frobnicate"], /comando desconocido/],
  ])("%j", async (argv, message) => {
    const r = await run(argv as string[], NOW);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr!.split("\n")).toHaveLength(1);
  });
});
