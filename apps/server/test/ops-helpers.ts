import { createLogger, type AppLogger } from '../src/logger';

export type LogLine = { level: number; msg: string; [field: string]: unknown };

/** The server's logger writing JSON lines into an array (the raw text, to grep, and parsed). */
export function captureLogs(level = 'debug'): { logger: AppLogger; text(): string; lines(): LogLine[] } {
  const raw: string[] = [];
  const logger = createLogger({
    level,
    pretty: false,
    destination: { write: (line: string) => void raw.push(line) },
  });
  return {
    logger,
    text: () => raw.join(''),
    lines: () => raw.map((line) => JSON.parse(line) as LogLine),
  };
}

export type Sample = { name: string; labels: Record<string, string>; value: number };

/** Prometheus text format, samples only. */
export function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match?.[1] || match[3] === undefined) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

export async function scrape(url: string): Promise<Sample[]> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return parseMetrics(await response.text());
}

/** The sum of a metric's samples whose labels include `labels` (0 when there are none). */
export function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** Re-checks `condition` until it holds (bounded): for effects that follow the event a test waited for. */
export async function eventually<T>(
  read: () => Promise<T>,
  condition: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (condition(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
