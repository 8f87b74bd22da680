import { checkSeed } from './src/conformance/differential.js';
for (const s of process.argv.slice(2).map(Number)) { const d = checkSeed(s)!; console.log(d.text); console.log(JSON.stringify({ ...d, text: undefined })); }
