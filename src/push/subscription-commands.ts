import type { Logger } from 'pino';
import type { SubscriptionCommands } from '../conversation/conversation.js';
import { type Button, type IncomingMessage, type Reply, textReply } from '../conversation/messages.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Outbox } from './outbox.js';
import type { Publisher } from './publisher.js';
import type { SubscriberStore } from './subscriber-store.js';
import { type QuestionLog, TOP_QUESTIONS, TOP_QUESTIONS_DAYS } from '../questions/question-log.js';
import { articlesAbout } from './topic-articles.js';
import { MAX_TOPIC_CHARS, MAX_TOPICS_PER_CHAT, normalizeTopic, topicAsWritten } from './topics.js';

export interface SubscriptionCommandOptions {
  subscribers: SubscriberStore;
  outbox: Outbox;
  publisher: Publisher;
  knowledge: KnowledgeBase;
  /** Channel-qualified user ids ("telegram:12345") allowed /stats and /broadcast. */
  admins: ReadonlySet<string>;
  logger: Logger;
  /** The questions the bot couldn't answer, for /stats; `null` when QUESTION_LOG=false. */
  questions?: QuestionLog | null;
}

const MAX_BROADCAST_CHARS = 3000;

/** /subscribe, /unsubscribe, /subscriptions, and the admins' /stats and /broadcast. */
export class SubscriptionCommandHandler implements SubscriptionCommands {
  readonly available = true;

  constructor(private readonly options: SubscriptionCommandOptions) {}

  async handle(command: string, argument: string, message: IncomingMessage): Promise<Reply> {
    switch (command) {
      case 'subscribe':
        return this.subscribe(argument, message);
      case 'unsubscribe':
        return this.unsubscribe(argument, message);
      case 'subscriptions':
        return this.list(message);
      case 'stats':
      case 'broadcast':
        return this.admin(command, argument, message);
      default:
        return textReply(`I don't know the command /${command}. Send /help to see what I can do.`);
    }
  }

  private subscribe(argument: string, message: IncomingMessage): Reply {
    if (argument.length > MAX_TOPIC_CHARS) {
      this.options.logger.info({ channel: message.channel, chatId: message.chatId, length: argument.length, limit: MAX_TOPIC_CHARS }, 'subscription refused: topic too long');
      return textReply(`That topic is too long (${argument.length} characters; a topic can be at most ${MAX_TOPIC_CHARS}). Try a word or two from the news, e.g. /subscribe azerbaijan.`);
    }
    const topic = normalizeTopic(argument, this.options.knowledge.vocabulary);
    if (argument && !topic) return textReply(`I couldn't read a topic in “${argument.slice(0, 40)}”. Try a word from the news, e.g. /subscribe azerbaijan, or /subscribe for everything.`);
    const current = this.options.subscribers.find({ channel: message.channel, chatId: message.chatId })?.topics ?? [];
    // Everything ('') is always allowed: it makes the topics moot.
    if (topic && current.length >= MAX_TOPICS_PER_CHAT && !current.includes(topic)) {
      this.options.logger.info({ channel: message.channel, chatId: message.chatId, topics: current.length, limit: MAX_TOPICS_PER_CHAT }, 'subscription refused: too many topics');
      return textReply(
        `This chat already follows ${current.length} topics, the most a chat can have (${MAX_TOPICS_PER_CHAT}). Send /unsubscribe <topic> to make room, or /subscribe for every new article.`,
        [[{ label: 'My subscriptions', action: '/subscriptions' }]],
      );
    }
    const added = this.options.subscribers.subscribe({ channel: message.channel, chatId: message.chatId, isGroup: message.isGroup }, topic);
    const what = topic ? `new articles about “${topicAsWritten(topic)}”` : 'every new article';
    const lines = [added ? `Done! You'll get ${what} here as soon as ${topic ? 'they are' : 'it is'} published.` : `You already get ${what} here.`];
    if (topic) {
      const { total, newest } = articlesAbout(this.options.knowledge, topic, 1);
      lines.push(
        total
          ? `${total} article${total === 1 ? '' : 's'} I have now ${total === 1 ? 'is' : 'are'} about it, e.g. “${newest[0]!.title}”.`
          : 'None of the articles I have now is about it; new ones will come as they are published.',
      );
    }
    lines.push('Send /subscriptions to see what you get, /unsubscribe to stop.');
    return textReply(lines.join('\n'), [[{ label: 'My subscriptions', action: '/subscriptions' }, { label: 'Unsubscribe', action: `/unsubscribe ${topic || 'all'}` }]]);
  }

  private unsubscribe(argument: string, message: IncomingMessage): Reply {
    const chat = { channel: message.channel, chatId: message.chatId };
    const current = this.options.subscribers.find(chat)?.topics ?? [];
    if (current.length === 0) return textReply("You aren't subscribed to anything here.", [[{ label: 'Subscribe', action: '/subscribe' }]]);
    const everything = argument === '' || /^(all|everything)$/i.test(argument);
    if (everything) {
      this.options.subscribers.unsubscribe(chat);
      return textReply("Done: you won't get any more articles here. Send /subscribe any time to start again.", [[{ label: 'Subscribe again', action: '/subscribe' }]]);
    }
    // As typed first ("cop29" as it was stored), then corrected like /subscribe does.
    const typed = normalizeTopic(argument);
    const topic = current.includes(typed) ? typed : normalizeTopic(argument, this.options.knowledge.vocabulary);
    if (!current.includes(topic)) {
      return textReply(`You don't follow “${argument.slice(0, 40)}”. You get: ${describeTopics(current)}.`, topicButtons(current));
    }
    this.options.subscribers.unsubscribe(chat, topic);
    const left = current.filter((t) => t !== topic);
    return textReply(
      `Done: no more articles about “${topicAsWritten(topic) || 'everything'}”.${left.length ? ` You still get: ${describeTopics(left)}.` : ''}`,
      left.length ? topicButtons(left) : [[{ label: 'Subscribe again', action: '/subscribe' }]],
    );
  }

  private list(message: IncomingMessage): Reply {
    const topics = this.options.subscribers.find({ channel: message.channel, chatId: message.chatId })?.topics ?? [];
    if (topics.length === 0) {
      return textReply('This chat has no subscriptions. Send /subscribe for every new article, or /subscribe <topic> (e.g. /subscribe azerbaijan) for one topic.', [
        [{ label: 'Subscribe to everything', action: '/subscribe' }],
      ]);
    }
    return textReply(`This chat gets: ${describeTopics(topics)}.`, topicButtons(topics));
  }

  private admin(command: 'stats' | 'broadcast', argument: string, message: IncomingMessage): Reply {
    const who = `${message.channel}:${message.userId}`;
    if (!this.options.admins.has(who)) {
      this.options.logger.warn({ userId: who, command }, 'admin command refused: not an admin');
      return textReply(`Sorry, /${command} is not allowed: it is only for the bot's admins.`);
    }
    if (command === 'stats') return this.stats();
    const text = argument.trim();
    if (!text) return textReply('Usage: /broadcast <text>. The text goes to every subscriber.');
    if (text.length > MAX_BROADCAST_CHARS) return textReply(`That announcement is too long (${text.length} characters; at most ${MAX_BROADCAST_CHARS}).`);
    const queued = this.options.publisher.broadcast(text, who);
    return textReply(`Queued for ${queued} subscriber${queued === 1 ? '' : 's'}. /stats shows how delivery goes.`);
  }

  private stats(): Reply {
    const perChannel = this.options.subscribers.countsByChannel();
    const outbox = this.options.outbox.stats();
    const channels = Object.entries(perChannel).map(([channel, count]) => `${channel} ${count}`);
    const lines = [
      `Subscribers: ${channels.length ? channels.join(', ') : 'none yet'}.`,
      `Deliveries: ${outbox.pending} pending, ${outbox.sending} sending, ${outbox.sent} sent, ${outbox.failed} failed${outbox.unknown ? `, ${outbox.unknown} unknown (in flight when the bot stopped)` : ''}.`,
      outbox.lastPublish ? `Last published: “${outbox.lastPublish.title}” at ${new Date(outbox.lastPublish.at).toISOString().replace(/\.\d+Z$/, 'Z')}.` : 'Nothing published yet.',
      articlesLine(this.options.knowledge.size, this.options.knowledge.diskBytes()),
    ];
    const { questions } = this.options;
    if (questions === null) lines.push('Unanswered questions: not kept (QUESTION_LOG=false).');
    else if (questions) {
      const top = questions.top(TOP_QUESTIONS, TOP_QUESTIONS_DAYS);
      if (top.length === 0) lines.push(`Unanswered questions, last ${TOP_QUESTIONS_DAYS} days: none.`);
      else {
        lines.push(`Unanswered questions, last ${TOP_QUESTIONS_DAYS} days (most asked first):`);
        top.forEach(({ question, count }, index) => lines.push(`${index + 1}. “${question}” ×${count}`));
      }
    }
    return textReply(lines.join('\n'));
  }
}

/** "Articles: 100,000 (archive 612 MB on disk)." */
function articlesLine(count: number, diskBytes: number | undefined): string {
  const size = diskBytes === undefined ? '' : ` (archive ${(diskBytes / 1024 / 1024).toFixed(1)} MB on disk)`;
  return `Articles loaded: ${count.toLocaleString('en-US')}${size}.`;
}

function describeTopics(topics: string[]): string {
  return topics.map((topic) => (topic === '' ? 'every new article' : `articles about “${topicAsWritten(topic)}”`)).join('; ');
}

function topicButtons(topics: string[]): Button[][] {
  const rows: Button[][] = topics.slice(0, 8).map((topic) => [{ label: topic === '' ? 'Stop: everything' : `Stop: ${topic}`.slice(0, 60), action: `/unsubscribe ${topic || 'all'}` }]);
  if (topics.length > 1) rows.push([{ label: 'Stop all', action: '/unsubscribe all' }]);
  return rows;
}
