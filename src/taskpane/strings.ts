/**
 * Every string the task pane shows, one catalog per language: es-MX (default, here) and en-US (strings-en.ts, loaded
 * on demand), chosen from Office's display language. Issue messages, status labels and commitment reasons come from the engine in both languages
 * (`message`/`messageEn`, `statusLabel`/`statusLabelEn`, `commitmentReason`/`commitmentReasonEn`).
 *
 * The VUCEM field names stay in Spanish in both catalogs (that is what the accountant sees on VUCEM's screens); the
 * English catalog adds a gloss.
 */
import { longDateEn, longDateEs } from "../domain/dates";
import type { Severity } from "../domain/issues";

export type Lang = "es" | "en";

type CommitmentCode = "CUMPLE" | "NO_CUMPLE" | "NO_EVALUADO" | "POR_CONFIRMAR";
type MilestoneCode = "opens" | "due" | "late" | "cancelled";
type CaptureCode = "totalSales" | "totalExports" | "totalImports" | "goods";

/** The portfolio section (components/PortfolioPanel.tsx). */
export interface PortfolioStrings {
  title: string;
  intro: string;
  newYear: string;
  newYearHint: string;
  insertCartera: string;
  calendar: string;
  alarmLabel: string;
  busyNewYear: string;
  busyCartera: string;
  busyCalendar: string;
  newYearOpened(filingYear: number | null): string;
  newYearDownload(filingYear: number | null): string;
  downloadWorkbook(name: string): string;
  carteraInserted: string;
  carteraClash: string;
  carteraUnsupported(requirement: string): string;
  calendarReady(events: number): string;
  downloadCalendar(name: string): string;
  copy: string;
  copied: string;
  copyManually: string;
  calendarText: string;
}

export interface Strings {
  lang: Lang;
  /** BCP 47 tag for Intl formatting. */
  locale: string;
  appTitle: string;
  loading: string;

  // toolbar
  toolbarLabel: string;
  insertTemplate: string;
  insertTemplateHint: string;
  validate: string;
  validateHint: string;
  calculate: string;
  calculateHint: string;
  settings: string;
  settingsHint: string;
  busyInserting: string;
  busyReading: string;
  busyValidating: string;
  busyWriting: string;
  busySavingSettings: string;

  // outcomes
  templateInserted: (sheets: number) => string;
  // add rows to a protected table (AddRows.tsx)
  addRowsTitle: string;
  addRowsHint: string;
  addRowsTable: string;
  addRowsCount: string;
  addRowsButton: string;
  addRowsTables: { tblProgramas: string; tblBienes: string };
  busyAddingRows: string;
  rowsAdded: (added: number, table: string, total: number) => string;
  templateClashTitle: string;
  templateClash: (sheets: string) => string;
  templateAlreadyThere: string;
  writeDone: (cells: number) => string;
  writeBlockedTitle: string;
  writeBlocked: (errors: number) => string;

  // issues
  issuesTitle: string;
  noIssues: string;
  severityTitle: Record<Severity, string>;
  issueCount: (n: number) => string;
  goToCell: (location: string) => string;
  noLocation: string;
  issueSummary: (errors: number, warnings: number, infos: number) => string;

  // program cards
  programsTitle: string;
  noPrograms: string;
  programHeading: (type: string, number: string | null) => string;
  statusLabel: string;
  nextDeadline: string;
  milestone: Record<MilestoneCode, string>;
  daysLeft: (n: number) => string;
  noNextDeadline: string;
  reactivationBy: string;
  commitmentLabel: string;
  commitment: Record<CommitmentCode, string>;
  nearThreshold: string;
  captureTitle: string;
  captureField: Record<CaptureCode, string>;
  captureNothing: string;
  datesSource: string;
  figuresTitle: string;
  exportShare: string;
  balance: string;
  exchangeRateUsed: string;

  // settings
  settingsTitle: string;
  settingsIntro: string;
  filingYear: string;
  filingYearHint: string;
  filingYearInvalid: string;
  asOf: string;
  asOfHint: string;
  dateInvalid: string;
  exchangeRate: string;
  exchangeRateHint: string;
  exchangeRateInvalid: string;
  exchangeRateSource: (source: string) => string;
  exchangeRateNoSource: string;
  extraDays: string;
  extraDaysHint: string;
  extraDaysInvalid: (bad: string) => string;
  saveSettings: string;
  settingsSaved: string;
  settingsUnsaved: string;
  settingsFixFirst: string;
  settingsLoadFailed: string;
  reloadSettings: string;

  // errors
  errorTitle: string;
  dismiss: string;
  errors: {
    editMode: string;
    protectedSheet: string;
    notFound: string;
    hiddenSheet: string;
    templateMissing: string;
    tooLarge: string;
    busy: string;
    unsupported: string;
    network: string;
    generic: string;
    /** A sheet protected with a password (the add-in never asks for or keeps one). */
    sheetPassword: (sheets: string) => string;
    detail: (code: string, message: string) => string;
  };

  // outside Office
  outsideTitle: string;
  outsideBody: string;
  outsideHowTitle: string;
  outsideSteps: string[];
  outsideMore: string;

  // rules catalog (issue #10)
  rulesOpen: string;
  rulesTitle: string;
  rulesIntro: string;
  rulesFilter: string;
  rulesBasis: string;
  rulesConfidence: string;
  rulesNone: string;
  rulesClose: string;
  /** "Fundamento: Plazos IMMEX (regla R7)". */
  ruleRef: (id: string, title: string) => string;
  // reconciliation (issue #12)
  reconcile: string;
  reconcileHint: string;
  reconcileTitle: string;
  reconcileEmpty: string;
  reconcileNoSheet: string;
  reconcileDone: (pedimentos: number) => string;
  reconcileFigure: Record<"a" | "b" | "c", string>;
  reconcileStatus: Record<"conciliado" | "dentro-materialidad" | "diferencia-material" | "sin-captura" | "sin-datos", string>;
  reconcileCaptured: string;
  reconcileReference: (letter: "a" | "b" | "c") => string;
  reconcileDifference: string;
  reconcileExplains: string;
  reconcileUnexplained: string;
  /** After filing: «Marcar como presentado», the correction letter, change-notice drafts (issue #13). */
  afterFiling: AfterFilingStrings;
  // portfolio (issue #11)
  portfolio: PortfolioStrings;
}

/** Formats a count with the right noun form. */
const plural = (n: number, one: string, many: string) => `${n.toLocaleString("es-MX")} ${n === 1 ? one : many}`;

export interface AfterFilingStrings {
  action: string;
  actionHint: string;
  title: string;
  intro: string;
  filedOn: string;
  filedOnHint: string;
  folio: string;
  program: string;
  programHint: string;
  preparedBy: string;
  reviewedBy: string;
  replace: string;
  mark: string;
  marking: string;
  marked: (block: number, program: string, folio: string) => string;
  correction: string;
  correctionHint: string;
  notice: string;
  noticeHint: string;
  noticeRow: string;
  working: string;
  downloaded: (file: string) => string;
  writtenToSheet: (sheet: string) => string;
  badDate: string;
  folioRequired: string;
}

export const ES: Strings = {
  lang: "es",
  locale: "es-MX",
  appTitle: "RAOCE para Excel",
  loading: "Cargando…",

  toolbarLabel: "Acciones del libro",
  insertTemplate: "Insertar plantilla",
  insertTemplateHint: "Agrega al libro las hojas de captura del RAOCE (Empresa, Programas, Cifras, Bienes…).",
  validate: "Validar",
  validateHint: "Lee el libro y lista los problemas encontrados, sin escribir nada.",
  calculate: "Calcular y escribir",
  calculateHint: "Calcula plazos, estado y compromiso de cada programa y escribe los resultados en las celdas grises.",
  settings: "Configuración",
  settingsHint: "Año de presentación, fecha de corte, tipo de cambio y días inhábiles adicionales.",
  busyInserting: "Insertando la plantilla…",
  busyReading: "Leyendo el libro…",
  busyValidating: "Validando…",
  busyWriting: "Escribiendo resultados en el libro…",
  busySavingSettings: "Guardando la configuración en el libro…",

  templateInserted: (n) => `Plantilla insertada: ${plural(n, "hoja agregada", "hojas agregadas")}.`,
  addRowsTitle: "Agregar filas",
  addRowsHint: "Las hojas están protegidas y Excel no deja crecer una tabla protegida: RAOCE la desprotege, agrega las filas y la vuelve a proteger como estaba.",
  addRowsTable: "Tabla",
  addRowsCount: "Filas a agregar",
  addRowsButton: "Agregar filas",
  addRowsTables: { tblProgramas: "Programas (tblProgramas)", tblBienes: "Bienes (tblBienes)" },
  busyAddingRows: "Agregando filas…",
  rowsAdded: (added, table, total) => `${plural(added, "fila agregada", "filas agregadas")} a ${table}; ahora tiene ${plural(total, "fila", "filas")}.`,
  templateClashTitle: "No se insertó la plantilla",
  templateClash: (sheets) =>
    `El libro ya tiene hojas con estos nombres: ${sheets}. Cámbieles el nombre o use un libro nuevo; RAOCE no sobrescribe hojas existentes.`,
  templateAlreadyThere: "Este libro ya tiene la plantilla RAOCE: no se insertó otra vez.",
  writeDone: () => "Resultados escritos en el libro: vea las hojas Programas, Cifras, Problemas y Captura VUCEM.",
  writeBlockedTitle: "Resultados escritos con errores en los datos",
  writeBlocked: (n) =>
    `Hay ${plural(n, "error", "errores")} en los datos: los resultados afectados quedan vacíos. Corríjalos y vuelva a calcular.`,

  issuesTitle: "Problemas",
  noIssues: "Sin problemas: los datos están listos.",
  severityTitle: { error: "Errores", warning: "Advertencias", info: "Avisos" },
  issueCount: (n) => plural(n, "problema", "problemas"),
  goToCell: (loc) => `Ir a ${loc}`,
  noLocation: "sin celda",
  issueSummary: (e, w, i) =>
    `${plural(e, "error", "errores")}, ${plural(w, "advertencia", "advertencias")}, ${plural(i, "aviso", "avisos")}`,

  programsTitle: "Programas",
  noPrograms: "No hay programas calculados: capture al menos uno en la hoja Programas y el año de presentación.",
  programHeading: (t, n) => (n ? `${t} ${n}` : t),
  statusLabel: "Estado",
  nextDeadline: "Próxima fecha",
  milestone: { opens: "Abre el periodo", due: "Vence", late: "Último día extemporáneo", cancelled: "Cancelación" },
  daysLeft: (n) => (n === 0 ? "hoy" : n === 1 ? "falta 1 día" : `faltan ${n.toLocaleString("es-MX")} días`),
  noNextDeadline: "Sin fechas pendientes",
  reactivationBy: "Reactivación a más tardar",
  commitmentLabel: "Compromiso de exportación",
  commitment: { CUMPLE: "Cumple", NO_CUMPLE: "No cumple", NO_EVALUADO: "No evaluado", POR_CONFIRMAR: "Por confirmar" },
  nearThreshold: "Cerca del umbral: VUCEM no publica su redondeo.",
  captureTitle: "Qué capturar en VUCEM",
  captureField: {
    totalSales: "Ventas totales (a), miles de pesos",
    totalExports: "Total de exportaciones (b), miles de pesos",
    totalImports: "Total de importaciones (c), miles de pesos",
    goods: "Relación de bienes producidos",
  },
  captureNothing: "Nada: no está obligado a presentar este año.",
  datesSource: "Fuente de las fechas",
  figuresTitle: "Cifras",
  exportShare: "Porcentaje de exportación",
  balance: "Saldo (b − c), miles de pesos",
  exchangeRateUsed: "Tipo de cambio usado",

  settingsTitle: "Configuración del libro",
  settingsIntro: "Estos datos viven en la hoja Empresa del libro; se guardan ahí al pulsar «Guardar en el libro».",
  filingYear: "Año de presentación",
  filingYearHint: "El año en que se presenta el RAOCE (2025 reporta el ejercicio 2024).",
  filingYearInvalid: "Escriba un año de cuatro dígitos, por ejemplo 2025.",
  asOf: "Fecha de corte",
  asOfHint: "DD/MM/AAAA (o AAAA-MM-DD). Vacía = hoy (hora de la Ciudad de México).",
  dateInvalid: "Escriba una fecha válida como DD/MM/AAAA (por ejemplo 30/05/2026) o AAAA-MM-DD (2026-05-30): día primero y año de cuatro cifras.",
  exchangeRate: "Tipo de cambio (MXN por USD)",
  exchangeRateHint: "Vacío = promedio FIX de Banxico del ejercicio (tabla del producto).",
  exchangeRateInvalid: "Escriba un número mayor que cero, por ejemplo 18.3263.",
  exchangeRateSource: (s) => `Fuente: ${s}`,
  exchangeRateNoSource: "Fuente: sin tipo de cambio para ese ejercicio; capture uno.",
  extraDays: "Días inhábiles adicionales",
  extraDaysHint: "Una fecha DD/MM/AAAA (o AAAA-MM-DD) por línea (acuerdos de la SE: Semana Santa, cierre de año).",
  extraDaysInvalid: (bad) => `Fechas no válidas: ${bad}. Escriba cada una como DD/MM/AAAA (30/05/2026) o AAAA-MM-DD (2026-05-30), una por línea.`,
  saveSettings: "Guardar en el libro",
  settingsSaved: "Configuración guardada en el libro.",
  settingsUnsaved: "Cambios sin guardar: se guardarán en el libro al validar o calcular.",
  settingsFixFirst: "Corrija la configuración antes de continuar.",
  settingsLoadFailed: "No se pudo leer la configuración del libro.",
  reloadSettings: "Volver a leer",

  errorTitle: "Excel no pudo completar la acción",
  dismiss: "Cerrar",
  errors: {
    editMode: "Termine de editar la celda (pulse Entrar o Esc) y vuelva a intentarlo.",
    protectedSheet:
      "La hoja está protegida y la celda está bloqueada. Desproteja la hoja (Revisar › Desproteger hoja) o escriba solo en las celdas blancas.",
    notFound:
      "No se encontró una hoja, tabla o nombre de la plantilla: quizá se borró o se le cambió el nombre. Inserte la plantilla en un libro nuevo o restaure el nombre.",
    hiddenSheet: "La celda está en una hoja oculta: muéstrela (clic derecho en una pestaña › Mostrar) y vuelva a intentarlo.",
    templateMissing: "Este libro no tiene la plantilla RAOCE. Pulse «Insertar plantilla» para agregarla.",
    tooLarge: "El libro es demasiado grande para leerlo o escribirlo de una vez (límite de Excel para la Web).",
    busy: "Excel está ocupado. Espere unos segundos y vuelva a intentarlo.",
    unsupported: "Esta versión de Excel no admite la operación. Actualice Excel o use Excel para la Web.",
    network: "Se perdió la conexión con Excel. Revise su conexión y vuelva a intentarlo.",
    generic: "Ocurrió un error inesperado.",
    sheetPassword: (sheets) =>
      `La hoja ${sheets} está protegida con contraseña y RAOCE no puede escribir en ella. Quite la contraseña (Revisar › Desproteger hoja) y vuelva a intentarlo; RAOCE la protegerá sin contraseña al terminar.`,
    detail: (code, msg) => `Detalle técnico: ${code}${msg ? ` — ${msg}` : ""}`,
  },

  outsideTitle: "Abra este complemento en Excel",
  outsideBody:
    "Esta página es el panel de RAOCE para Excel. Fuera de Excel no puede leer ni escribir un libro, así que aquí no hay nada que calcular.",
  outsideHowTitle: "Cómo cargarlo (sideload)",
  outsideSteps: [
    "Excel para la Web: Inicio › Complementos › Más complementos › Mis complementos › Cargar mi complemento, y elija manifest.xml.",
    "Excel de escritorio (Windows): comparta la carpeta de manifest.xml, agréguela en Archivo › Opciones › Centro de confianza › Catálogos de complementos de confianza y use Inicio › Complementos › Carpeta compartida.",
    "Excel para Mac: copie manifest.xml a ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef y reinicie Excel.",
    "Desarrollo: npm run start abre Excel con el complemento ya cargado.",
  ],
  outsideMore: "Más detalles en el README del proyecto.",

  rulesOpen: "Reglas que aplica RAOCE",
  rulesTitle: "Reglas que aplica RAOCE",
  rulesIntro: "Cada problema cita la regla en que se basa. También están en la hoja Reglas del libro y en `raoce reglas`.",
  rulesFilter: "Buscar (p. ej. R7, IMMEX, fracción)",
  rulesBasis: "Fundamento",
  rulesConfidence: "Confianza",
  rulesNone: "Ninguna regla coincide.",
  rulesClose: "Cerrar",
  ruleRef: (id, title) => `Fundamento: ${title} (regla ${id})`,
  reconcile: "Conciliar",
  reconcileHint: "Compara (a), (b) y (c) con la lista de la hoja Pedimentos y escribe la hoja Conciliación. El Data Stage se concilia con raoce conciliar.",
  reconcileTitle: "Conciliación con los pedimentos",
  reconcileEmpty: "La hoja Pedimentos está vacía: pegue la lista de su sistema de Anexo 24, o concilie el Data Stage con «raoce conciliar libro.xlsx datastage*.zip».",
  reconcileNoSheet: "Este libro no tiene la hoja Conciliación (plantilla anterior): copie sus datos a una plantilla nueva para conciliar.",
  reconcileDone: (n) => `Conciliación escrita en la hoja Conciliación (${plural(n, "pedimento", "pedimentos")}).`,
  reconcileFigure: { a: "Ventas totales (a)", b: "Total exportaciones (b)", c: "Total importaciones (c)" },
  reconcileStatus: {
    conciliado: "Conciliado",
    "dentro-materialidad": "Diferencia menor a la materialidad",
    "diferencia-material": "Diferencia material",
    "sin-captura": "Sin cifra capturada",
    "sin-datos": "Sin datos para comparar",
  },
  reconcileCaptured: "Capturada",
  reconcileReference: (l) => (l === "a" ? "Declaración anual" : "Pedimentos"),
  reconcileDifference: "Diferencia",
  reconcileExplains: "Explica",
  reconcileUnexplained: "Sin explicar",
  afterFiling: {
    action: "Después de presentar",
    actionHint: "Marcar como presentado (evidencia), carta de corrección y borradores de avisos de cambio.",
    title: "Después de presentar",
    intro: "Registre el acuse de VUCEM: RAOCE guarda lo capturado en la hoja Evidencia (nunca se sobrescribe) y, si una cifra cambia después, prepara la carta de corrección.",
    filedOn: "Fecha de presentación",
    filedOnHint: "La del acuse de VUCEM (DD/MM/AAAA o AAAA-MM-DD).",
    folio: "Folio del acuse",
    program: "Programa (si el libro tiene varios)",
    programHint: "IMMEX, PROSEC, ALTEX o ECEX; vacío si solo uno presenta.",
    preparedBy: "Preparó",
    reviewedBy: "Revisó",
    replace: "Reemplazar la fecha y el folio que ya tiene la fila (los anteriores quedan en Evidencia)",
    mark: "Marcar como presentado",
    marking: "Registrando la presentación…",
    marked: (block, program, folio) => `Presentación registrada: ${program}, folio ${folio} (bloque ${block} de la hoja Evidencia).`,
    correction: "Carta de corrección",
    correctionHint: "«ERROR RAOCE / RFC» con cada dato como Dice / Debe decir; plazo: 5 días hábiles.",
    notice: "Aviso de cambio",
    noticeHint: "Borrador de escrito libre de la hoja Avisos (10 días hábiles).",
    noticeRow: "Fila de la tabla de Avisos (vacío: el primero pendiente o vencido)",
    working: "Preparando…",
    downloaded: (file) => `Se descargó ${file}. Revísela, fírmela y envíela con sus anexos.`,
    writtenToSheet: (sheet) => `Este Excel no permite descargar archivos: la carta quedó en la hoja «${sheet}» lista para imprimir (se reescribe cada vez).`,
    badDate: "Escriba una fecha válida como DD/MM/AAAA (por ejemplo 28/05/2025) o AAAA-MM-DD (2025-05-28).",
    folioRequired: "Escriba el folio del acuse.",
  },
  portfolio: {
    title: "Cartera y nuevo ejercicio",
    intro: "Para despachos con muchos clientes: el año siguiente a partir de este libro, la hoja Cartera y los recordatorios de plazos.",
    newYear: "Nuevo ejercicio",
    newYearHint: "Abre un libro nuevo para el año siguiente con la empresa, los programas y los bienes de este; cifras, fechas de presentación, folios y resultados quedan vacíos. Este libro no cambia.",
    insertCartera: "Insertar cartera",
    calendar: "Recordatorios (.ics)",
    alarmLabel: "Alarma, días antes",
    busyNewYear: "Preparando el nuevo ejercicio…",
    busyCartera: "Insertando la hoja Cartera…",
    busyCalendar: "Preparando los recordatorios…",
    newYearOpened: (y) => `Se abrió un libro nuevo para el RAOCE ${y ?? "del año siguiente"}: guárdelo con otro nombre y capture las cifras del ejercicio.`,
    newYearDownload: (y) => `Esta versión de Excel no puede abrir un libro nuevo desde el complemento: descargue el libro del RAOCE ${y ?? "del año siguiente"}.`,
    downloadWorkbook: (name) => `Descargar ${name}`,
    carteraInserted: "Se agregó la hoja Cartera al final del libro: una fila por cliente y programa; las columnas grises usan RAOCE.ESTADO, RAOCE.VENCIMIENTO y RAOCE.DIASRESTANTES.",
    carteraClash: "Ya hay una hoja llamada Cartera en este libro; no se cambió nada. Cámbiele el nombre si quiere insertar una nueva.",
    carteraUnsupported: (req) => `Esta versión de Excel no puede insertar hojas desde el complemento (se necesita ${req}). Use raoce template --cartera.`,
    calendarReady: (n) => `${plural(n, "recordatorio listo", "recordatorios listos")}: descargue el archivo e impórtelo en Outlook o Google Calendar (al importarlo de nuevo se actualizan), o copie el texto.`,
    downloadCalendar: (name) => `Descargar ${name}`,
    copy: "Copiar el texto del calendario",
    copied: "Texto copiado: péguelo en un archivo .ics.",
    copyManually: "No se pudo copiar automáticamente: seleccione el texto de abajo y cópielo con Ctrl+C.",
    calendarText: "Texto del calendario (iCalendar)",
  },
};

/** English when Office's display language is English (any `en-*`), otherwise es-MX. */
export function langFor(displayLanguage: string | null | undefined): Lang {
  return /^en\b/i.test(displayLanguage ?? "") ? "en" : "es";
}

/** The catalog for a display language. The English one is its own chunk (most users run Office in Spanish). */
export async function loadStrings(displayLanguage: string | null | undefined): Promise<Strings> {
  if (langFor(displayLanguage) === "es") return ES;
  // `as string`: see the note on lazy imports in App.tsx.
  return (await (import("./strings-en" as string) as Promise<typeof import("./strings-en")>)).EN;
}

/** The engine's text in the pane's language. */
export function pick(strings: Strings, es: string, en: string): string {
  return strings.lang === "en" ? en : es;
}

/** An ISO date (YYYY-MM-DD) as the user reads it, the one written form of the product: "30 de mayo de 2025" / "30 May 2025". */
export function formatDate(strings: Strings, iso: string): string {
  return strings.lang === "en" ? longDateEn(iso) : longDateEs(iso);
}

export function formatNumber(strings: Strings, n: number, decimals = 2): string {
  return n.toLocaleString(strings.locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
