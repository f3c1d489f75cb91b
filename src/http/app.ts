import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Caveat } from '../app/caveat.js';
import { Authenticator, SESSION_COOKIE } from './auth.js';
import { clientErrorHandler, frameworkErrors } from './framework-refusals.js';
import { installInputHygiene } from './input-hygiene.js';
import { installProblemHandlers } from './problem.js';
import { adminRoutes } from './routes/admin.js';
import { jurisdictionDirectoryRoutes } from './routes/jurisdiction-directory.js';
import { campaignRoutes } from './routes/campaigns.js';
import { campaignPublishRoutes } from './routes/campaign-publish.js';
import { reviewRoutes } from './routes/review.js';
import { demoRoutes } from './routes/demo.js';
import { consoleAccountRoutes } from './routes/console-account.js';
import { consoleSessionRoutes } from './routes/console-session.js';
import { eventRoutes } from './routes/events.js';
import { decisionRoutes } from './routes/decisions.js';
import { healthRoutes } from './routes/health.js';
import { intelligenceRoutes } from './routes/intelligence.js';
import { publicJurisdictionRoutes } from './routes/public-jurisdictions.js';
import { policePortalRoutes } from './routes/police-portal.js';
import { policeRequestRoutes } from './routes/police-requests.js';
import { quizRoutes } from './routes/quiz.js';
import { relayRoutes } from './routes/relay.js';
import { reportRoutes } from './routes/reports.js';
import { scamReportRoutes } from './routes/scam-reports.js';
import { screeningRoutes } from './routes/screenings.js';
import { userRoutes } from './routes/users.js';
import { DEFAULT_PUBLIC_DIR, webRoutes } from './routes/web.js';

export interface HttpApp {
  app: FastifyInstance;
  auth: Authenticator;
}

/** The Fastify application: routes, auth, problem+json errors, OpenAPI at /docs. */
export interface HttpOptions {
  /** Serve the demo withdrawal page and its /demo/screenings stand-in for an exchange backend. */
  demo?: boolean;
  /** The directory holding the warning and console builds (default: the package's public/). */
  publicDir?: string;
}

export async function buildHttpApp(caveat: Caveat, options: HttpOptions = {}): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: caveat.logger as FastifyBaseLogger,
    // Per-request lines cost throughput on the hot path; the onResponse hook logs at debug instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    // Refusals by the router and by Node's HTTP parser leave as problem+json too.
    frameworkErrors,
    clientErrorHandler,
    // Behind a TLS-terminating proxy: the client's address (rate limits) and https (Secure cookies).
    trustProxy: caveat.config.trustProxy,
    // Reject what is wrong instead of quietly fixing it: no type coercion, no dropped fields.
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true, useDefaults: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // The demo signs in with published passwords and no phone: the second factor is not asked there.
  const requireTotp = caveat.config.consoleRequireTotpForAdmins && options.demo !== true;
  const auth = new Authenticator(caveat.apiKeys, caveat.tokens, caveat.users, caveat.csrfKey, requireTotp);
  // A key revoked on any instance stops working here as soon as the revocation commits.
  const unsubscribe = await auth.subscribe(caveat.db);
  app.addHook('onClose', async () => unsubscribe().catch(() => undefined));

  installProblemHandlers(app);
  installInputHygiene(app);
  app.addHook('onResponse', async (request, reply) => {
    caveat.metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500)
      request.log.warn({ status: reply.statusCode, route: request.routeOptions.url }, 'server error');
    else
      request.log.debug(
        { status: reply.statusCode, route: request.routeOptions.url, ms: reply.elapsedTime },
        'request',
      );
  });

  await app.register(cookie);
  await app.register(cors, {
    origin: caveat.config.corsOrigins.length > 0 ? caveat.config.corsOrigins : false,
    allowedHeaders: ['authorization', 'content-type'],
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'caveat',
        version: '0.1.0',
        description:
          'Screen withdrawals, warn with police-partner content, record reactions, measure, relay.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          // Console sessions; changes also need the x-csrf-token header from GET /v1/console/session.
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes(caveat));
  await app.register(screeningRoutes(caveat, auth));
  await app.register(eventRoutes(caveat, auth));
  await app.register(decisionRoutes(caveat, auth));
  await app.register(consoleSessionRoutes(caveat, auth));
  await app.register(consoleAccountRoutes(caveat, auth));
  await app.register(adminRoutes(caveat, auth));
  await app.register(jurisdictionDirectoryRoutes(caveat, auth));
  await app.register(campaignRoutes(caveat, auth));
  await app.register(campaignPublishRoutes(caveat, auth));
  await app.register(reviewRoutes(caveat, auth));
  await app.register(userRoutes(caveat, auth));
  await app.register(reportRoutes(caveat, auth));
  await app.register(intelligenceRoutes(caveat, auth));
  await app.register(publicJurisdictionRoutes(caveat));
  await app.register(relayRoutes(caveat, auth));
  await app.register(scamReportRoutes(caveat, auth));
  await app.register(policePortalRoutes(caveat));
  await app.register(policeRequestRoutes(caveat, auth));
  await app.register(quizRoutes(caveat, auth));
  await app.register(
    webRoutes({ demo: options.demo === true, publicDir: options.publicDir ?? DEFAULT_PUBLIC_DIR }),
  );
  if (options.demo) await app.register(demoRoutes);
  return { app, auth };
}
