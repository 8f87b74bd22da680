#!/usr/bin/env node
/**
 * Writes calibrated constants ({ "Name": value, "Name[elem]": value, "Name[row,col]": value },
 * as `igem calibrate --out-params` writes them) into the values of a Vensim .mdl file, so that a
 * plain run of the model is the calibrated business-as-usual run.
 *
 * Only the numbers of the named constants change; layout, units and documentation are kept.
 * Usage: node apply-params.mjs MODEL.mdl PARAMS.json [PARAMS2.json ...]
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [modelPath, ...paramFiles] = process.argv.slice(2);
if (!modelPath || paramFiles.length === 0) {
  console.error('usage: node apply-params.mjs MODEL.mdl PARAMS.json [...]');
  process.exit(2);
}

const key = (s) => s.trim().replace(/[_\s]+/g, ' ').toLowerCase();
let text = readFileSync(modelPath, 'utf8');

/** Subscript ranges: name -> element names (in order). */
function readRanges(src) {
  const ranges = new Map();
  const re = /^([A-Za-z][\w ]*?)\s*:\s*\n?([^~|=]+?)\s*~/gm;
  for (const m of src.matchAll(re)) {
    const elems = m[2].split(',').map((e) => key(e));
    if (elems.every((e) => /^[a-z][\w ]*$/.test(e))) ranges.set(key(m[1]), elems);
  }
  return ranges;
}
const ranges = readRanges(text);

const format = (v) => {
  if (Number.isInteger(v)) return String(v);
  const s = Number(v.toPrecision(6)).toString();
  return s.includes('e') ? Number(v).toExponential(5).replace(/\.?0+e/, 'e') : s;
};

/** Finds the definition `Name[dims]=` (or `Name=`) and returns where its value text lies. */
function findDefinition(base) {
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    const m = /^([^=~|()]+?)\s*(\[[^\]]*\])?\s*=\s*$|^([^=~|()]+?)\s*(\[[^\]]*\])?\s*=(?!=)/.exec(line);
    if (m) {
      const name = m[1] ?? m[3];
      const dims = m[2] ?? m[4];
      if (name && key(name) === key(base)) {
        const eq = text.indexOf('=', offset) + 1;
        const end = text.indexOf('~', eq);
        return { start: eq, end, dims: dims ? dims.slice(1, -1).split(',').map(key) : [] };
      }
    }
    offset += line.length + 1;
  }
  return undefined;
}

let changed = 0;
for (const file of paramFiles) {
  const params = JSON.parse(readFileSync(file, 'utf8'));
  for (const [name, value] of Object.entries(params)) {
    const m = /^(.*?)\s*(?:\[(.*)\])?\s*$/.exec(name);
    const base = m[1];
    const elems = m[2] ? m[2].split(',').map(key) : [];
    const def = findDefinition(base);
    if (!def) throw new Error(`${modelPath}: no definition of "${base}"`);
    const body = text.slice(def.start, def.end);
    const lead = /^\s*/.exec(body)[0];
    const trail = /\s*$/.exec(body)[0];
    const rows = body.trim().replace(/;\s*$/, '').split(';').map((r) => r.split(',').map((c) => c.trim()));
    if (rows.some((r) => r.some((c) => !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(c)))) {
      throw new Error(`${modelPath}: "${base}" is not a list of numbers`);
    }
    let r = 0;
    let c = 0;
    if (elems.length > 0) {
      const pos = elems.map((e, i) => {
        const members = ranges.get(def.dims[i]);
        if (!members) throw new Error(`${modelPath}: unknown subscript range "${def.dims[i]}" of "${base}"`);
        const at = members.indexOf(e);
        if (at < 0) throw new Error(`${modelPath}: "${e}" is not an element of ${def.dims[i]}`);
        return at;
      });
      if (pos.length === 1) {
        if (rows.length === 1) c = pos[0];
        else r = pos[0];
      } else [r, c] = pos;
    } else if (rows.length !== 1 || rows[0].length !== 1) {
      throw new Error(`${modelPath}: "${base}" has several values; name an element`);
    }
    if (!rows[r] || rows[r][c] === undefined) throw new Error(`${modelPath}: "${name}" is out of range`);
    rows[r][c] = format(Number(value));
    const joined = rows.length === 1 ? rows[0].join(', ') : rows.map((row) => row.join(', ')).join(';\n\t') + ';';
    text = text.slice(0, def.start) + lead + joined + trail + text.slice(def.end);
    changed++;
  }
}
writeFileSync(modelPath, text);
console.error(`${modelPath}: wrote ${changed} calibrated value(s)`);
