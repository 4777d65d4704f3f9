/** `raoce presentado | carta-correccion | aviso-cambio` and what `check` shows after filing (issue #13). */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { run } from "../../src/cli/main";

const NOW = new Date("2025-05-28T18:00:00Z");
const ROOT = join(__dirname, "..", "..");
const ex = (name: string) => join(ROOT, "examples", `${name}.xlsx`);
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "raoce-af-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("raoce presentado", () => {
  it("writes a copy with the filing and its evidence; the input is untouched; check then shows the filing", async () => {
    const input = join(dir, "libro.xlsx");
    copyFileSync(ex("immex-industrial"), input);
    const before = readFileSync(input);
    const out = join(dir, "presentado.xlsx");
    const r = await run(["presentado", input, "--fecha", "2025-05-28", "--folio", "2505281234567", "--preparo", "Jorge Salinas", "--reviso", "Laura Méndez", "--out", out], NOW);
    expect(r.stderr).toBeUndefined();
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Presentación registrada: IMMEX 83-2019, 2025-05-28, folio 2505281234567 — bloque 1 de la hoja Evidencia \(7 valores capturados, SHA-256 [0-9a-f]{16}…\)/);
    expect(readFileSync(input).equals(before)).toBe(true);
    const c = await run(["check", out, "--as-of", "2025-05-29"], NOW);
    expect(c.stdout).toMatch(/IMMEX 83-2019: Presentado en tiempo/);
    expect(c.stdout).toContain("Evidencia: IMMEX 83-2019 presentado el 28 de mayo de 2025, folio 2505281234567 (bloque 1); sin cambios en lo capturado");
    // Nothing changed since the filing: no letter to write.
    const l = await run(["carta-correccion", out, "--out", join(dir, "carta.docx")], NOW);
    expect(l).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("ningún valor capturado cambió") });
    expect(existsSync(join(dir, "carta.docx"))).toBe(false);
  });

  it("follows fill's no-clobber rules", async () => {
    const input = join(dir, "libro.xlsx");
    copyFileSync(ex("immex-industrial"), input);
    const args = ["presentado", input, "--fecha", "2025-05-28", "--folio", "F1"];
    expect(await run([...args, "--out", input], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("para sobrescribirlo use --in-place") });
    expect(await run([...args, "--out", join(dir, "x.xlsx"), "--in-place"], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("use --out o --in-place, no ambos") });
    expect(await run(["presentado", input, "--folio", "F1"], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("falta --fecha") });
    expect(await run(["presentado", input, "--fecha", "2025-05-28"], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("falta --folio") });
    expect(await run([...args.slice(0, 3), "2025-06-30", "--folio", "F1", "--in-place"], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("posterior a hoy") });
    const inPlace = await run([...args, "--in-place"], NOW);
    expect(inPlace.exitCode).toBe(0);
    // Marking again with another folio is refused unless confirmed; confirmed, it appends block 2.
    const again = await run(["presentado", input, "--fecha", "2025-05-28", "--folio", "F2", "--in-place"], NOW);
    expect(again).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("--reemplazar") });
    const confirmed = await run(["presentado", input, "--fecha", "2025-05-28", "--folio", "F2", "--in-place", "--reemplazar"], NOW);
    expect(confirmed.stdout).toContain("bloque 2 de la hoja Evidencia");
    expect(confirmed.stdout).toContain("Se reemplazaron la fecha 28 de mayo de 2025 y el folio F1");
  });
});

describe("the filed example", () => {
  const filed = ex("immex-presentado-correccion");

  it("check shows the correction, the notices and the health alerts, located", async () => {
    const r = await run(["check", filed], NOW);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("Evidencia: IMMEX 83-2019 presentado el 28 de mayo de 2025, folio 2505281234567 (bloque 1); 2 correcciones: carta a más tardar el 4 de junio de 2025 a las 18:00");
    expect(r.stdout).toContain("Avisos de cambio: 1 vencido, 1 pendiente, 1 presentado");
    expect(r.stdout).toMatch(/Aviso: Cifras!B7 — IMMEX 83-2019: «Total exportaciones \(b\)» cambió después de presentar el RAOCE .*dice 12,000, debe decir 12,500/);
    expect(r.stdout).toMatch(/Error: Avisos!D7 — Aviso de cambio vencido, fila 2 \(Domicilio fiscal\)/);
    expect(r.stdout).toMatch(/Aviso: Avisos!D8 — Aviso de cambio pendiente, fila 3 \(Representante legal\): avise a la SE a más tardar el 3 de junio de 2025/);
    expect(r.stdout).toMatch(/Aviso: Requisitos!B5 — La e\.firma de la empresa vence el 20 de junio de 2025/);
    expect(r.stdout).toMatch(/Error: Requisitos!C23 — Domicilios, fila 3: Bodega/);
    expect(r.stdout).toMatch(/Aviso: Requisitos!B10 — IMMEX: el último mes reportado al INEGI/);
  });

  it("carta-correccion writes the letter with exactly the two changed figures; an existing file needs --force", async () => {
    const out = join(dir, "carta.docx");
    const r = await run(["carta-correccion", filed, "--out", out], NOW);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`${out}: ERROR RAOCE / SAT970701NN3`);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file("word/document.xml")!.async("string");
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]));
    expect(rows).toEqual([["Dato", "Dice", "Debe decir"], ["Ventas totales (a)", "120,000", "121,500"], ["Total exportaciones (b)", "12,000", "12,500"]]);
    expect(await run(["carta-correccion", filed, "--out", out], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("ya existe") });
    expect((await run(["carta-correccion", filed, "--out", out, "--force"], NOW)).exitCode).toBe(0);
  });

  it("aviso-cambio drafts the first pending or overdue notice, or the row asked for", async () => {
    const out = join(dir, "aviso.docx");
    expect((await run(["aviso-cambio", filed, "--out", out], NOW)).stdout).toContain("AVISO DE CAMBIO / SAT970701NN3 / Domicilio fiscal");
    const r3 = await run(["aviso-cambio", filed, "--fila", "3", "--out", join(dir, "aviso3.docx")], NOW);
    expect(r3.stdout).toContain("AVISO DE CAMBIO / SAT970701NN3 / Representante legal");
    expect(await run(["aviso-cambio", filed, "--fila", "9", "--out", join(dir, "a9.docx")], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("no hay fila 9") });
    expect(await run(["aviso-cambio", filed, "--fila", "x", "--out", join(dir, "ax.docx")], NOW)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("--fila x") });
  });
});
