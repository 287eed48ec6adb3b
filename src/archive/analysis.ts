import type { FileLoadResult } from '../content/load-content.js';
import { type PreparedArticle, prepareArticle } from './prepare.js';

export interface AnalysisRequest {
  id: number;
  dir: string;
  files: string[];
}

/** One file read and analysed, or why it was skipped; `signature` as it was read. */
export type FileAnalysis = ({ ok: true; prepared: PreparedArticle } | { ok: false; file: string; reason: string }) & { signature?: string };

export async function analyseFile(dir: string, path: string, read: (dir: string, file: string) => Promise<FileLoadResult>): Promise<FileAnalysis> {
  const loaded = await read(dir, path);
  const signature = loaded.signature ? { signature: loaded.signature } : {};
  if (!loaded.ok) return { ok: false, file: loaded.file, reason: loaded.reason, ...signature };
  try {
    return { ok: true, prepared: prepareArticle(loaded.article), ...signature };
  } catch (error) {
    // The analysis must not take the bot down for one odd article: it is skipped, and said so.
    return { ok: false, file: loaded.article.origin, reason: `could not be analysed: ${error instanceof Error ? error.message : String(error)}`, ...signature };
  }
}

/** The typed arrays' buffers, handed over rather than copied. */
export function transferablesOf(results: FileAnalysis[]): ArrayBuffer[] {
  return results.flatMap((result) => {
    if (!result.ok) return [];
    const p = result.prepared;
    return [p.knowledge, p.heads, p.forward, p.sentenceCounts, p.paragraphCounts, p.wordStats]
      .filter((array) => array.byteOffset === 0 && array.byteLength === array.buffer.byteLength)
      .map((array) => array.buffer as ArrayBuffer);
  });
}
