/**
 * Starts the web page in the bot's own process, on `web.host` and `web.port`.
 */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebDeps } from './web-context.js';
import { SessionSigner } from './session.js';
import { createWebApp } from './web-app.js';

export interface WebServer {
  /** Where it listens, such as http://127.0.0.1:8080. */
  readonly url: string;
  close(): Promise<void>;
}

/** Why the web page could not start, in one sentence that says what to do. */
export class WebServerError extends Error {
  override readonly name = 'WebServerError';
}

/** How long a keep-alive connection may hold the shutdown up. */
const CLOSE_GRACE_MS = 2_000;

/** Starts the web page; the console's session key is read from the store (made on the first start). */
export async function startWebServer(options: Omit<WebDeps, 'sessions'>): Promise<WebServer> {
  const { config, store, services } = options;
  const sessions = await SessionSigner.open(
    store,
    services.clock,
    config.web.sessionHours * 3_600_000,
    config.secrets.webToken,
  );
  const deps: WebDeps = { ...options, sessions };
  const app = createWebApp(deps);
  // Hono's Node adapter would otherwise swap the process's global Request and Response classes.
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  const { host, port } = deps.config.web;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new WebServerError(listenProblem(error, host, port))),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost =
    host === '0.0.0.0' || host === '::'
      ? 'localhost'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
  const url = `http://${shownHost}:${address.port}`;
  deps.logins.listening(url);
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        server.closeIdleConnections();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}

function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `cannot serve the web page on ${where}: something else listens there; set web.port to a free port (or stop the other program)`;
    case 'EACCES':
      return `cannot serve the web page on ${where}: ports below 1024 need special rights; set web.port to 1024 or above, such as 8080`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot serve the web page on ${where}: this machine has no address ${host}; set web.host to 127.0.0.1 or 0.0.0.0`;
    default:
      return `cannot serve the web page on ${where}: ${error.message}`;
  }
}
