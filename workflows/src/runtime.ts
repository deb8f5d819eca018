import type { LogLevel, LogMetadata } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Logger } from '@tsunagu/services';

let installed = false;

/**
 * Sends the SDK's own log lines (and the native core's, at WARN and above) through our JSON
 * logger, and leaves SIGINT/SIGTERM to the process, which stops the worker in its own order.
 * The Runtime is process-wide and can be installed once, before the first connection.
 */
export function installTemporalRuntime(logger: Logger): void {
  if (installed) return;
  installed = true;
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const target = logger.child({ component: 'temporal' });
    // pino serializes errors under `err`; the SDK puts them under `error`.
    const { error, ...rest } = meta ?? {};
    const fields = error === undefined ? rest : { ...rest, err: error };
    switch (level) {
      case 'TRACE':
        return target.trace(fields, message);
      case 'DEBUG':
        return target.debug(fields, message);
      case 'INFO':
        return target.info(fields, message);
      case 'WARN':
        return target.warn(fields, message);
      case 'ERROR':
        return target.error(fields, message);
    }
  };
  Runtime.install({
    shutdownSignals: [],
    logger: {
      log: write,
      trace: (message, meta) => write('TRACE', message, meta),
      debug: (message, meta) => write('DEBUG', message, meta),
      info: (message, meta) => write('INFO', message, meta),
      warn: (message, meta) => write('WARN', message, meta),
      error: (message, meta) => write('ERROR', message, meta),
    },
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });
}
