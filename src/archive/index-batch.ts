import type Database from 'better-sqlite3';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { vocabularyText } from '../knowledge/memory-store.js';
import { type WordStats, wordStatsOf } from '../knowledge/vocabulary.js';
import { articlePostings, asUint16, type CollectionTotals, HEAD, HEAD_FIELDS, segmentOf, slotInSegment, toBytes, withoutSlots } from './posting-records.js';
import type { PreparedArticle } from './prepare.js';
import { joined, restBounds, splitByImpact } from './impact-tiers.js';

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
  /** Articles added, and per segment and term, which of them hold it: (article, term index) pairs. */
  private readonly added: PreparedArticle[] = [];
  private readonly appends = new Map<number, Map<string, number[]>>();
  private minAddedSlot = Infinity;
  private readonly removals = new Map<number, Map<string, Set<number>>>();
  private readonly termDeltas = new Map<string, TermDelta>();
  /** Terms in order of first sight in a sentence: their seq (related stems come in this order). */
  private readonly sentenceOrder = new Set<string>();
  private readonly wordDeltas = new Map<string, WordStats>();
  private readonly totals: CollectionTotals = { sentences: 0, sentenceLength: 0, paragraphs: 0, paragraphLength: 0, articles: 0, articleLength: 0 };

  add(prepared: PreparedArticle, slot: number): void {
    for (const term of prepared.sentenceTerms) this.sentenceOrder.add(term);
    this.minAddedSlot = Math.min(this.minAddedSlot, slot);
    const segment = segmentOf(slot);
    let appends = this.appends.get(segment);
    if (!appends) this.appends.set(segment, (appends = new Map()));
    const { terms, heads } = prepared;
    const article = this.added.push(prepared) - 1;
    const local = slotInSegment(slot);
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      // The heads were prepared with slot 0; this batch owns them, so they are patched in place.
      heads[i * HEAD_FIELDS + HEAD.slot] = local;
      const parts = appends.get(term);
      if (parts) parts.push(article, i);
      else appends.set(term, [article, i]);
      this.countTerm(term, prepared.sentenceCounts[i]!, prepared.paragraphCounts[i]!, 1);
    }
    this.countTotals(prepared.totals, 1);
    prepared.words.forEach((word, i) => this.countWord(word, prepared.wordStats[i * 3]!, prepared.wordStats[i * 3 + 1]!, prepared.wordStats[i * 3 + 2]!, 1));
  }

  remove(knowledge: ArticleKnowledge, slot: number): void {
    const { records, totals } = articlePostings(knowledge, slot);
    const segment = segmentOf(slot);
    let removals = this.removals.get(segment);
    if (!removals) this.removals.set(segment, (removals = new Map()));
    for (const [term, { sentences, paragraphs }] of records) {
      let slots = removals.get(term);
      if (!slots) removals.set(term, (slots = new Set()));
      slots.add(slot);
      this.countTerm(term, sentences, paragraphs, -1);
    }
    this.countTotals(totals, -1);
    for (const [word, stats] of wordStatsOf(vocabularyText(knowledge.article))) this.countWord(word, stats.count, stats.inside, stats.capitalised, -1);
  }

  /** Every term whose postings this batch changes. */
  touchedTerms(): Set<string> {
    return new Set(this.termDeltas.keys());
  }

  private countTerm(term: string, sentences: number, paragraphs: number, sign: 1 | -1): void {
    let delta = this.termDeltas.get(term);
    if (!delta) this.termDeltas.set(term, (delta = { sentences: 0, paragraphs: 0, articles: 0 }));
    delta.sentences += sign * sentences;
    delta.paragraphs += sign * paragraphs;
    delta.articles += sign;
  }

  private countTotals(totals: CollectionTotals, sign: 1 | -1): void {
    for (const key of Object.keys(totals) as (keyof CollectionTotals)[]) this.totals[key] += sign * totals[key];
  }

  private countWord(word: string, count: number, inside: number, capitalised: number, sign: 1 | -1): void {
    let delta = this.wordDeltas.get(word);
    if (!delta) this.wordDeltas.set(word, (delta = { count: 0, inside: 0, capitalised: 0 }));
    delta.count += sign * count;
    delta.inside += sign * inside;
    delta.capitalised += sign * capitalised;
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
    const read = db.prepare<[string, number], { heads: Buffer; rest: number }>('SELECT heads, rest FROM postings WHERE term = ? AND segment = ?');
    const readRest = db.prepare<[number, string], { heads: Buffer }>('SELECT heads FROM postings_rest WHERE segment = ? AND term = ?');
    const write = db.prepare('INSERT OR REPLACE INTO postings (term, segment, heads, rest) VALUES (?, ?, ?, ?)');
    const writeRest = db.prepare('INSERT OR REPLACE INTO postings_rest (segment, term, heads) VALUES (?, ?, ?)');
    const drop = db.prepare('DELETE FROM postings WHERE term = ? AND segment = ?');
    const dropRest = db.prepare('DELETE FROM postings_rest WHERE segment = ? AND term = ?');
    // Slots only grow: a segment past every slot used before this batch has no rows yet,
    // so a first indexing writes each row once and reads none.
    const freshFrom = this.minAddedSlot === Infinity ? Infinity : segmentOf(this.minAddedSlot - 1) + 1;
    const segments = new Set([...this.removals.keys(), ...this.appends.keys()]);
    for (const segment of segments) {
      const removed = this.removals.get(segment) ?? new Map<string, Set<number>>();
      const added = this.appends.get(segment) ?? new Map<string, number[]>();
      // In key order: SQLite's B-tree is walked once, page after page, not hopped about.
      for (const term of [...new Set([...removed.keys(), ...added.keys()])].sort()) {
        const stored = segment >= freshFrom ? undefined : read.get(term, segment);
        // A tier 1 row exists exactly when tier 0 says what it can add.
        const storedRest = stored?.rest ? readRest.get(segment, term) : undefined;
        let kept = joined([stored && asUint16(stored.heads), storedRest && asUint16(storedRest.heads)]);
        const gone = removed.get(term);
        if (kept && gone) kept = withoutSlots(kept, segment, gone);
        const parts = added.get(term);
        const row = parts ? this.appended(kept, parts) : kept;
        const tiers = row ? splitByImpact(row) : { top: undefined, rest: undefined };
        if (tiers.top) write.run(term, segment, toBytes(tiers.top), restBounds(tiers.rest));
        else if (stored) drop.run(term, segment);
        if (tiers.rest) writeRest.run(segment, term, toBytes(tiers.rest));
        else if (storedRest) dropRest.run(segment, term);
      }
    }
  }

  /** The row `kept` (if any) followed by the heads of these (article, term index) pairs. */
  private appended(kept: Uint16Array | undefined, parts: number[]): Uint16Array {
    const keptLength = kept?.length ?? 0;
    const heads = new Uint16Array(keptLength + (parts.length / 2) * HEAD_FIELDS);
    if (kept) heads.set(kept);
    for (let p = 0, at = keptLength; p < parts.length; p += 2, at += HEAD_FIELDS) {
      const i = parts[p + 1]!;
      heads.set(this.added[parts[p]!]!.heads.subarray(i * HEAD_FIELDS, (i + 1) * HEAD_FIELDS), at);
    }
    return heads;
  }

  private writeTerms(db: Database.Database): void {
    // RETURNING tells a new row (it has the seq just given) from an updated one.
    const upsert = db.prepare<[string, number, number, number, number], { seq: number; sentences: number }>(
      `INSERT INTO terms (term, seq, sentences, paragraphs, articles) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (term) DO UPDATE SET sentences = sentences + excluded.sentences, paragraphs = paragraphs + excluded.paragraphs, articles = articles + excluded.articles
       RETURNING seq, sentences`,
    );
    const reseq = db.prepare('UPDATE terms SET seq = ? WHERE term = ?');
    const drop = db.prepare('DELETE FROM terms WHERE term = ? AND articles <= 0');
    let seq = ((db.prepare('SELECT max(seq) AS seq FROM terms').get() as { seq: number | null }).seq ?? 0) + 1;
    const ordered = new Set([...this.sentenceOrder, ...this.termDeltas.keys()]);
    for (const term of ordered) {
      const delta = this.termDeltas.get(term);
      if (!delta) continue;
      const after = upsert.get(term, seq, delta.sentences, delta.paragraphs, delta.articles)!;
      // First sight in a sentence again: it goes to the end, as in the in-memory index.
      if (after.seq !== seq && delta.sentences > 0 && after.sentences === delta.sentences) reseq.run(seq, term);
      seq += 1;
      if (delta.articles < 0) drop.run(term);
    }
  }

  private writeWords(db: Database.Database): void {
    const upsert = db.prepare<[string, number, number, number, number], { seq: number; count: number }>(
      `INSERT INTO words (word, seq, count, inside, capitalised) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (word) DO UPDATE SET count = count + excluded.count, inside = inside + excluded.inside, capitalised = capitalised + excluded.capitalised
       RETURNING seq, count`,
    );
    const reseq = db.prepare('UPDATE words SET seq = ? WHERE word = ?');
    const drop = db.prepare('DELETE FROM words WHERE word = ? AND count <= 0 AND inside <= 0');
    let seq = ((db.prepare('SELECT max(seq) AS seq FROM words').get() as { seq: number | null }).seq ?? 0) + 1;
    for (const [word, delta] of this.wordDeltas) {
      if (delta.count === 0 && delta.inside === 0 && delta.capitalised === 0) continue;
      const after = upsert.get(word, seq, delta.count, delta.inside, delta.capitalised)!;
      // A word known again after being forgotten goes to the end of the order.
      if (after.seq !== seq && delta.count > 0 && after.count === delta.count) reseq.run(seq, word);
      seq += 1;
      if (delta.count < 0 || delta.inside < 0) drop.run(word);
    }
  }
}
