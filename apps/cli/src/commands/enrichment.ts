import type { RouterOutputs } from '@app/api/client';
import { Command, Option } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';

type SettingsView = RouterOutputs['enrichmentSettings']['get'];

function perMillion(micros: number | null): string {
  return micros === null ? '-' : `$${(micros / 1_000_000).toFixed(2)}`;
}

function printSettings(view: SettingsView, print: (line?: string) => void) {
  const whose = view.source === 'server' ? ' (the server default: you chose none)' : '';
  print(`provider: ${view.provider}${whose}`);
  if (view.provider !== 'llm') return;
  print(`endpoint: ${view.baseUrl ?? '-'}`);
  print(`model:    ${view.model ?? '-'}`);
  print(`API key:  ${view.hasApiKey ? 'saved (never shown)' : 'none'}`);
  print(
    `prices:   ${perMillion(view.inputMicrosPerMillionTokens)} in, ${perMillion(view.outputMicrosPerMillionTokens)} out per million tokens`,
  );
  if (view.batchSize) print(`batch:    ${view.batchSize} transactions a request`);
}

const dollars = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a price in dollars: ${value}`);
  return Math.round(n * 1_000_000);
};

/** `spending enrichment show|set|test`: the provider that categorises your imports. */
export function registerEnrichment(program: Command, env: CliEnv) {
  const enrichment = program.command('enrichment').description('the provider that categorises your imports');

  enrichment
    .command('show')
    .description('your provider (the API key is never shown)')
    .action((_options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        printSettings(await (await scope.signedIn()).enrichmentSettings.get.query(), scope.print);
      }),
    );

  enrichment
    .command('set')
    .description('choose none, rules, or an OpenAI-compatible model (OpenAI, Ollama, llama.cpp, vLLM)')
    .addArgument(
      new Command().createArgument('<provider>', 'none | rules | llm').choices(['none', 'rules', 'llm']),
    )
    .option('--base-url <url>', 'the endpoint, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1')
    .option('--model <name>', 'the model, e.g. gpt-4o-mini or llama3.2')
    .addOption(
      new Option('--api-key <key>', 'the API key (or env SPENDING_ENRICHMENT_API_KEY); kept if omitted'),
    )
    .option('--input-price <dollars>', 'US dollars per million input tokens (default: list price, 0 locally)')
    .option('--output-price <dollars>', 'US dollars per million output tokens')
    .option('--batch-size <n>', 'transactions a request (1-100)')
    .action(
      (
        provider: 'none' | 'rules' | 'llm',
        options: {
          baseUrl?: string;
          model?: string;
          apiKey?: string;
          inputPrice?: string;
          outputPrice?: string;
          batchSize?: string;
        },
        command: Command,
      ) =>
        runCommand(command, env, async (scope) => {
          const api = (await scope.signedIn()).enrichmentSettings;
          if (provider !== 'llm') {
            printSettings(await api.set.mutate({ provider }), scope.print);
            return;
          }
          if (!options.baseUrl || !options.model) throw new Error('llm needs --base-url and --model');
          const apiKey = options.apiKey ?? env.enrichmentApiKey;
          const view = await api.set.mutate({
            provider,
            baseUrl: options.baseUrl,
            model: options.model,
            ...(apiKey ? { apiKey } : {}),
            ...(options.inputPrice ? { inputMicrosPerMillionTokens: dollars(options.inputPrice) } : {}),
            ...(options.outputPrice ? { outputMicrosPerMillionTokens: dollars(options.outputPrice) } : {}),
            ...(options.batchSize ? { batchSize: Number(options.batchSize) } : {}),
          });
          printSettings(view, scope.print);
        }),
    );

  enrichment
    .command('test')
    .description('send your model one short request: its reply, or what went wrong')
    .action((_options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        const result = await (await scope.signedIn()).enrichmentSettings.test.mutate();
        if (result.ok) {
          scope.print(`${result.model} answered: ${result.reply}`);
          return 0;
        }
        scope.print(`connection failed: ${result.message}`);
        return 1;
      }),
    );
}
