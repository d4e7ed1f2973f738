import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { EnrichmentSettingsForm } from '~/components/enrichment-settings-form';
import { RouteError } from '~/components/route-error';
import { PageHeader } from '~/components/ui/page-header';
import { attempt, withApi } from '~/lib/api.server';

export const meta: MetaFunction = () => [{ title: 'Settings · Spending' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return withApi(request, context, async (api) => ({ view: await api.enrichmentSettings.get() }));
}

/** Dollars as typed to micro-dollars; empty: not given (the list price applies). */
function microsFrom(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? '').trim();
  if (text === '') return undefined;
  if (!/^\d+(\.\d{1,6})?$/.test(text))
    throw new Response('A price is an amount in dollars, like 0.15.', { status: 400 });
  return Math.round(Number(text) * 1_000_000);
}

function inputFrom(form: FormData) {
  const provider = String(form.get('provider') ?? '');
  if (provider === 'none' || provider === 'rules') return { provider } as const;
  if (provider !== 'llm') throw new Response('Choose a provider.', { status: 400 });
  const apiKey = String(form.get('apiKey') ?? '').trim();
  const inputMicros = microsFrom(form.get('inputPrice'));
  const outputMicros = microsFrom(form.get('outputPrice'));
  return {
    provider,
    baseUrl: String(form.get('baseUrl') ?? '').trim(),
    model: String(form.get('model') ?? '').trim(),
    ...(apiKey ? { apiKey } : {}),
    ...(inputMicros === undefined ? {} : { inputMicrosPerMillionTokens: inputMicros }),
    ...(outputMicros === undefined ? {} : { outputMicrosPerMillionTokens: outputMicros }),
  } as const;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = form.get('intent');
  const input = inputFrom(form);
  return withApi(request, context, async (api) => {
    if (intent === 'test') {
      const tested = await attempt(() => api.enrichmentSettings.test(input));
      if (!tested.ok) return { ok: false, message: tested.message };
      const answer = tested.value;
      return answer.ok
        ? { ok: true, message: `${answer.model} answered: ${answer.reply || '(an empty reply)'}` }
        : { ok: false, message: answer.message };
    }
    if (intent !== 'save') throw new Response('Unknown action.', { status: 400 });
    const saved = await attempt(() => api.enrichmentSettings.set(input));
    return saved.ok
      ? {
          ok: true,
          message: `Saved: ${saved.value.provider}${saved.value.model ? ` (${saved.value.model})` : ''}.`,
        }
      : { ok: false, message: saved.message };
  });
}

export default function Settings() {
  const { view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() ?? null;
  return (
    <div className="page">
      <PageHeader
        title="Settings"
        description="How your imported transactions get their categories and merchant names."
      />
      <EnrichmentSettingsForm view={view} result={result} />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError what="your settings" />;
}
