import type { Server } from 'node:http';

/** Stops listening and drops open connections (a keep-alive client would hold close() up). */
export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
