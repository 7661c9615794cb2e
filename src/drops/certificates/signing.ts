import {
  createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, sign, verify, type KeyObject,
} from 'node:crypto';

/**
 * The cryptography of certificates, all node:crypto: Ed25519 signatures, the canonical payload, owner
 * pseudonyms (HMAC-SHA256) and private keys sealed at rest (scrypt + AES-256-GCM).
 */

export const PAYLOAD_VERSION = 1;

/** What a certificate signs. Ids are raw uuids; issuedAt is ISO 8601 UTC with milliseconds. */
export interface CertificatePayload {
  v: number;
  serial: string;
  brandId: string;
  editionId: string;
  number: number;
  editionSize: number;
  productId: string;
  variantId: string;
  ownerPseudonym: string;
  keyId: string;
  issuedAt: string;
}

const PAYLOAD_KEYS = ['brandId', 'editionId', 'editionSize', 'issuedAt', 'keyId', 'number', 'ownerPseudonym', 'productId', 'serial', 'v', 'variantId'] as const;

/**
 * Canonical JSON: exactly these keys in ascending code-point order, no whitespace, strings and integers as
 * JSON.stringify writes them (for these value types that is RFC 8785 JCS). The replacer array fixes the order.
 */
export function canonicalPayload(payload: CertificatePayload): string {
  return JSON.stringify(payload, [...PAYLOAD_KEYS]);
}

/** The payload when `text` is exactly its own canonical form with every field of the right type, else null. */
export function parseCanonicalPayload(text: string): CertificatePayload | null {
  try {
    const parsed = JSON.parse(text) as CertificatePayload;
    const keys = Object.keys(parsed).sort();
    const ints = [parsed.v, parsed.number, parsed.editionSize];
    const strings = [parsed.serial, parsed.brandId, parsed.editionId, parsed.productId, parsed.variantId, parsed.ownerPseudonym, parsed.keyId, parsed.issuedAt];
    if (keys.join() !== [...PAYLOAD_KEYS].join() || !ints.every(Number.isSafeInteger) || !strings.every((s) => typeof s === 'string')) return null;
    return canonicalPayload(parsed) === text ? parsed : null;
  } catch {
    return null;
  }
}

const SERIAL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // RFC 4648 base32
export const SERIAL_PATTERN = /^FC-[A-Z2-7]{16}$/;

/** "FC-" + 16 base32 characters: 80 random bits (each random byte's low 5 bits, uniform since 256 = 8 x 32). */
export function newSerial(): string {
  return 'FC-' + Array.from(randomBytes(16), (b) => SERIAL_ALPHABET[b & 31]).join('');
}

/** Serials are read case-insensitively and without surrounding spaces (people type them from a card). */
export const normalizeSerial = (serial: string) => serial.trim().toUpperCase();

export function signPayload(payload: string, privateKey: KeyObject): string {
  return sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64url');
}

export function verifyPayload(payload: string, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(payload, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** The same customer gets the same pseudonym within a brand and unrelated ones across brands; it reveals nothing. */
export function ownerPseudonym(secret: string, brandId: string, customerId: string): string {
  const brandSecret = createHmac('sha256', secret).update(`owner-pseudonym:${brandId}`).digest();
  return createHmac('sha256', brandSecret).update(customerId).digest('base64url');
}

const SCRYPT = { N: 16384, r: 8, p: 1 };

/** AAD binds the sealed key to its row: a sealed key copied onto another key id or brand does not open. */
const aadOf = (keyId: string, brandId: string) => Buffer.from(`brand-signing-key:${keyId}:${brandId}`);

/** "scrypt-aes256gcm$<salt>$<iv>$<tag>$<ciphertext>" (base64url), a fresh salt per key. */
export function sealPrivateKey(secret: string, keyId: string, brandId: string, privateKey: KeyObject): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', scryptSync(secret, salt, 32, SCRYPT), iv).setAAD(aadOf(keyId, brandId));
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const sealed = Buffer.concat([cipher.update(der), cipher.final()]);
  return ['scrypt-aes256gcm', salt, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('$');
}

export function openPrivateKey(secret: string, keyId: string, brandId: string, sealed: string): KeyObject {
  const [scheme, salt, iv, tag, data] = sealed.split('$');
  if (scheme !== 'scrypt-aes256gcm' || !data) throw new Error(`Signing key ${keyId}: unknown sealing scheme`);
  const b = (s: string) => Buffer.from(s, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', scryptSync(secret, b(salt), 32, SCRYPT), b(iv)).setAAD(aadOf(keyId, brandId));
  decipher.setAuthTag(b(tag));
  return createPrivateKey({ key: Buffer.concat([decipher.update(b(data)), decipher.final()]), format: 'der', type: 'pkcs8' });
}

export function newKeyPair(): { publicKeyPem: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), privateKey };
}
