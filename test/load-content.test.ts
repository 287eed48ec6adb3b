import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it.skipIf(!HAS_CORPUS)(`holds up on the BBC corpus: every UTF-8 article loads${NEEDS_CORPUS}`, async () => {
    const { logger } = memoryLogger();
    const result = await loadContentDir(BBC_DIR, logger);
    expect(result.articles.length).toBe(2224);
    // sport/199.txt is Latin-1: skipped with its reason, as the content rules say.
    expect(result.skipped).toEqual([{ file: 'sport/199.txt', reason: 'not UTF-8 text' }]);
  });
});
