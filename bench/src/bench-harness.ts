import { addDays, todayIn } from '@app/domain';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createTokenCipher } from '@app/db';
import {
  connectBank,
  createInProcessProgressPort,
  importerConfigSchema,
  planImport,
  runImportJob,
  silentLogger,
  startImport,
  type ImporterDeps,
  type JobTransport,
  type Logger,
} from '@app/importer';
import { createSandboxBank, type SandboxOptions } from '@app/sandbox';
import { createTrueLayerClient, truelayerConfigSchema } from '@app/truelayer';
import type { z } from 'zod';
import type { BenchDatabase } from './bench-database';

export type ImporterConfigInput = z.input<typeof importerConfigSchema>;
export type BenchHarness = Awaited<ReturnType<typeof createBenchHarness>>;
/** The part of a connected user that planning an import needs. */
export type ImportOwner = { user: { id: string }; connection: { id: string } };

const idleTransport: JobTransport = { enqueue() {}, interrupt() {} };

/**
 * A sandbox bank on a random port and the importer's dependencies wired to it and to a benchmark database
 * (the importer test harness's pattern). The PSD2 unattended cap is off and the SCA grace long, so neither
 * limit shapes a measurement.
 */
export async function createBenchHarness(options: {
  database: BenchDatabase;
  sandbox: SandboxOptions;
  config?: ImporterConfigInput;
  logger?: Logger;
}) {
  const { database } = options;
  const bank = await createSandboxBank({
    seed: 7,
    unattendedLimit: null,
    scaGraceMinutes: 120,
    ...options.sandbox,
  }).listen(0, '127.0.0.1');
  const client = createTrueLayerClient(
    truelayerConfigSchema.parse({
      authUrl: bank.authUrl,
      apiUrl: bank.apiUrl,
      clientId: bank.clientId,
      clientSecret: bank.clientSecret,
      redirectUri: 'http://127.0.0.1/callback',
    }),
  );
  const deps: ImporterDeps = {
    db: database.db,
    bank: client,
    cipher: createTokenCipher({ bench: randomBytes(32).toString('base64') }, 'bench'),
    progress: createInProcessProgressPort(),
    config: importerConfigSchema.parse(options.config ?? {}),
    logger: options.logger ?? silentLogger,
    now: () => new Date(),
  };

  /** A product user connected to the sandbox user `bankUser` (each bank user has its own accounts and data). */
  async function connectUser(bankUser: string) {
    const user = await database.db.user.create({
      data: { email: `${bankUser}-${randomBytes(4).toString('hex')}@bench.test`, passwordHash: 'not-used' },
    });
    const issued = bank.issueTokens(bankUser);
    const tokens = {
      accessToken: issued.access_token,
      refreshToken: issued.refresh_token,
      expiresAt: new Date(Date.now() + issued.expires_in * 1000),
      scopes: [],
    };
    const { connection, accounts } = await connectBank(deps, { userId: user.id, tokens, psuIp: '127.0.0.1' });
    return { bankUser, user, connection, accounts };
  }

  /** Plans and queues an import of the last `days` days (to today) with the product's default batch size. */
  async function queueImport(owner: ImportOwner, days: number, transport: JobTransport = idleTransport) {
    const today = todayIn(deps.config.timeZone, new Date());
    const { job } = await planImport(deps, {
      userId: owner.user.id,
      connectionId: owner.connection.id,
      fromDate: addDays(today, -days),
      toDate: today,
      autoEnrich: false,
      batchSize: 50,
      psuIp: '127.0.0.1',
    });
    await startImport({ ...deps, transport }, owner.user.id, job.id);
    return job.id;
  }

  /**
   * Runs one queued import to its end in this process; the job row gives the counts. Wall time, and the process's
   * CPU time (importer and in-process bank together), which tells CPU-bound from waiting on a busy machine.
   */
  async function runTimedImport(jobId: string) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const status = await runImportJob(deps, jobId);
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const job = await database.db.importJob.findUniqueOrThrow({ where: { id: jobId } });
    return { jobId, status, wallMs, cpuMs: (used.user + used.system) / 1000, job };
  }

  async function close() {
    await bank.close();
  }

  return { database, db: database.db, bank, deps, connectUser, queueImport, runTimedImport, close };
}
