/** `raoce` command line: the same engine as the add-in, over JSON and .xlsx files, with no Excel. */
import { deadlinesCommand } from "./commands/deadlines";
import { evaluateCommand } from "./commands/evaluate";
import { calendarioCommand } from "./commands/calendario";
import { carteraCommand } from "./commands/cartera";
import { checkCommand } from "./commands/check";
import { conciliarCommand } from "./commands/conciliar";
import { fillCommand } from "./commands/fill";
import { presentadoCommand } from "./commands/presentado";
import { avisoCambioCommand, cartaCorreccionCommand } from "./commands/letters";
import { layoutCommand } from "./commands/layout";
import { rulesCommand } from "./commands/rules";
import { nuevoEjercicioCommand } from "./commands/nuevo-ejercicio";
import { statusCommand } from "./commands/status";
import { templateCommand } from "./commands/template";
import type { CommandResult } from "./commands/types";
import { EXIT, UsageError } from "./errors";
import { COMMAND_HELP, HELP, wantsHelp } from "./help";
import { printable, terminalText } from "./format";

export { HELP } from "./help";

type Command = (argv: string[], now: Date) => CommandResult | Promise<CommandResult>;

const COMMANDS: Record<string, Command> = {
  deadlines: deadlinesCommand,
  status: statusCommand,
  evaluate: evaluateCommand,
  template: templateCommand,
  layout: layoutCommand,
  check: checkCommand,
  fill: fillCommand,
  reglas: rulesCommand,
  conciliar: conciliarCommand,
  presentado: presentadoCommand,
  "carta-correccion": cartaCorreccionCommand,
  "aviso-cambio": avisoCambioCommand,
  cartera: carteraCommand,
  calendario: calendarioCommand,
  "nuevo-ejercicio": nuevoEjercicioCommand,
};

/** Every command name (a help page must exist for each: tests/cli/cli-words.test.ts). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export async function run(argv: string[], now: Date = new Date()): Promise<CommandResult> {
  const r = await runCommand(argv, now);
  const safe: CommandResult = { stdout: terminalText(r.stdout), exitCode: r.exitCode };
  if (r.stderr) safe.stderr = terminalText(r.stderr);
  return safe;
}

async function runCommand(argv: string[], now: Date): Promise<CommandResult> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") return { stdout: HELP, exitCode: EXIT.ok };
  if (name === "help") return { stdout: (rest[0] && COMMAND_HELP[rest[0]]) || HELP, exitCode: EXIT.ok };
  const command = COMMANDS[name];
  if (!command) return { stdout: "", stderr: `raoce: comando desconocido «${printable(name)}»; use ${Object.keys(COMMANDS).join(", ")} (raoce --help)`, exitCode: EXIT.unusable };
  if (wantsHelp(rest)) return { stdout: COMMAND_HELP[name] ?? HELP, exitCode: EXIT.ok };
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
