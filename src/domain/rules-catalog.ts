/**
 * The rules catalog the product ships: every rule id a user may see (Problemas "Regla" column, `--json`, notes), with
 * the rule in Spanish and English, its legal basis in words and its confidence. Pure data, condensed from the team's
 * domain reference (rev. 2026-11). Shown by `raoce reglas`, the Reglas sheet of the template and the pane.
 */

export type Confidence = "H" | "M" | "L";

export interface RuleEntry {
  id: string;
  /** Short name, Spanish. */
  title: string;
  titleEn: string;
  /** The rule, Spanish. */
  es: string;
  en: string;
  /** Legal or documentary basis, in words (never an id). */
  basis: string;
  confidence: Confidence;
}

export const CONFIDENCE_WORDS: Record<Confidence, { es: string; en: string }> = {
  H: { es: "Alta: texto oficial o varias fuentes que coinciden", en: "High: official text or several agreeing sources" },
  M: { es: "Media: una fuente secundaria confiable", en: "Medium: one reputable secondary source" },
  L: { es: "Baja: sin confirmar; el valor es configurable", en: "Low: unconfirmed; the value is configurable" },
};

const GUIDE = "Guía RAOCE 2025 de la Secretaría de Economía";
const IMMEX = "Decreto IMMEX (DOF 1-nov-2006), art. 25";
const PROSEC = "Decreto PROSEC (DOF 2-ago-2002), art. 8";
const VUCEM_FORM = "Formulario VUCEM del reporte anual (trámites 150101, 150102 y 150103)";
const RESOLUCION = "Reglas de la SE en comercio exterior (Acuerdo DOF 9-may-2022 y reformas)";

const r = (id: string, title: string, titleEn: string, es: string, en: string, basis: string, confidence: Confidence): RuleEntry =>
  Object.freeze({ id, title, titleEn, es, en, basis, confidence });

export const RULES_CATALOG: readonly RuleEntry[] = Object.freeze([
  r("R1", "Año de presentación y ejercicio", "Filing year and fiscal year",
    "El RAOCE de un año (año de presentación) reporta las operaciones del año anterior (ejercicio): el RAOCE 2026 reporta 2025.",
    "The RAOCE of a year (filing year) reports the previous calendar year (fiscal year): RAOCE 2026 reports 2025.",
    GUIDE, "H"),
  r("R2", "Quién presenta", "Who files",
    "Todo titular de un programa IMMEX, PROSEC, ALTEX o ECEX vigente presenta una vez al año por el año anterior.",
    "Every holder of a valid IMMEX, PROSEC, ALTEX or ECEX program files once a year for the previous year.",
    `${IMMEX}; ${PROSEC}; ${GUIDE}`, "H"),
  r("R3", "Programa autorizado en el año de presentación", "Program authorized in the filing year",
    "Un programa autorizado durante el año de presentación no presenta ese año: no obligado.",
    "A program authorized during the filing year does not file that year: not obliged.",
    GUIDE, "H"),
  r("R4", "Programa cancelado", "Cancelled program",
    "Cancelado antes del 1 de abril del año de presentación: no presenta. Cancelado ese día o después: sigue los plazos hasta su cancelación y queda «Cancelado», nunca «No obligado».",
    "Cancelled before 1 April of the filing year: does not file. Cancelled on or after that day: follows the timeline until its cancellation and is 'Cancelled', never 'Not obliged'.",
    GUIDE, "H"),
  r("R5", "Programa autorizado en el ejercicio", "Program authorized in the fiscal year",
    "Un programa autorizado durante el ejercicio reportado presenta, pero su compromiso de exportación no se evalúa ese año.",
    "A program authorized during the fiscal year files, but its export commitment is not evaluated for that year.",
    "Práctica de la SE (fuente secundaria)", "M"),
  r("R6", "Apertura", "Window opens",
    "La ventanilla para presentar abre el 1 de abril del año de presentación para todos los programas.",
    "The filing window opens on 1 April of the filing year for every program.",
    GUIDE, "H"),
  r("R7", "Plazos IMMEX", "IMMEX deadlines",
    "IMMEX vence el último día hábil de mayo; al día siguiente se suspende. Puede presentar hasta el último día hábil de agosto (la suspensión se levanta en 2 días hábiles); si no, se cancela el 1 de septiembre.",
    "IMMEX is due on the last business day of May; suspended the next day. It may file until the last business day of August (suspension lifted within 2 business days); otherwise cancelled on 1 September.",
    `${IMMEX}; ${GUIDE}; aviso DOF 30-jun-2025`, "H"),
  r("R8", "Plazos PROSEC", "PROSEC deadlines",
    "PROSEC sin otros programas vence el último día hábil de abril; al día siguiente se suspende; puede presentar hasta el último día hábil de junio; se cancela el 1 de julio.",
    "PROSEC alone is due on the last business day of April; suspended the next day; may file until the last business day of June; cancelled on 1 July.",
    `${PROSEC}; ${GUIDE}`, "H"),
  r("R9", "PROSEC ligado", "Linked PROSEC",
    "PROSEC ligado con IMMEX, ALTEX o ECEX vigente para esa presentación vence el último día hábil de mayo (abril hasta 2023; el año del cambio es un ajuste). Si el otro programa no está vigente, PROSEC presenta solo.",
    "PROSEC linked with an IMMEX, ALTEX or ECEX in force for that filing is due on the last business day of May (April up to 2023; the switch year is a setting). If the other program is not in force, PROSEC files alone.",
    `Regla 3.2.16 g de las ${RESOLUCION}; ${GUIDE}`, "H"),
  r("R10", "IMMEX + PROSEC", "IMMEX + PROSEC",
    "El reporte IMMEX se replica a PROSEC; presentarlo reactiva PROSEC en 2 días hábiles. PROSEC se cancela el 1 de julio si no se presentó a fines de junio.",
    "The IMMEX report is replicated to PROSEC; filing it reactivates PROSEC within 2 business days. PROSEC is cancelled on 1 July if nothing was filed by the end of June.",
    GUIDE, "H"),
  r("R11", "Plazos ALTEX y ECEX", "ALTEX and ECEX deadlines",
    "ALTEX y ECEX vencen el último día hábil de mayo, sin suspensión: si no presentan se cancelan al día natural siguiente.",
    "ALTEX and ECEX are due on the last business day of May, with no suspension: not filed, they are cancelled the next calendar day.",
    GUIDE, "M"),
  r("R12", "Días hábiles", "Business days",
    "Día hábil: lunes a viernes que no sea día inhábil de la LFPA, feriado oficial, cambio de poder ejecutivo ni día inhábil declarado (p. ej. el periodo de fin de año de la SE del 22 de diciembre de 2025 al 6 de enero de 2026). Una presentación en día inhábil cuenta desde el siguiente día hábil.",
    "Business day: Monday to Friday that is not an LFPA non-business day, an official holiday, a presidential handover or a declared non-business day (e.g. the SE's year-end period 22 Dec 2025 to 6 Jan 2026). A filing on a non-business day counts from the next business day.",
    "Ley Federal de Procedimiento Administrativo art. 28; Ley Federal del Trabajo art. 74; aviso SNICE 516.2025.5545", "M"),
  r("R13", "Fin de mes", "Month-end deadlines",
    "Los vencimientos de fin de mes son el último lunes a viernes del mes, salvo días inhábiles declarados por el usuario.",
    "Month-end deadlines are the last Monday–Friday of the month unless the user declares extra non-business days.",
    "Cálculo sobre el calendario oficial", "H"),
  r("R14", "Fechas oficiales y ajustes", "Official dates and overrides",
    "La SE puede cambiar los plazos de un año: las fechas oficiales publicadas y las que capture el usuario prevalecen sobre las calculadas, y se muestra su fuente.",
    "The SE may change a year's deadlines: published official dates and user-entered dates override computed ones, and their source is shown.",
    GUIDE, "M"),
  r("R15", "Estado de un programa", "Program status",
    "Estado en una fecha: no obligado, periodo aún no abierto, en plazo, presentado en tiempo, suspendido, presentado fuera de plazo (con fecha de reactivación) o cancelado.",
    "Status on a date: not obliged, window not open, on time, filed on time, suspended, filed late (with reactivation date) or cancelled.",
    GUIDE, "H"),
  r("R16", "Fechas de presentación imposibles", "Impossible filing dates",
    "Una presentación después del último día extemporáneo no pudo hacerse en VUCEM (cancelado, con aviso); antes del 1 de abril es un error de captura.",
    "A filing after the last late date cannot have happened in VUCEM (cancelled, with a warning); one before 1 April is an input error.",
    GUIDE, "H"),
  r("R17", "Réplica IMMEX → PROSEC", "IMMEX → PROSEC replication",
    "Con IMMEX y PROSEC, presentar el reporte IMMEX cuenta como presentar PROSEC si ocurre a más tardar en el último día extemporáneo de PROSEC.",
    "With IMMEX and PROSEC, filing the IMMEX report counts as filing PROSEC if it happens on or before PROSEC's last late date.",
    GUIDE, "H"),
  r("R18", "Confusión del año de presentación", "Filing-year confusion",
    "Si parece que se capturó el ejercicio como año de presentación (fecha de presentación en el año siguiente, o fecha de corte más de un año después del vencimiento), se dice así junto al año; cada hoja con cifras nombra su ejercicio.",
    "When the fiscal year seems to have been typed as the filing year (a filing date in the following year, or an as-of date over a year after the due date), say so next to the year; every sheet with figures names its fiscal year.",
    `${GUIDE} (RAOCE 2025 reporta 2024)`, "H"),
  r("R20", "Miles de pesos", "Thousands of pesos",
    "Ventas totales (a), total exportaciones (b) y total importaciones (c) se capturan en miles de pesos.",
    "Total sales (a), total exports (b) and total imports (c) are captured in thousands of pesos.",
    GUIDE, "H"),
  r("R21", "Saldo y porcentaje de exportación", "Balance and export share",
    "Saldo = b − c; porcentaje de exportación = b / a × 100. VUCEM los calcula; cerca de un umbral se avisa porque VUCEM no publica su redondeo.",
    "Balance = b − c; export share = b / a × 100. VUCEM computes both; near a threshold a warning is given because VUCEM's rounding is not published.",
    GUIDE, "H"),
  r("R21a", "Lo que VUCEM acepta en a, b y c", "What VUCEM accepts in a, b and c",
    "VUCEM acepta a, b y c como miles de pesos enteros, solo dígitos, hasta 16 dígitos; bloquea a o b negativos y b mayor que a («Las Ventas Totales deben ser mayores o iguales al Total de Exportaciones.»). Se captura el entero redondeado (mitad hacia arriba).",
    "VUCEM takes a, b and c as whole thousands of pesos, digits only, up to 16 digits; it blocks negative a or b and b greater than a. The rounded whole number is captured (half up).",
    VUCEM_FORM, "M"),
  r("R22", "Qué cifras captura cada programa", "Which figures each program captures",
    "IMMEX con programas ligados captura solo a y b (VUCEM deshabilita importaciones). IMMEX solo: a y b; importaciones si VUCEM habilita el campo. ALTEX o ECEX: a y b.",
    "IMMEX with linked programs captures only a and b (VUCEM disables imports). IMMEX alone: a and b; imports if VUCEM enables the field. ALTEX or ECEX: a and b.",
    `${GUIDE}; ${VUCEM_FORM}`, "H"),
  r("R23", "PROSEC solo", "PROSEC alone",
    "PROSEC sin otros programas captura a, b y c de los bienes producidos con insumos PROSEC y la relación de bienes producidos (al menos un bien).",
    "PROSEC alone captures a, b and c for goods produced with PROSEC inputs, plus the list of produced goods (at least one).",
    GUIDE, "H"),
  r("R24", "Tipo de cambio", "Exchange rate",
    "VUCEM convierte a dólares con el tipo de cambio promedio del ejercicio (promedio del FIX de Banxico; 2025: 19.1996). Sin tipo de cambio confirmado, los veredictos en dólares quedan «por confirmar».",
    "VUCEM converts to USD with the fiscal year's average exchange rate (mean of Banxico's FIX; 2025: 19.1996). Without a confirmed rate, USD verdicts stay 'to confirm'.",
    `${GUIDE}; Banxico, serie SF43718`, "H"),
  r("R25", "Consignación", "Consignment",
    "Quien opera en consignación (no es dueño de los insumos) reporta como exportación solo el valor agregado.",
    "A company under consignment (not owning the inputs) reports only the value added as exports.",
    "Práctica de la SE (fuente secundaria)", "M"),
  r("R26", "Congruencia de las cifras", "Consistency of the figures",
    "Las ventas deben coincidir con la declaración anual (diferencia mayor al 1 % es aviso); exportaciones = directas + indirectas; una cifra que parece en pesos en lugar de miles de pesos es aviso.",
    "Sales must agree with the annual tax return (a difference over 1 % is a warning); exports = direct + indirect; a figure that looks like pesos instead of thousands is a warning.",
    `Regla 3.2.16 e de las ${RESOLUCION}`, "M"),
  r("R27", "Compromiso IMMEX", "IMMEX commitment",
    "IMMEX cumple si exporta más de 500,000 dólares o al menos el 10 % de su facturación total.",
    "IMMEX meets its commitment with exports over USD 500,000 or at least 10 % of total invoicing.",
    "Decreto IMMEX art. 24 fracción VI", "H"),
  r("R28", "Compromiso ALTEX exportador directo", "ALTEX direct exporter commitment",
    "ALTEX exportador directo cumple con exportaciones directas de al menos 40 % de sus ventas o 2,000,000 de dólares (puede sumar el 80 % de sus exportaciones indirectas; es un ajuste).",
    "ALTEX direct exporter meets with direct exports of at least 40 % of sales or USD 2,000,000 (may add 80 % of indirect exports; a setting).",
    "Decreto ALTEX (fuente secundaria)", "M"),
  r("R29", "Compromiso ALTEX exportador indirecto", "ALTEX indirect exporter commitment",
    "ALTEX exportador indirecto cumple con exportaciones indirectas de al menos 50 % de sus ventas.",
    "ALTEX indirect exporter meets with indirect exports of at least 50 % of sales.",
    "Decreto ALTEX (fuente secundaria)", "M"),
  r("R30", "Compromiso ECEX", "ECEX commitment",
    "Los mínimos de ECEX no están confirmados: son ajustes editables y el veredicto queda «por confirmar» mientras no se fijen.",
    "ECEX minimums are not confirmed: they are editable settings and the verdict stays 'to confirm' until set.",
    "Decreto ECEX (mínimos sin confirmar)", "L"),
  r("R31", "Dispensas por año", "Year waivers",
    "Para el ejercicio 2020 (COVID) la SE dispensó el compromiso de exportación de IMMEX, ALTEX y ECEX: no se evalúa.",
    "For fiscal year 2020 (COVID) the SE waived the IMMEX, ALTEX and ECEX export commitment: not evaluated.",
    "Acuerdo de la SE por la contingencia sanitaria (fuente secundaria)", "M"),
  r("R33", "Correcciones después de firmar", "Corrections after signing",
    "Un RAOCE firmado no se edita. Los errores se informan dentro de 5 días hábiles por correo (atencion.immex@ / atencion.prosec@economia.gob.mx) con escrito del representante legal, asunto «ERROR RAOCE / RFC», con «dice: … debe decir: …».",
    "A signed RAOCE cannot be edited. Errors are reported within 5 business days by e-mail with a letter from the legal representative, subject 'ERROR RAOCE / RFC', with 'says: … should say: …'.",
    `${GUIDE}; DOF 4-ago-2021 (horario de recepción)`, "H"),
  r("R34", "Avisos de cambios", "Change notices",
    "Cambios de razón social, socios, representante legal, domicilio fiscal o domicilios de planta se avisan a la SE dentro de 10 días hábiles.",
    "Changes of company name, partners, legal representative, fiscal domicile or plant domiciles are notified to the SE within 10 business days.",
    `Regla 1.3.12 de las ${RESOLUCION} (reforma DOF 12-feb-2026)`, "H"),
  r("R35", "Sector PROSEC", "PROSEC sector",
    "La clave de sector es un número romano del decreto PROSEC (se acepta el número: 22 = XXII) y debe ser uno de los sectores autorizados de la empresa.",
    "The sector key is a Roman numeral of the PROSEC decree (the number is accepted: 22 = XXII) and must be one of the company's authorized sectors.",
    "Decreto PROSEC art. 3", "H"),
  r("R36", "Fracción arancelaria", "Tariff code",
    "Fracción de 8 dígitos de la TIGIE (84836099 u 8483.60.99); con NICO (10 dígitos) se toman los primeros 8; 7 dígitos numéricos se completan con un cero y se avisa.",
    "8-digit TIGIE tariff code (84836099 or 8483.60.99); with NICO (10 digits) the first 8 are kept; a 7-digit number is padded with a zero and a warning.",
    "Ley de los Impuestos Generales de Importación y de Exportación (TIGIE)", "H"),
  r("R37", "Unidad de medida", "Unit of measure",
    "Unidades del Anexo 22, apéndice 7 (1 Kilo, 6 Pieza, 8 Litro…); VUCEM muestra la unidad por su nombre (p. ej. «Kilogramo»).",
    "Units of Annex 22, appendix 7 (1 Kilo, 6 Piece, 8 Litre…); VUCEM shows the unit by its name (e.g. 'Kilogramo').",
    "Anexo 22 de las Reglas Generales de Comercio Exterior, apéndice 7", "H"),
  r("R38", "Volúmenes de bienes", "Goods volumes",
    "Volúmenes enteros ≥ 0 (total producido, mercado nacional, exportación); nacional + exportado mayor que el total es aviso; filas repetidas de sector y fracción son aviso.",
    "Whole volumes ≥ 0 (total produced, domestic, exported); domestic + exported over the total is a warning; repeated sector and tariff rows are a warning.",
    `${GUIDE}; ${VUCEM_FORM}`, "H"),
  r("R39", "Fracciones que cambian", "Changing tariff codes",
    "Las fracciones cambian entre ediciones de la TIGIE: una fracción bien formada nunca se rechaza por no estar en una lista.",
    "Tariff codes change between TIGIE editions: a well-formed code is never rejected for not being in a list.",
    "TIGIE 2020 y 2022", "M"),
  r("R40", "Formato del RFC", "RFC format",
    "RFC de persona moral: 3 letras + fecha AAMMDD + homoclave de 2 + dígito verificador (12); persona física: 4 letras (13). La fecha debe existir.",
    "RFC of a company: 3 letters + date YYMMDD + 2-character homoclave + check character (12); individuals: 4 letters (13). The date must exist.",
    "Reglas del SAT para el RFC", "H"),
  r("R41", "Dígito verificador del RFC", "RFC check character",
    "El último carácter del RFC se calcula con el algoritmo del SAT (módulo 11).",
    "The last character of the RFC is computed with SAT's algorithm (modulo 11).",
    "Algoritmo del SAT", "H"),
  r("R42", "RFC: avisos y normalización", "RFC: warnings and normalization",
    "Un dígito verificador que no coincide es aviso, no error. El RFC genérico como RFC propio es aviso. Minúsculas, espacios o guiones se normalizan con aviso que muestra el resultado.",
    "A mismatching check character is a warning, not an error. The generic RFC as the company's own is a warning. Lowercase, spaces or dashes are normalized with a warning that shows the result.",
    "Práctica del SAT", "H"),
  r("R43", "Número, modalidad y tipo de exportador", "Number, modality and exporter type",
    "El número de programa no tiene formato publicado (aviso si no es número-año o año-número); la modalidad debe corresponder al programa; el tipo de exportador ALTEX acepta las palabras de VUCEM y, si no se entiende, no se evalúa.",
    "The program number has no published format (warning unless number-year or year-number); the modality must fit the program; the ALTEX exporter type accepts VUCEM's words and, if unreadable, is not evaluated.",
    "Ejemplos de la Guía RAOCE 2025 y del formulario VUCEM", "L"),
  r("R44", "e.firma", "e.firma",
    "e.firma vencida: error (VUCEM no permite firmar); a 30 días de vencer: aviso.",
    "Expired e.firma: error (VUCEM cannot sign); within 30 days of expiry: warning.",
    "Código Fiscal de la Federación, art. 17-D", "H"),
  r("R45", "Opinión de cumplimiento", "Compliance opinion",
    "Opinión de cumplimiento (art. 32-D CFF) negativa: error; de más de 30 días cuando hay trámite: aviso.",
    "Negative compliance opinion (CFF art. 32-D): error; older than 30 days when a procedure is due: warning.",
    "Código Fiscal de la Federación, art. 32-D", "M"),
  r("R46", "Domicilios", "Domiciles",
    "Domicilio fiscal y de planta registrados y localizados; un domicilio no registrado o no activo es error (VUCEM no deja presentar si no valida el domicilio de planta).",
    "Registered and located fiscal and plant domiciles; an unregistered or inactive domicile is an error (VUCEM refuses the filing if it cannot validate the plant domicile).",
    `${GUIDE}; reforma a la Ley Aduanera DOF 19-nov-2025`, "M"),
  r("R47", "Listas 69 y 69-B", "Lists 69 and 69-B",
    "Estar en las listas de los art. 69 o 69-B del CFF es error; no revisarlas en 90 días es nota.",
    "Being on the CFF art. 69 or 69-B lists is an error; not checked in 90 days is a note.",
    "Código Fiscal de la Federación, arts. 69 y 69-B", "M"),
  r("R48", "Encuesta mensual del INEGI", "INEGI monthly survey",
    "IMMEX reporta la encuesta mensual (EMIM) a más tardar el día 20 de cada mes; un mes faltante es aviso.",
    "IMMEX files the monthly survey (EMIM) by the 20th of each month; a missing month is a warning.",
    "Decreto IMMEX; INEGI", "M"),
  r("R49", "Plazo de los avisos de cambio", "Change-notice deadline",
    "Cada cambio registrado tiene plazo de 10 días hábiles, estado y borrador de escrito.",
    "Each recorded change has a 10-business-day deadline, a status and a draft letter.",
    `Regla 1.3.12 de las ${RESOLUCION}`, "H"),
  r("R50", "Data Stage", "Data Stage",
    "El Data Stage del SAT llega como ZIP de archivos .asc separados por «|»; las columnas se leen por nombre y todo como texto.",
    "SAT's Data Stage comes as a ZIP of pipe-delimited .asc files; columns are read by name and everything as text.",
    "Especificación del Data Stage (SAT/ANAM)", "H"),
  r("R51", "Pedimentos y partidas", "Pedimentos and items",
    "El archivo 501 trae un renglón por pedimento (tipo de operación 1 importación, 2 exportación) y el 551 uno por partida con sus valores.",
    "File 501 has one row per pedimento (operation type 1 import, 2 export) and 551 one per item with its values.",
    "Especificación del Data Stage (SAT/ANAM)", "H"),
  r("R52", "Número de pedimento", "Pedimento number",
    "Pedimento de 15 dígitos: año (2), aduana (2), patente (4) y 7 dígitos.",
    "15-digit pedimento: year (2), customs office (2), broker licence (4) and 7 digits.",
    "Anexo 22 de las Reglas Generales de Comercio Exterior", "H"),
  r("R53", "Rectificaciones", "Rectifications",
    "Un pedimento rectificado se sustituye por su rectificación (R1), siguiendo la cadena hasta el final.",
    "A rectified pedimento is replaced by its rectification (R1), following the chain to its end.",
    "Especificación del Data Stage (SAT/ANAM)", "M"),
  r("R54", "Claves de pedimento", "Pedimento keys",
    "Qué claves de pedimento cuentan como exportación o importación es una tabla editable por el usuario, con su confianza.",
    "Which pedimento keys count as exports or imports is a table the user can edit, with its confidence.",
    "Anexo 22, apéndice 2", "M"),
  r("R55", "Base de valor", "Value basis",
    "Exportaciones = suma del valor comercial (valor agregado en consignación); importaciones = valor comercial (o valor en aduana); por fecha de pago; se divide entre 1,000 al final.",
    "Exports = sum of commercial value (value added under consignment); imports = commercial value (or customs value); by payment date; divided by 1,000 at the end.",
    "Especificación del Data Stage (SAT/ANAM)", "M"),
  r("R56", "Conciliación", "Reconciliation",
    "Una diferencia entre la cifra capturada y los pedimentos se explica en orden (virtuales, consignación, rectificaciones, corte, tipo de cambio, retornos, servicios); arriba del umbral es aviso.",
    "A difference between the captured figure and the pedimentos is explained in order (virtual, consignment, rectifications, cut-off, rate, returns, services); above the threshold it is a warning.",
    "Práctica profesional (fuente secundaria)", "M"),
  r("R57", "Integridad de los archivos", "File integrity",
    "Partidas sin encabezado, sumas que no cuadran o un RFC del resumen distinto al de la empresa se señalan.",
    "Items without a header, sums that do not agree or a summary RFC different from the company's are flagged.",
    "Especificación del Data Stage (SAT/ANAM)", "M"),
  r("R58", "Urgencia", "Urgency",
    "Orden de urgencia de una cartera: cancelado, suspendido, vence en 7 días, errores que bloquean VUCEM, reactivación pendiente, escritos por vencer, vence en 30 días, lo demás.",
    "Portfolio urgency order: cancelled, suspended, due within 7 days, errors that block VUCEM, pending reactivation, letters due, due within 30 days, everything else.",
    "Criterio del producto", "M"),
  r("R59", "Recordatorios", "Reminders",
    "Recordatorios por programa: apertura, 7 días antes, vencimiento, suspensión, último día extemporáneo, cancelación, reactivación y plazo de correcciones.",
    "Reminders per program: opening, 7 days before, due date, suspension, last late date, cancellation, reactivation and correction deadline.",
    "Criterio del producto", "M"),
  r("R60", "Nuevo año", "New year",
    "Un año nuevo parte del libro anterior: se conservan empresa, programas y bienes; se borran cifras, volúmenes, fechas de presentación y resultados.",
    "A new year starts from last year's workbook: company, programs and goods carry over; figures, volumes, filing dates and outputs are cleared.",
    "Criterio del producto", "M"),
]);

const BY_ID: ReadonlyMap<string, RuleEntry> = new Map(RULES_CATALOG.map((e) => [e.id.toUpperCase(), e]));

/** "R7", "r7", " R21a ", "7" → the entry; anything else → null. */
export function findRule(id: unknown): RuleEntry | null {
  if (typeof id !== "string" && typeof id !== "number") return null;
  const t = String(id).trim().toUpperCase();
  return BY_ID.get(/^\d/.test(t) ? `R${t}` : t) ?? null;
}

/** "Decreto IMMEX … (regla R7)": the basis in words with the id the catalog lists it under. */
export function ruleBasis(id: string | undefined | null): string | null {
  if (!id) return null;
  const e = findRule(id);
  return e ? `${e.title} — ${e.basis} (regla ${e.id})` : null;
}

export function ruleBasisEn(id: string | undefined | null): string | null {
  if (!id) return null;
  const e = findRule(id);
  return e ? `${e.titleEn} — ${e.basis} (rule ${e.id})` : null;
}

/** Every bare rule id in a text gets its name: "cálculo por regla R7" → "cálculo por regla R7 (Plazos IMMEX)". */
export function explainRuleIds(text: string, lang: "es" | "en" = "es"): string {
  return text.replace(/\bR\d{1,2}a?(?:\/R\d{1,2}a?)*\b(?! \()/g, (ids) => {
    const names = ids.split("/").map((id) => findRule(id)).filter((e): e is RuleEntry => e !== null).map((e) => (lang === "en" ? e.titleEn : e.title));
    return names.length ? `${ids} (${names.join(" / ")})` : ids;
  });
}
