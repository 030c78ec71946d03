/**
 * A fake OpenAI-compatible server for tests of the LLM engine: `POST /v1/chat/completions` on
 * 127.0.0.1 and a port the OS picks, answering from a script and recording every request. The real
 * `openai` client talks to it exactly as it would to OpenAI, Ollama, llama.cpp or vLLM.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat completion request as the fake received it. */
export interface FakeChatRequest {
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (model, messages, response_format, max_tokens, ...). */
  body: Record<string, unknown>;
  /** `response_format.type`, or null when the request has none. */
  responseFormat: string | null;
  /** Every message's content, joined: what tests match a story by. */
  prompt: string;
}

/** How the fake answers one request. */
export type FakeCompletion =
  /** A normal answer; an object is sent as its JSON text, a string as it is. */
  | {
      answer: unknown;
      finishReason?: 'stop' | 'length' | 'content_filter';
      /** Token counts to report; null sends no usage at all, as some local servers do. */
      usage?: { prompt: number; completion: number } | null;
    }
  /** The model declines (`message.refusal`). */
  | { refusal: string }
  /** A 200 with an empty `choices` array. */
  | { noChoices: true }
  /** An error status with an OpenAI-style error body and optional headers (e.g. retry-after). */
  | { status: number; message?: string; headers?: Record<string, string> }
  /** Never answers (until the server closes). */
  | { hang: true }
  /** Sends status and headers, then never the body. */
  | { stallBody: true }
  /** A 200 whose body is this text, e.g. malformed JSON. */
  | { rawBody: string };

export type FakeScriptStep = FakeCompletion | ((request: FakeChatRequest) => FakeCompletion);

export interface FakeOpenAiServer {
  /** e.g. `http://127.0.0.1:54321/v1`: what `baseURL` / OPENAI_BASE_URL should be. */
  readonly baseURL: string;
  /** Chat completion requests, in arrival order (retries included). */
  readonly requests: FakeChatRequest[];
  /**
   * Sets how the next requests are answered: one step per request, the last step repeating.
   * A function step picks an answer per request (e.g. by the story in the prompt).
   */
  respond(...steps: FakeScriptStep[]): void;
  close(): Promise<void>;
}

export interface FakeOpenAiOptions {
  /** Answer `response_format: json_schema` with a 400, as servers that only do json_object do. */
  rejectJsonSchema?: boolean;
}

export const DEFAULT_FAKE_USAGE = { prompt: 500, completion: 100 };

/** Starts the fake; it answers "{}" until a script is set with `respond`. */
export async function startFakeOpenAiServer(options: FakeOpenAiOptions = {}): Promise<FakeOpenAiServer> {
  const requests: FakeChatRequest[] = [];
  let script: FakeScriptStep[] = [{ answer: {} }];
  const server = createServer((req, res) => {
    // Read the body from the first event on, so that no chunk is missed.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (
        req.method !== 'POST' ||
        new URL(req.url ?? '/', 'http://fake').pathname !== '/v1/chat/completions'
      ) {
        sendJson(res, 404, {
          error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' },
        });
        return;
      }
      const request = parseRequest(req.headers, Buffer.concat(chunks).toString('utf8'));
      requests.push(request);
      if (options.rejectJsonSchema && request.responseFormat === 'json_schema') {
        sendJson(res, 400, {
          error: {
            message: "response_format type 'json_schema' is not supported; use 'json_object'",
            type: 'invalid_request_error',
            param: 'response_format',
          },
        });
        return;
      }
      const step = script.length > 1 ? script.shift()! : script[0]!;
      answer(res, request, typeof step === 'function' ? step(request) : step);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    respond: (...steps) => {
      script = steps.length > 0 ? steps : [{ answer: {} }];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The JSON text of a well-formed answer, for `{ answer: llmAnswer(...) }` or string surgery. */
export function llmAnswer(answer: {
  headline: string;
  summary: string[];
  quotes?: { text: string; speaker: string }[];
}): string {
  return JSON.stringify({ headline: answer.headline, summary: answer.summary, quotes: answer.quotes ?? [] });
}

function parseRequest(headers: IncomingHttpHeaders, text: string): FakeChatRequest {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Recorded as an empty body; a test will see that.
  }
  const format = body.response_format as { type?: string } | undefined;
  const messages = Array.isArray(body.messages) ? (body.messages as { content?: unknown }[]) : [];
  return {
    headers,
    body,
    responseFormat: format?.type ?? null,
    prompt: messages
      .map((message) => (typeof message.content === 'string' ? message.content : ''))
      .join('\n'),
  };
}

function answer(res: ServerResponse, request: FakeChatRequest, completion: FakeCompletion): void {
  if ('hang' in completion) return;
  if ('stallBody' in completion) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.flushHeaders();
    return;
  }
  if ('rawBody' in completion) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(completion.rawBody);
    return;
  }
  if ('status' in completion) {
    const body = {
      error: { message: completion.message ?? `fake error ${completion.status}`, type: 'fake_error' },
    };
    sendJson(res, completion.status, body, completion.headers);
    return;
  }
  const model = typeof request.body.model === 'string' ? request.body.model : 'fake-model';
  const base = { id: `chatcmpl-fake-${Date.now()}`, object: 'chat.completion', created: 0, model };
  if ('noChoices' in completion) {
    sendJson(res, 200, { ...base, choices: [], usage: usage(DEFAULT_FAKE_USAGE) });
    return;
  }
  if ('refusal' in completion) {
    const message = { role: 'assistant', content: null, refusal: completion.refusal };
    sendJson(res, 200, {
      ...base,
      choices: [{ index: 0, message, finish_reason: 'stop', logprobs: null }],
      usage: usage(DEFAULT_FAKE_USAGE),
    });
    return;
  }
  const content =
    typeof completion.answer === 'string' ? completion.answer : JSON.stringify(completion.answer);
  const counts = completion.usage === undefined ? DEFAULT_FAKE_USAGE : completion.usage;
  sendJson(res, 200, {
    ...base,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: completion.finishReason ?? 'stop',
        logprobs: null,
      },
    ],
    ...(counts ? { usage: usage(counts) } : {}),
  });
}

function usage(counts: { prompt: number; completion: number }) {
  return {
    prompt_tokens: counts.prompt,
    completion_tokens: counts.completion,
    total_tokens: counts.prompt + counts.completion,
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
