import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { startWebTestServer, type WebTestServer } from '../helpers/web-test-server.js';

/**
 * With the LLM engine on, the web page shows the summaries the model wrote for deliveries and
 * /digest, and never asks the model itself: a visitor cannot spend the daily token budget.
 */
const HEADLINE = 'Mike Pompeo confident the US and the UK will find a way on Huawei';

let fake: FakeOpenAiServer;
let server: WebTestServer;

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
  fake.respond({
    answer: {
      headline: HEADLINE,
      summary: [
        'US Secretary of State Mike Pompeo is confident that the US and the UK will find a solution to build a highly secure 5G network.',
      ],
      quotes: [],
    },
  });
  server = await startWebTestServer({
    yaml: 'summarizer:\n  engine: openai\n  openai:\n    model: fake-model\n    maxRetries: 0\n',
    env: { OPENAI_BASE_URL: fake.baseURL },
  });
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('the web page with the LLM engine', () => {
  it('shows offline summaries until the model has written one, then the model’s, and never calls it', async () => {
    const before = await (await fetch(`${server.web.url}/`)).text();
    expect(before).toContain('US Secretary of State Mike Pompeo is confident that, despite differing');
    expect(before).not.toContain(HEADLINE);
    expect(fake.requests).toHaveLength(0);

    // What /digest (or a delivery) does: the model writes the summary, and it is cached.
    const digest = await server.app.services.digests.build(server.app.services.clock());
    expect(digest.stories[0]!.headline).toBe(HEADLINE);
    expect(fake.requests).toHaveLength(1);

    const after = await (await fetch(`${server.web.url}/`)).text();
    expect(after).toContain(HEADLINE);
    const story = /href="(\/stories\/[^"]+)"/.exec(after)![1]!.replace(/&amp;/g, '&');
    expect(await (await fetch(`${server.web.url}${story}`)).text()).toContain(`<h1>${HEADLINE}</h1>`);
    expect(fake.requests).toHaveLength(1);
  });
});
