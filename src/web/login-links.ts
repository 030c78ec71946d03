/**
 * One-time console login links, for operators who have no token: the bot sends one in a private
 * chat (`/weblogin`), it works once, for ten minutes. Only a hash of the link's secret is stored,
 * in the store, so any instance of the bot can honour a link another one sent.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../kernel/clock.js';
import type { Collection, Store } from '../store/store.js';

/** What the chat side may ask of the web page (see Services.web). */
export interface WebAccess {
  /** A one-time link that logs `operator` into the console, or why there is none. */
  loginLink(operator: string): Promise<{ url: string; expiresAt: string } | { refused: WebLoginRefusal }>;
}

/** Why no link can be made: the web page is off, its console is off, or it is not listening yet. */
export type WebLoginRefusal = 'web-off' | 'console-off' | 'not-running';

/** The message saying each refusal, and what to do, in the chat's language. */
export const WEB_LOGIN_REFUSALS = {
  'web-off': 'weblogin-web-off',
  'console-off': 'weblogin-console-off',
  'not-running': 'weblogin-not-running',
} as const satisfies Record<WebLoginRefusal, string>;

interface PendingLogin {
  operator: string;
  expiresAt: string;
}

/** Long enough to switch from the chat to a browser; short enough that a lost message goes stale. */
export const LOGIN_LINK_TTL_MS = 10 * 60_000;
const SECRET = /^[A-Za-z0-9_-]{32}$/;

export interface LoginLinkSettings {
  enabled: boolean;
  console: boolean;
  /** web.publicUrl: where people reach the page; the local address when null. */
  publicUrl: string | null;
}

export class LoginLinks implements WebAccess {
  private readonly pending: Collection<PendingLogin>;
  private address: string | null = null;

  constructor(
    store: Store,
    private readonly clock: Clock,
    private readonly settings: LoginLinkSettings,
  ) {
    this.pending = store.collection<PendingLogin>('meta');
  }

  /** The web server is listening at `localUrl`: links can be made from now on. */
  listening(localUrl: string): void {
    this.address = (this.settings.publicUrl ?? localUrl).replace(/\/+$/, '');
  }

  async loginLink(
    operator: string,
  ): Promise<{ url: string; expiresAt: string } | { refused: WebLoginRefusal }> {
    if (!this.settings.enabled) return { refused: 'web-off' };
    if (!this.settings.console) return { refused: 'console-off' };
    if (!this.address) return { refused: 'not-running' };
    const secret = randomBytes(24).toString('base64url');
    const expiresAt = new Date(this.clock().getTime() + LOGIN_LINK_TTL_MS).toISOString();
    await this.pending.set(keyOf(secret), { operator, expiresAt }, LOGIN_LINK_TTL_MS);
    return { url: `${this.address}/console/login/${secret}`, expiresAt };
  }

  /** Whether a link's secret is still good, without using it up (the page that asks to confirm). */
  async isValid(secret: string): Promise<boolean> {
    if (!SECRET.test(secret)) return false;
    const entry = await this.pending.get(keyOf(secret));
    return entry !== undefined && Date.parse(entry.expiresAt) > this.clock().getTime();
  }

  /**
   * Uses a link up: the operator it was made for, or null when it is unknown, used or expired. Of two
   * instances redeeming it at once, only the one whose delete removed it gets the operator.
   */
  async redeem(secret: string): Promise<string | null> {
    if (!SECRET.test(secret)) return null;
    const key = keyOf(secret);
    const entry = await this.pending.get(key);
    if (!entry || !(await this.pending.delete(key))) return null;
    return Date.parse(entry.expiresAt) > this.clock().getTime() ? entry.operator : null;
  }
}

function keyOf(secret: string): string {
  return `web-login:${createHash('sha256').update(secret).digest('hex')}`;
}
