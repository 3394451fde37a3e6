import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WebCryptoSha256 } from './webCryptoSha256';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('WebCryptoSha256', () => {
  it('hashes the empty input to the known SHA-256 of nothing', async () => {
    expect(hex(await new WebCryptoSha256().digest())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes strings (as UTF-8), bytes, views and buffers given over several updates as one input', async () => {
    const hash = new WebCryptoSha256();
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    hash.update('GET\n/backend/é\n');
    hash.update(bytes);
    hash.update(new DataView(bytes.buffer, 1, 3));
    hash.update(bytes.buffer);
    const expected = createHash('sha256')
      .update('GET\n/backend/é\n')
      .update(bytes)
      .update(bytes.subarray(1, 4))
      .update(bytes)
      .digest('hex');
    expect(hex(await hash.digest())).toBe(expected);
  });

  it('computes HMAC-SHA-256 with a secret, as the SigV4 key derivation needs (RFC 4231 case 2)', async () => {
    const hmac = new WebCryptoSha256('Jefe');
    hmac.update('what do ya want for nothing?');
    expect(hex(await hmac.digest())).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('chains HMACs over binary keys like the signing-key derivation', async () => {
    const kDate = await digestOf(new WebCryptoSha256('AWS4secret'), '20261130');
    const kRegion = await digestOf(new WebCryptoSha256(kDate), 'eu-west-1');
    const expectedDate = createHmac('sha256', 'AWS4secret').update('20261130').digest();
    expect(hex(kRegion)).toBe(createHmac('sha256', expectedDate).update('eu-west-1').digest('hex'));
  });

  it('forgets what it was given on reset, and a view into a larger buffer hashes only its window', async () => {
    const hash = new WebCryptoSha256();
    hash.update('discarded');
    hash.reset();
    const big = new Uint8Array([9, 9, 104, 105, 9]);
    hash.update(big.subarray(2, 4));
    expect(hex(await hash.digest())).toBe(createHash('sha256').update('hi').digest('hex'));
  });
});

async function digestOf(hash: WebCryptoSha256, data: string): Promise<Uint8Array> {
  hash.update(data);
  return hash.digest();
}
