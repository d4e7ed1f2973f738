import { createContext } from 'react';

/**
 * This response's Content-Security-Policy nonce, provided by entry.server.tsx from the server's load context. The
 * browser hides nonces from scripts, so on the client it is absent, and the scripts it marked have run by then.
 */
export const CspNonce = createContext<string | undefined>(undefined);
