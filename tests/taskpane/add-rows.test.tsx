/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { ES } from "../../src/taskpane/strings";
import { EN } from "../../src/taskpane/strings-en";
import { fakeOperations, renderApp } from "./helpers";

describe("task pane: Agregar filas (tables on protected sheets)", () => {
  test("adds the chosen number of rows to the chosen table and says how many it has now", async () => {
    const ops = fakeOperations();
    renderApp(ops);
    fireEvent.change(screen.getByRole("combobox", { name: "Tabla" }), { target: { value: "tblProgramas" } });
    const count = screen.getByRole("spinbutton", { name: "Filas a agregar" });
    fireEvent.change(count, { target: { value: "4" } });
    fireEvent.blur(count);
    fireEvent.click(screen.getByRole("button", { name: "Agregar filas" }));
    await screen.findByText("4 filas agregadas a tblProgramas; ahora tiene 34 filas.");
    expect(ops.addRows).toHaveBeenCalledWith("tblProgramas", 4);
  });

  test("a password-protected sheet gets the sheet-password message, in Spanish and in English", async () => {
    const failing = () => fakeOperations({ addRows: async () => Promise.reject(Object.assign(new Error("x"), { code: "SheetPassword", sheets: ["Bienes"] })) });
    const es = renderApp(failing());
    fireEvent.click(screen.getByRole("button", { name: "Agregar filas" }));
    await screen.findByText(ES.errors.sheetPassword("«Bienes»"));
    expect(ES.errors.sheetPassword("«Bienes»")).toMatch(/«Bienes» está protegida con contraseña/);
    es.unmount();
    renderApp(failing(), EN);
    fireEvent.click(screen.getByRole("button", { name: "Add rows" }));
    await screen.findByText(EN.errors.sheetPassword("«Bienes»"));
    expect(EN.errors.sheetPassword("«Bienes»")).toMatch(/«Bienes» is protected with a password/);
  });
});
