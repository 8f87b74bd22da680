/** One lever: a labelled slider (or switch) with its value, units, default and a reset button. */
import { h, uid } from '../dom.js';
import { fmt, t } from '../i18n.js';
import type { Lever } from '../levers.js';
import { clampValue } from '../lever-bounds.js';

export interface LeverControl {
  el: HTMLElement;
  /** Shows a value set elsewhere (scenario loaded, reset) without firing a change. */
  show(value: number): void;
}

/** Digits enough to show the step exactly. */
function decimals(step: number): number {
  if (!Number.isFinite(step) || step >= 1) return 0;
  return Math.min(10, Math.ceil(-Math.log10(step) - 1e-9));
}

export function leverControl(lever: Lever, value: number, onChange: (v: number) => void): LeverControl {
  const id = uid('lever');
  const helpId = `${id}-help`;
  const dec = decimals(lever.step);
  const resetBtn = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-label': t('resetLever', { name: lever.label, value: fmt(lever.defaultValue) }), title: t('reset'), onclick: () => onChange(lever.defaultValue) },
    '↺',
  );
  const help = h('p', { id: helpId, class: 'help' }, lever.help ? `${lever.help} ` : '', h('span', { class: 'default' }, `(${lever.isSwitch ? t('defaultValue', { value: fmt(lever.defaultValue) }) : t('rangeDefault', { min: fmt(lever.min), max: fmt(lever.max), value: fmt(lever.defaultValue) })})`));
  let show: (v: number) => void;
  let input: HTMLElement;
  let extra: HTMLElement | null = null;
  if (lever.isSwitch) {
    const box = h('input', {
      type: 'checkbox',
      role: 'switch',
      id,
      'data-lever': lever.name,
      'aria-describedby': helpId,
      checked: value === 1,
      onchange: () => onChange(box.checked ? 1 : 0),
    });
    const state = h('span', { class: 'switch-state', 'aria-hidden': 'true' }, value === 1 ? t('on') : t('off'));
    input = h('div', { class: 'lever-input' }, box, state);
    show = (v) => {
      box.checked = v === 1;
      state.textContent = v === 1 ? t('on') : t('off');
    };
  } else {
    const range = h('input', {
      type: 'range',
      id,
      'data-lever': lever.name,
      min: lever.min,
      max: lever.max,
      step: lever.step,
      value: String(value),
      'aria-describedby': helpId,
      'aria-valuetext': `${fmt(value)} ${lever.units}`.trim(),
      oninput: () => {
        const v = Number(range.value);
        shown = v;
        el.classList.toggle('changed', v !== lever.defaultValue);
        num.value = v.toFixed(dec);
        range.setAttribute('aria-valuetext', `${fmt(v)} ${lever.units}`.trim());
        onChange(v);
      },
    });
    const num = h('input', {
      type: 'number',
      class: 'lever-number',
      min: lever.min,
      max: lever.max,
      step: 'any',
      value: value.toFixed(dec),
      'aria-label': `${lever.label} (${lever.units || '—'})`,
      onchange: () => {
        const given = num.value.trim() === '' ? NaN : Number(num.value);
        const v = clampValue(lever, given);
        // Out of range, not a number or empty: the box shows the value used and says why.
        if (v !== given) {
          note.textContent = Number.isNaN(given)
            ? t('leverNotNumber', { value: fmt(v) })
            : t('leverClamped', { given: fmt(given), min: fmt(lever.min), max: fmt(lever.max), value: fmt(v) });
          num.value = v.toFixed(dec);
        } else note.textContent = '';
        range.value = String(v);
        onChange(v);
      },
    });
    const note = h('p', { class: 'lever-note', role: 'status', 'aria-live': 'polite' });
    input = h('div', { class: 'lever-input', translate: lever.identifier ? 'no' : undefined }, range, num);
    extra = note;
    show = (v) => {
      range.value = String(v);
      range.setAttribute('aria-valuetext', `${fmt(v)} ${lever.units}`.trim());
      if (document.activeElement !== num) num.value = v.toFixed(dec);
    };
  }
  const el = h(
    'div',
    { class: 'lever', 'data-name': lever.name },
    h('div', { class: 'lever-head', translate: lever.identifier ? 'no' : undefined }, h('label', { for: id }, lever.label), lever.units ? h('span', { class: 'units' }, lever.units) : null, resetBtn),
    input,
    extra,
    help,
  );
  let shown: number | undefined;
  const control: LeverControl = {
    el,
    // Called for every lever on every settings change: touch the DOM only when the value moved.
    show: (v) => {
      if (Object.is(v, shown)) return;
      shown = v;
      show(v);
      el.classList.toggle('changed', v !== lever.defaultValue);
    },
  };
  control.show(value);
  return control;
}
