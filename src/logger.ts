import { pino, type Logger } from 'pino';

export interface LogOptions {
  level: string;
  format: 'json' | 'pretty' | 'auto';
}

/**
 * JSON logs by default, pretty in a terminal. Logs go to stderr so stdout stays the
 * console chat's and the CLI's output. Anything that looks like a bot token is redacted.
 */
export function createLogger(options: LogOptions, destination = 2): Logger {
  const pretty = options.format === 'pretty' || (options.format === 'auto' && process.stderr.isTTY === true);
  return pino({
    level: options.level,
    hooks: { logMethod: redactingLogMethod },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { destination, colorize: true, ignore: 'pid,hostname' } } } : {}),
  }, pretty ? undefined : pino.destination(destination));
}

const TOKEN = /(?<![0-9])\d{5,}:[A-Za-z0-9_-]{20,}/g;

/** Removes bot tokens from any log text, e.g. an error message quoting a request URL. */
export function redactSecrets(text: string): string {
  return text.replace(TOKEN, '<redacted-token>');
}

function redactingLogMethod(this: Logger, args: Parameters<Logger['info']>, method: (...args: unknown[]) => void): void {
  method.apply(this, args.map((arg) => redactValue(arg, 0)));
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value instanceof Error) {
    const copy = new Error(redactSecrets(value.message));
    copy.name = value.name;
    copy.stack = value.stack ? redactSecrets(value.stack) : undefined;
    for (const [key, inner] of Object.entries(value)) (copy as unknown as Record<string, unknown>)[key] = depth < 3 ? redactValue(inner, depth + 1) : '[…]';
    return copy;
  }
  if (Array.isArray(value) && depth < 3) return value.map((inner) => redactValue(inner, depth + 1));
  if (value && typeof value === 'object' && depth < 3) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactValue(inner, depth + 1)]));
  }
  return value;
}
