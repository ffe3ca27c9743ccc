// The Fastify application: plugins (external → app → routes), one error shape, OpenAPI at
// /api/docs, the REST API under /api/v1, the built web console at / and the public portal at /public.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifySchema,
  type FastifyServerOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
} from 'fastify-type-provider-zod';
import type { Database } from '../store/db.js';
import authPlugin, { type AuthOptions } from './auth.js';
import calendarPlugin from './calendar.js';
import { type AppClock, appClock, type Clock } from './clock.js';
import { errorBody, frameworkErrors, installErrorHandler } from './errors.js';
import { nullableUnions, operationIdOf, SECURITY_SCHEMES, securityOf } from './openapi.js';
import { healthRoutes } from './routes/home.js';
import { apiRoutes } from './routes/index.js';
import { validatorCompiler } from './validator.js';
import './types.js';

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  auth?: AuthOptions;
  /** Directory of the built console; defaults to dist/web next to the package. */
  webRoot?: string | null;
  /** Requests per minute per client on the rate-limited routes; an undefined one keeps its default. */
  rateLimits?: { [K in keyof RateLimits]?: number | undefined };
  /**
   * Reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` names the client; with none
   * (the default) the client is the peer address and the header is ignored.
   */
  trustedProxies?: readonly string[];
  /** The address users reach the console at; `https://…` turns on HSTS and `Secure` cookies. */
  publicUrl?: string;
  /** Milliseconds to receive a request's headers, and the whole request (body included). */
  timeouts?: { headers?: number; request?: number };
  /**
   * What "now" is to the routes, case services and supervision jobs (`app.clock`, whose `today()` is
   * China's date); default the system clock. Tests set the date through it.
   */
  clock?: Clock;
}

/** Defaults of the request timeouts (slow clients cannot hold connections open forever). */
export const DEFAULT_TIMEOUTS = { headers: 30_000, request: 300_000 };

/**
 * Content-Security-Policy of the console, the API documentation and every response: scripts only
 * from this origin (the built console and Swagger UI have no inline scripts); inline styles for the
 * components' CSS-in-JS; ECharts draws on canvas (images from data: and blob: URLs); no framing.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
};

export interface RateLimits {
  /** Login and password attempts. */
  login: number;
  /** The public complaint channel. */
  public: number;
}

/** Requests per minute per client address unless configured (`WENZE_RATE_LIMIT_*`). */
export const DEFAULT_RATE_LIMITS: RateLimits = { login: 20, public: 30 };

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
    /** The app's clock: `now()`, and `today()` as China's date. */
    clock: AppClock;
  }
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** The public portal's page (its own small bundle, web/public.html) and the paths it answers. */
const PUBLIC_PAGE = 'public.html';
const PUBLIC_PATH = /^\/public(?:[/?#]|$)/;

/**
 * How the built web is served: Vite's hashed files under /assets/ are cached for a year and never
 * revalidated (a change is a new name); the pages and the unhashed files are revalidated on every
 * use (ETag). Every text file goes out as the .br or .gz the build wrote beside it when the browser
 * accepts one (`Vary: Accept-Encoding`); those copies are not routes of their own.
 */
const WEB_STATIC = {
  wildcard: false,
  index: 'index.html',
  preCompressed: true,
  globIgnore: ['**/*.br', '**/*.gz'],
  cacheControl: false,
  setHeaders(reply: FastifyReply, path: string) {
    const hashed = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(?:\.br|\.gz)?$/.test(path);
    reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  },
} satisfies Partial<FastifyStaticOptions>;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const https = opts.publicUrl?.startsWith('https://') === true;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    // The router's refusals (an undecodable URL, an over-long parameter) in the one error shape.
    frameworkErrors,
    // Only configured proxies are believed about the client's address (per-IP limits, audit).
    trustProxy: opts.trustedProxies && opts.trustedProxies.length > 0 ? [...opts.trustedProxies] : false,
    requestTimeout: timeouts.request,
    http: {
      headersTimeout: Math.min(timeouts.headers, timeouts.request),
      requestTimeout: timeouts.request,
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(timeouts.headers / 2))),
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.decorate('database', opts.database);
  app.decorate('clock', appClock(opts.clock));
  // Key by key: the environment's configuration names every key, undefined when unset.
  app.decorate('rateLimits', {
    login: opts.rateLimits?.login ?? DEFAULT_RATE_LIMITS.login,
    public: opts.rateLimits?.public ?? DEFAULT_RATE_LIMITS.public,
  } satisfies RateLimits);
  // Every route, for the authorization test that walks them all.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  // …and what the OpenAPI document says of each: operationId and security, derived here once.
  const operationIds = new Map<string, string>();
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
      (m) => m !== 'HEAD' && m !== 'OPTIONS',
    );
    const authenticated = Boolean(route.onRequest ?? route.preHandler);
    for (const method of methods) routeTable.push({ method, url: route.url, authenticated });
    const schema: FastifySchema & { hide?: boolean; operationId?: string; security?: unknown } =
      route.schema ?? {};
    if (methods.length !== 1 || schema.hide) return;
    const method = methods[0]!;
    const operationId = schema.operationId ?? operationIdOf(method, route.url);
    const taken = operationIds.get(operationId);
    if (taken !== undefined && taken !== `${method} ${route.url}`)
      throw new Error(`operationId ${operationId} of ${method} ${route.url} is taken by ${taken}`);
    operationIds.set(operationId, `${method} ${route.url}`);
    // A copy: the schema object may be shared (the HEAD twin of a GET, routes built in a loop).
    const security = schema.security ?? securityOf(method, authenticated);
    route.schema = { ...schema, operationId, security } as FastifySchema;
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: https ? { ...CSP_DIRECTIVES, 'upgrade-insecure-requests': [] } : CSP_DIRECTIVES,
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  // Only the routes that name their limit (login and password: `login`; the complaint channel:
  // `public`) are limited.
  await app.register(rateLimit, {
    global: false,
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
      // Paths start with /api, so the server is the origin the document is served from.
      servers: [{ url: opts.publicUrl ? opts.publicUrl.replace(/\/+$/, '') : '/', description: 'Wenze' }],
      components: { securitySchemes: SECURITY_SCHEMES },
      tags: [
        { name: 'auth', description: '认证' },
        { name: 'agencies', description: '执法机关' },
        {
          name: 'duties',
          description: '权责清单：清单项、版本与差异、职责交叉与空白、职责边界清单、导入、岗位与在岗人员',
        },
        { name: 'officers', description: '执法人员' },
        { name: 'users', description: '用户与角色' },
        { name: 'rulebook', description: '规则库与责任认定' },
        {
          name: 'public',
          description:
            '公众投诉、事前公开（执法主体、权责清单、执法人员、救济渠道）、行政执法决定公示与开放数据（无需登录）',
        },
        { name: 'leads', description: '线索与移送' },
        { name: 'cases', description: '追责案件' },
        { name: 'pre-registrations', description: '事前备案（容错纠错）' },
        { name: 'tolerance', description: '容错申请与纠错措施' },
        { name: 'appeals', description: '申诉与救济委员会（随机抽取委员、听证、表决）' },
        { name: 'supervision', description: '全程监督：执法行为、检测发现、过错预警' },
        { name: 'review', description: '行政执法案卷评查：抽样、自查、抽查评分、结果比对、结果报告' },
        {
          name: 'assessment',
          description: '年度考核：从数据计算得分与等次、过错追究率、排名与趋势、考核报告',
        },
        { name: 'evaluation', description: '外部评议：评议活动、一次性评议码、评议意见审核、各机关评议结果' },
        { name: 'system', description: '系统' },
      ],
    },
    transform: jsonSchemaTransform,
    // Named schemas (`.meta({ id })`, e.g. JsonValue) become components.schemas.
    transformObject: (doc) => nullableUnions(jsonSchemaTransformObject(doc)),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { secureCookies: https, ...opts.auth });
  await app.register(calendarPlugin);

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(apiRoutes, { prefix: '/api/v1' });

  const webRoot = opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot;
  const serveWeb = Boolean(webRoot && existsSync(webRoot));
  if (serveWeb) await app.register(fastifyStatic, { root: webRoot!, ...WEB_STATIC });
  // Two single-page apps: /public and /public/… get the public portal's page, other unknown non-API
  // GETs the console's; the rest a JSON 404 (a missing asset too: not a page the script can't run).
  const portal = serveWeb && existsSync(join(webRoot!, PUBLIC_PAGE));
  app.setNotFoundHandler((req, reply) => {
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/'))
      return reply.sendFile(portal && PUBLIC_PATH.test(req.url) ? PUBLIC_PAGE : 'index.html');
    return reply.code(404).send(errorBody(`未找到：${req.method} ${req.url.split('?')[0]}`));
  });
  return app;
}
