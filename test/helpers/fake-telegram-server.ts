/**
 * A fake Telegram Bot API on node:http (127.0.0.1, port 0) for running the REAL grammY in tests:
 * getMe, deleteWebhook, setWebhook, setMyCommands, getMyCommands, sendMessage, editMessageText,
 * answerCallbackQuery, getChatMember, getChatAdministrators, and getUpdates that honours `offset` and
 * holds the request up to `timeout` seconds. Failures are scriptable per method, and every call is
 * recorded with the fake clock's time when one is given.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_BOT = {
  id: 4242,
  is_bot: true as const,
  first_name: 'Quotewire',
  username: 'quotewire_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** One recorded call. */
export interface FakeCall {
  method: string;
  payload: Record<string, unknown>;
  /** The test clock's time when given, else Date.now(). */
  at: number;
}

/** A scripted failure: the error body to answer with, for calls the predicate matches, `times` times. */
export interface FakeFailure {
  method: string;
  when?: (payload: Record<string, unknown>) => boolean;
  times: number;
  error: { error_code: number; description: string; parameters?: Record<string, number> };
}

export interface FakeTelegram {
  /** For `client.apiRoot` / TELEGRAM_API_ROOT. */
  apiRoot: string;
  calls: FakeCall[];
  /** Chat id → user ids that are administrators there. */
  admins: Map<string, Set<number>>;
  fail(failure: FakeFailure): void;
  /** Queues an update for getUpdates (update_id assigned) and returns it. */
  pushUpdate(update: Record<string, unknown>): Record<string, unknown>;
  /** The sendMessage payloads (optionally to one chat). */
  sent(chatId?: string | number): Record<string, unknown>[];
  callsOf(method: string): FakeCall[];
  /** getUpdates calls answered 409 because another one came in while they waited (two pollers). */
  readonly conflicts: number;
  /** Messages refused with 429 because they broke the limits given to startFakeTelegram. */
  readonly tooMany: number;
  close(): Promise<void>;
}

export async function startFakeTelegram(
  options: {
    token?: string;
    now?: () => number;
    /** Listen here instead of on a free port. */
    port?: number;
    /** Answer 429 (retry_after 1) to messages beyond these limits, as Telegram does. */
    limits?: { globalPerSecond: number; perChatPerSecond: number };
  } = {},
): Promise<FakeTelegram> {
  const token = options.token ?? '123:test';
  const now = options.now ?? (() => Date.now());
  const calls: FakeCall[] = [];
  const failures: FakeFailure[] = [];
  const updates: Record<string, unknown>[] = [];
  const waiting = new Set<() => void>();
  const admins = new Map<string, Set<number>>();
  let nextUpdateId = 1;
  let conflicts = 0;
  let tooMany = 0;
  /** Times of accepted messages: all, and per chat. */
  const accepted: number[] = [];
  const lastToChat = new Map<string, number>();
  /** The long poll now waiting, which a second poller's request ends with 409. */
  let polling: ServerResponse | null = null;
  let nextMessageId = 100;
  let commands: unknown[] = [];

  const answer = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const handle = (method: string, payload: Record<string, unknown>, res: ServerResponse) => {
    calls.push({ method, payload, at: now() });
    const failure = failures.find((f) => f.method === method && f.times > 0 && (!f.when || f.when(payload)));
    if (failure) {
      failure.times--;
      return answer(res, failure.error.error_code, { ok: false, ...failure.error });
    }
    const ok = (result: unknown) => answer(res, 200, { ok: true, result });
    switch (method) {
      case 'getMe':
        return ok(FAKE_BOT);
      case 'deleteWebhook':
      case 'setWebhook':
      case 'answerCallbackQuery':
        return ok(true);
      case 'setMyCommands':
        commands = payload.commands as unknown[];
        return ok(true);
      case 'getMyCommands':
        return ok(commands);
      case 'sendMessage':
      case 'editMessageText': {
        const chatId = Number(payload.chat_id);
        if (options.limits && method === 'sendMessage') {
          const at = now();
          while (accepted.length && accepted[0]! <= at - 1000) accepted.shift();
          const last = lastToChat.get(String(chatId));
          if (
            accepted.length >= options.limits.globalPerSecond ||
            (last !== undefined && at - last < 1000 / options.limits.perChatPerSecond)
          ) {
            tooMany++;
            calls.pop();
            return answer(res, 429, {
              ok: false,
              error_code: 429,
              description: 'Too Many Requests: retry after 1',
              parameters: { retry_after: 1 },
            });
          }
          accepted.push(at);
          lastToChat.set(String(chatId), at);
        }
        return ok({
          message_id: method === 'sendMessage' ? nextMessageId++ : payload.message_id,
          date: Math.floor(now() / 1000),
          chat:
            chatId > 0
              ? { id: chatId, type: 'private', first_name: 'User' }
              : { id: chatId, type: 'supergroup', title: 'Group' },
          from: FAKE_BOT,
          text: payload.text,
        });
      }
      case 'getChatMember': {
        const user = Number(payload.user_id);
        const isAdmin = admins.get(String(payload.chat_id))?.has(user);
        return ok({
          status: isAdmin ? 'administrator' : 'member',
          user: { id: user, is_bot: false, first_name: 'U' },
        });
      }
      case 'getChatAdministrators':
        return ok(
          [...(admins.get(String(payload.chat_id)) ?? [])].map((id) => ({
            status: 'administrator',
            user: { id, is_bot: false, first_name: 'A' },
          })),
        );
      case 'getUpdates': {
        if (polling && !polling.writableEnded) {
          conflicts++;
          answer(polling, 409, {
            ok: false,
            error_code: 409,
            description:
              'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
          });
        }
        polling = null;
        const offset = Number(payload.offset ?? 0);
        const pending = () => updates.filter((update) => (update.update_id as number) >= offset);
        // Confirmed updates are forgotten, as Telegram does.
        while (updates.length && (updates[0]!.update_id as number) < offset) updates.shift();
        if (pending().length || !payload.timeout) return ok(pending().slice(0, Number(payload.limit ?? 100)));
        const release = () => {
          waiting.delete(release);
          clearTimeout(timer);
          if (!res.writableEnded) ok(pending());
        };
        const timer = setTimeout(release, Number(payload.timeout) * 1000);
        waiting.add(release);
        polling = res;
        res.on('close', () => {
          waiting.delete(release);
          clearTimeout(timer);
          // A poller that died (its connection closed) is not a second poller.
          if (polling === res) polling = null;
        });
        return;
      }
      default:
        return answer(res, 404, { ok: false, error_code: 404, description: `Not Found: method ${method}` });
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
      if (!match || match[1] !== token)
        return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const raw = Buffer.concat(chunks).toString('utf8');
      handle(match[2]!, raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiRoot,
    calls,
    admins,
    fail: (failure) => failures.push(failure),
    pushUpdate(update) {
      const full = { update_id: nextUpdateId++, ...update };
      updates.push(full);
      for (const release of [...waiting]) release();
      return full;
    },
    sent: (chatId) =>
      calls
        .filter(
          (call) =>
            call.method === 'sendMessage' &&
            (chatId === undefined || String(call.payload.chat_id) === String(chatId)),
        )
        .map((call) => call.payload),
    callsOf: (method) => calls.filter((call) => call.method === method),
    get conflicts() {
      return conflicts;
    },
    get tooMany() {
      return tooMany;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const release of [...waiting]) release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let messageCounter = 1;

/** A text message update, with a bot_command entity when it starts with "/" (grammY needs one). */
export function textUpdate(
  text: string,
  chat: { id: number; type: 'private' | 'group' | 'supergroup' | 'channel'; is_forum?: boolean },
  from: { id: number } | null,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const command = /^\/\S+/.exec(text);
  const message = {
    message_id: messageCounter++,
    date: Math.floor(Date.now() / 1000),
    chat: chat.type === 'private' ? { ...chat, first_name: 'User' } : { ...chat, title: 'Chat' },
    ...(from ? { from: { id: from.id, is_bot: false, first_name: 'User' } } : {}),
    text,
    ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    ...extra,
  };
  return chat.type === 'channel' ? { channel_post: message } : { message };
}
