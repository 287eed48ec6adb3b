import { type ChildProcess, spawn } from 'node:child_process';
import { tempDataDir } from './push.js';

/** `npm start` as a real process (tsx src/main.ts), its JSON log lines collected as they come. */
export interface BotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines so far. */
  logs(): Record<string, unknown>[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export function startBot(env: Record<string, string>, input?: string): BotProcess {
  const child = spawn('node_modules/.bin/tsx', ['src/main.ts'], {
    env: { ...process.env, CONTENT_DIR: 'content', DATA_DIR: tempDataDir(), LOG_FORMAT: 'json', LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: '', WHATSAPP_ENABLED: 'false', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  if (input !== undefined) child.stdin!.end(input);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs: () =>
      err
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** GET on the health server: status and body, or status 0 when nothing answers. */
export async function probe(port: number, path: string): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return { status: 0, body: '' };
  }
}
