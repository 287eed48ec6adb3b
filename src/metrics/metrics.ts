import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Answer } from '../answer/answer.js';
import type { ChannelState } from '../channels/channel-status.js';
import type { OutboxStats } from '../push/outbox.js';

/** What the gauges read at scrape time (nothing is polled in between). */
export interface MetricSources {
  outboxStats(): OutboxStats;
  backlogByChannel(): Record<string, number>;
  articles(): number;
}

/** Answer latency buckets, seconds: answers take 1-25 ms on the BBC corpus; the top buckets catch trouble. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed', 'unknown'] as const;

/**
 * The bot's Prometheus metrics, with prom-client's default Node metrics (CPU, memory, event
 * loop lag, GC), on a registry of their own: two apps in one process (tests) don't collide.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly questions: Counter<'type' | 'outcome'>;
  private readonly answerSeconds: Histogram<'outcome'>;
  private readonly messages: Counter<'channel' | 'direction'>;
  private readonly channelUp: Gauge<'channel'>;
  private readonly feedPolls: Counter;
  private readonly feedFailures: Counter;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.questions = new Counter({ name: 'newsbot_questions_total', help: 'Questions answered, by answer type and outcome (answered, or refused: "I couldn\'t find that")', labelNames: ['type', 'outcome'], registers });
    this.answerSeconds = new Histogram({ name: 'newsbot_answer_seconds', help: 'Time to work out an answer', labelNames: ['outcome'], buckets: LATENCY_BUCKETS, registers });
    this.messages = new Counter({ name: 'newsbot_messages_total', help: 'Messages in from readers and replies out to them, per channel (pushes are in newsbot_deliveries)', labelNames: ['channel', 'direction'], registers });
    this.channelUp = new Gauge({ name: 'newsbot_channel_up', help: '1 when the channel is connected, 0 while it is starting, down or failed', labelNames: ['channel'], registers });
    this.feedPolls = new Counter({ name: 'newsbot_feed_polls_total', help: 'Feed readings attempted', registers });
    this.feedFailures = new Counter({ name: 'newsbot_feed_failures_total', help: 'Feed readings that failed (down, slow, too big, malformed)', registers });
  }

  /** Gauges that read the database and the knowledge base when Prometheus scrapes. */
  watch(sources: MetricSources): void {
    const registers = [this.registry];
    new Gauge({
      name: 'newsbot_deliveries',
      help: 'Push deliveries in the outbox, by state',
      labelNames: ['state'],
      registers,
      collect() {
        const stats = sources.outboxStats();
        for (const state of DELIVERY_STATES) this.set({ state }, stats[state]);
      },
    });
    new Gauge({
      name: 'newsbot_outbox_backlog',
      help: 'Deliveries waiting to be sent, per channel',
      labelNames: ['channel'],
      registers,
      collect() {
        this.reset();
        for (const [channel, count] of Object.entries(sources.backlogByChannel())) this.set({ channel }, count);
      },
    });
    new Gauge({
      name: 'newsbot_articles_loaded',
      help: 'Articles the bot can answer about',
      registers,
      collect() {
        this.set(sources.articles());
      },
    });
  }

  answered(answer: Answer, seconds: number): void {
    const outcome = answer.type === 'notFound' ? 'refused' : 'answered';
    this.questions.inc({ type: answer.type, outcome });
    this.answerSeconds.observe({ outcome }, seconds);
  }

  message(channel: string, direction: 'in' | 'out'): void {
    this.messages.inc({ channel, direction });
  }

  channelState(channel: string, state: ChannelState): void {
    this.channelUp.set({ channel }, state === 'up' ? 1 : 0);
  }

  feedPolled(ok: boolean): void {
    this.feedPolls.inc();
    if (!ok) this.feedFailures.inc();
  }
}
