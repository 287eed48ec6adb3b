import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Readiness } from './readiness.js';

export interface HealthServerOptions {
  port: number;
  host: string;
  readiness: () => Readiness;
  registry: Registry;
  logger: Logger;
}

/**
 * The operator's view from outside: `/healthz` (the process is alive: 200), `/readyz` (200
 * when articles are loaded and every configured channel is up, else 503, with JSON naming
 * what isn't) and `/metrics` (Prometheus text format). Only GET; nothing here changes state.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, { allow: 'GET' }).end();
    if (path === '/healthz') return void response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    if (path === '/readyz') {
      const state = options.readiness();
      return void response.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json' }).end(`${JSON.stringify(state)}\n`);
    }
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': options.registry.contentType }).end(text),
        (error: unknown) => {
          options.logger.error({ err: error }, 'metrics collection failed');
          response.writeHead(500).end();
        },
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz, /readyz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`HEALTH_PORT=${options.port}: can't listen on ${options.host}:${options.port} (${error.code ?? error.message}). Set HEALTH_PORT to a free port, or 0 to turn the health server off.`)),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  options.logger.info({ address: `http://${options.host}:${options.port}`, paths: ['/healthz', '/readyz', '/metrics'] }, 'health server listening');
  return server;
}
