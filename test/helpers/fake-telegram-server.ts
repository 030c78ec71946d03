/**
 * A fake Telegram Bot API on node:http (127.0.0.1, port 0) for running the REAL grammY in tests:
 * getMe, deleteWebhook, setWebhook, setMyCommands, getMyCommands, sendMessage, sendPhoto (a URL;
 * answered with a photo message as Telegram would once it fetched it), editMessageText,
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
  /** Each refused message: when, and which limit it broke. */
  readonly refused: readonly { at: number; limit: 'global' | 'chat' }[];
  /** Keeps a file as if a user had sent it; returns its file_id (for getFile and the download). */
  addFile(content: string): string;
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
  const refused: { at: number; limit: 'global' | 'chat' }[] = [];
  /** Times of accepted messages: all, and per chat. */
  const accepted: number[] = [];
  const lastToChat = new Map<string, number>();
  /** The long poll now waiting, which a second poller's request ends with 409. */
  let polling: ServerResponse | null = null;
  let nextMessageId = 100;
  /** Command menus by `language_code` ('' for the default menu). */
  const commands = new Map<string, unknown[]>();
  /** file_id → content, for getFile and GET /file/bot<token>/<file_id>. */
  const files = new Map<string, string>();

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
        commands.set(String(payload.language_code ?? ''), payload.commands as unknown[]);
        return ok(true);
      case 'getMyCommands':
        return ok(commands.get(String(payload.language_code ?? '')) ?? []);
      case 'sendPhoto': {
        const chatId = Number(payload.chat_id);
        return ok({
          message_id: nextMessageId++,
          date: Math.floor(now() / 1000),
          chat:
            chatId > 0
              ? { id: chatId, type: 'private', first_name: 'User' }
              : { id: chatId, type: 'supergroup', title: 'Group' },
          from: FAKE_BOT,
          photo: [
            {
              file_id: `photo-${nextMessageId}`,
              file_unique_id: `u${nextMessageId}`,
              width: 800,
              height: 450,
            },
          ],
          ...(payload.caption !== undefined ? { caption: payload.caption } : {}),
          ...(payload.message_thread_id !== undefined
            ? { message_thread_id: payload.message_thread_id, is_topic_message: true }
            : {}),
        });
      }
      case 'sendMessage':
      case 'editMessageText': {
        const chatId = Number(payload.chat_id);
        if (options.limits && method === 'sendMessage') {
          const at = now();
          while (accepted.length && accepted[0]! <= at - 1000) accepted.shift();
          const last = lastToChat.get(String(chatId));
          const overGlobal = accepted.length >= options.limits.globalPerSecond;
          if (overGlobal || (last !== undefined && at - last < 1000 / options.limits.perChatPerSecond)) {
            tooMany++;
            refused.push({ at, limit: overGlobal ? 'global' : 'chat' });
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
      case 'getFile': {
        const content = files.get(String(payload.file_id));
        if (content === undefined)
          return answer(res, 400, {
            ok: false,
            error_code: 400,
            description: 'Bad Request: invalid file_id',
          });
        const id = String(payload.file_id);
        return ok({
          file_id: id,
          file_unique_id: id,
          file_size: Buffer.byteLength(content),
          file_path: `documents/${id}.opml`,
        });
      }
      case 'sendDocument':
        return ok({
          message_id: nextMessageId++,
          date: Math.floor(now() / 1000),
          chat: { id: Number(payload.chat_id), type: Number(payload.chat_id) > 0 ? 'private' : 'supergroup' },
          from: FAKE_BOT,
          document: {
            file_id: 'sent',
            file_unique_id: 'sent',
            file_name: (payload.document as { filename?: string })?.filename,
          },
        });
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
      const download = /^\/file\/bot([^/]+)\/documents\/([^/]+)\.opml$/.exec(req.url ?? '');
      if (download && download[1] === token && files.has(download[2]!)) {
        return res
          .writeHead(200, { 'content-type': 'application/octet-stream' })
          .end(files.get(download[2]!));
      }
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
      if (!match || match[1] !== token)
        return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const raw = Buffer.concat(chunks).toString('utf8');
      const type = req.headers['content-type'] ?? '';
      const payload = type.startsWith('multipart/form-data')
        ? multipartFields(raw, /boundary=(.+)$/.exec(type)?.[1] ?? '')
        : raw
          ? (JSON.parse(raw) as Record<string, unknown>)
          : {};
      handle(match[2]!, payload, res);
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
    refused,
    get tooMany() {
      return tooMany;
    },
    addFile(content) {
      const id = `file${files.size + 1}`;
      files.set(id, content);
      return id;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const release of [...waiting]) release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The fields of a multipart/form-data body (grammY uploads files this way): text fields as strings,
 * file fields as `{ filename, content }`. Enough for the small text files tests send.
 */
function multipartFields(raw: string, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const part of raw.split(`--${boundary.replace(/^"|"$/g, '')}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) continue;
    const headers = part.slice(0, split);
    const body = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (!name) continue;
    // grammY writes filename=name without quote marks; browsers and curl quote it.
    const filename = /filename="?([^"\r\n;]*)"?/.exec(headers)?.[1];
    fields[name] = filename !== undefined ? { filename, content: body } : body;
  }
  // grammY names an uploaded file in the field by attach:// reference.
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.startsWith('attach://')) fields[key] = fields[value.slice(9)];
  }
  return fields;
}

let messageCounter = 1;

/** A text message update, with a bot_command entity when it starts with "/" (grammY needs one). */
export function textUpdate(
  text: string,
  chat: { id: number; type: 'private' | 'group' | 'supergroup' | 'channel'; is_forum?: boolean },
  /** The sender; `language_code` is their Telegram app's language. */
  from: { id: number; language_code?: string } | null,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const command = /^\/\S+/.exec(text);
  const message = {
    message_id: messageCounter++,
    date: Math.floor(Date.now() / 1000),
    chat: chat.type === 'private' ? { ...chat, first_name: 'User' } : { ...chat, title: 'Chat' },
    ...(from ? { from: { is_bot: false, first_name: 'User', ...from } } : {}),
    text,
    ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    ...extra,
  };
  return chat.type === 'channel' ? { channel_post: message } : { message };
}

/** A my_chat_member update: the bot's own status in `chat` changed (removed, blocked, added back). */
export function myChatMemberUpdate(
  chat: { id: number; type: 'private' | 'group' | 'supergroup' | 'channel' },
  from: { id: number; language_code?: string },
  oldStatus: 'member' | 'administrator' | 'left' | 'kicked',
  newStatus: 'member' | 'administrator' | 'left' | 'kicked',
): Record<string, unknown> {
  const member = (status: string) => ({
    status,
    user: FAKE_BOT,
    ...(status === 'kicked' ? { until_date: 0 } : {}),
    ...(status === 'administrator'
      ? { can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_post_messages: true }
      : {}),
  });
  return {
    my_chat_member: {
      chat: chat.type === 'private' ? { ...chat, first_name: 'User' } : { ...chat, title: 'Chat' },
      from: { ...from, is_bot: false, first_name: 'User' },
      date: Math.floor(Date.now() / 1000),
      old_chat_member: member(oldStatus),
      new_chat_member: member(newStatus),
    },
  };
}
