/**
 * What a save through ExcelJS would lose: the package `fill` read, compared with the package ExcelJS wrote, feature by
 * feature. ExcelJS re-creates a workbook from its own model and silently drops what it does not model (threaded
 * comments, sensitivity labels, printer settings, customXml, Power Query connections, dynamic-array metadata, text
 * boxes, workbook-structure protection…). Counting each feature on both sides — instead of listing what ExcelJS is
 * known not to keep — also catches what a future ExcelJS keeps or a new Excel adds, and is indifferent to the part
 * renames a save does (sheet3.xml → sheet1.xml).
 *
 * `raoce fill --out` says what the copy lacks; `--in-place` refuses to write. Uses jszip, the zip reader ExcelJS uses.
 */
import JSZip from "jszip";

interface Feature {
  /** Spanish, for the one-line message. */
  what: string;
  /** Parts that hold it (path without a leading slash, case-insensitive). */
  part: RegExp;
  /** Count occurrences of this in those parts; without it, each part counts once. */
  inside?: RegExp;
}

/** What ExcelJS may drop. Order = order in the message. */
const FEATURES: readonly Feature[] = [
  { what: "comentarios en hilo", part: /^xl\/threadedComments\/[^/]+\.xml$/i },
  { what: "la lista de personas de los comentarios", part: /^xl\/persons\/[^/]+\.xml$/i },
  { what: "la etiqueta de confidencialidad", part: /^docProps\/custom\.xml$/i, inside: /MSIP_Label_/g },
  { what: "la etiqueta de confidencialidad", part: /^docMetadata\/LabelInfo\.xml$/i },
  { what: "propiedades personalizadas del documento", part: /^docProps\/custom\.xml$/i, inside: /<(?:\w+:)?property\b(?![^>]*MSIP_Label_)/g },
  { what: "la configuración de impresora", part: /^xl\/printerSettings\/[^/]+$/i },
  { what: "datos XML personalizados (customXml)", part: /^customXml\/item\d*\.xml$/i },
  { what: "conexiones de datos (Power Query)", part: /^xl\/connections\.xml$/i },
  { what: "tablas de consulta", part: /^xl\/queryTables\/[^/]+\.xml$/i },
  { what: "el modelo de datos", part: /^xl\/model\/[^/]+$/i },
  { what: "fórmulas de matriz dinámica (volverían como fórmulas de matriz heredadas)", part: /^xl\/metadata\.xml$/i },
  { what: "datos enriquecidos (tipos de datos, imágenes en celda)", part: /^xl\/richData\/[^/]+$/i },
  { what: "cuadros de texto, formas o dibujos", part: /^xl\/drawings\/[^/]+\.xml$/i, inside: /<(?:\w+:)?(?:sp|cxnSp|grpSp)[\s>]/g },
  { what: "gráficas", part: /^xl\/charts\/chart\d*\.xml$/i },
  { what: "tablas dinámicas", part: /^xl\/pivotTables\/[^/]+\.xml$/i },
  { what: "cachés de tablas dinámicas", part: /^xl\/pivotCache\/pivotCacheDefinition\d*\.xml$/i },
  { what: "macros", part: /^xl\/vbaProject\.bin$/i },
  { what: "segmentaciones", part: /^xl\/slicers\/[^/]+\.xml$/i },
  { what: "escalas de tiempo", part: /^xl\/timelines\/[^/]+\.xml$/i },
  { what: "vínculos a otros libros", part: /^xl\/externalLinks\/externalLink\d*\.xml$/i },
  { what: "controles de formulario", part: /^xl\/ctrlProps\/[^/]+$/i },
  { what: "controles ActiveX", part: /^xl\/activeX\/[^/]+\.xml$/i },
  { what: "objetos incrustados", part: /^xl\/embeddings\/[^/]+$/i },
  { what: "complementos de Office del libro", part: /^xl\/webextensions\/webextension\d*\.xml$/i },
  { what: "la protección de la estructura del libro", part: /^xl\/workbook\.xml$/i, inside: /<(?:\w+:)?workbookProtection\b[^>]*\block(?:Structure|Windows)\s*=\s*["'](?:1|true)["']/g },
  { what: "vistas personalizadas", part: /^xl\/workbook\.xml$/i, inside: /<(?:\w+:)?customWorkbookView\b/g },
];

/** Parts bigger than this are not inflated to count features inside (drawings and workbook.xml are small). */
const MAX_SCANNED_PART = 16 * 1024 * 1024;

async function countFeatures(zip: JSZip): Promise<number[]> {
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const counts = FEATURES.map(() => 0);
  const texts = new Map<string, string>();
  for (let k = 0; k < FEATURES.length; k++) {
    const f = FEATURES[k]!;
    for (const name of names) {
      if (!f.part.test(name.replace(/^\/+/, ""))) continue;
      if (!f.inside) {
        counts[k]! += 1;
        continue;
      }
      let text = texts.get(name);
      if (text === undefined) {
        const bytes = await zip.files[name]!.async("uint8array");
        text = bytes.length > MAX_SCANNED_PART ? "" : new TextDecoder().decode(bytes);
        texts.set(name, text);
      }
      counts[k]! += (text.match(f.inside) ?? []).length;
    }
  }
  return counts;
}

/**
 * What `saved` lacks that `source` had (Spanish, deduplicated, in a stable order); [] when nothing is lost.
 * `source` is the file as read, `saved` the bytes ExcelJS produced from it.
 */
export async function saveLosses(source: Uint8Array, saved: Uint8Array): Promise<string[]> {
  const [before, after] = await Promise.all([JSZip.loadAsync(source).then(countFeatures), JSZip.loadAsync(saved).then(countFeatures)]);
  const lost = new Set<string>();
  FEATURES.forEach((f, k) => {
    if (after[k]! < before[k]!) lost.add(f.what);
  });
  return [...lost];
}
