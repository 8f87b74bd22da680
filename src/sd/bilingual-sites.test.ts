/**
 * Every message the engine writes in both languages (`{ en, es }` literals in src/sd) names the same
 * functions, pages, code and run-time values in both; and every E_UNSUPPORTED site passes both
 * languages (the compiler enforces it for ModelError.at; this also covers codes passed through helpers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bilingualProblem } from './ir/bilingual-check.js';

const ROOT = join(import.meta.dirname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** A string or template literal's text, with each placeholder written as `${expr}` (`.en`/`.es` dropped). */
function literalText(n: ts.Node, sf: ts.SourceFile): string | undefined {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (!ts.isTemplateExpression(n)) return undefined;
  const hole = (e: ts.Expression) => '${' + e.getText(sf).replace(/\.(en|es)\b/g, '') + '}';
  return n.head.text + n.templateSpans.map((s) => hole(s.expression) + s.literal.text).join('');
}

interface Found {
  pairs: { where: string; en: string; es: string }[];
  bareUnsupported: string[];
}

function scan(): Found {
  const found: Found = { pairs: [], bareUnsupported: [] };
  for (const file of sources(ROOT)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${file.slice(ROOT.length + 1)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (ts.isObjectLiteralExpression(n)) {
        const props = new Map(n.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(sf), p.initializer]));
        const en = props.get('en');
        const es = props.get('es');
        if (n.properties.length === 2 && en && es) {
          const enText = literalText(en, sf);
          const esText = literalText(es, sf);
          if (enText !== undefined && esText !== undefined) found.pairs.push({ where: where(n), en: enText, es: esText });
        }
      }
      if (ts.isCallExpression(n) && n.arguments.some((a) => ts.isStringLiteral(a) && a.text === 'E_UNSUPPORTED')) {
        if (n.arguments.some((a) => literalText(a, sf) !== undefined && !(ts.isStringLiteral(a) && a.text === 'E_UNSUPPORTED'))) {
          found.bareUnsupported.push(where(n));
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

describe('bilingual engine messages', () => {
  const found = scan();

  it('find the engine messages written in both languages', () => {
    // unsupported.ts, conveyors, DELAY CONVEYOR, macros, the XMILE reader and parser, SHIFT IF TRUE, ...
    expect(found.pairs.length).toBeGreaterThan(40);
    expect(new Set(found.pairs.map((p) => p.where.split(':')[0])).size).toBeGreaterThan(10);
  });

  it('each pair names the same functions, pages, code and run-time values', () => {
    const problems = found.pairs.flatMap((p) => {
      const why = bilingualProblem(p.en, p.es);
      return why ? [`${p.where}: ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('no E_UNSUPPORTED site passes an English-only message', () => {
    expect(found.bareUnsupported).toEqual([]);
  });
});
