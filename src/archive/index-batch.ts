import type Database from 'better-sqlite3';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { vocabularyText } from '../knowledge/memory-store.js';
import { type WordStats, wordStatsOf } from '../knowledge/vocabulary.js';
import { articlePostings, asUint16, type CollectionTotals, segmentOf, toBytes, withoutSlots } from './posting-records.js';

interface TermDelta {
  sentences: number;
  paragraphs: number;
  articles: number;
}

/**
 * What a set of article additions and removals changes in the archive's index, gathered
 * in memory and written at once: a posting row is rewritten once per batch, not once per
 * article, which is what makes cold indexing fast.
 */
export class IndexBatch {
  private readonly appends = new Map<number, Map<string, number[]>>();
  private readonly removals = new Map<number, Map<string, Set<number>>>();
  private readonly termDeltas = new Map<string, TermDelta>();
  /** Terms in order of first sight in a sentence: their seq (related stems come in this order). */
  private readonly sentenceOrder = new Set<string>();
  private readonly wordDeltas = new Map<string, WordStats>();
  private readonly totals: CollectionTotals = { sentences: 0, sentenceLength: 0, paragraphs: 0, paragraphLength: 0, articles: 0, articleLength: 0 };

  add(knowledge: ArticleKnowledge, slot: number): void {
    for (const facts of knowledge.sentences) for (const term of facts.terms) this.sentenceOrder.add(term);
    this.apply(knowledge, slot, 1);
  }

  remove(knowledge: ArticleKnowledge, slot: number): void {
    this.apply(knowledge, slot, -1);
  }

  /** Every term whose postings this batch changes. */
  touchedTerms(): Set<string> {
    return new Set(this.termDeltas.keys());
  }

  private apply(knowledge: ArticleKnowledge, slot: number, sign: 1 | -1): void {
    const { records, totals } = articlePostings(knowledge, slot);
    const segment = segmentOf(slot);
    for (const [term, { record, sentences, paragraphs }] of records) {
      if (sign > 0) {
        let terms = this.appends.get(segment);
        if (!terms) this.appends.set(segment, (terms = new Map()));
        let list = terms.get(term);
        if (!list) terms.set(term, (list = []));
        for (const value of record) list.push(value);
      } else {
        let terms = this.removals.get(segment);
        if (!terms) this.removals.set(segment, (terms = new Map()));
        let slots = terms.get(term);
        if (!slots) terms.set(term, (slots = new Set()));
        slots.add(slot);
      }
      const delta = this.termDeltas.get(term) ?? { sentences: 0, paragraphs: 0, articles: 0 };
      delta.sentences += sign * sentences;
      delta.paragraphs += sign * paragraphs;
      delta.articles += sign;
      this.termDeltas.set(term, delta);
    }
    for (const key of Object.keys(totals) as (keyof CollectionTotals)[]) this.totals[key] += sign * totals[key];
    for (const [word, stats] of wordStatsOf(vocabularyText(knowledge.article))) {
      const delta = this.wordDeltas.get(word) ?? { count: 0, inside: 0, capitalised: 0 };
      delta.count += sign * stats.count;
      delta.inside += sign * stats.inside;
      delta.capitalised += sign * stats.capitalised;
      this.wordDeltas.set(word, delta);
    }
  }

  /** Writes everything; call inside the transaction that wrote the article rows. */
  flush(db: Database.Database): void {
    this.writePostings(db);
    this.writeTerms(db);
    this.writeWords(db);
    const t = this.totals;
    db.prepare(
      `UPDATE totals SET sentences = sentences + ?, sentence_length = sentence_length + ?, paragraphs = paragraphs + ?,
       paragraph_length = paragraph_length + ?, articles = articles + ?, article_length = article_length + ? WHERE id = 1`,
    ).run(t.sentences, t.sentenceLength, t.paragraphs, t.paragraphLength, t.articles, t.articleLength);
  }

  private writePostings(db: Database.Database): void {
    const read = db.prepare<[string, number], { data: Buffer }>('SELECT data FROM postings WHERE term = ? AND segment = ?');
    const write = db.prepare('INSERT OR REPLACE INTO postings (term, segment, data) VALUES (?, ?, ?)');
    const drop = db.prepare('DELETE FROM postings WHERE term = ? AND segment = ?');
    const segments = new Set([...this.removals.keys(), ...this.appends.keys()]);
    for (const segment of segments) {
      const removed = this.removals.get(segment) ?? new Map<string, Set<number>>();
      const added = this.appends.get(segment) ?? new Map<string, number[]>();
      for (const term of new Set([...removed.keys(), ...added.keys()])) {
        const stored = read.get(term, segment);
        let kept: Uint16Array | undefined = stored ? asUint16(stored.data) : undefined;
        const gone = removed.get(term);
        if (kept && gone) kept = withoutSlots(kept, gone);
        const extra = added.get(term);
        const data = extra ? concat(kept, extra) : kept;
        if (data && data.length > 0) write.run(term, segment, toBytes(data));
        else if (stored) drop.run(term, segment);
      }
    }
  }

  private writeTerms(db: Database.Database): void {
    const read = db.prepare<[string], { sentences: number }>('SELECT sentences FROM terms WHERE term = ?');
    const upsert = db.prepare(
      `INSERT INTO terms (term, seq, sentences, paragraphs, articles) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (term) DO UPDATE SET sentences = sentences + excluded.sentences, paragraphs = paragraphs + excluded.paragraphs, articles = articles + excluded.articles`,
    );
    const reseq = db.prepare('UPDATE terms SET seq = ? WHERE term = ?');
    const drop = db.prepare('DELETE FROM terms WHERE term = ? AND articles <= 0');
    let seq = ((db.prepare('SELECT max(seq) AS seq FROM terms').get() as { seq: number | null }).seq ?? 0) + 1;
    const ordered = [...this.sentenceOrder, ...this.termDeltas.keys()];
    const done = new Set<string>();
    for (const term of ordered) {
      if (done.has(term)) continue;
      done.add(term);
      const delta = this.termDeltas.get(term);
      if (!delta) continue;
      const before = read.get(term);
      upsert.run(term, seq, delta.sentences, delta.paragraphs, delta.articles);
      // First sight in a sentence (again): it goes to the end, as in the in-memory index.
      if (before && before.sentences === 0 && delta.sentences > 0) reseq.run(seq, term);
      seq += 1;
      if (delta.articles < 0) drop.run(term);
    }
  }

  private writeWords(db: Database.Database): void {
    const read = db.prepare<[string], { count: number }>('SELECT count FROM words WHERE word = ?');
    const insert = db.prepare('INSERT INTO words (word, seq, count, inside, capitalised) VALUES (?, ?, ?, ?, ?)');
    const update = db.prepare('UPDATE words SET count = count + ?, inside = inside + ?, capitalised = capitalised + ? WHERE word = ?');
    const reseq = db.prepare('UPDATE words SET seq = ? WHERE word = ?');
    const drop = db.prepare('DELETE FROM words WHERE word = ? AND count <= 0 AND inside <= 0');
    let seq = ((db.prepare('SELECT max(seq) AS seq FROM words').get() as { seq: number | null }).seq ?? 0) + 1;
    for (const [word, delta] of this.wordDeltas) {
      const before = read.get(word);
      if (!before) {
        if (delta.count > 0 || delta.inside > 0) insert.run(word, seq++, Math.max(0, delta.count), Math.max(0, delta.inside), Math.max(0, delta.capitalised));
        continue;
      }
      // A word known again after being forgotten goes to the end of the order.
      if (before.count === 0 && delta.count > 0) reseq.run(seq++, word);
      update.run(delta.count, delta.inside, delta.capitalised, word);
      if (delta.count < 0 || delta.inside < 0) drop.run(word);
    }
  }
}

function concat(kept: Uint16Array | undefined, extra: number[]): Uint16Array {
  const data = new Uint16Array((kept?.length ?? 0) + extra.length);
  if (kept) data.set(kept);
  data.set(extra, kept?.length ?? 0);
  return data;
}
