/** @jest-environment jsdom */
/** Issue #10 §3: the rules catalog is reachable from the pane, searchable by id, and issues name their rule. */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { Shell } from "../../src/taskpane/App";
import { IssueList } from "../../src/taskpane/components/IssueList";
import { RulesDialog } from "../../src/taskpane/components/RulesDialog";
import { RULES_CATALOG } from "../../src/domain/rules-catalog";
import { ES } from "../../src/taskpane/strings";
import { EN } from "../../src/taskpane/strings-en";

describe("Reglas dialog", () => {
  test("opens from its button, lists every rule and finds R21a by id", async () => {
    render(
      <Shell strings={ES}>
        <RulesDialog strings={ES} />
      </Shell>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Reglas que aplica RAOCE" }));
    const dialog = await screen.findByRole("dialog");
    const list = within(dialog).getByRole("list", { name: "Reglas que aplica RAOCE" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(RULES_CATALOG.length);
    fireEvent.change(within(dialog).getByRole("textbox"), { target: { value: "r21a" } });
    const items = within(dialog).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toMatch(/R21a — Lo que VUCEM acepta/);
    expect(items[0]!.textContent).toMatch(/Fundamento: Formulario VUCEM .*Confianza: Media/);
  });

  test("searches words without accents and says when nothing matches (English pane)", async () => {
    render(
      <Shell strings={EN}>
        <RulesDialog strings={EN} />
      </Shell>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Rules RAOCE applies" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox"), { target: { value: "fraccion" } });
    expect(within(dialog).getAllByRole("listitem").map((li) => li.getAttribute("data-rule"))).toContain("R36");
    fireEvent.change(within(dialog).getByRole("textbox"), { target: { value: "zzzz" } });
    expect(within(dialog).getByRole("status").textContent).toBe("No rule matches.");
  });
});

test("an issue with a rule names it in words with the id the dialog finds", () => {
  render(
    <Shell strings={ES}>
      <IssueList
        strings={ES}
        issues={[{ severity: "warning", code: "X", message: "No se presentó.", messageEn: "Not filed.", path: "programs[0].filedOn", location: "Programas!F6", rule: "R8/R10" }]}
        onSelect={() => undefined}
      />
    </Shell>,
  );
  expect(screen.getByText("Fundamento: Plazos PROSEC (regla R8)")).toBeTruthy();
});
