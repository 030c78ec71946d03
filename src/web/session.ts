/**
 * Console sessions as signed cookies, and the CSRF tokens that every change must carry. The signing
 * key is made once and kept in the store, so a restart (or another instance) honours the same
 * sessions; it never leaves the server. A session made with QUOTEWIRE_WEB_TOKEN carries a mark of
 * that token, so changing the token ends those sessions.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../kernel/clock.js';
import type { Store } from '../store/store.js';

/** A logged-in operator. */
export interface Session {
  /** Who: `token` for the token, else the chat operator a link was sent to (`telegram:123`). */
  operator: string;
  /** This session's own id, which its CSRF token is made from. */
  sid: string;
  expiresAt: number;
}

interface SessionPayload extends Session {
  /** The token's mark when made with the token; null when made with a one-time link. */
  mark: string | null;
}

const KEY_NAME = 'web-session-key';

export class SessionSigner {
  private readonly tokenMark: string | null;

  constructor(
    private readonly key: Buffer,
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
    token: string | null,
  ) {
    this.tokenMark = token === null ? null : this.mac(`token|${token}`).slice(0, 22);
  }

  /** The signer with the store's key, made (once, whichever instance comes first) if there is none. */
  static async open(
    store: Store,
    clock: Clock,
    lifetimeMs: number,
    token: string | null,
  ): Promise<SessionSigner> {
    const key = await store.transact(async (tx) => {
      const existing = await tx.get<string>('meta', KEY_NAME);
      if (existing) return existing;
      const fresh = randomBytes(32).toString('base64');
      tx.set('meta', KEY_NAME, fresh);
      return fresh;
    });
    return new SessionSigner(Buffer.from(key, 'base64'), clock, lifetimeMs, token);
  }

  /** A new session's cookie value. */
  issue(operator: string, withToken: boolean): { value: string; session: Session } {
    const session: SessionPayload = {
      operator,
      sid: randomBytes(16).toString('base64url'),
      expiresAt: this.clock().getTime() + this.lifetimeMs,
      mark: withToken ? this.tokenMark : null,
    };
    return { value: this.sign(JSON.stringify(session)), session };
  }

  /** The session a cookie holds, or null when it is missing, forged, expired or its token changed. */
  verify(value: string | undefined): Session | null {
    const text = value ? this.unsign(value) : null;
    if (!text) return null;
    let payload: SessionPayload;
    try {
      payload = JSON.parse(text) as SessionPayload;
    } catch {
      return null;
    }
    if (typeof payload.expiresAt !== 'number' || payload.expiresAt <= this.clock().getTime()) return null;
    if (payload.mark !== null && payload.mark !== this.tokenMark) return null;
    return { operator: payload.operator, sid: payload.sid, expiresAt: payload.expiresAt };
  }

  /** The CSRF token of a session (or of a login form's nonce): what forms send back. */
  csrf(sid: string): string {
    return this.mac(`csrf|${sid}`);
  }

  /** Whether `given` is the CSRF token of `sid`, compared in constant time. */
  checkCsrf(sid: string, given: unknown): boolean {
    return typeof given === 'string' && sameText(given, this.csrf(sid));
  }

  /** Whether `given` is the console token, compared in constant time whatever its length. */
  checkToken(expected: string | null, given: unknown): boolean {
    if (expected === null || typeof given !== 'string') return false;
    return sameText(this.mac(`check|${given}`), this.mac(`check|${expected}`));
  }

  /** `text` with its signature: for cookies the browser keeps and gives back. */
  sign(text: string): string {
    const body = Buffer.from(text).toString('base64url');
    return `${body}.${this.mac(`cookie|${body}`)}`;
  }

  /** The text of a value made by {@link sign}, or null when it was changed. */
  unsign(value: string): string | null {
    const dot = value.lastIndexOf('.');
    if (dot <= 0) return null;
    const body = value.slice(0, dot);
    if (!sameText(value.slice(dot + 1), this.mac(`cookie|${body}`))) return null;
    return Buffer.from(body, 'base64url').toString();
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
