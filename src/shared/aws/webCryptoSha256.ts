import type { Checksum, SourceData } from '@smithy/types';

const encoder = new TextEncoder();
const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;

function toBytes(data: SourceData): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return encoder.encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  return new Uint8Array(data).slice();
}

/**
 * SHA-256 and HMAC-SHA-256 for the SigV4 signer, on the browser's WebCrypto alone. The signer takes
 * any hash constructor (`new Sha256()` to hash, `new Sha256(secret)` for HMAC); every browser this
 * app runs in has `crypto.subtle`, so the pure-JS fallback that `@aws-crypto/sha256-browser` carries
 * would be bytes on the first load that never run.
 */
export class WebCryptoSha256 implements Checksum {
  private chunks: Uint8Array<ArrayBuffer>[] = [];
  private readonly key: Promise<CryptoKey> | undefined;

  constructor(secret?: SourceData) {
    this.key = secret === undefined ? undefined : crypto.subtle.importKey('raw', toBytes(secret), HMAC, false, ['sign']);
    // A key that fails to import fails digest(); until then it must not count as unhandled.
    this.key?.catch(() => undefined);
  }

  update(data: SourceData): void {
    this.chunks.push(toBytes(data));
  }

  async digest(): Promise<Uint8Array> {
    const data = this.joined();
    const result = this.key ? await crypto.subtle.sign(HMAC, await this.key, data) : await crypto.subtle.digest('SHA-256', data);
    return new Uint8Array(result);
  }

  reset(): void {
    this.chunks = [];
  }

  private joined(): Uint8Array<ArrayBuffer> {
    if (this.chunks.length === 1) return this.chunks[0] as Uint8Array<ArrayBuffer>;
    const total = this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    const joined = new Uint8Array(total);
    let offset = 0;
    for (const chunk of this.chunks) {
      joined.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return joined;
  }
}
