/**
 * Causes and uses trees as Vensim's tools show them: the variable, then what it reads (or what
 * reads it), each branch opened on demand. A variable met again on its own branch is marked as a
 * loop and not opened further. Each name links to the variable; each link shows its polarity.
 */
import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { CausalGraph, CausalLink } from '../../sd/analyze/structure/index.js';

export type TreeDirection = 'causes' | 'uses';

function signOf(l: CausalLink): HTMLElement {
  const [text, title] = l.polarity === '+' ? ['+', t('linkPositive')] : l.polarity === '-' ? ['−', t('linkNegative')] : ['?', t('linkUnknown')];
  return h('span', { class: `sign sign-${l.polarity === '+' ? 'pos' : l.polarity === '-' ? 'neg' : 'unk'}`, title: l.initialOnly ? `${title}, ${t('linkInitial')}` : title }, h('span', { 'aria-hidden': 'true' }, text), h('span', { class: 'visually-hidden' }, `${title}${l.initialOnly ? `, ${t('linkInitial')}` : ''}: `));
}

/**
 * The tree of `root` in one direction, its first level open. `varLink` makes the link to a
 * variable; `path` holds the keys above (for loop marks).
 */
export function renderTree(graph: CausalGraph, root: string, dir: TreeDirection, varLink: (key: string) => HTMLElement): HTMLElement {
  const links = (k: string) => (dir === 'causes' ? graph.in.get(k) : graph.out.get(k)) ?? [];
  const other = (l: CausalLink) => (dir === 'causes' ? l.from : l.to);
  const name = (k: string) => graph.nodes.get(k)?.display ?? k;

  const item = (key: string, via: CausalLink | undefined, path: readonly string[], open: boolean): HTMLElement => {
    const repeated = path.includes(key);
    const kids = repeated ? [] : links(key);
    const li = h('li', { class: 'tree-item', 'data-key': key });
    const row = h('div', { class: 'tree-row' });
    let list: HTMLElement | undefined;
    const fill = () => {
      list = h('ul', { class: 'tree' }, kids.map((l) => item(other(l), l, [...path, key], false)));
      li.append(list);
    };
    if (kids.length > 0) {
      const btn = h('button', { type: 'button', class: 'tree-toggle', 'aria-expanded': open ? 'true' : 'false', 'aria-label': t(open ? 'treeCollapse' : 'treeExpand', { name: name(key) }) }, h('span', { 'aria-hidden': 'true' }, open ? '▾' : '▸'));
      btn.addEventListener('click', () => {
        const nowOpen = btn.getAttribute('aria-expanded') !== 'true';
        btn.setAttribute('aria-expanded', nowOpen ? 'true' : 'false');
        btn.setAttribute('aria-label', t(nowOpen ? 'treeCollapse' : 'treeExpand', { name: name(key) }));
        btn.firstElementChild!.textContent = nowOpen ? '▾' : '▸';
        if (nowOpen && !list) fill();
        else if (list) list.hidden = !nowOpen;
      });
      row.append(btn);
    } else row.append(h('span', { class: 'tree-leaf', 'aria-hidden': 'true' }, '·'));
    if (via) row.append(signOf(via));
    row.append(varLink(key));
    if (repeated) row.append(' ', h('span', { class: 'note tree-loop', title: t('treeRepeated') }, h('span', { 'aria-hidden': 'true' }, '↺ '), t('treeRepeated')));
    li.append(row);
    if (open && kids.length > 0) fill();
    return li;
  };

  const wrap = h('div', { class: 'tree-wrap' });
  if (links(root).length === 0) wrap.append(h('p', { class: 'note' }, t(dir === 'causes' ? 'treeNoCauses' : 'treeNoUses', { name: name(root) })));
  else wrap.append(h('p', { class: 'note' }, t(dir === 'causes' ? 'causesHelp' : 'usesHelp', { name: name(root) })), h('ul', { class: `tree tree-root ${dir}` }, item(root, undefined, [], true)));
  return wrap;
}
