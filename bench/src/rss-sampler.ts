import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

const mib = 1024 * 1024;

export type RssSample = { baselineMiB: number; peakMiB: number; deltaMiB: number; samples: number };

// Sampled from a worker thread: RSS is the whole process's, and the worker's timer keeps firing while the main
// thread is busy (a timer there fired only ~50 times in a 60 s import: the import starves the event loop).
const samplerSource = `
const { parentPort, workerData } = require('node:worker_threads');
let peak = process.memoryUsage.rss();
let samples = 1;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); samples += 1; }, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  parentPort.postMessage({ peak: Math.max(peak, process.memoryUsage.rss()), samples: samples + 1 });
});
parentPort.postMessage('started');
`;

/** Samples the process's resident set size every `everyMs` until stopped; figures in MiB. */
export async function startRssSampler(everyMs = 50) {
  const worker = new Worker(samplerSource, { eval: true, workerData: { everyMs } });
  await once(worker, 'message');
  const baseline = process.memoryUsage.rss(); // after the worker started: its own memory is in both figures
  return {
    async stop(): Promise<RssSample> {
      worker.postMessage('stop');
      const [{ peak, samples }] = (await once(worker, 'message')) as [{ peak: number; samples: number }];
      await worker.terminate();
      return { baselineMiB: baseline / mib, peakMiB: peak / mib, deltaMiB: (peak - baseline) / mib, samples };
    },
  };
}
