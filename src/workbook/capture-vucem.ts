/** The Captura VUCEM list: what to type on each VUCEM screen, in order. Pure. */
import { formatTariffCode } from "../domain/tariff";
import type { UsableAnalysis } from "./analyze";
import type { PlanValue } from "./port";
import { plural } from "./write-plan";

/** Up to this many goods, Captura VUCEM lists each field of each good on its own row; beyond, one row per good. */
export const CAPTURE_GOODS_DETAILED = 100;

export const CAPTURE_ES: Record<string, string> = {
  totalSales: "Ventas totales (a)",
  totalExports: "Total exportaciones (b)",
  totalImports: "Total importaciones (c)",
  goods: "Relación de bienes producidos",
};

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The rows of the Captura VUCEM list: what to type on each VUCEM screen, in order. */
export function captureRows(a: UsableAnalysis): PlanValue[][] {
  const r = a.result;
  const doc = a.input as { figures?: Record<string, unknown>; goods?: Record<string, unknown>[]; company?: Record<string, unknown> };
  const figures = doc.figures ?? {};
  const rows: PlanValue[][] = [];
  let step = 0;
  const screen = (program: string, name: string, fields: [string, PlanValue, string?][]) => {
    step += 1;
    for (const [field, value, note] of fields) rows.push([step, program, name, field, value, note ?? null]);
  };

  if (a.summary.errors > 0) {
    rows.push([null, null, "Antes de capturar", `Hay ${plural(a.summary.errors, "error", "errores")}`, null, "Corríjalos (hoja Problemas) antes de capturar: VUCEM no permite editar un reporte firmado (R33)."]);
  }
  const obliged = r.programs.filter((p) => p.obliged);
  if (r.programs.length === 0) {
    rows.push([null, null, "—", "Sin programas válidos", null, "Capture sus programas en la hoja Programas."]);
    return rows;
  }
  for (const p of r.programs.filter((x) => !x.obliged)) {
    rows.push([null, p.type, "—", `${p.type} ${p.number ?? ""}`.trim(), "No se captura", `${p.statusLabel ?? "No obligado"}: ${p.commitmentReason}`]);
  }
  if (obliged.length === 0) return rows;

  screen("Todos", "Ingreso a VUCEM (www.ventanillaunica.gob.mx)", [
    ["RFC", r.company.rfc, "Entre con la e.firma de la empresa o del representante legal."],
    ["Trámite", "Reporte Anual de Operaciones de Comercio Exterior", `Se presenta en ${r.filingYear ?? "?"} por el ejercicio ${r.fiscalYear ?? "?"}.`],
  ]);
  for (const p of obliged) {
    const replicated = p.type === "PROSEC" && r.programs.some((x) => x.type === "IMMEX" && x.obliged);
    if (replicated) {
      rows.push([null, p.type, "—", `PROSEC ${p.number ?? ""}`.trim(), "Se replica del reporte IMMEX", "R10: el reporte IMMEX se replica a PROSEC; no se captura por separado."]);
      continue;
    }
    const label = `${p.type} ${p.number ?? ""}`.trim();
    const d = p.deadlines;
    screen(p.type, "Selección del programa", [
      ["Programa", p.type],
      ["Número de programa", p.number, d ? `Vence el ${d.due}${d.lateUntil ? `; extemporáneo hasta el ${d.lateUntil}` : ""}.` : undefined],
      ["Ejercicio", r.fiscalYear === null ? null : String(r.fiscalYear)],
    ]);
    const fields: [string, PlanValue, string?][] = [];
    if (p.capture.includes("totalSales")) fields.push([CAPTURE_ES.totalSales!, num(figures.totalSales), "Miles de pesos; incluye las exportaciones."]);
    if (p.capture.includes("totalExports")) fields.push([CAPTURE_ES.totalExports!, num(figures.totalExports), "Miles de pesos; directas + indirectas."]);
    if (p.capture.includes("totalImports")) fields.push([CAPTURE_ES.totalImports!, num(figures.totalImports) ?? 0, "Miles de pesos."]);
    else if (p.type === "IMMEX") fields.push([CAPTURE_ES.totalImports!, "No se captura", "VUCEM deshabilita importaciones para IMMEX con programas ligados (R22)."]);
    const f = r.figures;
    fields.push(["Saldo y % de exportación", "Los calcula VUCEM", `Verifique: saldo ${f.balance ?? "—"} miles de pesos; exportación ${f.exportShare === null ? "—" : f.exportShare.toFixed(2) + " %"}.`]);
    screen(p.type, `Balanza comercial — ${label}`, fields);
    if (p.capture.includes("goods")) {
      const goods = r.goods.filter((g) => g.valid);
      if (goods.length === 0) {
        rows.push([null, p.type, "Relación de bienes producidos", "Sin bienes válidos", null, "Capture al menos un bien en la hoja Bienes (R23)."]);
      }
      const lines = goods.map((g) => {
        const src = doc.goods?.[g.index] ?? {};
        return {
          sector: g.sector,
          tariff: g.tariffCode ? formatTariffCode(g.tariffCode) : null,
          description: typeof src.description === "string" ? src.description : null,
          unit: g.unit === null ? null : `${g.unit} - ${g.unitName ?? ""}`,
          volume: num(src.totalVolume),
        };
      });
      if (lines.length > CAPTURE_GOODS_DETAILED) {
        // Long lists: one row per good (sector · fracción · unidad in Campo, volume in Valor, description in Nota).
        screen(
          p.type,
          "Relación de bienes producidos",
          lines.map((l, k) => [`Bien ${k + 1} de ${lines.length}: ${l.sector ?? "?"} · ${l.tariff ?? "?"} · ${l.unit ?? "?"}`, l.volume, l.description ?? undefined]),
        );
      } else {
        lines.forEach((l, k) =>
          screen(p.type, `Relación de bienes producidos — bien ${k + 1} de ${lines.length}`, [
            ["Sector", l.sector],
            ["Fracción arancelaria", l.tariff],
            ["Descripción del bien", l.description],
            ["Unidad de medida", l.unit],
            ["Volumen del total de bienes producidos", l.volume],
          ]),
        );
      }
    }
    screen(p.type, "Firma y acuse", [
      ["Firma", "e.firma", "Revise todo antes de firmar: un reporte firmado no se edita (R33)."],
      ["Acuse", "Guárdelo", `Anote la fecha de presentación y el folio del acuse en la hoja Programas (fila ${label}).`],
    ]);
  }
  return rows;
}

