/**
 * Sealing what the phone keeps (issue #17: the village on the device, encrypted at rest).
 * AES-GCM with a 256-bit key from the server (src/auth/offline-key.ts), imported as a
 * non-extractable CryptoKey; a fresh 96-bit IV per write (NIST SP 800-38D §8.2). The record's
 * storage key is the additional authenticated data, so a sealed value moved to another key
 * (another child) fails to open instead of showing the wrong child.
 */
export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

export function fromBase64url(s: string): Uint8Array<ArrayBuffer> {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function importKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64url(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

const aadOf = (k: string) => new TextEncoder().encode(`samanvay/offline/v1/${k}`);

export async function seal(key: CryptoKey, storageKey: string, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aadOf(storageKey) }, key, plain);
  return { iv, data };
}

/** Throws when the key is not the one it was sealed with (another session) or the value was altered. */
export async function unseal<T>(key: CryptoKey, storageKey: string, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: aadOf(storageKey) },
    key,
    sealed.data,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
