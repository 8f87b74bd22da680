/**
 * For tests of the rule "everything a user reads exists in Spanish and English": reads TypeScript
 * sources and finds every message written in both languages (`{ en, es }` literals) and every
 * site that still writes a user-facing message in English only (a literal passed where a
 * diagnostic, an error or a printed line wants both languages).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { bilingualProblem } from '../../ir/bilingual-check.js';

export interface BilingualPair {
  where: string;
  en: string;
  es: string;
}

export interface BilingualScan {
  pairs: BilingualPair[];
  /** `file:line: what` for each English-only site. */
  englishOnly: string[];
}

/** Error classes (and the server's error helpers) whose message argument (by position) must be `{ en, es }`, not a literal. */
const MESSAGE_ARGUMENT: Record<string, number> = {
  ApiError: 2,
  notFound: 0,
  ModelError: 1,
  InputError: 1,
  DataError: 1,
  SimulationError: 0,
  UsageError: 0,
  Unwritable: 0,
  VectorArgumentError: 0,
};

/** Diagnostic codes as the engine spells them: E_SYNTAX, W_UNUSED. */
const CODE = /^[EW]_[A-Z0-9_]+$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'test-support' ? [] : sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** A string or template literal's text, each placeholder written as `${expr}` (`.en`/`.es` dropped, `.messageEs` read as `.message`). */
export function literalText(n: ts.Node, sf: ts.SourceFile): string | undefined {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = literalText(n.left, sf);
    const b = literalText(n.right, sf);
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  if (!ts.isTemplateExpression(n)) return undefined;
  const hole = (e: ts.Expression) => '${' + e.getText(sf).replace(/\.(en|es)\b/g, '').replace(/\.messageEs\b/g, '.message') + '}';
  return n.head.text + n.templateSpans.map((s) => hole(s.expression) + s.literal.text).join('');
}

/** The name a call or `new` expression calls: `ModelError.at` → 'ModelError', `new InputError` → 'InputError'. */
function calleeName(e: ts.Expression): string {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return `${calleeName(e.expression)}.${e.name.text}`;
  return '';
}

/**
 * Scans the sources under `dirs` (paths in the answer are relative to `root`). `printed` lists the
 * callees whose literal arguments are printed to the user as they are (e.g. `console.error` in the
 * CLI); `foreign` lists literal texts allowed there because they wrap a library's own words.
 */
export function scanBilingual(dirs: readonly string[], root: string, printed: readonly string[] = [], foreign: readonly string[] = []): BilingualScan {
  const found: BilingualScan = { pairs: [], englishOnly: [] };
  for (const file of dirs.flatMap(sources)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const literal = (n: ts.Node | undefined) => n !== undefined && literalText(n, sf) !== undefined;
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
        const names = new Set(n.properties.map((p) => p.name?.getText(sf)));
        if (names.has('severity') && names.has('message') && !names.has('messageEs')) {
          found.englishOnly.push(`${where(n)}: a diagnostic without messageEs`);
        }
      }
      if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
        const name = calleeName(n.expression);
        const args = n.arguments ?? ts.factory.createNodeArray();
        const isCode = (a: ts.Expression) => ts.isStringLiteral(a) && CODE.test(a.text);
        if (args.some(isCode) && args.some((a) => !isCode(a) && literal(a))) found.englishOnly.push(`${where(n)}: ${name} with a literal message`);
        else if (name in MESSAGE_ARGUMENT && literal(args[MESSAGE_ARGUMENT[name]!])) {
          found.englishOnly.push(`${where(n)}: ${ts.isNewExpression(n) ? 'new ' : ''}${name} with a literal message`);
        } else if (printed.includes(name) && args.some((a) => literal(a) && !foreign.includes(literalText(a, sf)!))) {
          found.englishOnly.push(`${where(n)}: ${name} prints a literal`);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

/** `where: why` for each pair whose languages name different things, or whose Spanish is English. */
export function pairProblems(pairs: readonly BilingualPair[]): string[] {
  return pairs.flatMap((p) => {
    const why = bilingualProblem(p.en, p.es);
    return why ? [`${p.where}: ${why}`] : [];
  });
}
