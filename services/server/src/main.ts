import { demoLogins } from '@tsunagu/db';
import { createLogger } from '@tsunagu/services';
import { StartupError, startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { demoPassword } from './demo';

/** The API process: reads the environment, starts everything, and stops it all on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const app = await startApp(config, logger);
  logger.info({ url: app.url, temporal: app.temporalAddress, temporalUi: app.temporalUiUrl }, 'tsunagu started');
  if (app.url) {
    // For the person at the terminal; the JSON log above says the same for machines.
    console.error(
      [
        '',
        `  Tsunagu is running: ${app.url}`,
        `  GraphQL endpoint:   ${app.url}graphql`,
        ...(app.temporalUiUrl ? [`  Temporal Web UI:    ${app.temporalUiUrl}`] : []),
        ...(config.database.kind === 'pglite' && !config.production
          ? [`  Demo sign-in:       ${Object.values(demoLogins).join(', ')} (password "${demoPassword}")`]
          : []),
        '  Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) console.error(`tsunagu: ${problem}`);
  } else if (error instanceof StartupError) {
    console.error(`tsunagu: ${error.message}`);
  } else {
    console.error('tsunagu: unexpected failure while starting', error);
  }
  process.exit(1);
});
