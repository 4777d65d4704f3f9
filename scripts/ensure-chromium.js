#!/usr/bin/env node
/*
 * `pretest` (runs before `npm test`): the browser tests of the task pane need a Chromium (scripts/chromium.js says
 * where one is looked for). When none is found:
 *   - as root with apt-get (a fresh Debian machine, CI): installs Debian's `chromium` package and says so in one line;
 *   - otherwise: explains how to install it (or point RAOCE_CHROMIUM at one) and fails, before any test runs.
 * `--dry-run` (or RAOCE_CHROMIUM_DRY_RUN=1) only says what it would do. Exit 0 when a Chromium is (now) there.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const { findChromium, onPath } = require("./chromium");

const dryRun = process.argv.includes("--dry-run") || process.env.RAOCE_CHROMIUM_DRY_RUN === "1";
// RAOCE_TEST_UID: lets the project's own test of this script act as a non-root user.
const uid = process.env.RAOCE_TEST_UID !== undefined ? Number(process.env.RAOCE_TEST_UID) : typeof process.getuid === "function" ? process.getuid() : -1;

function main() {
  const found = findChromium();
  if (found.path) return 0;
  if (process.env.RAOCE_CHROMIUM) {
    console.error(`pretest: ${found.reason}. Corrija RAOCE_CHROMIUM o quítela para usar el Chromium del sistema.`);
    return 1;
  }
  const apt = onPath("apt-get");
  if (uid === 0 && apt) {
    console.log(`pretest: no se encontró Chromium (lo usan las pruebas del panel en un navegador): ${dryRun ? "se instalaría" : "instalando"} el paquete chromium de Debian con apt-get…`);
    if (dryRun) return 0;
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const steps = [
      ["update", "-qq"],
      ["install", "-y", "-qq", "--no-install-recommends", "chromium"],
    ];
    for (const args of steps) {
      const r = spawnSync(apt, args, { env, stdio: ["ignore", "ignore", "inherit"] });
      if (r.status !== 0) {
        console.error(`pretest: apt-get ${args.join(" ")} falló (código ${r.status}). Instale Chromium a mano (apt-get install chromium) o indique su ruta en RAOCE_CHROMIUM.`);
        return 1;
      }
    }
    const after = findChromium();
    if (after.path) return 0;
    console.error(`pretest: apt-get terminó pero sigue sin haber Chromium (${after.reason}).`);
    return 1;
  }
  console.error(
    [
      "pretest: las pruebas del panel necesitan Chromium y no se encontró (" + found.reason + ").",
      "  Debian/Ubuntu: sudo apt-get install chromium     Fedora: sudo dnf install chromium     macOS: brew install --cask chromium",
      "  o indique un Chromium/Chrome ya instalado: RAOCE_CHROMIUM=/ruta/al/navegador npm test",
    ].join("\n"),
  );
  return dryRun ? 0 : 1;
}

process.exitCode = main();
