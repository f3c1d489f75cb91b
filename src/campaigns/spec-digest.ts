import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import stableStringify from 'safe-stable-stringify';
import type { CampaignSpec } from './spec.js';

/**
 * Names exactly the text a publish preview showed: a draft keeps its version number while it is
 * edited, so the number alone cannot tell a publish that the draft changed after the preview.
 */
export function specDigest(spec: CampaignSpec): string {
  return bytesToHex(sha256(utf8ToBytes(stableStringify(spec) ?? ''))).slice(0, 32);
}
