/**
 * Lines of a Data Stage file, chunk by chunk: latin-1/cp1252 (UTF-8 when the file starts with a BOM), CRLF or LF,
 * fields split on `|` with the empty field after a trailing pipe dropped. Only the current chunk and one partial
 * line are held in memory.
 */

export type LineHandler = (fields: string[], lineNo: number) => void;
/** A line as text (no line break); empty lines are skipped. */
export type RawLineHandler = (line: string, lineNo: number) => void;

/** Fields of one line: split on `|`, the empty field after a trailing pipe dropped. */
export function splitFields(line: string): string[] {
  const fields = line.split("|");
  if (fields.length > 1 && fields[fields.length - 1] === "") fields.pop(); // rows end with "|"
  return fields;
}

/**
 * The fields at `indexes` (ascending) without splitting the whole line: the 551 file has ~30 fields per item and
 * the totals need 7 of them (a year is hundreds of thousands of items).
 */
export function pickFields(line: string, indexes: readonly number[], out: string[]): string[] {
  let field = 0;
  let start = 0;
  let k = 0;
  while (k < indexes.length) {
    const end = line.indexOf("|", start);
    const stop = end < 0 ? line.length : end;
    while (k < indexes.length && indexes[k] === field) out[k++] = line.slice(start, stop);
    if (end < 0) break;
    field++;
    start = end + 1;
  }
  while (k < indexes.length) out[k++] = "";
  return out;
}

export async function forEachLine(chunks: AsyncIterable<Uint8Array>, onLine: LineHandler): Promise<number> {
  return forEachRawLine(chunks, (line, n) => onLine(splitFields(line), n));
}

export async function forEachRawLine(chunks: AsyncIterable<Uint8Array>, onLine: RawLineHandler): Promise<number> {
  let decoder: { decode(b?: Uint8Array, o?: { stream?: boolean }): string } | null = null;
  let rest = "";
  let lineNo = 0;
  const emit = (line: string) => {
    lineNo++;
    const l = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (l.length === 0 || l.trim() === "") return;
    onLine(l, lineNo);
  };
  let head: Uint8Array | null = new Uint8Array(0); // the first bytes, until there are 3 to look for a BOM
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (head) {
      const joined: Uint8Array = new Uint8Array(head.length + bytes.length);
      joined.set(head);
      joined.set(bytes, head.length);
      if (joined.length < 3) {
        head = joined;
        continue;
      }
      head = null;
      const bom = joined[0] === 0xef && joined[1] === 0xbb && joined[2] === 0xbf;
      decoder = new TextDecoder(bom ? "utf-8" : "windows-1252");
      bytes = bom ? joined.subarray(3) : joined;
    }
    if (!decoder) continue;
    const text = rest + decoder.decode(bytes, { stream: true });
    let start = 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", start)) {
      emit(text.slice(start, i));
      start = i + 1;
    }
    rest = text.slice(start);
    if (rest.length > 1 << 20) throw new Error("una línea de más de 1 MB: no parece un archivo del Data Stage");
  }
  if (head && head.length) rest += new TextDecoder("windows-1252").decode(head);
  if (decoder) rest += decoder.decode();
  if (rest !== "") emit(rest);
  return lineNo;
}
