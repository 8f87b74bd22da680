/**
 * Workshop lessons written in Markdown (models/<model>/lessons/{es,en}/*.md), so a trainer adds one
 * without code. The convention (documented in models/peru/lessons/README.md):
 *
 *   ---                      front matter: `key: value` lines between two `---` lines
 *   id: forest-stocks        the same id in both languages (required)
 *   title: …                 (required)
 *   ---
 *   Introduction paragraphs.
 *   ## Step title            each level-2 heading starts a step
 *   chart: Forest Area       the variable the step's chart shows (optional)
 *   lever: Forest Conservation Budget   the lever to move (optional)
 *   question: …              the question put to participants (optional)
 *   Step text (paragraphs; `- ` lists; **bold**).
 *
 * Field lines are the `key: value` lines right under the heading, before the first text line.
 */
import { InputError } from '../../sd/ir/diagnostics.js';

export interface LessonStep {
  title: string;
  text: string;
  chart?: string;
  lever?: string;
  question?: string;
}

export interface Lesson {
  id: string;
  title: string;
  intro: string;
  steps: LessonStep[];
}

const STEP_FIELDS = new Set(['chart', 'lever', 'question']);

/** Parses one lesson file; errors name the file and line. */
export function parseLesson(text: string, file: string): Lesson {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new InputError(`${file}:1`, {
      en: 'a lesson starts with front matter between two "---" lines (id and title)',
      es: 'una lección empieza con un encabezado entre dos líneas "---" (id y title)',
    });
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) throw new InputError(`${file}:1`, { en: 'the front matter is not closed by a "---" line', es: 'falta la línea "---" que cierra el encabezado' });
  const meta: Record<string, string> = {};
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const m = /^([a-z]+):\s*(.*)$/.exec(line.trim());
    if (!m) throw new InputError(`${file}:${i + 1}`, {
        en: `expected "key: value" in the front matter, found "${line.trim()}"`,
        es: `se esperaba "key: value" en el encabezado, se encontró "${line.trim()}"`,
      });
    meta[m[1]!] = m[2]!.trim();
  }
  for (const k of ['id', 'title']) if (!meta[k]) throw new InputError(`${file}:1`, { en: `the front matter needs "${k}:"`, es: `el encabezado necesita "${k}:"` });
  if (!/^[a-z0-9-]+$/.test(meta.id!)) throw new InputError(`${file}:2`, { en: `id "${meta.id}" may use only a-z, 0-9 and "-"`, es: `el id "${meta.id}" solo puede usar a-z, 0-9 y "-"` });

  const intro: string[] = [];
  const steps: LessonStep[] = [];
  let step: (LessonStep & { body: string[]; inFields: boolean }) | undefined;
  for (let i = end + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^##\s+(.+)$/.exec(line);
    if (heading) {
      if (step) steps.push(finish(step));
      step = { title: heading[1]!.trim(), text: '', body: [], inFields: true };
      continue;
    }
    if (!step) {
      if (!/^#\s/.test(line)) intro.push(line);
      continue;
    }
    const field = /^([a-z]+):\s*(.+)$/.exec(line.trim());
    if (step.inFields && field && STEP_FIELDS.has(field[1]!)) {
      step[field[1] as 'chart' | 'lever' | 'question'] = field[2]!.trim();
      continue;
    }
    if (step.inFields && field && !STEP_FIELDS.has(field[1]!) && /^[a-z]+$/.test(field[1]!) && line.trim() === line) {
      throw new InputError(`${file}:${i + 1}`, {
        en: `unknown step field "${field[1]}" (known: chart, lever, question)`,
        es: `campo de paso desconocido "${field[1]}" (conocidos: chart, lever, question)`,
      });
    }
    if (line.trim()) step.inFields = false;
    step.body.push(line);
  }
  if (step) steps.push(finish(step));
  if (steps.length === 0) throw new InputError(file, { en: 'a lesson needs at least one step (a "## " heading)', es: 'una lección necesita al menos un paso (un título "## ")' });
  return { id: meta.id!, title: meta.title!, intro: intro.join('\n').trim(), steps };
}

function finish(s: LessonStep & { body: string[]; inFields: boolean }): LessonStep {
  const out: LessonStep = { title: s.title, text: s.body.join('\n').trim() };
  if (s.chart) out.chart = s.chart;
  if (s.lever) out.lever = s.lever;
  if (s.question) out.question = s.question;
  return out;
}
