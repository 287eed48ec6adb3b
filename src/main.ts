import 'dotenv/config';
import { createApp } from './app.js';
import { ConfigError, createConfig } from './config.js';
import { createLogger, redactSecrets } from './logger.js';

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
  const app = await createApp({
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
  const shutdown = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    await app.stop().catch((error: unknown) => logger.error({ err: error }, 'shutdown failed'));
    logger.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`Fatal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
