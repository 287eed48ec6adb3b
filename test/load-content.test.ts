import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentWatcher } from '../src/content/content-watcher.js';
import { loadContentDir } from '../src/content/load-content.js';
import { BBC_DIR, HAS_CORPUS, memoryLogger, NEEDS_CORPUS } from './helpers/seed.js';

describe('loadContentDir', () => {
  it('loads good files recursively and skips each bad one with one log line naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'good.md'), '---\ntitle: Good story\n---\nA perfectly ordinary story with enough words in it.');
    writeFileSync(join(dir, 'sub', 'also-good.txt'), 'Another story\n\nIt has a body with plenty of words for a reader.');
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [oops\n---\nBody text that will never be read by anyone.');
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]));
    writeFileSync(join(dir, 'notes.json'), '{}');
    const { logger, lines } = memoryLogger();
    const result = await loadContentDir(dir, logger);
    expect(result.articles.map((a) => a.title).sort()).toEqual(['Another story', 'Good story']);
    expect(result.skipped.map((s) => s.file).sort()).toEqual(['broken.md', 'image.txt']);
    const warnings = lines.filter((line) => line.msg === 'skipped article file');
    expect(warnings).toHaveLength(2);
    expect(warnings.map((line) => line.file).sort()).toEqual(['broken.md', 'image.txt']);
    expect(warnings.every((line) => typeof line.reason === 'string')).toBe(true);
  });

  it('an impossible date skips the file with one log line naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    writeFileSync(join(dir, 'feb.md'), '---\ntitle: Budget\ndate: 2025-02-30\n---\nThe council approved the new budget after a long debate.');
    const { logger, lines } = memoryLogger();
    const result = await loadContentDir(dir, logger);
    expect(result.articles).toEqual([]);
    expect(lines.filter((line) => line.msg === 'skipped article file')).toEqual([
      expect.objectContaining({ file: 'feb.md', reason: 'front matter date: date "2025-02-30" is not a real calendar date' }),
    ]);
  });

  it('follows a symbolic link that stays inside CONTENT_DIR; skips one leading outside with a log line, once', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.md'), '---\ntitle: Not for publishing\n---\nA file outside the content folder that must never be read.');
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    mkdirSync(join(dir, '2025'));
    writeFileSync(join(dir, '2025', 'story.md'), '---\ntitle: Real story\n---\nA perfectly ordinary story with enough words in it.');
    symlinkSync(join(dir, '2025', 'story.md'), join(dir, 'latest.md'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'leak.md'));
    symlinkSync(outside, join(dir, 'elsewhere'));
    symlinkSync(dir, join(dir, '2025', 'loop'));
    symlinkSync(join(dir, 'gone.md'), join(dir, 'dangling.md'));
    const { logger, lines } = memoryLogger();
    const result = await loadContentDir(dir, logger);
    expect(result.articles.map((article) => article.origin).sort()).toEqual(['2025/story.md', 'latest.md']);
    const skipped = lines.filter((line) => line.msg === 'skipped article file').map((line) => [line.file, line.reason]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        ['leak.md', 'symbolic link to a file outside CONTENT_DIR'],
        ['elsewhere', 'symbolic link to a file outside CONTENT_DIR'],
        ['dangling.md', 'symbolic link to nothing (its target does not exist)'],
      ]),
    );
    expect(skipped).toHaveLength(3);

    // The content watcher, primed with the start-up reading, does not report them again.
    const watched = memoryLogger();
    const watcher = new ContentWatcher({ dir, logger: watched.logger, intervalMs: 1000, onArticles: () => undefined, onRemoved: () => undefined });
    watcher.prime(result.files, result.skipped.map((skip) => skip.file));
    await watcher.scan();
    symlinkSync(join(outside, 'secret.md'), join(dir, 'leak2.md'));
    await watcher.scan();
    await watcher.scan();
    expect(watched.lines.filter((line) => line.msg === 'skipped article file').map((line) => line.file)).toEqual(['leak2.md']);
  });

  it.skipIf(!HAS_CORPUS)(`holds up on the BBC corpus: every UTF-8 article loads${NEEDS_CORPUS}`, async () => {
    const { logger } = memoryLogger();
    const result = await loadContentDir(BBC_DIR, logger);
    expect(result.articles.length).toBe(2224);
    // sport/199.txt is Latin-1: skipped with its reason, as the content rules say.
    expect(result.skipped).toEqual([{ file: 'sport/199.txt', reason: 'not UTF-8 text' }]);
  });
});
