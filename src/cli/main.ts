/** `raoce` command line: the same engine as the add-in, over JSON and .xlsx files, with no Excel. */
import { deadlinesCommand } from "./commands/deadlines";
import { evaluateCommand } from "./commands/evaluate";
import { calendarioCommand } from "./commands/calendario";
import { carteraCommand } from "./commands/cartera";
import { checkCommand } from "./commands/check";
import { fillCommand } from "./commands/fill";
import { layoutCommand } from "./commands/layout";
import { nuevoEjercicioCommand } from "./commands/nuevo-ejercicio";
import { statusCommand } from "./commands/status";
import { templateCommand } from "./commands/template";
import type { CommandResult } from "./commands/types";
import { EXIT, UsageError } from "./errors";
import { printable, terminalText } from "./format";

export const HELP = `raoce — Reporte Anual de Operaciones de Comercio Exterior (IMMEX, PROSEC, ALTEX, ECEX)

Uso:
  raoce deadlines --year 2025 --programs IMMEX,PROSEC [--extra-days 2025-04-17,2025-04-18] [--json]
  raoce status --year 2025 --programs IMMEX,PROSEC --program PROSEC [--filed D] [--as-of D]
               [--authorized D] [--cancelled D] [--immex-filed D] [--extra-days D,…] [--json]
  raoce evaluate <reporte.json | -> [--as-of AAAA-MM-DD] [--json]
  raoce template [--out plantilla-raoce.xlsx] [--force] [--cartera]
                                                            plantilla de Excel vacía (--cartera: hoja Cartera)
  raoce layout [--json]                                     nombres y columnas de la plantilla
  raoce check <libro.xlsx>… [--as-of AAAA-MM-DD] [--json | --resumen]
                                                            revisa libros sin modificarlos (--resumen: una línea por cliente)
  raoce fill <libro.xlsx> [--out salida.xlsx | --in-place] [--as-of AAAA-MM-DD]
                                                            escribe plazos, estado, cifras, Problemas y Captura VUCEM
  raoce fill <libros o carpetas>… --out-dir DIR [--as-of D]  llena copias de muchos libros (los originales no cambian)
  raoce cartera <libros o carpetas>… [--out cartera.xlsx] [--as-of D] [--json | --csv] [--alerta N]
                                                            un renglón por cliente × programa, ordenado por urgencia
  raoce calendario <libros o carpetas>… [--out raoce.ics] [--desde D] [--hasta D] [--aviso N]
                                                            recordatorios de plazos para Outlook o Google Calendar
  raoce nuevo-ejercicio <anterior.xlsx> --out nuevo.xlsx | <libros o carpetas>… --out-dir DIR
                                                            inicia el año siguiente con empresa, programas y bienes

Fechas en formato AAAA-MM-DD. --as-of toma por omisión la fecha de hoy en la Ciudad de México.
Códigos de salida: 0 correcto · 1 el reporte tiene errores · 2 invocación o archivo inutilizable
                  · 3 (cartera --alerta N) hay programas suspendidos, cancelados o por vencer en N días.`;

type Command = (argv: string[], now: Date) => CommandResult | Promise<CommandResult>;

const COMMANDS: Record<string, Command> = {
  deadlines: deadlinesCommand,
  status: statusCommand,
  evaluate: evaluateCommand,
  template: templateCommand,
  layout: layoutCommand,
  check: checkCommand,
  fill: fillCommand,
  cartera: carteraCommand,
  calendario: calendarioCommand,
  "nuevo-ejercicio": nuevoEjercicioCommand,
};

export async function run(argv: string[], now: Date = new Date()): Promise<CommandResult> {
  const r = await runCommand(argv, now);
  const safe: CommandResult = { stdout: terminalText(r.stdout), exitCode: r.exitCode };
  if (r.stderr) safe.stderr = terminalText(r.stderr);
  return safe;
}

async function runCommand(argv: string[], now: Date): Promise<CommandResult> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") return { stdout: HELP, exitCode: EXIT.ok };
  const command = COMMANDS[name];
  if (!command) return { stdout: "", stderr: `raoce: comando desconocido «${printable(name)}»; use deadlines, status, evaluate, template, layout, check o fill (raoce --help)`, exitCode: EXIT.unusable };
  try {
    return await command(rest, now);
  } catch (e) {
    if (e instanceof UsageError) return { stdout: "", stderr: printable(`raoce ${name}: ${e.message}`), exitCode: EXIT.unusable };
    throw e;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (r) => {
      if (r.stdout) process.stdout.write(r.stdout + "\n");
      if (r.stderr) process.stderr.write(r.stderr + "\n");
      process.exitCode = r.exitCode;
    },
    (e: unknown) => {
      process.stderr.write(`${printable(`raoce: error interno: ${e instanceof Error ? e.message : String(e)}`)}\n`);
      process.exitCode = EXIT.unusable;
    },
  );
}
