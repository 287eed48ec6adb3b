import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../src/channels/telegram/telegram-channel.js';
import { seedConversation } from './helpers/conversation.js';
import { memoryLogger } from './helpers/seed.js';

// End to end over HTTP: the real telegraf client polls a Bot API emulator, a simulated
// user talks to it, and the test reads what the user receives.
const TOKEN = '123456789:AAEhBOweik9ai2o4Udfh3kdhf83ndhf8Abc';
const PORT = 9300 + Math.floor(Math.random() * 500);

interface BotMessage {
  message: { chat_id: number | string; text: string; reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] } };
}

describe('Telegram end to end (telegram-test-api)', () => {
  const server = new TelegramServer({ port: PORT });
  const { conversation } = seedConversation();
  const channel = createTelegramChannel({
    config: { token: TOKEN, apiRoot: `http://localhost:${PORT}` },
    conversation,
    logger: memoryLogger().logger,
  });

  beforeAll(async () => {
    await server.start();
    await channel.start();
  });
  afterAll(async () => {
    await channel.stop();
    await server.stop();
  });

  const privateChat = () => server.getClient(TOKEN, { userId: 1001, chatId: 1001, timeout: 8000, interval: 50 });
  const replies = async (client: ReturnType<typeof privateChat>): Promise<BotMessage[]> => (await client.getUpdates()).result as unknown as BotMessage[];

  it('/start greets with what the bot knows and headline buttons', async () => {
    const client = privateChat();
    await client.sendCommand(client.makeCommand('/start'));
    const [reply] = await replies(client);
    expect(reply!.message.text).toMatch(/^Hello! I answer questions about the news, from 1 article; the latest is “Azerbaijan's Ombudsperson/);
    expect(reply!.message.reply_markup!.inline_keyboard![0]![0]!.callback_data).toMatch(/^\/open /);
  });

  it('answers a question in HTML: bold answer, quoted support, source, follow-up buttons', async () => {
    const client = privateChat();
    await client.sendMessage(client.makeMessage('who wrote teh leter'));
    const [reply] = await replies(client);
    expect(reply!.message.text).toMatch(/^<b>Sabina Aliyeva, the Commissioner for Human Rights \(Ombudsperson\) of Azerbaijan<\/b>\n\n<blockquote>.*<\/blockquote>\n\n<i>Source: Azerbaijan's Ombudsperson .*\(Trend News Agency, 1 May 2025\)<\/i>$/s);
    expect(reply!.message.reply_markup!.inline_keyboard![0]!.map((button) => button.text)).toEqual(['Who?', 'When?', 'Claims', 'Read more']);
  });

  it('a follow-up button works as a callback and keeps the chat on its article', async () => {
    const client = privateChat();
    await client.sendMessage(client.makeMessage('who hosted cop29'));
    await replies(client);
    await client.sendCallback(client.makeCallbackQuery('when?'));
    const [reply] = await replies(client);
    expect(reply!.message.text).toMatch(/^<b>2024 \("last year" in an article dated 1 May 2025\)<\/b>/);
  });

  it('in a group: ignores chatter, answers a mention', async () => {
    const group = server.getClient(TOKEN, { userId: 1002, chatId: -2002, type: 'group', timeout: 8000, interval: 50 });
    await group.sendMessage(group.makeMessage('who wrote the letter'));
    await group.sendMessage(group.makeMessage('@TestNameBot who wrote the letter'));
    const received = await replies(group);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The history holds the user's updates too; the bot's messages are the ones with chat_id.
    const history = (await server.getClient(TOKEN).getUpdatesHistory()) as unknown as { message?: { chat_id?: number | string } }[];
    const toGroup = history.filter((update) => String(update.message?.chat_id) === '-2002');
    expect(toGroup).toHaveLength(1);
    expect(received[0]!.message.text).toMatch(/^<b>Sabina Aliyeva/);
  });

  it('a sticker gets a short polite reply that the bot reads text', async () => {
    const client = privateChat();
    const sticker = client.makeMessage('', { sticker: { file_id: 'x', width: 1, height: 1 } } as never) as Record<string, unknown>;
    delete sticker.text;
    await client.sendMessage(sticker as never);
    const [reply] = await replies(client);
    expect(reply!.message.text).toMatch(/^I can only read text/);
  });
});
