import { words } from '../text/normalize.js';
import type { Db } from '../store/database.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Unanswered questions are kept this long, then deleted. */
export const QUESTION_LOG_DAYS = 30;
/** /stats and `npm run questions` look this far back by default. */
export const TOP_QUESTIONS_DAYS = 7;
/** …and list this many. */
export const TOP_QUESTIONS = 10;
/** A stored question is cut here: enough to read what was asked, not a place for essays. */
const MAX_STORED_CHARS = 200;
/** Old rows are deleted at most this often while recording (the app also prunes at start and hourly). */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface FrequentQuestion {
  question: string;
  count: number;
}

/** The same question however it was typed: lower case, no accents, no punctuation. */
export function normalizeQuestion(text: string): string {
  return words(text).join(' ').slice(0, MAX_STORED_CHARS).trim();
}

/**
 * The questions the bot couldn't answer, for the newsroom: what readers want that the
 * articles don't say. Only the normalised text and the time are stored: never who asked,
 * nor in which chat. Rows older than 30 days are deleted.
 */
export class QuestionLog {
  private lastPrune = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  record(question: string): void {
    const text = normalizeQuestion(question);
    if (!text) return;
    const now = this.now();
    this.db.prepare('INSERT INTO unanswered_questions (question, asked_at) VALUES (?, ?)').run(text, now);
    if (now - this.lastPrune > PRUNE_EVERY_MS) this.prune();
  }

  /** Deletes what is older than the retention; returns how many went. */
  prune(): number {
    const now = this.now();
    this.lastPrune = now;
    return this.db.prepare('DELETE FROM unanswered_questions WHERE asked_at < ?').run(now - QUESTION_LOG_DAYS * DAY_MS).changes;
  }

  /** The most frequent unanswered questions of the last `days`, most asked first. */
  top(limit = TOP_QUESTIONS, days = TOP_QUESTIONS_DAYS): FrequentQuestion[] {
    return this.db
      .prepare(
        `SELECT question, count(*) AS count FROM unanswered_questions WHERE asked_at >= ?
         GROUP BY question ORDER BY count DESC, max(asked_at) DESC, question LIMIT ?`,
      )
      .all(this.now() - days * DAY_MS, limit) as FrequentQuestion[];
  }
}
