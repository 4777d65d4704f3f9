/**
 * `raoce calendario <files or folders…> --out raoce.ics [--desde D] [--hasta D] [--aviso N]` (issue #11 §2): the R59
 * reminders of every client × program as one iCalendar file for Outlook or Google Calendar. Exit 2 when a file is
 * unusable (listed; the others are still in the calendar), else 0.
 */
import { writeFileSync, renameSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fnv1a64, withinRange, type Reminder } from "../../domain/portfolio/reminders";
import { remindersIcs } from "../../workbook/reminders-ics";
import { reminderPrograms, workbookReminders } from "../../workbook/reminder-programs";
import { todayInMexico } from "../../workbook/today";
import { optionalDate, parse } from "../args";
import { EXIT, UsageError } from "../errors";
import { printable } from "../format";
import { readPortfolio } from "../portfolio-run";
import type { CommandResult } from "./types";

export async function calendarioCommand(argv: string[], now: Date): Promise<CommandResult> {
  const { values, positionals } = parse(argv, { out: { type: "string" }, desde: { type: "string" }, hasta: { type: "string" }, aviso: { type: "string" } }, true);
  if (positionals.length === 0) throw new UsageError("indique libros .xlsx o carpetas: raoce calendario clientes/ --out raoce.ics");
  const out = (values.out as string | undefined) ?? "raoce.ics";
  if (!/\.ics$/i.test(out)) throw new UsageError(`--out ${out}: el archivo debe terminar en .ics`);
  const from = optionalDate(values.desde as string | undefined, "--desde");
  const to = optionalDate(values.hasta as string | undefined, "--hasta");
  if (from && to && from > to) throw new UsageError(`--desde ${from} es posterior a --hasta ${to}`);
  let alarmDays: number | null = 3;
  if (values.aviso !== undefined) {
    const n = Number(values.aviso);
    if (!Number.isInteger(n) || n < 0 || n > 60) throw new UsageError(`--aviso ${String(values.aviso)}: indique los días de anticipación de la alarma (0 a 60)`);
    alarmDays = n;
  }
  const today = todayInMexico(now);
  const reminders: Reminder[] = [];
  let programs = 0;
  const batch = await readPortfolio(positionals, today, undefined, {
    onClient(file, a) {
      programs += reminderPrograms(file, a).length;
      reminders.push(...workbookReminders(file, a));
    },
  });
  // The same RFC in two workbooks (a copy, or last year's file next to this year's) would give two events one UID:
  // the later file's events get a UID of their own and the accountant is told.
  const owner = new Map<string, string>();
  const dupes = new Map<string, Set<string>>();
  const unique = reminders.map((r) => {
    const first = owner.get(r.uid);
    const file = /Libro: (.*)$/m.exec(r.description)?.[1] ?? "";
    if (first === undefined) {
      owner.set(r.uid, file);
      return r;
    }
    if (first === file) return r;
    const key = r.title.split(" · ")[0]!;
    dupes.set(key, (dupes.get(key) ?? new Set([first])).add(file));
    return { ...r, uid: r.uid.replace("@", `-${fnv1a64(file).slice(0, 8)}@`) };
  });
  const kept = withinRange(unique, from, to);
  const text = remindersIcs(kept, { alarmDays, stamp: now });
  try {
    const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
    writeFileSync(tmp, text, "utf8");
    renameSync(tmp, out);
  } catch (e) {
    return { stdout: "", stderr: `raoce calendario: no se pudo escribir ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, exitCode: EXIT.unusable };
  }
  const cancelled = kept.filter((r) => r.cancelled).length;
  const clients = batch.files - batch.unusable.filter((u) => !u.reason.startsWith("no existe")).length;
  const range = from || to ? ` entre ${from ?? "el inicio"} y ${to ?? "el final"}` : "";
  const lines = [
    `${kept.length} eventos${range} de ${programs} programas de ${Math.max(0, clients)} clientes escritos en ${out}` +
      (cancelled ? ` (${cancelled} marcados como cancelados porque el programa ya se presentó)` : ""),
    alarmDays === null ? "" : `Alarma ${alarmDays === 0 ? "el mismo día" : `${alarmDays} ${alarmDays === 1 ? "día" : "días"} antes`} de cada evento. Importe el archivo en Outlook o Google Calendar; al importarlo de nuevo los eventos se actualizan.`,
  ].filter(Boolean);
  for (const [rfc, files] of dupes) lines.push(printable(`Aviso: el RFC ${rfc} aparece en ${files.size} libros (${[...files].join(", ")}); revise que no sea el mismo cliente dos veces.`));
  const result: CommandResult = { stdout: lines.join("\n"), exitCode: batch.unusable.length ? EXIT.unusable : EXIT.ok };
  if (batch.unusable.length) result.stderr = batch.unusable.map((u) => printable(`raoce calendario: ${u.file}: ${u.reason}`)).join("\n");
  return result;
}
