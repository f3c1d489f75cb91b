import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { verifyEvidencePack } from '../police-requests/evidence-pack.js';
import type { SigningKeyView } from '../police-requests/model.js';

export interface EvidenceVerifyOptions {
  /** A PEM file with the exchange's public key. */
  key?: string | undefined;
  /** A caveat to fetch it from (GET /police/api/signing-key). */
  url?: string | undefined;
}

interface Output {
  write(text: string): unknown;
}

/**
 * `caveat evidence verify PACK`: checks the signature over the manifest and every file's SHA-256.
 * Returns the exit code: 0 when all checks pass, 1 naming what changed, 2 when it cannot check.
 */
export async function evidenceVerifyCommand(
  pack: string,
  options: EvidenceVerifyOptions,
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  let publicKey: KeyObject;
  try {
    publicKey = await loadKey(options);
  } catch (error) {
    err.write(`caveat: cannot read the signing key: ${(error as Error).message}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(pack);
  } catch (error) {
    err.write(`caveat: cannot read ${pack}: ${(error as Error).message}\n`);
    return 2;
  }
  const result = verifyEvidencePack(bytes, publicKey);
  if (!result.ok) {
    err.write(`${pack}: NOT VERIFIED\n${result.problems.map((p) => `  ${p}\n`).join('')}`);
    return 1;
  }
  const manifest = result.manifest;
  out.write(
    `${pack}: verified — case ${manifest?.caseNumber ?? '?'} for ${manifest?.agency ?? '?'}, ` +
      `${manifest?.files.length ?? 0} files, signed ${manifest?.createdAt ?? '?'} by key ${manifest?.signerKeyId ?? '?'}\n` +
      (manifest?.files.map((f) => `  ${f.sha256}  ${f.name} (${f.bytes} bytes)\n`).join('') ?? ''),
  );
  return 0;
}

async function loadKey(options: EvidenceVerifyOptions): Promise<KeyObject> {
  if (options.key) return createPublicKey(await readFile(options.key, 'utf8'));
  const base = (options.url ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
  const response = await fetch(`${base}/police/api/signing-key`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${base} answered ${response.status}`);
  const key = (await response.json()) as SigningKeyView;
  return createPublicKey(key.publicKeyPem);
}
