import 'dotenv/config';
import { createApp } from './app.js';
import { ConfigError, createConfig } from './config.js';
import { createLogger, redactSecrets } from './logger.js';

/** How long a stop may take before the process exits anyway. */
const STOP_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = createConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.log);
  const fail = (error: unknown): never => {
    const message = redactSecrets(error instanceof Error ? error.message : String(error));
    logger.fatal({ err: error }, 'start-up failed');
    logger.flush();
    process.stderr.write(`${message}\n`);
    process.exit(1);
  };
  let onFatal: (error: Error) => void = () => undefined;
  const app = await createApp({
    onFatal: (error) => onFatal(error),
    config,
    logger,
    terminal: {
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
      onClose: () => void shutdown('end of input'),
    },
  }).catch(fail);

  let stopping = false;
  const shutdown = async (reason: string, exitCode = 0): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    // A stop that hangs (a Bot API that never answers) must not keep a dead bot around.
    setTimeout(() => process.exit(exitCode), STOP_TIMEOUT_MS).unref();
    await app.stop().catch((error: unknown) => logger.error({ err: error }, 'shutdown failed'));
    logger.flush();
    process.exit(exitCode);
  };
  onFatal = (error) => {
    process.stderr.write(`${redactSecrets(error.message)}\n`);
    void shutdown('fatal', 1);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`Fatal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
