/** scripts/audit-prod.mjs: its offline fallback finds a pinned advisory in production, and only there. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'igem-audit-'));
function audit(packages: Record<string, object>): { status: number | null; out: string } {
  const lock = join(dir, `lock-${Object.keys(packages).length}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(lock, JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, ...packages } }));
  const r = spawnSync(process.execPath, ['scripts/audit-prod.mjs', '--offline', '--lock', lock], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('audit:prod fallback (pinned advisories)', () => {
  it('fails on xlsx 0.18.5 in production, naming both advisories', () => {
    const r = audit({ 'node_modules/xlsx': { version: '0.18.5' }, 'node_modules/jspdf': { version: '4.2.1' } });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/unreachable \(not asked: --offline\)/);
    expect(r.out).toMatch(/xlsx@0\.18\.5 \(high, CVE-2023-30533/);
    expect(r.out).toMatch(/xlsx@0\.18\.5 \(high, CVE-2024-22363/);
    expect(r.out).not.toMatch(/jspdf/);
  });

  it('passes when the vulnerable version is a dev dependency, an aliased dev copy or fixed', () => {
    const r = audit({
      'node_modules/xlsx-registry': { name: 'xlsx', version: '0.18.5', dev: true },
      'node_modules/@e965/xlsx': { version: '0.20.3' },
      'node_modules/ws': { version: '8.17.1' },
    });
    expect(r.out).toMatch(/no high or critical advisories/);
    expect(r.status).toBe(0);
  });

  it('reads ranges with a lower bound and alternatives', () => {
    expect(audit({ 'node_modules/ws': { version: '8.17.0' } }).status).toBe(1);
    expect(audit({ 'node_modules/ws': { version: '7.5.10' } }).status).toBe(0);
    expect(audit({ 'node_modules/a/node_modules/cross-spawn': { version: '6.0.5' } }).status).toBe(1);
  });
});
