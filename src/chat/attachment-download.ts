/**
 * Downloads a file a user sent (from Telegram's file server or Discord's CDN, whose addresses come
 * from the platform itself, not from the user) as text, refusing more than `maxBytes`.
 */
export async function downloadText(url: string, maxBytes: number, timeoutMs = 30_000): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body) {
    throw new Error(`the file could not be downloaded (HTTP ${response.status}); send it again`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`the file is larger than ${Math.round(maxBytes / 1000)} KB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
