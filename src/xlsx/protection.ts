/**
 * A sheet password as SpreadsheetML keeps it (ECMA-376 Part 1, 18.3.1.85):
 * SHA-512 of a random salt and the UTF-16LE password, hashed again 100,000
 * times with the round number appended, as Excel itself writes it.
 */
import { sha512 } from '@noble/hashes/sha2';

const SPIN_COUNT = 100_000;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 * i] = code & 0xff;
    out[2 * i + 1] = code >> 8;
  }
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export interface PasswordHash {
  algorithmName: 'SHA-512';
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

export function passwordHash(password: string, salt: Uint8Array = crypto.getRandomValues(new Uint8Array(16))): PasswordHash {
  let hash = sha512(concat(salt, utf16le(password)));
  const round = new Uint8Array(hash.length + 4);
  const view = new DataView(round.buffer);
  for (let i = 0; i < SPIN_COUNT; i++) {
    round.set(hash);
    view.setUint32(hash.length, i, true);
    hash = sha512(round);
  }
  return { algorithmName: 'SHA-512', hashValue: base64(hash), saltValue: base64(salt), spinCount: SPIN_COUNT };
}

/** Hashes each password once: the sheets of one workbook share a password, and a hash takes a while on purpose. */
export function passwordHasher(): (password: string) => PasswordHash {
  const done = new Map<string, PasswordHash>();
  return (password) => {
    let hash = done.get(password);
    if (!hash) done.set(password, (hash = passwordHash(password)));
    return hash;
  };
}
