export type { Health, HealthProbe, HealthProbes } from './health';
export { checkHealth, shortReason } from './health';
export type { Logger } from './logger';
export { createLogger } from './logger';
export { version } from './version';
