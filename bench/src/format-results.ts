import type { BenchResult } from './bench-result';
import type { Machine } from './machine';

function formatNumber(value: number, unit: string): string {
  if (unit === '%') return value.toFixed(1);
  if (unit === 'USD') return value.toFixed(4);
  if (unit === 'x' || Math.abs(value) < 10) return value.toFixed(2);
  return Math.round(value).toLocaleString('en-GB');
}

/** The results as a Markdown table (also readable in a terminal), with the machine they came from. */
export function formatResults(results: BenchResult[], machine: Machine, quick: boolean): string {
  const lines = [
    `Machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ${machine.date}${quick ? ' (quick)' : ''}`,
    '',
    '| Benchmark | Figure | Value | Baseline | Ratio |',
    '|---|---|---|---|---|',
  ];
  for (const result of results) {
    for (const figure of result.figures) {
      const baseline = figure.baseline
        ? `${formatNumber(figure.baseline.value, figure.baseline.unit)} ${figure.baseline.unit} (${figure.baseline.name})`
        : '';
      const ratio = figure.ratio ? `${figure.ratio.value.toFixed(2)} (${figure.ratio.name})` : '';
      lines.push(
        `| ${result.title} | ${figure.name} | ${formatNumber(figure.value, figure.unit)} ${figure.unit} | ${baseline} | ${ratio} |`,
      );
    }
    lines.push(`| ${result.title} | errors | ${result.errors} | | |`);
  }
  lines.push('');
  for (const result of results) {
    const params = Object.entries(result.params)
      .map(([key, value]) => `${key}=${value}`)
      .join(', ');
    lines.push(`- ${result.title}: ${params}${result.notes.length ? `. ${result.notes.join(' ')}` : ''}`);
  }
  return lines.join('\n');
}
