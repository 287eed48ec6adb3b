/**
 * `npm run bench:telegram`: a load check through the Bot API emulator (telegram-test-api).
 * 200 simulated users each ask 5 questions, one after the other, all users at once; the
 * real telegraf client polls the emulator. One extra user's answers take 3 s (a slow
 * handler): the others' latency shows it holds nobody up.
 */
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { Answerer } from '../src/answer/answerer.js';
import { createTelegramChannel } from '../src/channels/telegram/telegram-channel.js';
import { loadContentDir } from '../src/content/load-content.js';
import { ChatMemory } from '../src/conversation/chat-memory.js';
import { Conversation } from '../src/conversation/conversation.js';
import { FloodGate } from '../src/conversation/flood-gate.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { createLogger } from '../src/logger.js';

const TOKEN = '123456789:AAEhBOweik9ai2o4Udfh3kdhf83ndhf8Abc';
const PORT = 9700;
const USERS = 200;
const QUESTIONS = ['who wrote the letter', 'and when?', 'how many went missing', 'where are the landmines', 'what claims does the letter make'];
const SLOW_USER = 99_999;

const logger = createLogger({ level: 'error', format: 'json' });
const { articles } = await loadContentDir('content', logger);
const knowledge = new KnowledgeBase(articles);
const conversation = new Conversation({ knowledge, answerer: new Answerer(knowledge), memory: new ChatMemory(), flood: new FloodGate(1000, 60_000), logger });
// The slow handler: one user's answers take 3 seconds.
const respond = conversation.respond.bind(conversation);
conversation.respond = async (message) => {
  if (Number(message.userId) >= SLOW_USER) await new Promise((resolve) => setTimeout(resolve, 3000));
  return respond(message);
};

const server = new TelegramServer({ port: PORT, storeTimeout: 600 });
await server.start();
const channel = createTelegramChannel({ config: { token: TOKEN, apiRoot: `http://localhost:${PORT}` }, conversation, logger });
await channel.start();
// start() returns before the bot is connected; measure from the moment it polls.
while (channel.status.state !== 'up') await new Promise((resolve) => setTimeout(resolve, 20));

async function user(id: number, count: number): Promise<number[]> {
  const client = server.getClient(TOKEN, { userId: id, chatId: id, timeout: 60_000, interval: 100 });
  const latencies: number[] = [];
  for (const question of QUESTIONS.slice(0, count)) {
    const started = performance.now();
    await client.sendMessage(client.makeMessage(question));
    await client.getUpdates();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function round(label: string, firstUser: number, withSlowUser: boolean): Promise<number> {
  const started = performance.now();
  const slow = withSlowUser ? user(SLOW_USER + firstUser, 1) : Promise.resolve([0]);
  const all = (await Promise.all(Array.from({ length: USERS }, (_, i) => user(firstUser + i, QUESTIONS.length)))).flat();
  const seconds = (performance.now() - started) / 1000;
  const slowLatency = (await slow)[0]!;
  console.log(`${label}: ${all.length} answers in ${seconds.toFixed(1)} s = ${(all.length / seconds).toFixed(0)} answers/s; reply latency p50 ${percentile(all, 50).toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms${withSlowUser ? `; the slow user waited ${(slowLatency / 1000).toFixed(1)} s` : ''}`);
  return percentile(all, 99);
}

console.log(`${USERS} users x ${QUESTIONS.length} questions through the emulator, two rounds in this run:`);
const baseline = await round('without a slow handler', 10_000, false);
const withSlow = await round('with one 3 s handler  ', 20_000, true);
console.log(`p99 with the slow handler / without: ${(withSlow / baseline).toFixed(2)} (about 1 means the slow handler held nobody else up)`);
await channel.stop();
await server.stop();
process.exit(0);
