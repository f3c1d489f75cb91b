import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Manifest } from './model.js';

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';

export interface PackFile {
  name: string;
  bytes: Uint8Array;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The key id an agency compares with the one published at /police/api/signing-key. */
export function keyId(publicKey: KeyObject): string {
  return sha256(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);
}

export function buildManifest(
  files: readonly PackFile[],
  meta: { caseNumber: string; agency: string; createdAt: string; signerKeyId: string },
): Manifest {
  return {
    files: files.map((file) => ({ name: file.name, sha256: sha256(file.bytes), bytes: file.bytes.length })),
    ...meta,
  };
}

/**
 * The pack: the files, manifest.json (SHA-256 and size of each) and manifest.sig (Ed25519 over the
 * exact manifest bytes, base64). Anyone with the public key can tell whether any byte changed.
 */
export function buildEvidencePack(
  files: readonly PackFile[],
  meta: { caseNumber: string; agency: string; createdAt: string },
  privateKey: KeyObject,
  publicKey: KeyObject,
): Uint8Array {
  const manifest = buildManifest(files, { ...meta, signerKeyId: keyId(publicKey) });
  const manifestBytes = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  const signature = sign(null, manifestBytes, privateKey).toString('base64');
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.name] = file.bytes;
  entries[MANIFEST] = manifestBytes;
  entries[SIGNATURE] = strToU8(`${signature}\n`);
  // A fixed mtime keeps the ZIP a function of its contents.
  return zipSync(entries, { mtime: new Date('2000-01-01T00:00:00Z') });
}

export interface VerifyResult {
  ok: boolean;
  /** One sentence per problem, naming the file. */
  problems: string[];
  manifest: Manifest | null;
}

/** Checks the signature over the manifest, then every file's size and hash, and that nothing was added. */
export function verifyEvidencePack(zip: Uint8Array, publicKey: KeyObject): VerifyResult {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch {
    return { ok: false, problems: ['the pack is not a readable ZIP file'], manifest: null };
  }
  const manifestBytes = entries[MANIFEST];
  const signatureBytes = entries[SIGNATURE];
  if (!manifestBytes) return { ok: false, problems: [`${MANIFEST} is missing`], manifest: null };
  if (!signatureBytes) return { ok: false, problems: [`${SIGNATURE} is missing`], manifest: null };
  const problems: string[] = [];
  const signature = Buffer.from(strFromU8(signatureBytes).trim(), 'base64');
  if (!verify(null, manifestBytes, publicKey, signature))
    problems.push(
      `${MANIFEST}: the signature does not match (the manifest or signature changed, or another key signed it)`,
    );
  let manifest: Manifest;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes)) as Manifest;
    if (!Array.isArray(manifest.files)) throw new Error('no files');
  } catch {
    return { ok: false, problems: [...problems, `${MANIFEST} is not a manifest`], manifest: null };
  }
  if (manifest.signerKeyId !== keyId(publicKey))
    problems.push(`${MANIFEST}: signed by key ${manifest.signerKeyId}, not ${keyId(publicKey)}`);
  const listed = new Set<string>([MANIFEST, SIGNATURE]);
  for (const file of manifest.files) {
    listed.add(file.name);
    const bytes = entries[file.name];
    if (!bytes) problems.push(`${file.name} is missing`);
    else if (bytes.length !== file.bytes || sha256(bytes) !== file.sha256)
      problems.push(`${file.name} was changed`);
  }
  for (const name of Object.keys(entries))
    if (!listed.has(name)) problems.push(`${name} is not in the manifest`);
  return { ok: problems.length === 0, problems, manifest };
}
