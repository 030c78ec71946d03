import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebTestServer, type WebTestServer } from '../helpers/web-test-server.js';

/**
 * Past days on a clock the test moves: the sample is read on 10 January, and looked at two days
 * later. Its day's digest, its story's page and its articles' addresses all find the same story.
 */
let now = Date.parse('2026-01-10T12:00:00Z');
let server: WebTestServer;

beforeAll(async () => {
  server = await startWebTestServer({
    now: () => new Date(now),
    yaml: 'digest:\n  timeZone: Europe/Berlin\n',
  });
  now = Date.parse('2026-01-12T09:00:00Z');
});

afterAll(async () => {
  await server?.close();
});

const get = async (path: string) => {
  const response = await fetch(`${server.web.url}${path}`, { redirect: 'manual' });
  const body = await response.text();
  const text = body.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
  return { status: response.status, body, text, location: response.headers.get('location') };
};

describe('past days', () => {
  it('show a day’s digest as it stood at the end of that day, and lead to its stories', async () => {
    expect((await get('/')).text).toContain('0 stories from 0 articles');
    const day = await get('/days/2026-01-10');
    expect(day.status).toBe(200);
    expect(day.text).toContain('Digest of 2026-01-10');
    // The end of 10 January in Berlin is 22:59:59.999 UTC.
    const story = /href="(\/stories\/[0-9a-f]{16}\?until=2026-01-10T22%3A59%3A59\.999Z)"/.exec(day.body)![1]!;
    const page = await get(story);
    expect(page.status).toBe(200);
    expect(page.text).toContain('From the digest of 2026-01-10');
    expect(page.body).toContain('href="/days/2026-01-10"');
    expect(day.body).toContain('href="/days/2026-01-11" rel="next"');
    expect(day.body).toContain('href="/days/2026-01-09" rel="prev"');

    // A quote's article leads to the same story address.
    const api = (await (await fetch(`${server.web.url}/api/speakers/mike+pompeo`)).json()) as {
      quotes: { storyPath: string }[];
    };
    expect((await get(api.quotes[0]!.storyPath)).location).toBe(story);
    expect((await get('/days/2026-01-11')).text).toContain('0 stories from 0 articles');
    expect((await get('/days/2026-01-12')).location).toBe('/');
    expect((await get('/days/2026-01-13')).status).toBe(404);
  });
});
