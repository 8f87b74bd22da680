/** The linked SD–CGE run (issue 10, part 7): `integrated.runIntegrated(dir, {scenario})` and its report. */
export { readLinkMapping, parseLinkMapping, type LinkMappingFile } from './mapping.js';
export { runSoftLink, type LinkedRun, type LinkYear, type LinkIteration } from './soft-link.js';
export { runIntegrated, type IntegratedOptions, type IntegratedResult } from './run-integrated.js';
export { reportData, markdownReport, bilingualReport, type ReportData, type Lang } from './report.js';
