import type { LookalikeMaker } from './model.js';

// Hosting services that give anyone a name under theirs (the Public Suffix List's private section).
const PLATFORMS: { prefix: string; platform: string }[] = [
  { prefix: '-support', platform: 'web.app' },
  { prefix: '-login', platform: 'pages.dev' },
  { prefix: '-verify', platform: 'vercel.app' },
];

/** binance-support.web.app: a page anyone can open on a hosting platform, named after the brand. */
export const hostingPlatform: LookalikeMaker = {
  trick: 'hosting_platform',
  make: (official) =>
    PLATFORMS.map(({ prefix, platform }) => {
      const shown = `${official.label}${prefix}.${platform}`;
      return { shown, ascii: shown, platform };
    }),
};
