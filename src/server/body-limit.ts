/**
 * Reading request bodies under a limit enforced while they stream (R13, #17.2), for web streams (the
 * app's Request) and for Node's IncomingMessage (the site server, before Astro sees the request).
 */
import type { IncomingMessage } from 'node:http';

/**
 * Reads a body up to `limit` bytes, stopping (and cancelling the stream, so the rest is never pulled)
 * the moment it is passed, rather than reading everything and checking after.
 */
export async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; read: number }> {
  if (!stream) return { ok: true, bytes: new Uint8Array(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel('body over the limit').catch(() => undefined);
      return { ok: false, read: total };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

/**
 * Reads a Node request's body up to `limit` bytes. Over the limit (declared or as it streams) it stops
 * reading and leaves the socket paused, not destroyed, so the caller can still answer 413 (with
 * `Connection: close`, which ends the socket once the answer is sent).
 */
export function readNodeBodyLimited(req: IncomingMessage, limit: number): Promise<{ ok: true; bytes: Buffer } | { ok: false }> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.pause();
    return Promise.resolve({ ok: false });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        stop();
        req.pause();
        resolve({ ok: false });
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve({ ok: true, bytes: Buffer.concat(chunks, total) });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
