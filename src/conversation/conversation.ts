import type { Logger } from 'pino';
import { type Answer, assertsAnswer, contextAfter } from '../answer/answer.js';
import type { Answerer } from '../answer/answerer.js';
import { needsContext } from '../answer/follow-up.js';
import { parseQuestion } from '../answer/question.js';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { answerReply } from './answer-reply.js';
import { ArticleReader } from './article-reader.js';
import type { ChatContext, ChatMemory } from './chat-memory.js';
import type { FloodGate } from './flood-gate.js';
import { exampleQuestions } from './examples.js';
import { headlineButtons } from './headlines.js';
import { detectLanguage, onlyEnglishReply } from './language.js';
import { latestReply } from './latest-command.js';
import { MAX_LATEST } from './latest-request.js';
import { BARE_COMMAND, COMMAND, headlinesAsked, MORE, STAY_UP_TO_DATE } from './message-kind.js';
import { type IncomingMessage, type Reply, textReply } from './messages.js';
import { type SmallTalk, smallTalkOf } from './small-talk.js';
import { plainMessage } from '../text/plain-message.js';

/** Longer than this is not a question; refused at once, before any work. */
export const MAX_QUESTION_CHARS = 1000;
/** A command may carry more (an admin's /broadcast text), up to one Telegram message. */
export const MAX_COMMAND_CHARS = 4096;

/** Commands about subscriptions, provided by the push feature when it is on. */
export interface SubscriptionCommands {
  handle(command: string, argument: string, message: IncomingMessage): Promise<Reply>;
  /** A line for /help and "how do I stay up to date". */
  readonly available: boolean;
}

export interface ConversationDeps {
  knowledge: KnowledgeBase;
  answerer: Answerer;
  memory: ChatMemory;
  flood: FloodGate;
  logger: Logger;
  subscriptions?: SubscriptionCommands;
  /** Where else readers can follow the news ("the Telegram channel @trendnews"). */
  channelHints?: string[];
  /** Told of every answer worked out, and how long it took (metrics, the question log). */
  onAnswer?: (question: string, answer: Answer, seconds: number) => void;
}

const SUBSCRIPTION_COMMANDS = new Set(['subscribe', 'unsubscribe', 'subscriptions', 'stats', 'broadcast']);
const ADMIN_COMMANDS = new Set(['stats', 'broadcast']);
/** What a headline's button sends: "/open <article id>" (headlines.ts). */
const OPEN_ACTION = '/open ';

/**
 * The channel-agnostic bot: commands, questions, per-chat context and flood control.
 * Channels turn their updates into IncomingMessage and render the Reply it returns.
 */
export class Conversation {
  private readonly reader: ArticleReader;

  constructor(private readonly deps: ConversationDeps) {
    this.reader = new ArticleReader(deps.knowledge, deps.memory);
  }

  /**
   * The one error boundary: whatever fails inside, the user gets a short apology and the
   * failure is logged with its chat; null means "stay silent" (group chatter, flooding).
   */
  async respond(message: IncomingMessage): Promise<Reply | null> {
    const log = this.deps.logger.child({ channel: message.channel, chatId: message.chatId });
    try {
      return await this.handle(message, log);
    } catch (error) {
      log.error({ err: error }, 'handler failed');
      return textReply('Sorry, something went wrong on my side. Please try again in a moment.');
    }
  }

  private async handle(message: IncomingMessage, log: Logger): Promise<Reply | null> {
    const text = plainMessage(message.text ?? '');
    const isCommand = COMMAND.test(text);
    if (message.isGroup && !message.addressedToBot && !isCommand) return null;
    const verdict = message.localUser ? 'allow' : this.deps.flood.check(`${message.channel}:${message.userId}`);
    if (verdict === 'drop') return null;
    if (verdict === 'warn') {
      log.info({ userId: message.userId }, 'flood limit reached');
      return textReply("You're sending messages faster than I can read them. Please wait a minute, then ask again.");
    }
    if (message.text === undefined) {
      log.info({ mediaKind: message.mediaKind }, 'non-text message');
      return textReply('I can only read text. Send me your question as a message, for example: "What is the latest news about?"');
    }
    if (text.length > (isCommand ? MAX_COMMAND_CHARS : MAX_QUESTION_CHARS)) {
      log.info({ length: text.length, isCommand }, 'message too long');
      if (isCommand) return textReply(`That command is too long (${text.length} characters; a command can be at most ${MAX_COMMAND_CHARS}). Send /help to see the commands.`);
      return textReply(`That message is too long for me (${text.length} characters). Please ask a short question, under ${MAX_QUESTION_CHARS} characters.`);
    }
    const words = text.replace(/[^\p{L}\p{N}]+/gu, '');
    if (words.length === 0) {
      return textReply(`Send me a question about the news, for example “${exampleQuestions(this.deps.knowledge)[0]}”, or /help to see what I can do.`);
    }
    if (isCommand) return this.command(text, message);
    return this.question(text, message, log);
  }

  private async command(text: string, message: IncomingMessage): Promise<Reply> {
    const match = /^[/!](\w+)(?:@\w+)?\s*(.*)$/s.exec(text)!;
    const command = match[1]!.toLowerCase();
    const argument = match[2]!.trim();
    const chatKey = `${message.channel}:${message.chatId}`;
    switch (command) {
      case 'start':
        return this.start(argument, chatKey);
      case 'help':
        return this.help();
      case 'latest':
      case 'news':
        return this.latest(argument, chatKey);
      case 'open':
      case 'read':
        return this.open(argument, chatKey);
      case 'about':
      case 'summary':
        return this.ask('what is this about', message);
      case 'claims':
        return this.ask('which claims are made', message);
      case 'source':
        return this.reader.fromStart(chatKey);
      case 'more':
        return this.reader.next(chatKey);
      default:
        if (SUBSCRIPTION_COMMANDS.has(command)) {
          if (this.deps.subscriptions?.available) return this.deps.subscriptions.handle(command, argument, message);
          // /stats and /broadcast are the admins', whether or not this bot sends articles.
          return textReply(ADMIN_COMMANDS.has(command) ? 'That command is for the bot’s admins only.' : 'Subscriptions are not switched on for this bot yet.');
        }
        return textReply(`I don't know the command /${command}. Send /help to see what I can do.`);
    }
  }

  /** /latest: the headlines, remembered so that a channel without buttons opens them by number ("/open 2"). */
  private latest(argument: string, chatKey: string): Reply {
    const reply = latestReply(this.deps.knowledge, argument, this.deps.subscriptions?.available ?? false);
    const listed = (reply.buttons ?? []).flat().flatMap((button) => (button.action.startsWith(OPEN_ACTION) ? [button.action.slice(OPEN_ACTION.length)] : []));
    if (listed.length > 0) this.deps.memory.set(chatKey, { ...this.deps.memory.get(chatKey), listed });
    return reply;
  }

  /** /open <id> from a headline's button (an article's id first: a file "7.md" is "7"), or /open <number> of the last /latest list. */
  private open(argument: string, chatKey: string): Reply {
    if (!argument) return textReply('Send /open and a headline\'s number from the last /latest list, e.g. /open 1.');
    if (!/^\d{1,2}$/.test(argument) || this.deps.knowledge.get(argument)) return this.reader.open(argument, chatKey);
    const id = this.deps.memory.get(chatKey).listed?.[Number(argument) - 1];
    if (!id) return textReply(`There is no headline ${argument} in the last list. Send /latest to see the headlines, then /open 1 for the first.`);
    return this.reader.open(id, chatKey);
  }

  /** Each kind of message that is not a question about the news; message-kind.ts isNewsQuestion reads the same kinds (`npm run ask`). */
  private async question(text: string, message: IncomingMessage, log: Logger): Promise<Reply> {
    const language = detectLanguage(text);
    if (language) {
      log.info({ language }, 'message not in English');
      return textReply(onlyEnglishReply(language, exampleQuestions(this.deps.knowledge)[0]!));
    }
    const talk = smallTalkOf(text);
    if (talk) return this.smallTalk(talk, message);
    if (MORE.test(text)) return this.reader.next(`${message.channel}:${message.chatId}`);
    const headlines = headlinesAsked(text);
    if (headlines !== undefined) {
      const listed = this.latest(headlines, `${message.channel}:${message.chatId}`);
      // A topic no headline is about may still be a question the articles answer: "any news on the yukos auction?".
      if (!headlines || (listed.buttons ?? []).flat().some((button) => button.action.startsWith(OPEN_ACTION))) return listed;
    }
    if (STAY_UP_TO_DATE.test(text) || BARE_COMMAND.test(text)) {
      const bare = text.toLowerCase();
      if (bare === 'help') return this.help();
      if (bare === 'latest') return this.command('/latest', message);
      if (['subscribe', 'unsubscribe', 'subscriptions'].includes(bare)) return this.command(`/${bare}`, message);
      return this.stayUpToDate(`${message.channel}:${message.chatId}`);
    }
    const context = this.deps.memory.get(`${message.channel}:${message.chatId}`);
    if (needsContext(parseQuestion(text, this.deps.knowledge.index), context) || this.deps.answerer.unresolvedPronoun(text, context)) {
      return textReply(`Who or what do you mean? Ask me about a name or a story first, e.g. “${exampleQuestions(this.deps.knowledge)[0]}”, then follow up with “and when?” or “who is she?”.`);
    }
    const reply = this.ask(text, message);
    log.debug({ question: text.slice(0, 200) }, 'question answered');
    return reply;
  }

  private smallTalk(talk: SmallTalk, message: IncomingMessage): Reply {
    const count = this.deps.knowledge.size;
    switch (talk) {
      case 'greeting':
        return this.start('', `${message.channel}:${message.chatId}`);
      case 'capabilities':
        return this.help();
      case 'thanks':
        return textReply("You're welcome! Ask me anything else about the news.");
      case 'praise':
        return this.acknowledged(this.deps.memory.get(`${message.channel}:${message.chatId}`));
      case 'identity':
        return textReply(`I'm a news bot: I answer questions about the ${count} article${count === 1 ? '' : 's'} I have, quoting the passage and naming the source. Send /help to see how.`);
      case 'wellbeing':
        return textReply("I'm fine, thanks! Ask me about the news, e.g. “what is the latest article about?”");
      case 'goodbye':
        // Only a bot that can send articles offers to.
        return textReply(this.deps.subscriptions?.available ? 'Goodbye! Send /subscribe if you want new articles sent to you.' : 'Goodbye! Come back any time with a question about the news.');
      case 'sum':
        return textReply(`I can't do sums: I answer questions about the news, e.g. “${exampleQuestions(this.deps.knowledge)[0]}”.`);
      case 'apology':
        return textReply('No problem! Ask me anything about the news, or send /help to see how.');
    }
  }

  private ask(text: string, message: IncomingMessage): Reply {
    const chatKey = `${message.channel}:${message.chatId}`;
    const context = this.deps.memory.get(chatKey);
    const started = performance.now();
    const answer = this.deps.answerer.answer(text, context);
    this.deps.onAnswer?.(text, answer, (performance.now() - started) / 1000);
    // A question ends the reading: "more" next starts from the top.
    this.deps.memory.set(chatKey, { ...contextAfter(answer, context), reading: undefined, lastRefused: !assertsAnswer(answer) });
    // A chat with no story yet is about no article in particular: naming the newest one answers a question about Aston Martin with a headline about grids.
    // Nor is a question that names what the chat's story doesn't ("how much notice did Yoran give?" in a chat about Qantas).
    const only = this.deps.knowledge.size === 1 ? this.deps.knowledge.latest(1)[0] : undefined;
    const aboutStory = context.articleId !== undefined && answer.article?.id === context.articleId;
    const current = aboutStory ? this.deps.knowledge.get(context.articleId!) : only;
    return { ...answerReply(answer, this.suggestion(current)), answer };
  }

  /** "ok", "lol": before any answer it thanks nothing yet, after a refusal nothing helped. */
  private acknowledged(context: ChatContext): Reply {
    if (!context.articleId && !context.lastRefused) return textReply(`👍 Ask me anything about the news, e.g. “${exampleQuestions(this.deps.knowledge)[0]}”.`);
    if (context.lastRefused) return textReply('OK. Ask me something else about the news, or send /latest for the headlines.');
    return textReply('Glad that helped. Ask me anything else about the news, or send /latest for other articles.');
  }

  /**
   * What to try after a refusal that shows no passage. The reader asked a question already:
   * telling them which kinds of question the bot answers helps no one (a new user's trial),
   * nor does saying no article covers it when the bot may only have missed it (a reviewer).
   */
  private suggestion(current: ArticleKnowledge | undefined): string {
    if (!current) return 'Try other words, or send /latest for the headlines.';
    return `Try other words, send /claims for what “${current.article.title}” reports, or /latest for other articles.`;
  }

  private start(argument: string, chatKey: string): Reply {
    if (argument) {
      const opened = this.reader.open(argument, chatKey);
      if (!opened.blocks.some((block) => block.kind === 'text' && block.text.startsWith("I don't have"))) return opened;
    }
    const latest = this.deps.knowledge.latest(3);
    const count = this.deps.knowledge.size;
    const newest = latest[0];
    const lines = [
      `Hello! I answer questions about the news, from ${count} article${count === 1 ? '' : 's'}${newest ? `; the latest is “${newest.article.title}”` : ''}.`,
      `Ask me who, what, when, where, how many or why, e.g. “${exampleQuestions(this.deps.knowledge)[0]}”, or send /latest for the headlines.`,
    ];
    return textReply(lines.join('\n'), headlineButtons(latest.map(({ article }) => article)));
  }

  private help(): Reply {
    const lines = [
      `Ask a question in your own words, e.g. ${exampleQuestions(this.deps.knowledge).map((example) => `“${example}”`).join(', ')}.`,
      'Follow-ups work too: “and when?”, “who is she?”.',
      '',
      `/latest [number] [topic] – the newest headlines (up to ${MAX_LATEST}), or the newest about a topic`,
      '/open <number> – read one of the headlines /latest listed',
      '/about – what the current article is about',
      '/claims – the claims the article reports, attributed',
      '/source – where the article comes from, and its beginning',
      '/more (or “more”) – the next part of the article',
    ];
    if (this.deps.subscriptions?.available) {
      lines.push('/subscribe [topic] – get new articles here', '/subscriptions – what you get', '/unsubscribe [topic|all] – stop them');
    }
    return textReply(lines.join('\n'));
  }

  private stayUpToDate(chatKey: string): Reply {
    const context = this.deps.memory.get(chatKey);
    const knowledge = (context.articleId && this.deps.knowledge.get(context.articleId)) || this.deps.knowledge.latest(1)[0];
    const lines: string[] = [];
    if (this.deps.subscriptions?.available) {
      lines.push('Send /subscribe to get every new article here as soon as it is published, or /subscribe <topic> (e.g. /subscribe azerbaijan) for one topic.');
    } else {
      lines.push('Send /latest any time to see the newest articles.');
    }
    for (const hint of this.deps.channelHints ?? []) lines.push(hint);
    const promo = knowledge?.article.promo;
    if (promo && knowledge?.article.source) lines.push(`${knowledge.article.source} also says: “${promo}”.`);
    return textReply(lines.join('\n'));
  }
}
