/**
 * The Redis names of one deployment besides BullMQ's own keys, all derived from its queue name, so deployments
 * (or test runs) sharing a Redis never hear each other's progress or share each other's request slots.
 */
export function redisNamesOf(queueName: string) {
  return {
    progressChannelPrefix: `${queueName}:progress:`,
    requestLimitPrefix: `${queueName}:request-limit:`,
    /** The API's mutation and sign-in limits, shared by every replica. */
    limitPrefix: `${queueName}:limits:`,
  };
}
