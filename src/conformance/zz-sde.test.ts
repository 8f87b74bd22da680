import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { generateModel } from './differential-generator.js';
import { checkWithSde, unsupportedBySde } from './differential-sde.js';
import { explanation } from './differential-sde-suite.js';
it('sde on mapping seeds', async () => {
  const out: unknown[] = [];
  const from = Number(process.env.FROM ?? 0), to = Number(process.env.TO ?? 2000);
  for (let s = from; s < to; s++) {
    const full = generateModel(s).text;
    if (!/ -> /.test(full)) continue;
    for (const variant of [false, true]) {
      const text = variant ? generateModel(s, { sdeSubset: true }).text : full;
      if (variant && !unsupportedBySde(full)) continue;
      const o = await checkWithSde(text);
      const ex = o.kind === 'disagree' || o.kind === 'rejected' ? explanation(s, text, o, variant) : undefined;
      out.push({ seed: s, variant, kind: o.kind, ex, o: o.kind === 'disagree' ? o.columns : o.kind === 'rejected' ? o.message.slice(0, 200) : o.kind === 'unsupported' ? o.reason : undefined });
    }
  }
  writeFileSync(`/tmp/genmaps/sde-${from}.json`, JSON.stringify(out, null, 1));
}, 900000);
