export type { Database, DatabaseOptions, Db } from './client';
export { createDatabase, postgresClientOf } from './client';
export { loadReferenceData, type ReferenceReport } from './reference/load';
export { relations } from './relations';
export * as schema from './schema';
export type { DemoDataOptions, DemoProgress, DemoReport, DemoRole } from './seed/demo';
export { demoAssociationSlug, demoLogins, demoPrefecturalRequester, seedDemoData } from './seed/demo';
export type { HistoryOptions, HistoryReport } from './seed/history';
export { seedAssignmentHistory } from './seed/history';
