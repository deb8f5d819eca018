import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { masterKeyFrom, open, seal } from './envelope';

const master = masterKeyFrom('test-1', randomBytes(32).toString('base64'));

describe('envelope encryption of an individual number', () => {
  test('sealed and opened again; neither the number nor its digits are in what is stored', () => {
    const sealed = seal(master, '123456789018', 'volunteer-a');
    expect(open(master, sealed, 'volunteer-a')).toBe('123456789018');
    for (const bytes of [sealed.wrappedKey, sealed.ciphertext]) {
      expect(Buffer.from(bytes).toString('latin1')).not.toContain('123456789018');
      expect(Buffer.from(bytes).toString('hex')).not.toContain(Buffer.from('123456789018').toString('hex'));
    }
  });

  test('each record has its own data key: the same number seals differently', () => {
    const first = seal(master, '123456789018', 'volunteer-a');
    const second = seal(master, '123456789018', 'volunteer-a');
    expect(Buffer.from(first.wrappedKey).equals(Buffer.from(second.wrappedKey))).toBe(false);
    expect(Buffer.from(first.ciphertext).equals(Buffer.from(second.ciphertext))).toBe(false);
  });

  test('a value copied to another record, a changed byte or another master key does not open', () => {
    const sealed = seal(master, '123456789018', 'volunteer-a');
    expect(() => open(master, sealed, 'volunteer-b')).toThrow();
    const tampered = Uint8Array.from(sealed.ciphertext);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => open(master, { ...sealed, ciphertext: tampered }, 'volunteer-a')).toThrow();
    const other = masterKeyFrom('test-1', randomBytes(32).toString('base64'));
    expect(() => open(other, sealed, 'volunteer-a')).toThrow();
  });

  test('a master key is 32 bytes', () => {
    expect(() => masterKeyFrom('short', Buffer.alloc(16).toString('base64'))).toThrow(RangeError);
  });
});
