import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Caveat } from '../../app/caveat.js';

const PublicJurisdiction = Type.Object({
  code: Type.String({ description: 'ISO 3166 code; also the region national phone numbers are read in' }),
  name: Type.String(),
  defaultLocale: Type.String(),
  locales: Type.Array(Type.String()),
});

/**
 * The jurisdictions caveat serves and their languages, for the public /check page and the demo
 * page: they follow what exists instead of a list written into the page.
 */
export function publicJurisdictionRoutes(caveat: Caveat): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/public/jurisdictions',
      {
        schema: {
          tags: ['campaigns'],
          summary: 'The jurisdictions and their locales (names and codes only; public)',
          response: { 200: Type.Object({ jurisdictions: Type.Array(PublicJurisdiction) }) },
        },
      },
      async (_request, reply) => {
        const jurisdictions = await caveat.campaigns.listJurisdictions();
        // Changes are rare; a minute of caching keeps a busy /check page off the store.
        reply.header('cache-control', 'public, max-age=60');
        return {
          jurisdictions: jurisdictions.map(({ code, name, defaultLocale, locales }) => ({
            code,
            name,
            defaultLocale,
            locales,
          })),
        };
      },
    );
  };
}
