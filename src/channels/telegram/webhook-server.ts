import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Telegraf } from 'telegraf';

export interface WebhookServerOptions {
  /** The path Telegram posts to (the path of TELEGRAM_WEBHOOK_URL, query included). */
  path: string;
  secret: string;
  port: number;
  logger: Logger;
}

/**
 * The webhook's HTTP server: telegraf's own request handling (`webhookCallback`: POST to
 * the right path with the right X-Telegram-Bot-Api-Secret-Token, JSON parsed, update
 * handled), on a server we listen on ourselves so that a port in use is an error we can
 * report and retry rather than an uncaught exception (telegraf's `launch({ webhook })`
 * listens without an error handler), and so that it listens before the webhook is set.
 */
export async function startWebhookServer(bot: Telegraf, options: WebhookServerOptions): Promise<Server> {
  const handle = bot.webhookCallback(options.path, { secretToken: options.secret });
  const server = createServer((request, response) => {
    void handle(request, response, () => {
      options.logger.warn({ method: request.method, remote: request.socket.remoteAddress }, 'webhook request refused: wrong path, method or secret token');
      response.writeHead(403).end('forbidden');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => options.logger.error({ err: error }, 'webhook server error'));
  return server;
}
