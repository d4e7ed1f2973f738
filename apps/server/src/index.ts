export { startServer, type RunningServer } from './start-server';
export type { BankConfig, ServerConfig, ServerRuntime } from './server-config';
export { createLogger, type AppLogger } from './logger';
export { createRemixWebHandler } from './remix-web-handler';
export type { NodeRequestHandler, WebHandlerFactory } from './web-handler';
