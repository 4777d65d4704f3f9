/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import { Shell } from "../../src/taskpane/App";
import { ProgramCards, STATUS_COLOR } from "../../src/taskpane/components/ProgramCards";
import { ES, type Strings } from "../../src/taskpane/strings";
import { EN } from "../../src/taskpane/strings-en";
import { example, resultOf } from "./helpers";
import type { ReportResult } from "../../src/domain/evaluate";
import { STATUS_CODES } from "../../src/domain/status";

function renderCards(result: ReportResult, strings: Strings = ES) {
  return render(
    <Shell strings={strings}>
      <ProgramCards strings={strings} result={result} />
    </Shell>,
  );
}

const card = (name: RegExp) => screen.getByRole("article", { name });

describe("program cards", () => {
  test("IMMEX within the deadline: status badge, next date with days left, verdict, what to capture", () => {
    const result = resultOf(example("immex-industrial.json"));
    renderCards(result);
    const c = card(/IMMEX 83-2019/);
    expect(c.getAttribute("data-status")).toBe("EN_PLAZO");
    expect(within(c).getByTestId("status-badge").textContent).toBe("En plazo");
    // Due on the last business day of May 2025 (Fri 30 May), 15 days after the as-of date (R7).
    expect(c.textContent).toMatch(/Vence: 30 de mayo de 2025 · faltan 15 días/);
    expect(within(c).getByText("Cumple")).toBeTruthy();
    const capture = within(c).getByRole("list", { name: "Qué capturar en VUCEM" });
    expect(within(capture).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Ventas totales (a), miles de pesos",
      "Total de exportaciones (b), miles de pesos",
      "Total de importaciones (c), miles de pesos",
    ]);
    expect(screen.getByText("Porcentaje de exportación")).toBeTruthy();
  });

  test("statuses of several programs: IMMEX filed late, PROSEC replicated", () => {
    const result = resultOf(example("immex-prosec-autopartes.json"), "2025-06-20");
    renderCards(result);
    const statuses = screen.getAllByRole("article").map((a) => [a.getAttribute("data-program"), a.getAttribute("data-status")]);
    expect(statuses).toEqual(result.programs.map((p) => [p.type, p.status]));
    const immex = card(/IMMEX/);
    expect(within(immex).getByTestId("status-badge").textContent).toBe("Presentado fuera de plazo (reactivación)");
    expect(immex.textContent).toContain("Reactivación a más tardar");
  });

  test("a suspended program past its due date shows its next milestone (cancellation path)", () => {
    const result = resultOf(example("immex-late-2024.json"), "2024-07-15");
    renderCards(result);
    const c = card(/IMMEX 2012-1188/);
    expect(c.getAttribute("data-status")).toBe("SUSPENDIDO");
    expect(within(c).getByTestId("status-badge").textContent).toBe("Suspendido");
    expect(c.textContent).toMatch(/Último día extemporáneo: 30 de agosto de 2024/);
  });

  test("every status has a badge color", () => {
    for (const code of STATUS_CODES) expect(STATUS_COLOR[code]).toBeTruthy();
  });

  test("no programs → explains what to fill in", () => {
    const result = resultOf({ ...example("immex-industrial.json"), programs: [] });
    renderCards(result);
    expect(screen.getByText(ES.noPrograms)).toBeTruthy();
  });

  test("en-US: labels, status and reason in English; VUCEM field names stay Spanish with a gloss", () => {
    const result = resultOf(example("immex-industrial.json"));
    renderCards(result, EN);
    const c = card(/IMMEX 83-2019/);
    expect(within(c).getByTestId("status-badge").textContent).toBe("Within the deadline");
    expect(c.textContent).toMatch(/Due: 30 May 2025 · 15 days left/);
    expect(within(c).getByText("Met")).toBeTruthy();
    expect(c.textContent).toContain(result.programs[0]!.commitmentReasonEn);
    expect(c.textContent).toContain("Ventas totales (a) — total sales");
    expect(screen.getByText(/Source: Banxico FIX average 2024/)).toBeTruthy();
  });
});
