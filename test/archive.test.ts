import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { analysisFingerprint } from '../src/archive/analysis-fingerprint.js';
import { ARCHIVE_FORMAT } from '../src/archive/archive-schema.js';
import { Answerer } from '../src/answer/answerer.js';
import { ArchiveStore } from '../src/archive/archive-store.js';
import { ByteLru } from '../src/archive/byte-lru.js';
import { FileLog } from '../src/archive/file-log.js';
import { syncFolder } from '../src/archive/folder-sync.js';
import { createApp } from '../src/app.js';
import { createConfig } from '../src/config.js';
import type { Article } from '../src/content/article.js';
import { ContentWatcher } from '../src/content/content-watcher.js';
import { type FileLoadResult, loadArticleFile } from '../src/content/load-content.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { topicMatches, topicTermsOf } from '../src/push/topics.js';
import { stem } from '../src/text/stem.js';
import { memoryLogger } from './helpers/seed.js';
import { until } from './helpers/until.js';

const MB = 1024 * 1024;
const story = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2025-05-05\nsource: Trend News Agency\n---\n${body}\n`;
const ARTICLES: Record<string, string> = {
  'bridge.md': story('New bridge opens in Ganja', 'A new bridge opened in Ganja on Monday. It cost 12 million manats, the ministry said.'),
  'harvest.md': story('Record cotton harvest', 'Farmers in Saatly gathered a record cotton harvest this year. The zanzibarian traders bought most of it.'),
  'festival.md': story('Jazz festival returns to Baku', 'The Baku jazz festival returns in October. Organisers expect 20,000 visitors.'),
};

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A content folder with the three articles, and an archive over a data folder. */
function setUp() {
  const content = tempDir('archive-content-');
  const data = tempDir('archive-data-');
  for (const [file, text] of Object.entries(ARTICLES)) writeFileSync(join(content, file), text);
  return { content, data };
}

/** Syncs the folder into a freshly opened archive (a restart), counting the files read. */
async function restart(content: string, data: string, logger = memoryLogger().logger) {
  const archive = ArchiveStore.open({ dataDir: data, memoryBytes: 16 * MB, logger });
  const read: string[] = [];
  const readArticle = (dir: string, file: string): Promise<FileLoadResult> => {
    read.push(file);
    return loadArticleFile(dir, file);
  };
  const result = await syncFolder({ dir: content, archive, logger, readArticle });
  return { archive, knowledge: new KnowledgeBase([], archive), result, read };
}

const query = (...words: string[]) => words.map((word) => ({ term: stem(word), weight: 1 }));

describe('the archive keeps the analysed articles across restarts', () => {
  it('a restart with nothing changed reads no article text again, and answers as before', async () => {
    const { content, data } = setUp();
    const first = await restart(content, data);
    expect(first.read).toHaveLength(3);
    expect(first.result.analysed).toBe(3);
    const before = first.knowledge.index.search(query('bridge', 'cost')).map((hit) => hit.sentence.facts.text);
    first.archive.close();

    const second = await restart(content, data);
    expect(second.read).toEqual([]);
    expect(second.result.analysed).toBe(0);
    expect(second.knowledge.size).toBe(3);
    expect(second.knowledge.index.search(query('bridge', 'cost')).map((hit) => hit.sentence.facts.text)).toEqual(before);
    expect(before.join(' ')).toContain('12 million manats');
    second.archive.close();
  });

  it('a changed article is read and re-analysed alone', async () => {
    const { content, data } = setUp();
    (await restart(content, data)).archive.close();
    writeFileSync(join(content, 'festival.md'), story('Jazz festival returns to Baku', 'The Baku jazz festival returns in November. Organisers expect 30,000 visitors.'));

    const { archive, knowledge, result, read } = await restart(content, data);
    expect(read.map((file) => file.slice(content.length + 1))).toEqual(['festival.md']);
    expect(result.analysed).toBe(1);
    expect(knowledge.get('festival')!.sentences[0]!.text).toContain('November');
    expect(knowledge.index.knows(stem('october'))).toBe(false);
    archive.close();
  });

  it('a file saved again with the same text is read but not analysed again', async () => {
    const { content, data } = setUp();
    (await restart(content, data)).archive.close();
    writeFileSync(join(content, 'bridge.md'), ARTICLES['bridge.md']!);
    const { archive, result, read } = await restart(content, data);
    expect(read).toHaveLength(1);
    expect(result.analysed).toBe(0);
    archive.close();
  });

  it('a deleted article is gone, and the words only it used are forgotten', async () => {
    const { content, data } = setUp();
    const first = await restart(content, data);
    expect(first.knowledge.index.knows(stem('zanzibarian'))).toBe(true);
    expect(first.knowledge.vocabulary.has('zanzibarian')).toBe(true);
    first.archive.close();
    rmSync(join(content, 'harvest.md'));

    const { archive, knowledge, result } = await restart(content, data);
    expect(result.removed).toBe(1);
    expect(knowledge.get('harvest')).toBeUndefined();
    expect(knowledge.size).toBe(2);
    expect(knowledge.index.knows(stem('zanzibarian'))).toBe(false);
    expect(knowledge.vocabulary.has('zanzibarian')).toBe(false);
    expect(knowledge.index.search(query('cotton', 'harvest'))).toEqual([]);
    // Words other articles still use stay known.
    expect(knowledge.index.knows(stem('bridge'))).toBe(true);
    archive.close();
  });

  it('a malformed file is skipped with its reason, and said again at a restart without being read', async () => {
    const { content, data } = setUp();
    writeFileSync(join(content, 'bad.md'), '---\ntitle: [unclosed\n---\nbody\n');
    const first = memoryLogger();
    (await restart(content, data, first.logger)).archive.close();
    expect(first.lines.find((line) => line.msg === 'skipped article file')).toMatchObject({ file: 'bad.md', reason: expect.stringMatching(/front matter/) });

    const second = memoryLogger();
    const { archive, read } = await restart(content, data, second.logger);
    expect(read).toEqual([]);
    expect(second.lines.find((line) => line.msg === 'skipped article file')).toMatchObject({ file: 'bad.md', reason: expect.stringMatching(/front matter/) });
    archive.close();
  });

  it('an archive file that is not a database is rebuilt from the articles, and said so', async () => {
    const { content, data } = setUp();
    writeFileSync(join(data, 'knowledge.sqlite'), 'this is not a database, it is a shopping list\n'.repeat(200));
    const { logger, lines } = memoryLogger();
    const { archive, knowledge, read } = await restart(content, data, logger);
    expect(lines.find((line) => line.msg === 'archive unreadable: rebuilding it from the articles')).toMatchObject({ code: 'SQLITE_NOTADB' });
    expect(read).toHaveLength(3);
    expect(knowledge.size).toBe(3);
    archive.close();
  });

  it('an archive of another format (heads of an older layout) is rebuilt from the articles, and said so', async () => {
    const { content, data } = setUp();
    (await restart(content, data, memoryLogger().logger)).archive.close();
    const db = new Database(join(data, 'knowledge.sqlite'));
    db.pragma(`user_version = ${ARCHIVE_FORMAT - 1}`);
    db.close();
    const { logger, lines } = memoryLogger();
    const { archive, knowledge, read } = await restart(content, data, logger);
    expect(lines.find((line) => line.msg === 'archive format changed: rebuilding it from the articles')).toMatchObject({ found: ARCHIVE_FORMAT - 1, expected: ARCHIVE_FORMAT });
    expect(read).toHaveLength(3);
    expect(knowledge.size).toBe(3);
    expect(knowledge.index.search(query('bridge', 'ganja')).length).toBeGreaterThan(0);
    archive.close();
    const again = await restart(content, data, memoryLogger().logger);
    expect(again.read).toEqual([]);
    again.archive.close();
  });

  it('an archive made by another version of the analysis is rebuilt from the articles, and said so', async () => {
    const { content, data } = setUp();
    (await restart(content, data, memoryLogger().logger)).archive.close();
    // As if an older engine had analysed the articles: its fingerprint is not this code's.
    const db = new Database(join(data, 'knowledge.sqlite'));
    db.pragma(`application_id = ${(analysisFingerprint() ^ 1) | 0}`);
    db.close();
    const { logger, lines } = memoryLogger();
    const { archive, knowledge, read } = await restart(content, data, logger);
    expect(lines.find((line) => line.msg === 'the analysis code changed: rebuilding the archive from the articles')).toMatchObject({ expected: analysisFingerprint() });
    expect(read).toHaveLength(3);
    expect(knowledge.size).toBe(3);
    archive.close();
    // Rebuilt by this code, it is not rebuilt again.
    const again = await restart(content, data, memoryLogger().logger);
    expect(again.read).toEqual([]);
    again.archive.close();
  });

  it('logs the progress of a first indexing: done / total, rate and time left', async () => {
    const content = tempDir('archive-content-');
    for (let i = 0; i < 6; i++) writeFileSync(join(content, `story-${i}.md`), story(`Story number ${i}`, `Story ${i} tells of the ${i}th ferry to Baku. It sailed on time.`));
    const archive = ArchiveStore.open({ dataDir: tempDir('archive-data-'), memoryBytes: 16 * MB });
    const { logger, lines } = memoryLogger();
    await syncFolder({ dir: content, archive, logger, batchSize: 2, progressIntervalMs: 0 });
    const progress = lines.filter((line) => line.msg === 'indexing articles');
    expect(progress.map((line) => line.done)).toEqual([2, 4, 6]);
    expect(progress[0]).toMatchObject({ total: 6, perSecond: expect.any(Number), secondsLeft: expect.any(Number), percent: 33 });
    archive.close();
  });
});

describe('a first indexing', () => {
  it('makes each batch answerable as soon as it is written, before the folder is done', async () => {
    const content = tempDir('archive-content-');
    for (let i = 0; i < 6; i++) writeFileSync(join(content, `story-${i}.md`), story(`Ferry number ${i}`, `Ferry ${i} sailed to Baku on time. It carried grain.`));
    const archive = ArchiveStore.open({ dataDir: tempDir('archive-data-'), memoryBytes: 16 * MB });
    const knowledge = new KnowledgeBase([], archive);
    const sizeWhenRead: number[] = [];
    const readArticle = (dir: string, file: string): Promise<FileLoadResult> => {
      sizeWhenRead.push(knowledge.size);
      return loadArticleFile(dir, file);
    };
    await syncFolder({ dir: content, archive, logger: memoryLogger().logger, batchSize: 2, readArticle });
    expect(sizeWhenRead).toEqual([0, 0, 2, 2, 4, 4]);
    expect(new Set(knowledge.index.search(query('ferry', 'grain')).map((hit) => hit.sentence.knowledge.article.id)).size).toBe(6);
    archive.close();
  });
});

describe('the bot on the archive', () => {
  it('answers from the archive, and /stats shows the number of articles and the size of the database', async () => {
    const { content, data } = setUp();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const config = createConfig({ CONTENT_DIR: content, DATA_DIR: data, ADMIN_IDS: 'console:local', ARCHIVE_MEMORY_MB: '16' });
    const app = await createApp({ config, logger: memoryLogger().logger, terminal: { input, output, interactive: false } });
    try {
      await app.start();
      input.write('how many visitors do organisers expect at the baku jazz festival\n');
      await until(() => printed.includes('20,000 visitors')).catch((error: unknown) => {
        throw new Error(`${String(error)}: ${printed}`);
      });
      input.write('/stats\n');
      await until(() => /Articles loaded: 3 \(archive \d+\.\d MB on disk\)/.test(printed));
    } finally {
      await app.stop();
    }
  });

  it('a wrong ARCHIVE_MEMORY_MB stops the bot with a message naming it', () => {
    expect(() => createConfig({ ARCHIVE_MEMORY_MB: 'lots' })).toThrow(/ARCHIVE_MEMORY_MB: must be a whole number from 16 to 65536/);
  });
});

describe('/subscribe on the archive', () => {
  it('counts a topic from the stored topic terms of each article: the same as from its knowledge, in the same order', async () => {
    const { content, data } = setUp();
    const { archive, knowledge } = await restart(content, data);
    const stored = [...archive.topicTerms()];
    const computed = knowledge.all().map((article) => ({ title: article.article.title, ...topicTermsOf(article) }));
    expect(stored.map(({ title, words, stems }) => ({ title, words: [...words].sort(), stems: [...stems].sort() }))).toEqual(
      computed.map(({ title, words, stems }) => ({ title, words: [...words].sort(), stems: [...stems].sort() })),
    );
    expect(stored.filter((article) => topicMatches('ganja', article)).map((article) => article.title)).toEqual(['New bridge opens in Ganja']);
    archive.close();
  });
});

describe('hot reload', () => {
  it('a burst of saved files reaches the archive at once, and the next start does not read them again', async () => {
    const { content, data } = setUp();
    const first = await restart(content, data);
    const watcher = new ContentWatcher({ dir: content, intervalMs: 60_000, logger: memoryLogger().logger, onArticles: (articles) => bursts.push(articles), onRemoved: () => undefined, fileLog: new FileLog(first.archive, content) });
    const bursts: Article[][] = [];
    watcher.prime(first.result.files);
    writeFileSync(join(content, 'bridge.md'), story('New bridge opens in Ganja', 'A new bridge opened in Ganja on Tuesday. It cost 14 million manats.'));
    writeFileSync(join(content, 'harbour.md'), story('Harbour reopens in Baku', 'The old harbour reopened after repairs costing 3 million manats.'));
    await watcher.scan();
    await watcher.scan();
    expect(bursts.map((burst) => burst.map((article) => article.id).sort())).toEqual([['bridge', 'harbour']]);
    first.knowledge.upsertAll(bursts[0]!);
    expect(first.knowledge.size).toBe(4);
    const passages = first.knowledge.index.search(query('bridge', 'cost')).map((hit) => hit.sentence.facts.text).join(' ');
    expect(passages).toContain('14 million manats');
    expect(passages).not.toContain('12 million manats');
    first.archive.close();

    const second = await restart(content, data);
    expect(second.read).toEqual([]);
    expect(second.knowledge.size).toBe(4);
    second.archive.close();
  });

  it('of two articles with the same id in one burst, the later wins, as if upserted one after the other', async () => {
    const { data } = setUp();
    const archive = ArchiveStore.open({ dataDir: data, memoryBytes: 16 * MB });
    const knowledge = new KnowledgeBase([], archive);
    knowledge.upsertAll([
      { id: 'x', title: 'First version', tags: [], body: 'The first version mentions a lighthouse.', origin: 'x.md' },
      { id: 'x', title: 'Second version', tags: [], body: 'The second version mentions a windmill.', origin: 'x.md' },
    ]);
    expect(knowledge.size).toBe(1);
    expect(knowledge.get('x')!.article.title).toBe('Second version');
    expect(knowledge.index.knows(stem('lighthouse'))).toBe(false);
    expect(knowledge.index.search(query('windmill'))).toHaveLength(1);
    archive.close();
  });
});

describe('memory is freed when articles go', () => {
  it('the in-memory index forgets a removed article: postings, related stems and words', () => {
    const knowledge = new KnowledgeBase([
      { id: 'a', title: 'Marriage law passes', tags: [], body: 'Parliament passed the marriage law on Monday after a long debate.', origin: 'a.md' },
      { id: 'b', title: 'Foundation opens', tags: [], body: 'The foundation opened a school in Baku with the marriott hotel nearby.', origin: 'b.md' },
    ]);
    expect(knowledge.index.knows(stem('marriage'))).toBe(true);
    expect(knowledge.index.relatedStems('marri')).toContain(stem('marriage'));
    knowledge.remove('a');
    expect(knowledge.index.knows(stem('marriage'))).toBe(false);
    expect(knowledge.index.relatedStems('marri')).not.toContain(stem('marriage'));
    expect(knowledge.vocabulary.has('marriage')).toBe(false);
    expect(knowledge.index.search(query('parliament', 'debate'))).toEqual([]);
    expect(knowledge.index.search(query('school'))).toHaveLength(1);
  });

  it('the caches stay within their byte budget however much goes through them', () => {
    const cache = new ByteLru<number, string>(1000);
    for (let i = 0; i < 10_000; i++) cache.set(i, `value ${i}`, 64);
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.get(9_999)).toBe('value 9999');
    expect(cache.get(0)).toBeUndefined();
  });
});

describe('a search decodes an article only when the answer reads it', () => {
  it('says which terms a hit\'s article holds without decoding it, as its knowledge does, years its dates resolve to included', async () => {
    const { content, data } = setUp();
    const { archive, knowledge } = await restart(content, data);
    const decoded: number[] = [];
    const knowledgeAt = archive.knowledgeAt.bind(archive);
    archive.knowledgeAt = (slot) => {
      decoded.push(slot);
      return knowledgeAt(slot);
    };
    const hits = knowledge.index.search(query('record', 'harvest', 'festival', 'bridge'));
    expect(hits.length).toBeGreaterThan(2);
    // The names check and the article's coverage of the question read no article.
    expect(hits.filter((hit) => hit.articleTerms.has(stem('cotton'))).length).toBeGreaterThan(0);
    expect(decoded).toEqual([]);
    for (const hit of hits) {
      const article = hit.sentence.knowledge;
      for (const term of [...article.terms, stem('zanzibarian'), stem('jazz'), 'xyzzy', '1999']) expect(hit.articleTerms.has(term)).toBe(article.terms.has(term));
    }
    // "this year" in a 2025 article: 2025 is one of its terms, though its text never writes it.
    const harvest = hits.find((hit) => hit.sentence.knowledge.article.title === 'Record cotton harvest')!;
    expect(harvest.articleTerms.has('2025')).toBe(true);
    expect(new Set(decoded).size).toBe(new Set(hits.map((hit) => hit.articleSlot)).size);
    archive.close();
  });
});

describe('an answer reads one state of the archive', () => {
  it('an article another process removes while a question is answered is still read for that answer, and gone for the next', async () => {
    const { content, data } = setUp();
    const { archive, knowledge } = await restart(content, data);
    const other = ArchiveStore.open({ dataDir: data, memoryBytes: 16 * MB });
    const answerer = new Answerer(knowledge);
    // The other process removes the article between the search and the reading of its hits.
    const search = archive.index.search.bind(archive.index);
    let removeDuringSearch = true;
    archive.index.search = (terms, options) => {
      const hits = search(terms, options);
      if (removeDuringSearch) other.remove('bridge');
      removeDuringSearch = false;
      return hits;
    };
    const answer = answerer.answer('how much did the new bridge in ganja cost?');
    expect(answer.short + (answer.support ?? '')).toMatch(/12 million manats/);
    expect(answerer.answer('how much did the new bridge in ganja cost?').short).not.toMatch(/12 million manats/);
    other.close();
    archive.close();
  });
});
