/**
 * A worker thread of the analyser pool: reads, parses and analyses article files, and
 * sends back what the archive will write (src/archive/prepare.ts). The main thread only
 * writes to SQLite, so a 2-core machine analyses on one core while it writes on the other.
 */
import { parentPort } from 'node:worker_threads';
import { loadArticleFile } from '../content/load-content.js';
import { analyseFile, type AnalysisRequest, transferablesOf } from './analysis.js';

parentPort!.on('message', (request: AnalysisRequest) => {
  void Promise.all(request.files.map((file) => analyseFile(request.dir, file, loadArticleFile))).then((results) => {
    parentPort!.postMessage({ id: request.id, results }, transferablesOf(results));
  });
});
