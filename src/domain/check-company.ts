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
