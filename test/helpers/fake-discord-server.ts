/**
 * A fake Discord (REST v10 and gateway) on one node:http port, 127.0.0.1, for running the REAL
 * discord.js client in tests. REST: GET /gateway/bot, GET /applications/@me, PUT/GET application
 * commands (global and per guild), interaction callbacks, webhook edits of @original and followups,
 * and channel messages (full message objects back). Gateway (a `ws` server upgraded on the same
 * port): HELLO, IDENTIFY → READY + GUILD_CREATE for every guild, heartbeat ACKs, RESUME → RESUMED,
 * and op 7 on demand. Channel posts can be made to fail (403/404 with Discord's error codes) or be
 * held until released. Everything is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// `ws` comes with discord.js (its gateway client); the fake speaks the other end of it.
import { WebSocketServer, type WebSocket } from 'ws';

export const FAKE_APP_ID = '900000000000000001';
export const FAKE_GUILD_ID = '910000000000000001';
export const FAKE_BOT_USER = {
  id: '900000000000000002',
  username: 'quotewire',
  discriminator: '0',
  global_name: 'Quotewire',
  avatar: null,
  bot: true,
};
/** Text channels of the fake guild. */
export const FAKE_CHANNELS = ['920000000000000001', '920000000000000002', '920000000000000003'];

/** Permission bits used by tests (as Discord sends them: decimal strings). */
export const PERMISSIONS = {
  /** View Channel + Send Messages: an ordinary member. */
  member: String((1n << 10n) | (1n << 11n)),
  /** ...plus Manage Channels. */
  manager: String((1n << 4n) | (1n << 10n) | (1n << 11n)),
};

/** One REST request as received; `path` is decoded and starts after `/api/v10`. */
export interface FakeRestCall {
  method: string;
  path: string;
  body: unknown;
}

/** A scripted failure of channel posts. */
export interface FakeChannelFailure {
  channelId: string;
  status: number;
  code: number;
  message: string;
  /** How many posts fail; Infinity for all. */
  times: number;
}

export interface FakeDiscord {
  /** For `rest.api` / DISCORD_API_URL. */
  apiUrl: string;
  calls: FakeRestCall[];
  /** Gateway opcodes received from the client, in order (2 IDENTIFY, 6 RESUME, 1 heartbeat). */
  gatewayOps: number[];
  /** Registered commands by scope: 'global' or a guild id. */
  commands: Map<string, unknown[]>;
  /** Dispatches an interaction over the gateway; returns its id and token. */
  interact(interaction: Record<string, unknown>): { id: string; token: string };
  /** Interaction callbacks (`{type, data}`) received for an interaction id. */
  callbacks(interactionId: string): { type: number; data?: Record<string, unknown> }[];
  /** Webhook calls (edits of @original, followups) made with an interaction token. */
  webhookCalls(token: string): FakeRestCall[];
  /** Messages posted to a channel (bodies), in order. */
  posted(channelId: string): Record<string, unknown>[];
  failChannel(failure: FakeChannelFailure): void;
  /** Holds every channel post until the returned function is called. */
  holdChannelPosts(): () => void;
  /** Asks the client to reconnect (op 7); it resumes the session. */
  requestReconnect(): void;
  close(): Promise<void>;
}

const SESSION_ID = 'fake-session';

export async function startFakeDiscord(
  options: {
    guilds?: string[];
    /** REST calls with another bot token get 401, as Discord answers. */ token?: string;
  } = {},
): Promise<FakeDiscord> {
  const guilds = options.guilds ?? [FAKE_GUILD_ID];
  const calls: FakeRestCall[] = [];
  const gatewayOps: number[] = [];
  const commands = new Map<string, unknown[]>();
  const failures: FakeChannelFailure[] = [];
  const sockets = new Set<WebSocket>();
  let current: WebSocket | null = null;
  let seq = 0;
  let nextId = 1000n;
  let held: Promise<void> | null = null;
  const snowflake = () => String(930000000000000000n + nextId++);

  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => route(req, res, body),
      () => res.writeHead(400).end(),
    );
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const message = (channelId: string, body: Record<string, unknown>) => ({
    id: snowflake(),
    channel_id: channelId,
    author: FAKE_BOT_USER,
    content: body.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    pinned: false,
    type: 0,
    flags: 0,
  });

  async function route(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    const body: unknown = raw ? JSON.parse(raw) : null;
    calls.push({ method, path, body });
    if (options.token && req.headers.authorization !== `Bot ${options.token}`) {
      return json(res, 401, { message: '401: Unauthorized', code: 0 });
    }
    const data = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      return json(res, 200, {
        url: gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === '/applications/@me') {
      return json(res, 200, { id: FAKE_APP_ID, name: 'Quotewire', flags: 0, bot: FAKE_BOT_USER });
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const scope = m[2] ?? 'global';
      if (method === 'PUT') {
        const list = (body as Record<string, unknown>[]).map((command) => ({
          ...command,
          id: snowflake(),
          application_id: m![1],
          version: '1',
        }));
        commands.set(scope, list);
        return json(res, 200, list);
      }
      return json(res, 200, commands.get(scope) ?? []);
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      return void res.writeHead(204).end();
    }
    if ((m = /^\/webhooks\/\d+\/([^/]+)(?:\/messages\/(.+))?$/.exec(path))) {
      return json(res, 200, message('0', data));
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const channelId = m[1]!;
      if (held) await held;
      const failure = failures.find((f) => f.channelId === channelId && f.times > 0);
      if (failure) {
        failure.times--;
        return json(res, failure.status, { message: failure.message, code: failure.code });
      }
      return json(res, 200, message(channelId, data));
    }
    return json(res, 404, { message: '404: Not Found', code: 0 });
  }

  function send(ws: WebSocket, payload: Record<string, unknown>): void {
    ws.send(JSON.stringify(payload));
  }

  function dispatch(ws: WebSocket, t: string, d: unknown): void {
    send(ws, { op: 0, t, s: ++seq, d });
  }

  function onSocket(ws: WebSocket): void {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    send(ws, { op: 10, d: { heartbeat_interval: 30_000 } });
    ws.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      gatewayOps.push(payload.op);
      if (payload.op === 1) return send(ws, { op: 11 });
      if (payload.op === 2) {
        current = ws;
        dispatch(ws, 'READY', {
          v: 10,
          user: FAKE_BOT_USER,
          guilds: guilds.map((id) => ({ id, unavailable: true })),
          session_id: SESSION_ID,
          resume_gateway_url: gatewayUrl,
          application: { id: FAKE_APP_ID, flags: 0 },
        });
        for (const id of guilds) dispatch(ws, 'GUILD_CREATE', guild(id));
        return;
      }
      if (payload.op === 6) {
        current = ws;
        dispatch(ws, 'RESUMED', {});
      }
    });
  }

  return {
    apiUrl: `${origin}/api`,
    calls,
    gatewayOps,
    commands,
    interact(interaction) {
      if (!current) throw new Error('the client is not connected to the fake gateway');
      const id = snowflake();
      const token = `itoken-${id}`;
      dispatch(current, 'INTERACTION_CREATE', {
        id,
        token,
        application_id: FAKE_APP_ID,
        version: 1,
        locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: {},
        app_permissions: '2147483647',
        ...interaction,
      });
      return { id, token };
    },
    callbacks(interactionId) {
      return calls
        .filter((call) => call.path.startsWith(`/interactions/${interactionId}/`))
        .map((call) => call.body as { type: number; data?: Record<string, unknown> });
    },
    webhookCalls(token) {
      return calls.filter((call) => call.path.startsWith(`/webhooks/${FAKE_APP_ID}/${token}`));
    },
    posted(channelId) {
      return calls
        .filter((call) => call.method === 'POST' && call.path === `/channels/${channelId}/messages`)
        .map((call) => call.body as Record<string, unknown>);
    },
    failChannel(failure) {
      failures.push({ ...failure });
    },
    holdChannelPosts() {
      let release = () => undefined as void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    requestReconnect() {
      if (current) send(current, { op: 7, d: null });
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A full GUILD_CREATE payload: the @everyone role and the text channels. */
function guild(id: string): Record<string, unknown> {
  return {
    id,
    name: 'Quotewire test guild',
    icon: null,
    owner_id: '1',
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: new Date().toISOString(),
    features: [],
    emojis: [],
    stickers: [],
    members: [],
    presences: [],
    voice_states: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    roles: [
      {
        id,
        name: '@everyone',
        permissions: PERMISSIONS.member,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: FAKE_CHANNELS.map((channelId, index) => ({
      id: channelId,
      type: 0,
      guild_id: id,
      name: `news-${index + 1}`,
      position: index,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
    })),
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  };
}

/** A slash command interaction from a guild member with the given permissions. */
export function slashCommand(
  name: string,
  options: Record<string, string | number> = {},
  who: { userId?: string; permissions?: string; channelId?: string } = {},
): Record<string, unknown> {
  return {
    type: 2,
    data: {
      id: '940000000000000001',
      name,
      type: 1,
      options: Object.entries(options).map(([optionName, value]) => ({
        name: optionName,
        type: typeof value === 'number' ? 4 : 3,
        value,
      })),
    },
    ...inGuild(who),
  };
}

/** An autocomplete interaction: the user is typing `value` into option `focused`. */
export function autocomplete(name: string, focused: string, value: string): Record<string, unknown> {
  return {
    type: 4,
    data: {
      id: '940000000000000001',
      name,
      type: 1,
      options: [{ name: focused, type: 3, value, focused: true }],
    },
    ...inGuild({}),
  };
}

/** A press of a button (custom_id) under a message the bot sent. */
export function buttonPress(customId: string, who: { channelId?: string } = {}): Record<string, unknown> {
  const channelId = who.channelId ?? FAKE_CHANNELS[0]!;
  return {
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: '950000000000000001',
      channel_id: channelId,
      author: FAKE_BOT_USER,
      content: 'page',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
    },
    ...inGuild(who),
  };
}

function inGuild(who: {
  userId?: string;
  permissions?: string;
  channelId?: string;
}): Record<string, unknown> {
  const channelId = who.channelId ?? FAKE_CHANNELS[0]!;
  const user = {
    id: who.userId ?? '960000000000000001',
    username: 'reader',
    discriminator: '0',
    global_name: 'Reader',
    avatar: null,
  };
  return {
    guild_id: FAKE_GUILD_ID,
    guild_locale: 'en-US',
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: FAKE_GUILD_ID, name: 'news' },
    member: {
      user,
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      permissions: who.permissions ?? PERMISSIONS.member,
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
