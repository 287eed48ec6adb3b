import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { renderPlain } from '../conversation/render-plain.js';
import type { PushTransport } from '../push/transport.js';
import type { Channel, Responder } from './channel.js';
import { ChannelStatus } from './channel-status.js';

/** The console is one chat; this is its id, for subscriptions made from it. */
export const CONSOLE_CHAT_ID = 'local';

/** The terminal the console chat runs in. */
export interface Terminal {
  input: Readable;
  output: Writable;
  /** A person at a terminal: greet, prompt, show buttons. Piped input: one answer a line. */
  interactive: boolean;
  /** Called when the input ends (EOF or /quit). */
  onClose?: () => void;
}

export interface ConsoleChannelOptions extends Terminal {
  conversation: Responder;
  logger?: Logger;
}

/**
 * The console chat: a real channel over any input and output stream, so tests drive it
 * without touching `process`.
 */
export function createConsoleChannel(options: ConsoleChannelOptions): Channel & { done: Promise<void>; push: PushTransport } {
  const { conversation, input, output, interactive } = options;
  const status = new ChannelStatus('console', options.logger ?? pino({ level: 'silent' }));
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  // Made when the channel starts: a readline reads (and would drop lines) from the moment it exists.
  let reader: Interface | undefined;
  const write = (text: string): void => void output.write(`${text}\n`);
  const prompt = (): void => void (interactive && output.write('\n> '));
  let queue = Promise.resolve();

  const handleLine = async (line: string): Promise<void> => {
    const text = line.trim();
    if (interactive && /^\/?(quit|exit)$/i.test(text)) {
      reader?.close();
      return;
    }
    if (!text && !interactive) return;
    const reply = await conversation.respond({
      channel: 'console',
      chatId: CONSOLE_CHAT_ID,
      userId: CONSOLE_CHAT_ID,
      text: line,
      isGroup: false,
      addressedToBot: true,
      localUser: true,
    });
    if (reply) write(renderPlain(reply, { withButtons: interactive }));
    if (!interactive) write('');
    prompt();
  };

  // A subscription made in the console is delivered here, between the answers.
  const push: PushTransport = {
    channel: 'console',
    async send(_chatId, message) {
      write(`\n🔔 New for you:\n${renderPlain(message, { withButtons: interactive })}`);
      prompt();
      return { ok: true };
    },
  };

  return {
    name: 'console',
    status,
    done,
    push,
    async start() {
      // The terminal is there as soon as we read it.
      status.up('reading the terminal');
      if (interactive) {
        const greeting = await conversation.respond({ channel: 'console', chatId: CONSOLE_CHAT_ID, userId: CONSOLE_CHAT_ID, text: '/start', isGroup: false, addressedToBot: true, localUser: true });
        if (greeting) write(renderPlain(greeting, { withButtons: true }));
        write('(Type a question, /help for commands, /quit to leave.)');
        prompt();
      }
      reader = createInterface({ input, terminal: false });
      // Lines are answered strictly in order, even when they arrive faster than answers.
      reader.on('line', (line) => (queue = queue.then(() => handleLine(line))));
      reader.on('close', () => {
        void queue.then(() => {
          options.onClose?.();
          finish();
        });
      });
    },
    async stop() {
      if (!reader) return finish();
      reader.close();
      await done;
    },
  };
}
