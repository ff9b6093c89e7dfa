import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { bodyCopy, decodeBody } from '../../src/proxy/bodyCopy.js';

const text = JSON.stringify({ object: 'client', id: 'client_1', sessions: [] });
const bytes = Buffer.from(text);

describe('bodyCopy', () => {
  test('keeps the chunks up to maxBytes, and drops the copy for good past it', () => {
    const copy = bodyCopy(10);
    expect(copy.add(Buffer.from('12345'))).toBe(true);
    expect(copy.add(Buffer.from('67890'))).toBe(true);
    expect(copy.bytes()?.toString()).toBe('1234567890');
    expect(copy.add(Buffer.from('x'))).toBe(false);
    expect(copy.add(Buffer.from(''))).toBe(false);
    expect(copy.bytes()).toBeUndefined();
  });
});

describe('decodeBody', () => {
  test.each([
    ['no content-encoding', bytes, undefined],
    ['identity', bytes, 'identity'],
    ['gzip', gzipSync(bytes), 'gzip'],
    ['x-gzip', gzipSync(bytes), 'X-Gzip'],
    ['deflate (zlib)', deflateSync(bytes), 'deflate'],
    ['deflate (raw, as some servers send it)', deflateRawSync(bytes), 'deflate'],
    ['br', brotliCompressSync(bytes), 'br'],
    ['gzip then br, undone from the last', brotliCompressSync(gzipSync(bytes)), 'gzip, br'],
  ])('%s decodes to the text', (_, body, encoding) => {
    expect(decodeBody(body, encoding, 1000)).toEqual({ text });
  });

  test('a body that decodes to more than maxBytes is oversized, however small compressed', () => {
    const large = gzipSync(Buffer.alloc(100_000, 'a'));
    expect(large.length).toBeLessThan(1000);
    expect(decodeBody(large, 'gzip', 50_000)).toEqual({ oversized: true });
    expect(decodeBody(bytes, undefined, 10)).toEqual({ oversized: true });
  });

  test('an unknown coding or a corrupt body is an error in words', () => {
    expect(decodeBody(bytes, 'zstd', 1000)).toEqual({ error: 'content-encoding "zstd" cannot be decoded' });
    expect(decodeBody(bytes, 'gzip', 1000)).toEqual({
      error: expect.stringMatching(/^cannot decode its gzip content-encoding: /),
    });
  });
});
