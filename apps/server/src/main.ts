import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRemixWebHandler } from './remix-web-handler';
import { configFromEnv } from './server-config';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { stopOnSignals } from './ops/stop-on-signals';
import { startServer } from './start-server';

const env = loadEnv();
const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.NODE_ENV === 'development' });
const config = configFromEnv(env, logger);
const webBuild = fileURLToPath(new URL('../../web/build/', import.meta.url));
const webBuilt = existsSync(`${webBuild}server/index.js`);
if (!webBuilt)
  logger.warn(
    { webBuild },
    'the web app is not built (pnpm --filter @app/web build): only the API is served',
  );
const web = webBuilt ? createRemixWebHandler({ buildDir: webBuild, demoUser: config.demoUser }) : undefined;
const server = await startServer(config, { logger, web });

logger.info({ url: config.publicUrl ?? server.url }, 'spending import is running');
if (config.bank.kind === 'embedded-sandbox') {
  logger.info(
    { sandbox: server.sandboxUrl },
    'no TrueLayer client configured: banks are served by the embedded sandbox',
  );
  // A known demo account on a local sandbox, printed so the first sign-in needs no setup.
  if (config.demoUser)
    logger.info(
      { email: config.demoUser.email, demoPassword: config.demoUser.password },
      'sign in with the demo user',
    );
}

stopOnSignals(server, { logger, timeoutMs: env.SHUTDOWN_TIMEOUT_MS });
