// Fails (exit 1) when a production dependency has a high or critical advisory.
// First asks the registry (`npm audit --omit=dev`); when its audit endpoint cannot be reached
// (offline, a proxy, a 4xx/5xx), says so and checks package-lock.json against the pinned list in
// scripts/known-advisories.json instead, so that `npm test` never fails for network reasons.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --offline skips the registry; --lock FILE checks another lock file (both for the script's own test).
const args = process.argv.slice(2);
const offline = args.includes('--offline');
const lockPath = args.includes('--lock') ? args[args.indexOf('--lock') + 1] : join(root, 'package-lock.json');
const SEVERE = new Set(['high', 'critical']);

function registryAudit() {
  const r = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 90_000,
    shell: process.platform === 'win32',
  });
  if (r.error) return { unreachable: r.error.message };
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    return { unreachable: `npm audit gave no report (exit ${r.status}): ${(r.stderr || '').trim().split('\n').pop()}` };
  }
  if (report.error || report.statusCode || !report.metadata) {
    return { unreachable: report.message ?? report.error?.summary ?? 'npm audit returned an error' };
  }
  const found = Object.values(report.vulnerabilities ?? {})
    .filter((v) => SEVERE.has(v.severity))
    .map((v) => `${v.name} (${v.severity}, ${v.range}): ${[v.via].flat().map((x) => (typeof x === 'string' ? x : x.title)).join('; ')}`);
  return { found };
}

/** '1.2.3' → [1, 2, 3]; pre-release tags sort before the release. */
function parse(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)(-.+)?$/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? 0 : 1] : undefined;
}

function compare(a, b) {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Ranges as written in the pinned list: '<1.2.3', '>=1.0.0 <1.2.3', joined by '||'. */
function inRange(version, range) {
  const v = parse(version);
  if (!v) return false;
  return range.split('||').some((alt) =>
    alt
      .trim()
      .split(/\s+/)
      .every((cond) => {
        const m = /^(<=|>=|<|>|=)?(\d+\.\d+\.\d+)$/.exec(cond);
        if (!m) throw new Error(`known-advisories.json: cannot read the range '${range}'`);
        const c = compare(v, parse(m[2]));
        return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '=': c === 0, undefined: c === 0 }[m[1]];
      }),
  );
}

function pinnedCheck() {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const { advisories } = JSON.parse(readFileSync(join(root, 'scripts', 'known-advisories.json'), 'utf8'));
  const installed = [];
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (key === '' || entry.dev || entry.link || !entry.version) continue; // links are checked at their target
    const name = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    installed.push({ name, version: entry.version, key });
  }
  const found = [];
  for (const a of advisories) {
    if (!SEVERE.has(a.severity)) continue;
    for (const p of installed) {
      if (p.name === a.package && inRange(p.version, a.vulnerable)) found.push(`${p.name}@${p.version} (${a.severity}, ${a.id}): ${a.title} [${p.key}]`);
    }
  }
  return { found, checked: installed.length, advisories: advisories.length };
}

const audit = offline ? { unreachable: 'not asked: --offline' } : registryAudit();
let found;
if (audit.unreachable !== undefined) {
  console.log(`audit:prod: the registry's audit endpoint is unreachable (${audit.unreachable});`);
  const pinned = pinnedCheck();
  console.log(`audit:prod: checked ${pinned.checked} production packages in ${lockPath} against ${pinned.advisories} pinned advisories (scripts/known-advisories.json) instead.`);
  found = pinned.found;
} else {
  found = audit.found;
  console.log('audit:prod: npm audit of production dependencies done.');
}
if (found.length > 0) {
  console.error(`audit:prod: ${found.length} high or critical advisories in production dependencies:\n  ${found.join('\n  ')}`);
  process.exit(1);
}
console.log('audit:prod: no high or critical advisories in production dependencies.');
