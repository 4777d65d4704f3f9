/**
 * Workbooks holding what ExcelJS cannot re-save, built from a template copy by injecting the parts Excel writes for
 * each feature (with their content types and relationships, as Excel lays them out). Used by the `fill` save-loss
 * tests: each case names the Spanish words `fill` must use for it.
 */
import JSZip from "jszip";

export interface LossyCase {
  /** What the user would call it (test title). */
  title: string;
  /** The words `fill` must print for it (save-loss.ts). */
  expect: string;
  inject(zip: JSZip): Promise<void>;
}

async function addOverride(zip: JSZip, part: string, type: string): Promise<void> {
  const ct = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", ct.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
}

async function addRel(zip: JSZip, relsPath: string, id: string, type: string, target: string): Promise<void> {
  const f = zip.file(relsPath);
  const xml = f ? await f.async("string") : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(relsPath, xml.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`));
}

/** The first worksheet part (Empresa) and its relationships part. */
async function firstSheet(zip: JSZip): Promise<{ path: string; rels: string }> {
  const path = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((f) => f.name).sort()[0]!;
  return { path, rels: path.replace(/([^/]+)$/, "_rels/$1.rels") };
}

const OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MS = "http://schemas.microsoft.com/office/2017/10/relationships";

export const LOSSY_CASES: readonly LossyCase[] = [
  {
    title: "threaded comments and their people list",
    expect: "comentarios en hilo",
    async inject(zip) {
      const s = await firstSheet(zip);
      zip.file("xl/threadedComments/threadedComment1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B6" dT="2025-05-02T10:00:00.00" personId="{11111111-1111-1111-1111-111111111111}" id="{22222222-2222-2222-2222-222222222222}"><text>¿RFC confirmado con la constancia?</text></threadedComment></ThreadedComments>');
      zip.file("xl/persons/person.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Contadora" id="{11111111-1111-1111-1111-111111111111}" userId="contadora@example.mx" providerId="AD"/></personList>');
      await addOverride(zip, "xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml");
      await addOverride(zip, "xl/persons/person.xml", "application/vnd.ms-excel.person+xml");
      await addRel(zip, s.rels, "rIdTc1", `${MS}/threadedComment`, "../threadedComments/threadedComment1.xml");
      await addRel(zip, "xl/_rels/workbook.xml.rels", "rIdPer1", `${MS}/person`, "persons/person.xml");
    },
  },
  {
    title: "a sensitivity label (docProps/custom.xml)",
    expect: "la etiqueta de confidencialidad",
    async inject(zip) {
      const id = "MSIP_Label_3f6a1c2e-0000-4000-8000-000000000001";
      zip.file("docProps/custom.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${id}_Enabled"><vt:lpwstr>true</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="${id}_Name"><vt:lpwstr>Confidencial</vt:lpwstr></property></Properties>`);
      await addOverride(zip, "docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml");
      await addRel(zip, "_rels/.rels", "rIdCustom", `${OD}/custom-properties`, "docProps/custom.xml");
    },
  },
  {
    title: "printer settings",
    expect: "la configuración de impresora",
    async inject(zip) {
      const s = await firstSheet(zip);
      zip.file("xl/printerSettings/printerSettings1.bin", Buffer.alloc(220, 7));
      const ct = await zip.file("[Content_Types].xml")!.async("string");
      zip.file("[Content_Types].xml", ct.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/></Types>'));
      await addRel(zip, s.rels, "rIdPs1", `${OD}/printerSettings`, "../printerSettings/printerSettings1.bin");
    },
  },
  {
    title: "customXml data",
    expect: "datos XML personalizados (customXml)",
    async inject(zip) {
      zip.file("customXml/item1.xml", '<?xml version="1.0" encoding="UTF-8"?><despacho xmlns="urn:example:erp"><cliente>Manufacturas del Norte</cliente></despacho>');
      zip.file("customXml/itemProps1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{33333333-3333-3333-3333-333333333333}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>');
      zip.file("customXml/_rels/item1.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${OD}/customXmlProps" Target="itemProps1.xml"/></Relationships>`);
      await addOverride(zip, "customXml/itemProps1.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml");
      await addRel(zip, "xl/_rels/workbook.xml.rels", "rIdCx1", `${OD}/customXml`, "../customXml/item1.xml");
    },
  },
  {
    title: "a Power Query connection",
    expect: "conexiones de datos (Power Query)",
    async inject(zip) {
      zip.file("xl/connections.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" keepAlive="1" name="Consulta - Pedimentos" description="Conexión a la consulta Pedimentos del libro." type="5" refreshedVersion="8" background="1"><dbPr connection="Provider=Microsoft.Mashup.OleDb.1;Data Source=$Workbook$;Location=Pedimentos;Extended Properties=&quot;&quot;" command="SELECT * FROM [Pedimentos]"/></connection></connections>');
      await addOverride(zip, "xl/connections.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml");
      await addRel(zip, "xl/_rels/workbook.xml.rels", "rIdConn1", `${OD}/connections`, "connections.xml");
    },
  },
  {
    title: "dynamic-array metadata (a spilled formula)",
    expect: "fórmulas de matriz dinámica",
    async inject(zip) {
      zip.file("xl/metadata.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>');
      await addOverride(zip, "xl/metadata.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml");
      await addRel(zip, "xl/_rels/workbook.xml.rels", "rIdMeta1", `${OD}/sheetMetadata`, "metadata.xml");
    },
  },
  {
    title: "a text box (drawing)",
    expect: "cuadros de texto, formas o dibujos",
    async inject(zip) {
      const s = await firstSheet(zip);
      zip.file("xl/drawings/drawing1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>9</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="CuadroTexto 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1" cy="1"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Revisado por auditoría</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>');
      await addOverride(zip, "xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
      await addRel(zip, s.rels, "rIdDr1", `${OD}/drawing`, "../drawings/drawing1.xml");
      const xml = await zip.file(s.path)!.async("string");
      zip.file(s.path, xml.replace("</worksheet>", '<drawing r:id="rIdDr1"/></worksheet>'));
    },
  },
  {
    title: "workbook-structure protection",
    expect: "la protección de la estructura del libro",
    async inject(zip) {
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      zip.file("xl/workbook.xml", xml.replace(/(<bookViews>|<sheets>)/, '<workbookProtection lockStructure="1"/>$1'));
    },
  },
];

/** `source` with the parts of `cases` injected. */
export async function withParts(source: Buffer, cases: readonly LossyCase[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(source);
  for (const c of cases) await c.inject(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
