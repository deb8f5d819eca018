import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Envelope encryption for the most sensitive fields (the individual number): each record has a data
 * key of its own, AES-256-GCM, and the data key is stored wrapped under the master key of the
 * configuration (a key management service's key in production). A sealed value is iv (12) | tag (16)
 * | ciphertext. Rotating the master key rewraps the data keys only.
 */
export interface MasterKey {
  id: string;
  key: Uint8Array;
}

export interface Sealed {
  keyId: string;
  wrappedKey: Uint8Array;
  ciphertext: Uint8Array;
}

export function masterKeyFrom(id: string, base64: string): MasterKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new RangeError('a master key is 32 bytes, in base64');
  return { id, key };
}

export function seal(master: MasterKey, plaintext: string, context: string): Sealed {
  const dataKey = randomBytes(32);
  try {
    return {
      keyId: master.id,
      wrappedKey: encrypt(master.key, dataKey, `${context}:key`),
      ciphertext: encrypt(dataKey, Buffer.from(plaintext, 'utf8'), context),
    };
  } finally {
    dataKey.fill(0);
  }
}

export function open(master: MasterKey, sealed: Sealed, context: string): string {
  if (sealed.keyId !== master.id) throw new Error(`sealed under master key ${sealed.keyId}, not ${master.id}`);
  const dataKey = decrypt(master.key, sealed.wrappedKey, `${context}:key`);
  try {
    return decrypt(dataKey, sealed.ciphertext, context).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}

/** The context (the record's id) is authenticated data: a sealed value copied to another record does not open. */
function encrypt(key: Uint8Array, plaintext: Uint8Array, context: string): Uint8Array {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

function decrypt(key: Uint8Array, sealed: Uint8Array, context: string): Buffer {
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
}
