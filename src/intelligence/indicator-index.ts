import { decodeKey, encodeKey, hashBytes } from './compact-key-codec.js';
import { INDICATOR_KINDS, type IndicatorKind } from './identifiers/identifier.js';
import {
  INDICATOR_SOURCES,
  RISK_LEVELS,
  SCAM_TYPES,
  mergeIndicators,
  type Indicator,
  type IndicatorSource,
} from './indicator.js';

const MAX_KEY_BYTES = 8192;
const MAX_LOAD = 0.7;
const NEVER = 0;

/**
 * An in-memory map from normalized key to indicator, built to hold ten million indicators in one
 * Node process. A V8 Map of objects costs several hundred bytes per entry; here each indicator is a
 * slot number into parallel typed arrays, keys live packed in one byte arena, and an
 * open-addressing table of slot numbers finds them. Strings (scam types, jurisdiction sets) are
 * interned. Times are kept in whole seconds.
 */
export class IndicatorIndex {
  private slotCapacity: number;
  private count = 0;
  private arena: Uint8Array;
  private arenaUsed = 0;
  private keyOffset: Uint32Array;
  private keyLength: Uint16Array;
  private keyHash: Uint32Array;
  private kind: Uint8Array;
  private sources: Uint8Array;
  private risk: Uint8Array;
  private scamType: Uint8Array;
  private firstSeen: Uint32Array;
  private lastSeen: Uint32Array;
  private expiresAt: Uint32Array;
  private reportCount: Uint32Array;
  private jurisdictionSet: Uint32Array;
  private table: Int32Array;
  private readonly jurisdictionSets: string[][] = [[]];
  private readonly jurisdictionSetIds = new Map<string, number>([['', 0]]);
  private readonly scratch = new Uint8Array(MAX_KEY_BYTES * 4);

  constructor(expectedSize = 1024, expectedKeyBytes = 32) {
    this.slotCapacity = Math.max(16, expectedSize);
    this.arena = new Uint8Array(Math.max(1024, this.slotCapacity * expectedKeyBytes));
    this.keyOffset = new Uint32Array(this.slotCapacity);
    this.keyLength = new Uint16Array(this.slotCapacity);
    this.keyHash = new Uint32Array(this.slotCapacity);
    this.kind = new Uint8Array(this.slotCapacity);
    this.sources = new Uint8Array(this.slotCapacity);
    this.risk = new Uint8Array(this.slotCapacity);
    this.scamType = new Uint8Array(this.slotCapacity);
    this.firstSeen = new Uint32Array(this.slotCapacity);
    this.lastSeen = new Uint32Array(this.slotCapacity);
    this.expiresAt = new Uint32Array(this.slotCapacity);
    this.reportCount = new Uint32Array(this.slotCapacity);
    this.jurisdictionSet = new Uint32Array(this.slotCapacity);
    this.table = new Int32Array(tableSizeFor(this.slotCapacity));
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the typed arrays (the interned strings are few and not counted). */
  get byteLength(): number {
    const perSlot = 4 + 2 + 4 + 1 + 1 + 1 + 1 + 4 + 4 + 4 + 4 + 4;
    return this.slotCapacity * perSlot + this.arena.byteLength + this.table.byteLength;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** The indicator for a normalized key, or undefined. Expiry is the caller's concern. */
  get(key: string): Indicator | undefined {
    const slot = this.find(key);
    return slot < 0 ? undefined : this.read(slot, key);
  }

  /** Adds an indicator or merges it into the one with the same key; returns what is now stored. */
  upsert(indicator: Indicator): Indicator {
    return this.store(indicator, true);
  }

  /** Adds an indicator or replaces the one with the same key (reloading what the store holds). */
  put(indicator: Indicator): Indicator {
    return this.store(indicator, false);
  }

  private store(indicator: Indicator, merge: boolean): Indicator {
    const length = this.encode(indicator.key);
    const hash = hashBytes(this.scratch, length);
    const found = this.probe(hash, length);
    if (found.slot >= 0) {
      const next = merge ? mergeIndicators(this.read(found.slot, indicator.key), indicator) : indicator;
      this.write(found.slot, next);
      return next;
    }
    const slot = this.append(hash, length);
    this.table[found.tableIndex] = slot + 1;
    this.write(slot, indicator);
    if (this.count > this.table.length * MAX_LOAD) this.rehash(this.table.length * 2);
    return this.read(slot, indicator.key);
  }

  /** Every indicator, in insertion order (for export and snapshot rebuilds). */
  *entries(): IterableIterator<Indicator> {
    for (let slot = 0; slot < this.count; slot += 1) {
      const offset = this.keyOffset[slot] ?? 0;
      const key = decodeKey(this.arena.subarray(offset, offset + (this.keyLength[slot] ?? 0)));
      yield this.read(slot, key);
    }
  }

  private find(key: string): number {
    const length = this.encode(key);
    return this.probe(hashBytes(this.scratch, length), length).slot;
  }

  private encode(key: string): number {
    if (key.length === 0 || key.length > MAX_KEY_BYTES)
      throw new RangeError('index key must have 1 to 8192 characters');
    return encodeKey(key, this.scratch);
  }

  /** Linear probing; returns the slot holding the scratch key, or -1 and the free table index. */
  private probe(hash: number, length: number): { slot: number; tableIndex: number } {
    const mask = this.table.length - 1;
    for (let index = hash & mask; ; index = (index + 1) & mask) {
      const entry = this.table[index] ?? 0;
      if (entry === 0) return { slot: -1, tableIndex: index };
      const slot = entry - 1;
      if (this.keyHash[slot] === hash && this.keyLength[slot] === length && this.sameBytes(slot, length)) {
        return { slot, tableIndex: index };
      }
    }
  }

  private sameBytes(slot: number, length: number): boolean {
    const offset = this.keyOffset[slot] ?? 0;
    for (let i = 0; i < length; i += 1) if (this.arena[offset + i] !== this.scratch[i]) return false;
    return true;
  }

  private append(hash: number, length: number): number {
    if (this.count === this.slotCapacity) this.growSlots(this.slotCapacity * 2);
    if (this.arenaUsed + length > this.arena.length) {
      this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + length));
    }
    this.arena.set(this.scratch.subarray(0, length), this.arenaUsed);
    const slot = this.count;
    this.keyOffset[slot] = this.arenaUsed;
    this.keyLength[slot] = length;
    this.keyHash[slot] = hash;
    this.arenaUsed += length;
    this.count += 1;
    return slot;
  }

  private write(slot: number, indicator: Indicator): void {
    this.kind[slot] = INDICATOR_KINDS.indexOf(indicator.kind);
    this.sources[slot] = indicator.sources.reduce((bits, s) => bits | (1 << INDICATOR_SOURCES.indexOf(s)), 0);
    this.risk[slot] = RISK_LEVELS.indexOf(indicator.riskLevel);
    this.scamType[slot] = SCAM_TYPES.indexOf(indicator.scamType);
    this.firstSeen[slot] = toSeconds(indicator.firstSeenMs);
    this.lastSeen[slot] = toSeconds(indicator.lastSeenMs);
    this.expiresAt[slot] =
      indicator.expiresAtMs === null ? NEVER : Math.max(1, toSeconds(indicator.expiresAtMs));
    this.reportCount[slot] = Math.min(indicator.reportCount, 0xffffffff);
    this.jurisdictionSet[slot] = this.internJurisdictions(indicator.jurisdictions);
  }

  private read(slot: number, key: string): Indicator {
    const sourceBits = this.sources[slot] ?? 0;
    const expires = this.expiresAt[slot] ?? NEVER;
    return {
      kind: INDICATOR_KINDS[this.kind[slot] ?? 0] as IndicatorKind,
      key,
      sources: INDICATOR_SOURCES.filter((_, bit) => (sourceBits & (1 << bit)) !== 0) as IndicatorSource[],
      scamType: SCAM_TYPES[this.scamType[slot] ?? 0] ?? 'unknown',
      riskLevel: RISK_LEVELS[this.risk[slot] ?? 0] ?? 'low',
      firstSeenMs: (this.firstSeen[slot] ?? 0) * 1000,
      lastSeenMs: (this.lastSeen[slot] ?? 0) * 1000,
      reportCount: this.reportCount[slot] ?? 0,
      jurisdictions: [...(this.jurisdictionSets[this.jurisdictionSet[slot] ?? 0] ?? [])],
      expiresAtMs: expires === NEVER ? null : expires * 1000,
    };
  }

  private internJurisdictions(jurisdictions: readonly string[]): number {
    const sorted = [...new Set(jurisdictions)].sort();
    const name = sorted.join(',');
    const known = this.jurisdictionSetIds.get(name);
    if (known !== undefined) return known;
    const id = this.jurisdictionSets.length;
    this.jurisdictionSets.push(sorted);
    this.jurisdictionSetIds.set(name, id);
    return id;
  }

  private growSlots(capacity: number): void {
    this.slotCapacity = capacity;
    this.keyOffset = grown(this.keyOffset, capacity);
    this.keyLength = grown(this.keyLength, capacity);
    this.keyHash = grown(this.keyHash, capacity);
    this.kind = grown(this.kind, capacity);
    this.sources = grown(this.sources, capacity);
    this.risk = grown(this.risk, capacity);
    this.scamType = grown(this.scamType, capacity);
    this.firstSeen = grown(this.firstSeen, capacity);
    this.lastSeen = grown(this.lastSeen, capacity);
    this.expiresAt = grown(this.expiresAt, capacity);
    this.reportCount = grown(this.reportCount, capacity);
    this.jurisdictionSet = grown(this.jurisdictionSet, capacity);
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    const mask = size - 1;
    for (let slot = 0; slot < this.count; slot += 1) {
      let index = (this.keyHash[slot] ?? 0) & mask;
      while (this.table[index] !== 0) index = (index + 1) & mask;
      this.table[index] = slot + 1;
    }
  }
}

function tableSizeFor(slots: number): number {
  let size = 16;
  while (size * MAX_LOAD < slots) size *= 2;
  return size;
}

function toSeconds(ms: number): number {
  return Math.min(0xffffffff, Math.max(0, Math.floor(ms / 1000)));
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array;
function grown<T extends TypedArray>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}
