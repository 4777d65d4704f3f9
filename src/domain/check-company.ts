/** Company identity checks: RFC (R40–R42) and company name. */
import { issue, type Issue } from "./issues";
import { validateRfc } from "./rfc";
import type { ParsedInput } from "./parse-input";

export function checkCompany(parsed: ParsedInput): Issue[] {
  const out: Issue[] = [];
  const { rfc, name } = parsed.company;
  if (rfc !== undefined) {
    const check = validateRfc(rfc);
    if (check.verdict === "INVALIDO") out.push(issue("error", check.code, "company.rfc", check.message, check.messageEn, "R40"));
    else if (check.verdict === "ADVERTENCIA") out.push(issue("warning", check.code, "company.rfc", check.message, check.messageEn, "R42"));
    // R42 rev. 2026-11: lowercase, spaces or dashes are normalized, and the user sees the result (Captura shows it).
    if (check.normalized !== "" && check.normalized !== rfc.trim()) {
      out.push(issue("warning", "RFC_NORMALIZED", "company.rfc", `RFC «${rfc.trim()}» normalizado a ${check.normalized} (mayúsculas, sin espacios ni guiones): así se captura en VUCEM. Corrija la celda si el resultado no es su RFC.`, `RFC "${rfc.trim()}" normalized to ${check.normalized} (upper case, no spaces or dashes): that is how it is captured in VUCEM. Fix the cell if the result is not your RFC.`, "R42"));
    }
    if (check.kind === "GENERICO") {
      out.push(issue("warning", "RFC_GENERIC_OWN", "company.rfc", `${check.normalized} es un RFC genérico (público en general o extranjero): un titular de programa tiene RFC propio. Capture el RFC de la empresa como aparece en su constancia de situación fiscal.`, `${check.normalized} is a generic RFC (general public or foreign): a program holder has its own RFC. Enter the company's RFC as shown on its tax status certificate.`, "R42"));
    }
  }
  if (name !== undefined && name.trim() === "") {
    out.push(
      issue("error", "REQUIRED", "company.name", "Razón social: es obligatoria; capture la denominación como aparece en VUCEM.", "Company name: required; enter it as shown in VUCEM."),
    );
  }
  if (parsed.company.consignment === true) {
    out.push(
      issue(
        "info",
        "CONSIGNMENT",
        "company.consignment",
        "Opera en consignación: capture como exportaciones solo el valor agregado (facturación real de exportación).",
        "Consignment: report only the value added (actual export invoicing) as exports.",
        "R25",
      ),
    );
  }
  return out;
}
