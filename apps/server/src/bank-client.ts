import type { SandboxBank } from '@app/sandbox';
import { createTrueLayerClient, hostsFor, truelayerConfigSchema, type TrueLayerClient } from '@app/truelayer';
import type { ServerConfig } from './server-config';

type BankSettings = Pick<ServerConfig, 'bank' | 'truelayerTuning'>;

function targetOf(config: BankSettings, redirectUri: string, sandbox: SandboxBank | null) {
  const bank = config.bank;
  switch (bank.kind) {
    case 'truelayer':
      return {
        ...hostsFor(bank.environment),
        clientId: bank.clientId,
        clientSecret: bank.clientSecret,
        redirectUri: bank.redirectUri ?? redirectUri,
      };
    case 'shared-sandbox':
      // the sandbox bank's layout: TrueLayer's auth host under /auth, its data host under /data/v1
      return {
        authUrl: `${bank.url}/auth`,
        apiUrl: `${bank.url}/data/v1`,
        clientId: bank.clientId,
        clientSecret: bank.clientSecret,
        redirectUri,
      };
    case 'embedded-sandbox':
      if (!sandbox) throw new Error('the embedded sandbox bank must be started before its client');
      return {
        authUrl: sandbox.authUrl,
        apiUrl: sandbox.apiUrl,
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
        redirectUri,
      };
  }
}

/** The TrueLayer client, pointed at TrueLayer (live or its sandbox), a shared sandbox bank or the embedded one. */
export function createBankClient(
  config: BankSettings,
  publicUrl: string,
  sandbox: SandboxBank | null,
): TrueLayerClient {
  const target = targetOf(config, `${publicUrl}/connections/callback`, sandbox);
  return createTrueLayerClient(truelayerConfigSchema.parse({ ...target, ...config.truelayerTuning }));
}
