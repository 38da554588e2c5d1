import { type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear (two levels deep, plus headers). Secrets should never
 * reach a log call in the first place; this is the net under that rule.
 */
export const REDACT_PATHS = [
  'password',
  '*.password',
  '*.*.password',
  'secret',
  '*.secret',
  '*.*.secret',
  'token',
  '*.token',
  '*.*.token',
  'apiKey',
  '*.apiKey',
  '*.api_key',
  'api_key',
  'authorization',
  '*.authorization',
  '*.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'secretKey',
  '*.secretKey',
  'sip_password',
  '*.sip_password',
  'v1_secret',
  '*.v1_secret',
  'auth_token',
  '*.auth_token',
  'client_secret',
  '*.client_secret',
  'plaintext',
  '*.plaintext',
];

export interface LoggerSetup {
  level?: string;
  /** Pretty, human output (default: when stdout is a TTY and not in production). */
  pretty?: boolean;
  /** Where lines go (tests capture them). */
  destination?: NodeJS.WritableStream;
}

export function createLogger(setup: LoggerSetup = {}): Logger {
  const options: LoggerOptions = {
    level: setup.level ?? 'info',
    base: { app: 'reclaim' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  const pretty = setup.pretty ?? (Boolean(process.stdout.isTTY) && process.env.NODE_ENV !== 'production');
  if (setup.destination) return pino(options, setup.destination as pino.DestinationStream);
  if (pretty) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  return pino(options);
}

/** A logger that writes nothing (unit tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
