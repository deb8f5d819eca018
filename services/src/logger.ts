import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Keys that may carry personal data (APPI). Log lines name records by id; if one of these keys
 * slips into a log call anyway, its value is replaced rather than written.
 */
const personalKeys = [
  'email',
  'name',
  'fullName',
  'phone',
  'address',
  'contact',
  'notes',
  'password',
  'token',
  'cookie',
  'authorization',
  'individualNumber',
  'accountNumber',
  'holderKana',
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'tsunagu' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [...personalKeys, ...personalKeys.map((key) => `*.${key}`)],
        censor: '[personal data]',
      },
    },
    options.destination,
  );
}
