import 'dotenv/config';
import type { Channel } from './channels/channel.js';
import { createConsoleChannel } from './channels/console.js';
import { ConfigError, createConfig } from './config.js';
import { createCore } from './core.js';
import { createLogger } from './logger.js';

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
  const core = await createCore({ contentDir: config.contentDir, floodMessagesPerMinute: config.floodMessagesPerMinute, logger });
  const channels: Channel[] = [];

  if (config.telegram) {
    const { createTelegramChannel } = await import('./channels/telegram/telegram-channel.js');
    channels.push(createTelegramChannel({ config: config.telegram, conversation: core.conversation, logger }));
  }
  if (channels.length === 0) {
    channels.push(
      createConsoleChannel({
        conversation: core.conversation,
        input: process.stdin,
        output: process.stdout,
        interactive: process.stdin.isTTY === true,
        onClose: () => void shutdown('end of input'),
      }),
    );
  }

  let stopping = false;
  const shutdown = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    await Promise.allSettled(channels.map((channel) => channel.stop()));
    logger.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  for (const channel of channels) {
    try {
      await channel.start();
      logger.info({ channel: channel.name }, 'channel started');
    } catch (error) {
      logger.error({ channel: channel.name, err: error }, 'channel failed to start; the others keep running');
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Fatal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
