import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSdeCRuntime, sdeCPeerLine } from './sde-c-peer.js';

describe('SDEverywhere C peer detection', () => {
  it('finds sde.h inside an @sdeverywhere package and says the C peer is not timed when there is none', () => {
    const nm = mkdtempSync(join(tmpdir(), 'sde-c-'));
    mkdirSync(join(nm, '@sdeverywhere', 'compile', 'src'), { recursive: true });
    expect(findSdeCRuntime(nm)).toEqual([]);
    expect(sdeCPeerLine([])).toMatch(/not timed.*sde\.h/);
    mkdirSync(join(nm, '@sdeverywhere', 'cli', 'src', 'c'), { recursive: true });
    writeFileSync(join(nm, '@sdeverywhere', 'cli', 'src', 'c', 'sde.h'), '');
    expect(findSdeCRuntime(nm)).toEqual([join(nm, '@sdeverywhere', 'cli', 'src', 'c', 'sde.h')]);
  });
});
