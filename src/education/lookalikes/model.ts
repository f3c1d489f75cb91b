import type { SiteTrick } from '../model.js';

/** An official site as the quiz writes about it. */
export interface OfficialSite {
  brand: string;
  /** binance.com */
  registrable: string;
  /** binance */
  label: string;
  /** com */
  suffix: string;
}

/** A made-up site imitating the official one, with what its explanation needs to say. */
export interface LookalikeSite {
  /** As people see it (Unicode for homoglyphs). */
  shown: string;
  /** The hostname as the browser sends it (punycode), what the detector is asked about. */
  ascii: string;
  /** The details the explanation names: the real owner's site, the other ending, the platform. */
  site?: string;
  tld?: string;
  platform?: string;
}

/**
 * One transformation the lookalike detector recognises, run the other way round: from an official
 * site to candidates. Candidates are checked against the detector before they are used.
 */
export interface LookalikeMaker {
  trick: SiteTrick;
  make(official: OfficialSite): LookalikeSite[];
}

/** The ASCII (punycode) form of a hostname, as a browser's URL parser makes it. */
export function asciiHost(shown: string): string {
  return new URL(`http://${shown}/`).hostname;
}
