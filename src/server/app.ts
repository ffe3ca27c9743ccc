// The Fastify application: plugins (external → app → routes), one error shape, OpenAPI at
// /api/docs, the REST API under /api/v1, and the built web console at /.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../store/db.js';
import authPlugin, { type AuthOptions } from './auth.js';
import calendarPlugin from './calendar.js';
import { errorBody, installErrorHandler } from './errors.js';
import { healthRoutes } from './routes/home.js';
import { apiRoutes } from './routes/index.js';
import './types.js';

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  auth?: AuthOptions;
  /** Directory of the built console; defaults to dist/web next to the package. */
  webRoot?: string | null;
  /** Requests per minute per client on the rate-limited routes. */
  rateLimits?: Partial<RateLimits>;
}

export interface RateLimits {
  /** Login and password attempts. */
  login: number;
  /** The public complaint channel. */
  public: number;
  /** Any other rate-limited route. */
  default: number;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** Declares an onRequest/preHandler hook (authentication); public routes have none. */
  authenticated: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RegisteredRoute[];
    rateLimits: RateLimits;
  }
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.decorate('database', opts.database);
  app.decorate('rateLimits', { login: 20, public: 30, default: 60, ...opts.rateLimits });
  // Every route, for the authorization test that walks them all.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routeTable.push({
        method,
        url: route.url,
        authenticated: Boolean(route.onRequest ?? route.preHandler),
      });
    }
  });

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    max: app.rateLimits.default,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      ...errorBody(`请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`),
    }),
  });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Wenze 问责 API',
        description:
          '行政执法过错责任追究系统 REST API。认证：登录后的会话 Cookie；变更请求须带 X-CSRF-Token 头。',
        version: '1',
      },
      tags: [
        { name: 'auth', description: '认证' },
        { name: 'agencies', description: '执法机关' },
        { name: 'officers', description: '执法人员' },
        { name: 'users', description: '用户与角色' },
        { name: 'rulebook', description: '规则库与责任认定' },
        { name: 'public', description: '公众投诉（无需登录）' },
        { name: 'leads', description: '线索与移送' },
        { name: 'cases', description: '追责案件' },
        { name: 'supervision', description: '全程监督：执法行为、检测发现、过错预警' },
        { name: 'system', description: '系统' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, opts.auth ?? {});
  await app.register(calendarPlugin);

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(apiRoutes, { prefix: '/api/v1' });

  const webRoot = opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot;
  const serveWeb = Boolean(webRoot && existsSync(webRoot));
  if (serveWeb) await app.register(fastifyStatic, { root: webRoot!, wildcard: false, index: 'index.html' });
  // The console is a single-page app: unknown non-API GETs get its index; the rest a JSON 404.
  app.setNotFoundHandler((req, reply) => {
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.code(404).send(errorBody(`未找到：${req.method} ${req.url.split('?')[0]}`));
  });
  return app;
}
