// Draws the app icons (PNG, no dependencies): a white clock face with an amber hand on navy.
// `node scripts/icons.mjs` writes public/icons/icon-192.png, icon-512.png and maskable-512.png.
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (bytes) => bytes.reduce((c, b) => crcTable[(c ^ b) & 255] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff;
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc([...out.subarray(4, 8 + data.length)]) >>> 0, 8 + data.length);
  return out;
};

function icon(size, safeZone) {
  const navy = [20, 33, 61], white = [255, 255, 255], amber = [255, 191, 71];
  const rows = [];
  const c = size / 2;
  const scale = safeZone ? 0.8 : 1; // maskable icons keep their content in the central 80%
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const dx = (x + 0.5 - c) / (c * scale), dy = (y + 0.5 - c) / (c * scale);
      const r = Math.hypot(dx, dy);
      let color = navy;
      if (r > 0.56 && r < 0.72) color = white; // the face's rim
      // the hand: from the centre towards two o'clock, and a dot at the centre
      const along = dx * 0.5 + -dy * 0.866;
      const across = Math.abs(dx * 0.866 + dy * 0.5);
      if ((along > 0 && along < 0.45 && across < 0.07) || r < 0.1) color = amber;
      if (dy > 0.12 && dy < 0.36 && Math.abs(dx) < 0.06) color = white; // six o'clock mark of the hour hand
      row.push(...color);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const dir = new URL("../public/icons/", import.meta.url).pathname;
writeFileSync(`${dir}icon-192.png`, icon(192, false));
writeFileSync(`${dir}icon-512.png`, icon(512, false));
writeFileSync(`${dir}maskable-512.png`, icon(512, true));
