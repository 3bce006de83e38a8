// Reading a response or a stream with a byte cap, enforced while the bytes arrive (issue 12):
// a hostile or broken server must not make a page hold gigabytes before anything checks a size.

import { EncartError } from './errors.js';
import { CODES } from './vocabulary.js';

/** The most a bundle or feed may hold: the core's own limit (ParseOptions::max_bytes). */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
/** A views file: about 30 bytes per article, so room for several million articles. */
export const MAX_VIEWS_BYTES = 64 * 1024 * 1024;

/**
 * Every byte of `stream`, or EncartError `too_large` as soon as there are more than `max`.
 * @param {ReadableStream<Uint8Array>} stream
 * @param {number} max
 * @param {string} what names the input in the error ("https://…/articles.json")
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
export async function readCapped(stream, max, what) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new EncartError(CODES.too_large, `${what}: more than ${max} bytes, over the limit`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The body of a successful `response`, at most `max` bytes: refused at once when its
 * Content-Length says more, else while it streams (the header may be absent or wrong).
 * @param {Response} response
 * @param {number} max
 * @param {string} what
 */
export async function responseBytes(response, max, what) {
  const length = Number(response.headers.get('content-length'));
  if (length > max) throw new EncartError(CODES.too_large, `${what}: ${length} bytes, over the limit of ${max}`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer()); // an empty body
  return readCapped(response.body, max, what);
}
