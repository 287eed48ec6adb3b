import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply } from '../../src/conversation/messages.js';
import type { Clock } from '../../src/push/clock.js';
import type { PushTransport, SendResult } from '../../src/push/transport.js';
import { type Db, openDatabase } from '../../src/store/database.js';

/** A clock the test moves: sleeping advances it at once, so hours of retries take no time. */
export class ManualClock implements Clock {
  constructor(public time = Date.UTC(2025, 4, 1, 12)) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.time += ms;
    await Promise.resolve();
  }
}

export interface SentMessage {
  chatId: string;
  at: number;
  message: Reply;
}

/**
 * A transport that records what it sends, at what time, and answers with scripted outcomes
 * per chat ("first two sends to chat 7 fail with 502"), else success.
 */
export class RecordingTransport implements PushTransport {
  readonly sent: SentMessage[] = [];
  readonly attempts: { chatId: string; at: number; result: SendResult }[] = [];
  private readonly scripts = new Map<string, SendResult[]>();

  constructor(
    readonly channel: string,
    private readonly clock: Clock,
  ) {}

  /** The next sends to `chatId` get these results, in order. */
  script(chatId: string, ...results: SendResult[]): void {
    this.scripts.set(chatId, [...(this.scripts.get(chatId) ?? []), ...results]);
  }

  async send(chatId: string, message: Reply): Promise<SendResult> {
    const result = this.scripts.get(chatId)?.shift() ?? { ok: true };
    const at = this.clock.now();
    this.attempts.push({ chatId, at, result });
    if (result.ok) this.sent.push({ chatId, at, message });
    return result;
  }

  sentTo(chatId: string): SentMessage[] {
    return this.sent.filter((sent) => sent.chatId === chatId);
  }
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'newsbot-test-'));
}

export function tempDb(): { db: Db; dir: string } {
  const dir = tempDataDir();
  return { db: openDatabase(dir), dir };
}
