"use strict";
/* One measured process for bench/datastage.ts: prints {ms, maxRssMb, ...} as JSON. Modes:
 *   cli <workbook> <zip>…      the real `raoce conciliar` (lib/, run `npm run build:cli` first)
 *   inflate <zip>…             baseline: jszip directory + zlib inflate + line count of the same files */
const mode = process.argv[2];
const args = process.argv.slice(3);
const t0 = process.hrtime.bigint();
const done = (extra) => {
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, ...extra }) + "\n");
};
if (mode === "cli") {
  const { run } = require("../lib/cli/main.js");
  const out = args[0].replace(/\.xlsx$/, "-bench-out.xlsx");
  run(["conciliar", args[0], ...args.slice(1), "--out", out, "--json"], new Date("2025-05-20T18:00:00Z")).then((r) => {
    const doc = JSON.parse(r.stdout);
    done({ exitCode: r.exitCode, items: doc.dataStage.stats.items, pedimentos: doc.dataStage.stats.pedimentos });
  });
} else {
  const JSZip = require("jszip");
  const { readFileSync } = require("node:fs");
  const { inflateRawSync } = require("node:zlib");
  (async () => {
    let lines = 0;
    for (const p of args) {
      const zip = await JSZip.loadAsync(readFileSync(p));
      for (const e of Object.values(zip.files)) {
        const text = inflateRawSync(e._data.compressedContent).toString("latin1");
        for (const l of text.split("\n")) if (l) lines++;
      }
    }
    done({ lines });
  })();
}
