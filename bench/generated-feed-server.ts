/**
 * A child process that serves generated RSS feeds on 127.0.0.1 for the ingest benchmark: feeds reach
 * Quotewire from other machines, so making and sending them is not counted in its CPU time or its
 * resident memory. The parent sends `{ feeds, items, first }` sets of feeds to serve (one feed per
 * number, `items` items from `first(feed)`), and hears `{ port }` once, then `ready` after each set.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { generateFeed } from './generated-news.js';

/** One set of feeds: feed number `f` holds `items` items numbered from `firstItem + f * items`. */
export interface FeedSet {
  feeds: number;
  items: number;
  firstItem: number;
}

/** The feed server, started in a child process; `serve` switches it to a set of feeds. */
export interface FeedServer {
  origin: string;
  serve(set: FeedSet): Promise<void>;
  close(): void;
}

export async function startFeedServer(): Promise<FeedServer> {
  const here = fileURLToPath(import.meta.url);
  const loader = here.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  const child: ChildProcess = fork(here, ['--serve-feeds'], {
    execArgv: loader,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`the feed server stopped (exit code ${code})`)));
    });
  const { port } = (await next()) as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    async serve(set) {
      const ready = next();
      child.send(set);
      await ready;
    },
    close: () => void child.kill(),
  };
}

/** The child: answers /feeds/<n>.xml from the bodies of the last set it was sent. */
async function serveFeeds(): Promise<void> {
  let bodies: Buffer[] = [];
  const server = createServer((req, res) => {
    const match = /^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '');
    const body = match ? bodies[Number(match[1])] : undefined;
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.on('message', (set: FeedSet) => {
    bodies = Array.from({ length: set.feeds }, (_, feed) =>
      Buffer.from(generateFeed(origin, feed, set.firstItem + feed * set.items, set.items), 'utf8'),
    );
    process.send?.('ready');
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ port: (server.address() as AddressInfo).port });
}

if (process.argv.includes('--serve-feeds')) await serveFeeds();
