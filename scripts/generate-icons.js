#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16.png … icon-80.png): a white "R" on Excel green, anti-aliased by 4×4
 * supersampling. The PNGs are committed; run `node scripts/generate-icons.js` again only to change the artwork.
 * Sizes: 16/32/80 for the ribbon button, 32 (IconUrl) and 64 (HighResolutionIconUrl) for the add-in itself.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.join(__dirname, "..", "assets");
const BACKGROUND = [0x21, 0x73, 0x46]; // Excel green
const FOREGROUND = [0xff, 0xff, 0xff];
const SAMPLES = 4;

/** Rounded square covering the whole icon (unit coordinates, y down). */
function inBackground(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The letter R: stem, two bars, a half-ring bowl and a diagonal leg. */
function inGlyph(x, y) {
  const stem = x >= 0.27 && x <= 0.41 && y >= 0.2 && y <= 0.8;
  const topBar = x >= 0.27 && x <= 0.53 && y >= 0.2 && y <= 0.32;
  const midBar = x >= 0.27 && x <= 0.53 && y >= 0.48 && y <= 0.6;
  const d = Math.hypot(x - 0.53, y - 0.4);
  const bowl = x >= 0.53 && d <= 0.2 && d >= 0.08;
  const leg = distanceToSegment(x, y, 0.5, 0.56, 0.7, 0.8) <= 0.07 && y <= 0.8;
  return stem || topBar || midBar || bowl || leg;
}

function draw(size) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (inBackground(x, y)) {
            bg++;
            if (inGlyph(x, y)) fg++;
          }
        }
      }
      const n = SAMPLES * SAMPLES;
      const i = (py * size + px) * 4;
      const f = bg === 0 ? 0 : fg / bg;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(BACKGROUND[c] * (1 - f) + FOREGROUND[c] * f);
      png.data[i + 3] = Math.round((255 * bg) / n);
    }
  }
  return PNG.sync.write(png);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT_DIR, `icon-${size}.png`);
  fs.writeFileSync(file, draw(size));
  console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
}
