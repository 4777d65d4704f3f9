/**
 * The content of the letters RAOCE drafts (pure): the R33 correction letter and the R34/R49 change notice
 * (escrito libre). Adapters turn a `LetterContent` into a .docx or into a printable sheet; they add nothing.
 */
import { longDateEs, type IsoDate } from "../dates";
import type { Correction, CorrectionDeadline } from "./corrections";
import type { ChangeNotice } from "./notices";
import { NOTICE_TYPES, noticeBasis } from "./notices";

export const SE_MAILBOX: Record<string, string> = {
  IMMEX: "atencion.immex@economia.gob.mx",
  PROSEC: "atencion.prosec@economia.gob.mx",
};

export interface LetterParty {
  companyName: string | null;
  rfc: string | null;
  programType: string;
  programNumber: string | null;
  representative: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  /** City written before the date ("Monterrey, Nuevo León"). */
  place: string | null;
}

export interface LetterContent {
  /** File-name-safe short name ("carta-correccion-IMMEX-2019-8664"). */
  slug: string;
  to: string[];
  subject: string;
  /** A note for the sender, not part of the letter (deadline, how to send it). */
  senderNote: string[];
  dateLine: string;
  addressee: string[];
  paragraphs: string[];
  table: { headers: string[]; rows: string[][] } | null;
  closingParagraphs: string[];
  attachments: string[];
  signature: string[];
}

const dash = (v: string | null | undefined) => (v && v.trim() ? v.trim() : "________________");

/** E-mail addresses for a program (the guide names both boxes; the program's own goes first). */
export function mailboxesFor(programType: string): string[] {
  const own = SE_MAILBOX[programType];
  const all = [SE_MAILBOX.IMMEX!, SE_MAILBOX.PROSEC!];
  return own ? [own, ...all.filter((m) => m !== own)] : all;
}

function dateLine(party: LetterParty, today: IsoDate): string {
  return `${party.place?.trim() ? `${party.place.trim()}, a` : "A"} ${longDateEs(today)}`;
}

function signature(party: LetterParty): string[] {
  return ["Atentamente,", "", "", "_______________________________________", dash(party.representative), "Representante legal", dash(party.companyName)];
}

function contactLine(party: LetterParty): string {
  return `Datos de contacto: ${dash(party.contactName)}, teléfono ${dash(party.phone)}, correo electrónico ${dash(party.email)}.`;
}

const slugOf = (...parts: (string | null)[]) =>
  parts
    .filter(Boolean)
    .join("-")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");

/** R33: "ERROR RAOCE / <RFC>" with each correction as Dice / Debe decir. */
export function correctionLetter(input: {
  party: LetterParty;
  filedOn: IsoDate;
  folio: string;
  fiscalYear: number | null;
  corrections: readonly Correction[];
  deadline: CorrectionDeadline;
  today: IsoDate;
}): LetterContent {
  const { party, corrections } = input;
  const program = `${party.programType}${party.programNumber ? ` número ${party.programNumber}` : ""}`;
  return {
    slug: slugOf("carta-correccion", party.programType, party.programNumber),
    to: mailboxesFor(party.programType),
    subject: `ERROR RAOCE / ${party.rfc ?? "(RFC)"}`,
    senderNote: [
      `Enviar por correo electrónico a ${mailboxesFor(party.programType).join(" y ")} a más tardar el ${longDateEs(input.deadline.by)} a las 18:00 (5.º día hábil después de la presentación; fecha segura si solo se descuentan sábados y domingos: ${longDateEs(input.deadline.safe)}). El correo se recibe de lunes a viernes de 9:00 a 18:00.`,
      "Firme la carta el representante legal y adjunte los anexos listados.",
    ],
    dateLine: dateLine(party, input.today),
    addressee: ["Secretaría de Economía", `Atención: ${party.programType === "PROSEC" ? "PROSEC" : "IMMEX"} — Reporte Anual de Operaciones de Comercio Exterior`, "P r e s e n t e"],
    paragraphs: [
      `${dash(party.representative)}, en mi carácter de representante legal de ${dash(party.companyName)}, con RFC ${dash(party.rfc)}, titular del programa ${program}, manifiesto que en el Reporte Anual de Operaciones de Comercio Exterior${input.fiscalYear ? ` del ejercicio ${input.fiscalYear}` : ""} presentado el ${longDateEs(input.filedOn)} con folio ${input.folio} se capturaron por error los datos siguientes, que deben leerse como se indica (cifras en miles de pesos, como se capturan en VUCEM):`,
    ],
    table: { headers: ["Dato", "Dice", "Debe decir"], rows: corrections.map((c) => [c.label, c.said, c.shouldSay]) },
    closingParagraphs: [
      "Solicito se tenga por presentada la presente aclaración en los términos de la Guía del Reporte Anual de Operaciones de Comercio Exterior, dentro de los 5 días hábiles posteriores a su presentación.",
      `Razón social: ${dash(party.companyName).replace(/\.$/, "")}. RFC: ${dash(party.rfc)}. Programa: ${party.programType}, número ${dash(party.programNumber)}.`,
      contactLine(party),
    ],
    attachments: ["Documento que acredita la personalidad del representante legal.", "Declaración anual presentada ante el SAT."],
    signature: signature(party),
  };
}

/** R34/R49: escrito libre notifying a change within 10 business days (SE rule 1.3.12). */
export function noticeLetter(input: { party: LetterParty; notice: ChangeNotice; today: IsoDate }): LetterContent {
  const { party, notice } = input;
  const type = NOTICE_TYPES.find((t) => t.key === notice.type);
  const what = type?.label ?? notice.typeText ?? "cambio";
  const program = `${party.programType}${party.programNumber ? ` número ${party.programNumber}` : ""}`;
  return {
    slug: slugOf("aviso-cambio", party.programType, party.programNumber, notice.occurredOn ?? null),
    to: mailboxesFor(party.programType),
    subject: `AVISO DE CAMBIO / ${party.rfc ?? "(RFC)"} / ${what}`,
    senderNote: notice.deadline
      ? [
          `Enviar a ${mailboxesFor(party.programType)[0]} a más tardar el ${longDateEs(notice.deadline)} (10 días hábiles desde el ${longDateEs(notice.occurredOn!)}, ${noticeBasis(notice.occurredOn)}; fecha segura si solo se descuentan sábados y domingos: ${longDateEs(notice.safeDeadline!)}).`,
          "Borrador de escrito libre: revise y complete los datos antes de firmar.",
        ]
      : ["Borrador de escrito libre: revise y complete los datos antes de firmar."],
    dateLine: dateLine(party, input.today),
    addressee: ["Secretaría de Economía", `Atención: programa ${party.programType}`, "P r e s e n t e"],
    paragraphs: [
      `${dash(party.representative)}, en mi carácter de representante legal de ${dash(party.companyName)}, con RFC ${dash(party.rfc)}, titular del programa ${program}, con fundamento en ${notice.occurredOn && notice.occurredOn < "2026-02-13" ? "las Reglas y criterios de carácter general en materia de comercio exterior de la Secretaría de Economía (DOF 9 de mayo de 2022)" : "la regla 1.3.12 de las Reglas y criterios de carácter general en materia de comercio exterior de la Secretaría de Economía"}, informo el siguiente cambio:`,
    ],
    table: {
      headers: ["Concepto", "Dato"],
      rows: [
        ["Tipo de cambio", what],
        ["Fecha en que ocurrió", notice.occurredOn ? longDateEs(notice.occurredOn) : "________________"],
        ["Descripción", dash(notice.description)],
      ],
    },
    closingParagraphs: [
      "Solicito se tenga por presentado el presente aviso dentro del plazo de diez días hábiles y se actualicen los registros del programa.",
      contactLine(party),
    ],
    attachments: ["Documento que acredita la personalidad del representante legal.", ...(type?.attachments ?? ["Documento que acredita el cambio."])],
    signature: signature(party),
  };
}
