export type { App } from './app';
export { StartupError, startApp } from './app';
export type { Config } from './config';
export { ConfigError, loadConfig, rootDir } from './config';
export { loadDemoData } from './demo';
export { createHttpServer } from './http';
export type { DevServer } from './temporal-dev-server';
export { DevServerError, startTemporalDevServer } from './temporal-dev-server';
