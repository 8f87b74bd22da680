/**
 * Layering policy: each layer may import only from layers below it.
 * Order (bottom to top): ir → formats → analyze → compile → run → analyses/econ → interfaces.
 * The SD engine core (everything in src/sd except src/sd/node) must also run in a browser,
 * so it may not import Node built-ins.
 */
const layers = [
  ['ir', '^src/sd/ir/'],
  ['formats', '^src/sd/(vensim|xmile|data)/'],
  ['analyze', '^src/sd/analyze/'],
  ['compile', '^src/sd/compile/'],
  ['run', '^src/sd/(run|reference|engine\\.ts)'],
  ['node-host', '^src/sd/node/'],
  ['analyses', '^src/(analysis|econ|conformance|link)/'],
  ['interfaces', '^src/(cli|server|web|bench)/'],
];

const forbidden = [];
layers.forEach(([name, path], i) => {
  const higher = layers.slice(i + 1).map(([, p]) => p.replace(/^\^/, ''));
  if (higher.length === 0) return;
  forbidden.push({
    name: `no-upward-from-${name}`,
    comment: `${name} may only depend on layers below it`,
    severity: 'error',
    from: { path },
    to: { path: `^(${higher.join('|')})` },
  });
});

forbidden.push({
  name: 'engine-core-is-browser-safe',
  comment: 'The SD engine core must run in the browser: no Node built-ins outside src/sd/node.',
  severity: 'error',
  from: { path: '^src/sd/', pathNot: '^src/sd/node/|\\.test\\.ts$' },
  to: { dependencyTypes: ['core'] },
});
forbidden.push({
  name: 'no-circular',
  severity: 'error',
  from: {},
  to: { circular: true },
});

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
