// Re-export SheetJS 0.18.5 (npm registry) with the set_fs that SDEverywhere 0.7.28 calls.
const xlsx = require('xlsx-registry');
module.exports = { ...xlsx, set_fs() {} };
