/** The CLI's Spanish help: one general page and one page per command (`raoce <cmd> --help`, exit 0). */

const DATES = "Fechas: 30/05/2026 (DD/MM/AAAA) o 2026-05-30, en todas las opciones.";
const PROGRAM_DATES = `                            Varias fechas separadas por comas o repitiendo la opción
                            (--authorized IMMEX=01/02/2026,ALTEX=2026-03-01). Un programa está ligado solo si está
                            vigente para ese RAOCE: no cancelado antes del 1 de abril del año de presentación y no
                            autorizado durante ese año; si no, no presenta y PROSEC presenta solo (fechas de abril).`;
const EXITS = "Códigos de salida: 0 correcto · 1 el reporte tiene errores · 2 invocación o archivo inutilizable.";
const RULE_OPTS = `  --prosec-mayo-desde AAAA  año desde el que PROSEC ligado vence en mayo (abril antes; 2024 por omisión)
  --due D                   fecha límite a usar en lugar de la calculada (ajuste del usuario)
  --late-until D            último día para presentar extemporáneo (ajuste)
  --cancel-on D             fecha de cancelación por no presentar (ajuste)
  --extra-days D,D,…        días inhábiles adicionales declarados por la SE`;

export const HELP = `raoce — Reporte Anual de Operaciones de Comercio Exterior (IMMEX, PROSEC, ALTEX, ECEX)

Uso:
  raoce deadlines --year 2026 --programs IMMEX,PROSEC [ajustes] [--json]   fechas límite de un año
  raoce status --year 2026 --program IMMEX [--programs IMMEX,PROSEC] [--filed D] [--as-of D] [ajustes] [--json]
                                                            estado de un programa en una fecha y siguiente paso
  raoce evaluate <reporte.json | -> [--as-of D] [--json]    revisa un reporte en JSON
  raoce check <libro.xlsx>… [--as-of D] [--json | --resumen]
                                                            revisa libros sin modificarlos (--resumen: una línea por cliente)
  raoce fill <libro.xlsx> [--out salida.xlsx | --in-place] [--as-of D]
                                                            escribe plazos, estado, cifras, Problemas y Captura VUCEM
  raoce fill <libros o carpetas>… --out-dir DIR [--as-of D]  llena copias de muchos libros (los originales no cambian)
  raoce cartera <libros o carpetas>… [--out cartera.xlsx] [--as-of D] [--json | --csv] [--alerta N]
                                                            un renglón por cliente × programa, ordenado por urgencia
  raoce calendario <libros o carpetas>… [--out raoce.ics] [--desde D] [--hasta D] [--aviso N]
                                                            recordatorios de plazos para Outlook o Google Calendar
  raoce nuevo-ejercicio <anterior.xlsx> --out nuevo.xlsx | <libros o carpetas>… --out-dir DIR
                                                            inicia el año siguiente con empresa, programas y bienes
  raoce template [--out plantilla-raoce.xlsx] [--force] [--cartera]
                                                            plantilla de Excel vacía (--cartera: hoja Cartera)
  raoce layout [--json]                                     nombres y columnas de la plantilla
  raoce reglas [ID] [--json]                                catálogo de reglas (p. ej. raoce reglas R7)
  raoce conciliar <libro.xlsx> [datastage.zip | carpeta]… [--out salida.xlsx | --in-place] [--materialidad 1%] [--json]
                                                            concilia (a), (b) y (c) con los pedimentos; hoja Conciliación
  raoce presentado <libro.xlsx> --fecha D --folio F [--programa P] [--preparo N] [--reviso N] (--out X | --in-place)
                                                            registra la presentación y su evidencia (hoja Evidencia)
  raoce carta-correccion <libro.xlsx> [--programa P] --out carta.docx   carta «ERROR RAOCE» (dice / debe decir)
  raoce aviso-cambio <libro.xlsx> [--fila N] --out aviso.docx           escrito libre de un aviso de cambio

Año: --year es el año de PRESENTACIÓN; el RAOCE 2026 reporta el ejercicio 2025.
${DATES} --as-of toma por omisión la fecha de hoy en la Ciudad de México.
Ayuda de cada comando: raoce <comando> --help.
${EXITS}
                  · 3 (cartera --alerta N) hay programas suspendidos, cancelados o por vencer en N días.`;

export const COMMAND_HELP: Record<string, string> = {
  deadlines: `raoce deadlines — fechas límite del RAOCE de un año de presentación

Uso: raoce deadlines --year AAAA --programs IMMEX,PROSEC [--program P] [--authorized P=D,…] [--cancelled P=D,…]
                     [ajustes] [--json]

  --year AAAA               año de presentación (el RAOCE 2026 reporta el ejercicio 2025)
  --programs A,B            todos los programas de la empresa (PROSEC con IMMEX, ALTEX o ECEX vigente es «ligado»)
  --program P               a qué programa se aplican --due, --late-until y --cancel-on (si hay más de uno)
  --authorized P=D,…        fecha de autorización de un programa de --programs (p. ej. IMMEX=01/02/2026)
  --cancelled P=D,…         fecha en que la SE canceló un programa de --programs (p. ej. IMMEX=15/10/2025)
${PROGRAM_DATES}
${RULE_OPTS}
  --json                    salida JSON (códigos y fechas ISO; por programa «files» y «exclusion»; «inForce»)

Ejemplos: raoce deadlines --year 2026 --programs IMMEX,PROSEC --prosec-mayo-desde 2024
          raoce deadlines --year 2026 --programs IMMEX,PROSEC --cancelled IMMEX=15/10/2025
${DATES}`,
  status: `raoce status — estado de un programa en una fecha y el siguiente paso

Uso: raoce status --year AAAA --program P [--programs A,B] [--filed D] [--as-of D] [--authorized [P=]D,…]
                  [--cancelled [P=]D,…] [--immex-filed D] [ajustes] [--json]

  --year AAAA               año de presentación (el RAOCE 2026 reporta el ejercicio 2025)
  --program P               el programa a revisar: IMMEX, PROSEC, ALTEX o ECEX
  --programs A,B            todos los programas de la empresa (para saber si PROSEC está ligado)
  --filed D                 fecha en que se presentó el RAOCE (si ya se presentó)
  --as-of D                 fecha a la que se calcula el estado (hoy por omisión)
  --immex-filed D           PROSEC con IMMEX: fecha en que se presentó el reporte IMMEX (se replica a PROSEC)
  --authorized D            fecha de autorización del programa de --program; P=D, la de otro programa de --programs
  --cancelled D             fecha en que la SE canceló el programa de --program (si ocurrió); P=D, la de otro
${PROGRAM_DATES}
${RULE_OPTS}
  --json                    salida JSON (códigos de estado y fechas ISO; «inForce» y «excluded»)

Ejemplos: raoce status --year 2026 --program IMMEX --filed 10/06/2026 --as-of 20/06/2026
          raoce status --year 2026 --program PROSEC --programs IMMEX,PROSEC --cancelled IMMEX=15/10/2025
${DATES}
Código de salida 1 si los datos tienen un error.`,
  evaluate: `raoce evaluate — revisa un reporte RAOCE en JSON (el mismo motor que el complemento)

Uso: raoce evaluate <reporte.json | -> [--as-of D] [--json]

  -                         lee el JSON de la entrada estándar
  --as-of D                 fecha a la que se calcula el estado (hoy por omisión)
  --json                    resultado completo en JSON
${DATES}
${EXITS}`,
  check: `raoce check — revisa uno o más libros RAOCE sin modificarlos

Uso: raoce check <libro.xlsx>… [--as-of D] [--json | --resumen]

  --as-of D                 fecha a la que se calcula el estado (por omisión la del libro o hoy)
  --json                    resultado JSON por libro (códigos, fechas ISO y cada problema con su celda)
  --resumen                 una línea por cliente; los avisos repetidos en varios libros se dicen una vez
${DATES}
${EXITS}`,
  fill: `raoce fill — escribe los resultados en una copia del libro (o en el mismo con --in-place)

Uso: raoce fill <libro.xlsx> [--out salida.xlsx | --in-place] [--as-of D]
     raoce fill <libros o carpetas>… --out-dir DIR [--as-of D]

  --out salida.xlsx         archivo de salida (por omisión <libro>-raoce.xlsx)
  --in-place                escribe en el mismo libro
  --out-dir DIR             llena una copia de cada libro (carpetas recorridas) en DIR; los originales no cambian
  --as-of D                 fecha a la que se calcula el estado
Solo se escriben celdas de resultados, Problemas y Captura VUCEM: nada de lo capturado se cambia.
${DATES}
${EXITS}`,
  template: `raoce template — escribe la plantilla de Excel vacía

Uso: raoce template [--out plantilla-raoce.xlsx] [--force] [--cartera]

  --out archivo.xlsx        nombre del archivo (plantilla-raoce.xlsx por omisión; cartera-raoce.xlsx con --cartera)
  --cartera                 la hoja Cartera: un cliente por fila, estado y plazos con las funciones RAOCE.*
  --force                   reemplaza el archivo si ya existe`,
  layout: `raoce layout — nombres definidos y columnas de tabla de la plantilla (entradas y resultados)

Uso: raoce layout [--json]`,
  reglas: `raoce reglas — catálogo de las reglas que RAOCE cita (hoja Reglas del libro y panel)

Uso: raoce reglas [ID] [--json]

  ID                        una regla, p. ej. R7 o R21a; sin ID lista todas
  --json                    el catálogo en JSON (id, regla en español e inglés, fundamento, confianza)`,
  conciliar: `raoce conciliar — concilia las cifras del RAOCE con los pedimentos del año (Data Stage o lista de Anexo 24)

Uso: raoce conciliar <libro.xlsx> [datastage.zip | carpeta | archivo.asc]… [--out salida.xlsx | --in-place]
                     [--materialidad 1%] [--json]

  datastage.zip…            ZIP mensuales del Data Stage (SAT/ANAM), una carpeta o archivos .asc; sin ellos se
                            concilia la lista de la hoja Pedimentos del libro
  --out salida.xlsx         escribe la hoja Conciliación en una copia (por omisión, junto al libro)
  --in-place                la escribe en el mismo libro (solo si nada se perdería al guardarlo)
  --materialidad M          diferencia a partir de la cual se avisa: porcentaje (1%, por omisión) o miles de pesos (250)
  --json                    el mismo contenido en JSON

Nada sale de su equipo: los archivos se leen y se concilian localmente.
${EXITS.replace("1 el reporte tiene errores", "1 diferencia material o error en los datos")}`,
  presentado: `raoce presentado — registra que el RAOCE se presentó en VUCEM y congela lo presentado (hoja Evidencia)

Uso: raoce presentado <libro.xlsx> --fecha D --folio F [--programa P] [--preparo N] [--reviso N] [--reemplazar]
                      (--out salida.xlsx | --in-place)

  --fecha D                 fecha de presentación (la del acuse de VUCEM)
  --folio F                 folio del acuse
  --programa P              qué programa se presentó (necesario si presentan varios)
  --preparo N, --reviso N   quién preparó y quién revisó (quedan en la evidencia)
  --reemplazar              confirma que se reemplaza una fecha o folio distinto que ya estaba en el libro
  --out salida.xlsx         escribe una copia; --in-place escribe el mismo libro (solo si nada se perdería)

La evidencia se agrega como un bloque fechado; nunca se sobrescribe un bloque anterior.
${DATES}
${EXITS}`,
  "carta-correccion": `raoce carta-correccion — carta de corrección del RAOCE (un RAOCE firmado no se edita)

Uso: raoce carta-correccion <libro.xlsx> [--programa P] --out carta.docx [--force]

  --programa P              el programa cuya presentación se corrige (si hay varios)
  --out carta.docx          la carta en Word: asunto «ERROR RAOCE / RFC», cada dato como «Dice / Debe decir»,
                            anexos y el plazo (5 días hábiles después de presentar, hasta las 18:00)
  --force                   reemplaza el archivo de salida si ya existe

El libro no se modifica. Las correcciones se toman de la hoja Evidencia (lo presentado) frente al libro actual.
${EXITS}`,
  "aviso-cambio": `raoce aviso-cambio — escrito libre de un aviso de cambio (10 días hábiles desde el cambio)

Uso: raoce aviso-cambio <libro.xlsx> [--fila N] --out aviso.docx [--force]

  --fila N                  la fila de la tabla de la hoja Avisos (1 = la primera); por omisión, el primer aviso
                            vencido o pendiente
  --out aviso.docx          el escrito en Word
  --force                   reemplaza el archivo de salida si ya existe

El libro no se modifica.
${EXITS}`,
  cartera: `raoce cartera — la cartera de clientes: un renglón por cliente × programa, ordenado por urgencia

Uso: raoce cartera <libros o carpetas>… [--out cartera.xlsx] [--as-of D] [--json | --csv] [--alerta N]

  libros o carpetas         libros .xlsx de clientes; las carpetas se recorren completas (los inutilizables se listan)
  --out cartera.xlsx        libro de cartera: resumen, tabla con filtros, colores por urgencia y hoja de problemas
  --as-of D                 fecha de corte (hoy en la Ciudad de México por omisión)
  --json, --csv             los mismos renglones en JSON o CSV
  --alerta N                sale con código 3 si algún programa está suspendido, cancelado o vence en N días
${DATES}
${EXITS}
                  · 3 (--alerta N) hay programas suspendidos, cancelados o por vencer en N días.`,
  calendario: `raoce calendario — recordatorios de plazos para Outlook o Google Calendar (.ics)

Uso: raoce calendario <libros o carpetas>… [--out raoce.ics] [--desde D] [--hasta D] [--aviso N]

  --out raoce.ics           archivo iCalendar (al importarlo de nuevo, los eventos se actualizan, no se duplican)
  --desde D, --hasta D      solo los eventos entre esas fechas
  --aviso N                 alarma N días antes de cada evento (0 a 60)
${DATES}
${EXITS}`,
  "nuevo-ejercicio": `raoce nuevo-ejercicio — inicia el RAOCE del año siguiente a partir del libro del año anterior

Uso: raoce nuevo-ejercicio <anterior.xlsx> --out nuevo.xlsx
     raoce nuevo-ejercicio <libros o carpetas>… --out-dir DIR

Conserva empresa, programas (número, modalidad, autorización, sectores, tipo de exportador) y la descripción de los
bienes; deja vacías las cifras, volúmenes, fechas de presentación, folios, ajustes y resultados. El año de
presentación es el anterior + 1. Nunca reemplaza un archivo existente; el libro anterior no cambia.
${EXITS}`,
};

export const wantsHelp = (argv: readonly string[]): boolean => argv.includes("--help") || argv.includes("-h");
