import { ProgressEventSchema } from '@app/domain';
import type { Logger, ProgressEvent, ProgressPort } from '@app/importer';
import { Redis } from 'ioredis';

export type RedisProgressPort = ProgressPort & { close(): Promise<void> };

export type RedisProgressPortOptions = { connection: string; channelPrefix?: string; logger: Logger };

/**
 * The scaled mode's progress fan-out: whichever process commits an event PUBLISHes it on the job's channel, and
 * each API replica holds one subscriber connection whose channel subscriptions are counted per job. Pub/sub may
 * drop events (a reconnect); they are durable in the journal, where subscribers fill gaps from.
 */
export function createRedisProgressPort(options: RedisProgressPortOptions): RedisProgressPort {
  const { logger } = options;
  const prefix = options.channelPrefix ?? 'import-progress:';
  const listenersByChannel = new Map<string, Set<(event: ProgressEvent) => void>>();
  let publisher: Redis | undefined;
  let subscriber: Redis | undefined;

  // Connections open on first use: worker processes only publish, and API replicas only subscribe once asked.
  function connect(role: string) {
    const client = new Redis(options.connection);
    client.on('error', (err: Error) => logger.warn({ role, err: err.message }, 'progress connection error'));
    return client;
  }

  function subscriberConnection() {
    if (subscriber) return subscriber;
    subscriber = connect('subscriber');
    subscriber.on('message', (channel: string, message: string) => {
      const listeners = listenersByChannel.get(channel);
      if (!listeners) return;
      const parsed = ProgressEventSchema.safeParse(JSON.parse(message));
      // A message not in the event shape is dropped: subscribers read the gap back from the journal.
      if (!parsed.success) {
        logger.warn({ channel, issues: parsed.error.issues.length }, 'progress message not an event');
        return;
      }
      const event = parsed.data;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (err) {
          // One failing subscriber must not starve the others on this connection.
          logger.error({ jobId: event.jobId, seq: event.seq, err: String(err) }, 'progress listener threw');
        }
      }
    });
    return subscriber;
  }

  return {
    publish(event) {
      publisher ??= connect('publisher');
      publisher
        .publish(prefix + event.jobId, JSON.stringify(event))
        .catch((err: Error) =>
          logger.warn(
            { jobId: event.jobId, seq: event.seq, err: err.message },
            'progress publish failed; subscribers read it from the journal',
          ),
        );
    },
    subscribe(jobId, listener) {
      const channel = prefix + jobId;
      let listeners = listenersByChannel.get(channel);
      if (!listeners) {
        listeners = new Set();
        listenersByChannel.set(channel, listeners);
        // Commands on one connection run in order, so SUBSCRIBE/UNSUBSCRIBE pairs never overtake each other.
        subscriberConnection()
          .subscribe(channel)
          .catch((err: Error) => logger.warn({ jobId, err: err.message }, 'progress subscribe failed'));
      }
      const own = listeners;
      // A wrapper of our own, so the same function subscribed twice is also removed twice.
      const entry = (event: ProgressEvent) => listener(event);
      own.add(entry);
      return () => {
        if (!own.delete(entry) || own.size > 0) return;
        listenersByChannel.delete(channel);
        subscriberConnection()
          .unsubscribe(channel)
          .catch((err: Error) => logger.warn({ jobId, err: err.message }, 'progress unsubscribe failed'));
      };
    },
    async close() {
      await Promise.all([publisher?.quit(), subscriber?.quit()]);
    },
  };
}
