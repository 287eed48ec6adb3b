import type { Responder } from '../channels/channel.js';
import type { Metrics } from './metrics.js';

/** The conversation, with every message in and every reply out counted per channel. */
export function countingResponder(inner: Responder, metrics: Metrics): Responder {
  return {
    async respond(message) {
      metrics.message(message.channel, 'in');
      const reply = await inner.respond(message);
      if (reply) metrics.message(message.channel, 'out');
      return reply;
    },
  };
}
