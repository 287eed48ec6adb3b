import { Worker } from 'node:worker_threads';
import type { FileLoadResult } from '../content/load-content.js';
import { loadArticleFile } from '../content/load-content.js';
import { analyseFile, type AnalysisRequest, type FileAnalysis } from './analysis.js';

/**
 * Analyses article files, in worker threads when asked for (a big first indexing) or in
 * this thread (tests, a handful of files). Requests are answered in the order they are
 * made, whichever worker finishes first.
 */
export class AnalyserPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, { resolve: (results: FileAnalysis[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(
    workerCount: number,
    private readonly read: (dir: string, file: string) => Promise<FileLoadResult> = loadArticleFile,
  ) {
    for (let i = 0; i < workerCount; i++) this.workers.push({ worker: this.spawn(), busy: 0 });
  }

  private spawn(): Worker {
    // The worker is TypeScript like the rest: it registers tsx's loader first, as
    // `tsx` does for the main thread (Node 20 ignores --import in a worker's execArgv).
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./analysis-worker.ts', import.meta.url).href;
    const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    const worker = new Worker(bootstrap, { eval: true });
    worker.on('message', (message: { id: number; results: FileAnalysis[] }) => {
      const entry = this.workers.find((w) => w.worker === worker);
      if (entry) entry.busy -= 1;
      this.pending.get(message.id)?.resolve(message.results);
      this.pending.delete(message.id);
    });
    worker.on('error', (error) => {
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    });
    return worker;
  }

  analyse(dir: string, files: string[]): Promise<FileAnalysis[]> {
    if (this.workers.length === 0) return Promise.all(files.map((file) => analyseFile(dir, file, this.read)));
    const id = this.nextId++;
    const target = this.workers.reduce((least, entry) => (entry.busy < least.busy ? entry : least));
    target.busy += 1;
    const request: AnalysisRequest = { id, dir, files };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      target.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
    this.workers.length = 0;
  }
}
