/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { EN } from "../../src/taskpane/strings-en";
import { fakeOperations, renderApp } from "./helpers";

const DONE = {
  status: "done" as const,
  pedimentos: 3,
  cellsWritten: 40,
  issues: [],
  figures: [
    { figure: "totalSales" as const, letter: "a" as const, captured: 500_000, reference: null, difference: null, differencePct: null, status: "sin-datos" as const, explains: [], unexplained: null },
    { figure: "totalExports" as const, letter: "b" as const, captured: 90_000, reference: 120_000, difference: -30_000, differencePct: -0.25, status: "diferencia-material" as const, explains: [{ title: "Operaciones virtuales no incluidas", titleEn: "Virtual operations not included", effectMiles: -30_000, pedimentos: 2 }], unexplained: 0 },
    { figure: "totalImports" as const, letter: "c" as const, captured: 80_000, reference: 80_000, difference: 0, differencePct: 0, status: "conciliado" as const, explains: [], unexplained: 0 },
  ],
};

test("Conciliar shows each figure's status and what explains the difference", async () => {
  const ops = fakeOperations({ reconcile: async () => DONE });
  renderApp(ops);
  fireEvent.click(screen.getByRole("button", { name: "Conciliar" }));
  await screen.findByText("Conciliación con los pedimentos");
  expect(screen.getByText("Diferencia material")).toBeTruthy();
  expect(screen.getByText("Conciliado")).toBeTruthy();
  expect(screen.getByText(/Explica: Operaciones virtuales no incluidas/)).toBeTruthy();
  expect(screen.getByText("Conciliación escrita en la hoja Conciliación (3 pedimentos).")).toBeTruthy();
});

test("an empty Pedimentos list says what to do, in English too", async () => {
  const ops = fakeOperations();
  renderApp(ops, EN);
  fireEvent.click(screen.getByRole("button", { name: "Reconcile" }));
  await screen.findByText(/The Pedimentos sheet is empty/);
});
