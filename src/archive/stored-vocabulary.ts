import type Database from 'better-sqlite3';
import { looksLikeName, Vocabulary } from '../knowledge/vocabulary.js';

/** Words whose first letter and length make a typo's candidates, in order of first sight. */
const BUCKET_SQL = 'SELECT word FROM words WHERE word >= ? AND word < ? AND count > 0 AND length(word) BETWEEN ? AND ? ORDER BY seq';
/** A typo's candidates are the known words whose length differs by at most this much. */
const BUCKET_LENGTH_SPREAD = 2;

/**
 * The typo-correcting vocabulary of the archive: the same decisions as Vocabulary, with the
 * words in the `words` table instead of memory. The archive writes the table; this reads it.
 */
export class StoredVocabulary extends Vocabulary {
  private readonly statements;

  constructor(db: Database.Database) {
    super();
    this.statements = {
      word: db.prepare<[string], { count: number; inside: number; capitalised: number }>('SELECT count, inside, capitalised FROM words WHERE word = ?'),
      bucket: db.prepare<[string, string, number, number], { word: string }>(BUCKET_SQL),
    };
  }

  /** The words changed: fuse.js buckets built before are stale. */
  changed(): void {
    this.forgetBuckets();
  }

  override has(word: string): boolean {
    return this.countOf(word) > 0;
  }

  override isName(word: string): boolean {
    return looksLikeName(this.statements.word.get(word));
  }

  protected override countOf(word: string): number {
    return this.statements.word.get(word)?.count ?? 0;
  }

  protected override bucketWords(word: string): string[] {
    const first = word[0]!;
    const next = String.fromCharCode(first.charCodeAt(0) + 1);
    return this.statements.bucket.all(first, next, word.length - BUCKET_LENGTH_SPREAD, word.length + BUCKET_LENGTH_SPREAD).map((row) => row.word);
  }

  override addText(): void {
    throw new Error('The archive vocabulary is written by the archive, with the articles');
  }

  override removeText(): void {
    throw new Error('The archive vocabulary is written by the archive, with the articles');
  }
}
