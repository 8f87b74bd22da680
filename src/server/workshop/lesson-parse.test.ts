import { describe, expect, it } from 'vitest';
import { parseLesson } from './lesson-parse.js';

const GOOD = `---
id: forest
title: Stocks y flujos
---
Intro.

## Paso 1
chart: Forest Area
lever: Forest Conservation Budget
question: ¿Qué cambia?

El bosque es un **stock**.

- uno
- dos

## Paso 2
Solo texto.
`;

describe('lesson Markdown', () => {
  it('reads front matter, intro and steps with their fields', () => {
    const l = parseLesson(GOOD, 'x.md');
    expect(l).toMatchObject({ id: 'forest', title: 'Stocks y flujos', intro: 'Intro.' });
    expect(l.steps).toHaveLength(2);
    expect(l.steps[0]).toEqual({ title: 'Paso 1', chart: 'Forest Area', lever: 'Forest Conservation Budget', question: '¿Qué cambia?', text: 'El bosque es un **stock**.\n\n- uno\n- dos' });
    expect(l.steps[1]).toEqual({ title: 'Paso 2', text: 'Solo texto.' });
  });

  it('names file and line for bad input', () => {
    expect(() => parseLesson('no front matter', 'a.md')).toThrow(/a\.md:1/);
    expect(() => parseLesson('---\nid: x\n---\n## S\n', 'b.md')).toThrow(/title/);
    expect(() => parseLesson('---\nid: x\ntitle: T\n---\n## S\nchrt: GDP\n', 'c.md')).toThrow(/c\.md:6.*unknown step field "chrt"/);
    expect(() => parseLesson('---\nid: x\ntitle: T\n---\ntext only\n', 'd.md')).toThrow(/at least one step/);
    expect(() => parseLesson('---\nid: x\ntitle: T\n---\ntext only\n', 'd.md')).toThrow(
      expect.objectContaining({ messageEs: 'd.md: una lección necesita al menos un paso (un título "## ")' }),
    );
  });
});
