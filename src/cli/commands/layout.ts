/** `raoce layout [--json]`: every input and output of the template, by defined name or Table[Column]. */
import { describeLayout } from "../../workbook/layout";
import { parse } from "../args";
import { json, table } from "../format";
import type { CommandResult } from "./types";

export function layoutCommand(argv: string[]): CommandResult {
  const { values } = parse(argv, { json: { type: "boolean" } });
  const layout = describeLayout();
  if (values.json) return { stdout: json(layout), exitCode: 0 };
  const rows = (kind: string, list: typeof layout.inputs) => list.map((e) => [kind, e.name, e.sheet, e.ref, e.type, e.path ?? e.output ?? ""]);
  return {
    stdout: [
      `Plantilla RAOCE ${layout.version} — entradas y resultados (por nombre definido o Tabla[Columna])`,
      "",
      table(["", "Nombre", "Hoja", "Referencia", "Tipo", "Dato"], [...rows("entrada", layout.inputs), ...rows("resultado", layout.outputs)]),
    ].join("\n"),
    exitCode: 0,
  };
}
