#!/usr/bin/env node
/**
 * Synthetic SAT/ANAM Data Stage deliveries for a fictitious maquila, following the documented layout exactly
 * (domain reference R50–R53; research/datastage-and-pedimentos.md §1.4): one ZIP per month named
 * `{folio}_Solicitudes.zip` with `{folio}_{code}.asc` files, pipe-delimited, header row with SAT's own spellings
 * (IndentFiscalProveedor, IndentificadorCaso, MunicpioDestinatario, FechaValidacionPagoR,
 * MedioTransporteEntrada_Salida), rows ending with "|", CRLF, latin-1 text, dates "YYYY-MM-DD HH:MM:SS".
 *
 * The year holds direct (A1, RT) and virtual (V1) exports, a K1 return, temporary exports (BM), imports (IN, AF, A1),
 * virtual imports (V1), an F4 change of regime, a consolidated pedimento paid in January for December operations, a
 * simple rectification and a chain of two, and overlapping monthly files. Deterministic (seeded).
 *
 *   node scripts/make-datastage.js --out /tmp/ds [--year 2024] [--items 500000] [--pedimentos-mes 1600]
 *
 * As a module: `generateMaquila(options)` → the model (the generator's own records, for tests to compute expected
 * totals from), `writeDeliveries(model, dir)` → the ZIP paths.
 */
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const JSZip = require("jszip");

const H501 = "Patente|Pedimento|SeccionAduanera|TipoOperacion|ClaveDocumento|SeccionAduaneraEntrada|CurpContribuyente|Rfc|CurpAgenteA|TipoCambio|TotalFletes|TotalSeguros|TotalEmbalajes|TotalIncrementables|TotalDeducibles|PesoBrutoMercancia|MedioTransporteSalida|MedioTransporteArribo|MedioTransporteEntrada_Salida|DestinoMercancia|NombreContribuyente|CalleContribuyente|NumInteriorContribuyente|NumExteriorContribuyente|CPContribuyente|MunicipioContribuyente|EntidadFedContribuyente|PaisContribuyente|TipoPedimento|FechaRecepcionPedimento|FechaPagoReal";
const H551 = "Patente|Pedimento|SeccionAduanera|Fraccion|SecuenciaFraccion|SubdivisionFraccion|DescripcionMercancia|PrecioUnitario|ValorAduana|ValorComercial|ValorDolares|CantidadUMComercial|UnidadMedidaComercial|CantidadUMTarifa|UnidadMedidaTarifa|ValorAgregado|ClaveVinculacion|MetodoValorizacion|CodigoMercanciaProducto|MarcaMercanciaProducto|ModeloMercanciaProducto|PaisOrigenDestino|PaisCompradorVendedor|EntidadFedOrigen|EntidadFedDestino|EntidadFedComprador|EntidadFedVendedor|TipoOperacion|ClaveDocumento|FechaPagoReal";
const H505 = "Patente|Pedimento|SeccionAduanera|FechaFacturacion|NumeroFactura|TerminoFacturacion|MonedaFacturacion|ValorDolares|ValorMonedaExtranjera|PaisFacturacion|EntidadFedFacturacion|IndentFiscalProveedor|ProveedorMercancia|CalleProveedor|NumInteriorProveedor|NumExteriorProveedor|CpProveedor|MunicipioProveedor|FechaPagoReal";
const H507 = "Patente|Pedimento|SeccionAduanera|ClaveCaso|IndentificadorCaso|TipoPedimento|ComplementoCaso|FechaValidacionPagoR";
const H520 = "Patente|Pedimento|SeccionAduanera|IndentFiscalDestinatario|NombreDestinatarioMercancia|CalleDestinatario|NumInteriorDestinatario|NumExteriorDestinatario|CpDestinatario|MunicpioDestinatario|PaisDestinatario|FechaPagoReal";
const H701 = "Patente|Pedimento|SeccionAduanera|ClaveDocumento|FechaPago|PedimentoAnterior|PatenteAnterior|SeccionAduaneraAnterior|DocumentoAnterior|FechaOperacionAnterior|PedimentoOriginal|PatenteAduanalOrig|SeccionAduaneraDespOrig|FechaPagoReal";
const HRES = "Folio|RFCoPatenteAduanal|Fecha_Inicial|Fecha_Final|Fecha_Ejecucion|Total_Fracciones|Total_Contribuciones";

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w) => String(n).padStart(w, "0");
const DESCRIPTIONS = ["ARNÉS ELÉCTRICO PARA AUTOMÓVIL", "CONECTORES DE PLÁSTICO", "PIEZAS DE ALUMINIO MAQUINADAS", "TERMINALES DE COBRE ESTAÑADO", "EMPAQUES DE HULE (JUNTAS)"];

/**
 * @param {{ year?: number, seed?: number, itemsTarget?: number, pedimentosPerMonth?: number, rfc?: string }} [o]
 */
function generateMaquila(o = {}) {
  const year = o.year ?? 2024;
  const rand = rng(o.seed ?? 7);
  const rfc = o.rfc ?? "SAT970701NN3";
  const itemsTarget = o.itemsTarget ?? 1200;
  const pedimentos = [];
  const counters = new Map();
  // Numbering is per aduana and year of the 7-digit part (a consolidated pedimento keeps the year it was begun).
  const nextNumber = (seccion, patente, y, digitYear = y) => {
    const k = `${seccion}|${patente}|${digitYear}`;
    const n = (counters.get(k) ?? 0) + 1;
    counters.set(k, n);
    return `${digitYear % 10}${pad(n, 6)}`;
  };
  const tcFor = (month) => Number((16.9 + month * 0.12 + rand() * 0.3).toFixed(5));
  const stamp = (y, m, d, h = 10) => `${y}-${pad(m, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(Math.floor(rand() * 60), 2)}:${pad(Math.floor(rand() * 60), 2)}`;
  const makeItems = (n, tipoOp, tc, withAdded) =>
    Array.from({ length: n }, (_, i) => {
      const usd = Math.round((200 + rand() * 9000) * 100) / 100;
      const vc = Math.round(usd * tc);
      return {
        fraccion: pad(85000000 + Math.floor(rand() * 9999999), 8),
        seq: i + 1,
        desc: DESCRIPTIONS[i % DESCRIPTIONS.length],
        vc,
        va: tipoOp === 1 ? Math.round(vc * 1.03) : 0,
        usd,
        added: withAdded ? Math.round(vc * 0.3) : null,
      };
    });
  const add = (p) => {
    const tc = p.tc ?? tcFor(p.month);
    const items = p.items ?? makeItems(p.nItems ?? 3, p.tipoOp, tc, p.clave === "RT" || p.clave === "V1");
    const rec = {
      patente: p.patente ?? "3807",
      seccion: p.seccion ?? "240",
      pedimento: p.pedimento ?? nextNumber(p.seccion ?? "240", p.patente ?? "3807", p.payYear, p.digitYear ?? p.payYear),
      tipoOp: p.tipoOp,
      clave: p.clave,
      tc,
      paid: stamp(p.payYear, p.month, p.day ?? 1 + Math.floor(rand() * 27)),
      tipoPedimento: p.tipoPedimento ?? 1,
      consolidated: !!p.consolidated,
      invoiceDate: p.invoiceDate ?? null,
      items,
      delivery: p.delivery ?? `${p.payYear}-${pad(p.month, 2)}`,
    };
    pedimentos.push(rec);
    return rec;
  };

  // The routine year: per month, a mix of claves. Item counts scale to reach `itemsTarget`.
  const mix = [
    { tipoOp: 2, clave: "A1", w: 3 },
    { tipoOp: 2, clave: "RT", w: 4 },
    { tipoOp: 2, clave: "V1", w: 2 },
    { tipoOp: 1, clave: "IN", w: 4 },
    { tipoOp: 1, clave: "AF", w: 1 },
    { tipoOp: 1, clave: "A1", w: 1 },
    { tipoOp: 1, clave: "V1", w: 1 },
  ];
  const perMonthPeds = o.pedimentosPerMonth ?? 16;
  const itemsPer = Math.max(1, Math.round(itemsTarget / (12 * perMonthPeds)));
  const totalW = mix.reduce((s, x) => s + x.w, 0);
  for (let month = 1; month <= 12; month++) {
    for (let i = 0; i < perMonthPeds; i++) {
      let r = rand() * totalW;
      const kind = mix.find((x) => (r -= x.w) < 0) ?? mix[0];
      add({ tipoOp: kind.tipoOp, clave: kind.clave, payYear: year, month, nItems: Math.max(1, Math.round(itemsPer * (0.5 + rand()))) });
    }
  }
  // Once a year: a K1 return of exported goods, a temporary export, an F4 change of regime.
  add({ tipoOp: 1, clave: "K1", payYear: year, month: 6, nItems: 2 });
  add({ tipoOp: 2, clave: "BM", payYear: year, month: 7, nItems: 2 });
  add({ tipoOp: 1, clave: "F4", payYear: year, month: 8, nItems: 2 });
  // A consolidated RT begun in December of the year before, paid in January (counts in `year` by payment date), and
  // one of this December paid next January (does not count in `year`).
  add({ tipoOp: 2, clave: "RT", payYear: year, month: 1, day: 9, digitYear: year - 1, consolidated: true, invoiceDate: `${year - 1}1218`, nItems: 4 });
  add({ tipoOp: 2, clave: "RT", payYear: year + 1, month: 1, day: 10, digitYear: year, consolidated: true, invoiceDate: `${year}1220`, nItems: 4 });
  // A pedimento whose commercial value does not match USD × rate (R57 integrity check).
  const odd = add({ tipoOp: 2, clave: "A1", payYear: year, month: 9, nItems: 2 });
  odd.items[0].vc += 500;

  // Rectification 1: an A1 export of March replaced by an R1 in April (its 501 says "R1").
  const rectifications = [];
  const a = add({ tipoOp: 2, clave: "A1", payYear: year, month: 3, day: 5, nItems: 3 });
  const a1 = add({ tipoOp: 2, clave: "R1", payYear: year, month: 4, day: 8, tipoPedimento: 2, nItems: 3 });
  rectifications.push({ r1: a1, prev: a, claveDocumento: "R1", documentoAnterior: "A1" });
  // Rectification chain: an RT of November, rectified in January of next year (501 says "RT"), rectified again in
  // February (501 says "R1"): the last one's values count, in the original's year.
  const b = add({ tipoOp: 2, clave: "RT", payYear: year, month: 11, day: 14, nItems: 4 });
  const b1 = add({ tipoOp: 2, clave: "RT", payYear: year + 1, month: 1, day: 20, tipoPedimento: 2, nItems: 4 });
  const b2 = add({ tipoOp: 2, clave: "R1", payYear: year + 1, month: 2, day: 11, tipoPedimento: 2, nItems: 4 });
  rectifications.push({ r1: b1, prev: b, claveDocumento: "R1", documentoAnterior: "RT", original: b });
  rectifications.push({ r1: b2, prev: b1, claveDocumento: "R1", documentoAnterior: "R1", original: b });
  // A few pedimentos of next January–February (other year: must not count).
  for (let m = 1; m <= 2; m++) for (let i = 0; i < 3; i++) add({ tipoOp: i % 2 ? 1 : 2, clave: i % 2 ? "IN" : "A1", payYear: year + 1, month: m, nItems: 2 });

  return { rfc, name: "MAQUILAS PEÑASCO DEL NORTE, S.A. DE C.V.", year, pedimentos, rectifications };
}

const line = (fields) => fields.join("|") + "|\r\n";

/** Builds the `.asc` texts of one delivery (a month; `overlapWith` adds another month's pedimentos again). */
function deliveryFiles(model, folio, months, { variantHeaders = false } = {}) {
  const peds = model.pedimentos.filter((p) => months.includes(p.delivery));
  const f501 = [variantHeaders ? H501.toLowerCase().replace("fechapagoreal", "FechaValidacionPagoR") : H501];
  const f551 = [variantHeaders ? H551.replace("ValorComercial", "Valor Comercial").replace("ValorDolares", "VALOR_DOLARES") : H551];
  const f505 = [H505];
  const f507 = [H507];
  const f520 = [H520];
  const f701 = [H701];
  const date = (p) => p.paid;
  for (const p of peds) {
    const k = [p.patente, p.pedimento, p.seccion];
    f501.push(line([...k, p.tipoOp, p.clave, p.seccion, "", model.rfc, "ROAJ700101HCHDRN09", p.tc.toFixed(5), "0", "0", "0", "0", "0", "1250.000", "7", "7", "7", "9", model.name, "AV. INDUSTRIA ÑANDÚ", "", "1450", "32000", "JUÁREZ", "CHIH", "MEX", p.tipoPedimento, date(p), date(p)]).slice(0, -2));
    p.items.forEach((it) => {
      f551.push(line([...k, it.fraccion, it.seq, "01", it.desc, (it.vc / 10).toFixed(5), it.va, it.vc, it.usd.toFixed(2), "10.000", "6", "10.000", "6", it.added === null ? "" : it.added, "0", p.tipoOp === 2 ? "0" : "1", "", "", "", "USA", "USA", " ", " ", " ", " ", p.tipoOp, p.clave, date(p)]).slice(0, -2));
    });
    const usd = p.items.reduce((s, it) => s + it.usd, 0);
    const inv = p.invoiceDate ?? date(p).slice(0, 10).replace(/-/g, "");
    f505.push(line([...k, inv, `F-${p.pedimento}`, "DAP", "USD", usd.toFixed(2), usd.toFixed(2), "USA", "TX", "EIN123456", "CLIENTE AUTOMOTRIZ DE TEXAS", "MAIN ST", "", "100", "78040", "LAREDO", date(p)]).slice(0, -2));
    if (p.consolidated) f507.push(line([...k, "PC", "", p.tipoPedimento, "", date(p)]).slice(0, -2));
    if (p.tipoOp === 2) f507.push(line([...k, "IM", "2024-123", p.tipoPedimento, "", date(p)]).slice(0, -2));
    f520.push(line([...k, "EIN123456", "CLIENTE AUTOMOTRIZ DE TEXAS", "MAIN ST", "", "100", "78040", "LAREDO", "USA", date(p)]).slice(0, -2));
  }
  for (const r of model.rectifications) {
    if (!peds.includes(r.r1)) continue;
    const o = r.original ?? r.prev;
    f701.push(line([r.r1.patente, r.r1.pedimento, r.r1.seccion, r.claveDocumento, r.r1.paid, r.prev.pedimento, r.prev.patente, r.prev.seccion, r.documentoAnterior, r.prev.paid, o.pedimento, o.patente, o.seccion, r.r1.paid]).slice(0, -2));
  }
  const sorted = [...months].sort();
  const from = `${sorted[0]}-01`;
  const [ly, lm] = sorted[sorted.length - 1].split("-").map(Number);
  const to = `${ly}-${pad(lm, 2)}-${pad(new Date(Date.UTC(ly, lm, 0)).getUTCDate(), 2)}`;
  const items = peds.reduce((s, p) => s + p.items.length, 0);
  const res = [HRES, line([folio, model.rfc, `${from} 00:00:00`, `${to} 23:59:59`, `${to} 23:59:59`, items, "0"]).slice(0, -2)];
  const text = (rows) => rows.map((r) => r.replace(/\r\n$/, "")).join("\r\n") + "\r\n";
  return {
    [`${folio}_501.asc`]: text(f501),
    [`${folio}_505.asc`]: text(f505),
    [`${folio}_507.asc`]: text(f507),
    [`${folio}_520.asc`]: text(f520),
    [`${folio}_551.asc`]: text(f551),
    [`${folio}_701.asc`]: text(f701),
    [`${folio}_Resumen.asc`]: text(res),
  };
}

/**
 * One ZIP per month of the year and of January–March of the next; the March ZIP repeats February (an overlapping
 * request); the June ZIP uses header variants (lower case, FechaValidacionPagoR, "Valor Comercial", VALOR_DOLARES).
 * Returns the ZIP paths in month order.
 */
async function writeDeliveries(model, dir) {
  mkdirSync(dir, { recursive: true });
  const months = [];
  for (let m = 1; m <= 12; m++) months.push(`${model.year}-${pad(m, 2)}`);
  for (let m = 1; m <= 3; m++) months.push(`${model.year + 1}-${pad(m, 2)}`);
  const paths = [];
  let folio = 1875700;
  for (const month of months) {
    folio++;
    const covered = month === `${model.year}-03` ? [`${model.year}-02`, month] : [month];
    const files = deliveryFiles(model, String(folio), covered, { variantHeaders: month === `${model.year}-06` });
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, Buffer.from(text, "latin1"));
    const path = join(dir, `${folio}_Solicitudes.zip`);
    writeFileSync(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } }));
    paths.push(path);
  }
  return paths;
}

module.exports = { generateMaquila, writeDeliveries, deliveryFiles };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const out = opt("--out", "datastage-ejemplo");
  const model = generateMaquila({ year: Number(opt("--year", "2024")), itemsTarget: Number(opt("--items", "1200")), pedimentosPerMonth: Number(opt("--pedimentos-mes", "16")) });
  writeDeliveries(model, out).then((paths) => {
    const items = model.pedimentos.reduce((s, p) => s + p.items.length, 0);
    process.stdout.write(`${paths.length} ZIP en ${out}: ${model.pedimentos.length} pedimentos, ${items} partidas (RFC ${model.rfc}, ejercicio ${model.year})\n`);
  });
}
