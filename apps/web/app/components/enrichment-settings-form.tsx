import { Form, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import type { RouterOutputs } from '@app/api';
import { Notice } from './ui/notice';

type SettingsView = RouterOutputs['enrichmentSettings']['get'];
export type SettingsResult = { ok: boolean; message: string } | null;

const dollars = (micros: number | null) => (micros === null ? '' : String(micros / 1_000_000));

/**
 * The person's enrichment provider: none, the free rules, or an OpenAI-compatible model (OpenAI, Ollama,
 * llama.cpp's server, vLLM) with its prices. The saved API key is never sent back to the page.
 */
export function EnrichmentSettingsForm({ view, result }: { view: SettingsView; result: SettingsResult }) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const [provider, setProvider] = useState(view.provider);
  return (
    <section className="card section" aria-labelledby="provider-title">
      <h2 id="provider-title" className="section-title">
        Enrichment provider
      </h2>
      <p>
        {view.source === 'server'
          ? `You have not chosen: the server's default (${view.provider}) applies.`
          : `Your choice: ${view.provider}${view.model ? ` (${view.model})` : ''}.`}{' '}
        Whatever a model cannot do (down, slow, nonsense, the monthly cap), the rules do, and the job says so.
      </p>
      <Form method="post" className="stack">
        <fieldset className="field">
          <legend>Provider</legend>
          {(['none', 'rules', 'llm'] as const).map((p) => (
            <label key={p} className="radio">
              <input
                type="radio"
                name="provider"
                value={p}
                checked={provider === p}
                onChange={() => setProvider(p)}
              />{' '}
              {p === 'none' ? 'None: leave categories as the bank sent them' : null}
              {p === 'rules' ? 'Rules: free, on this server' : null}
              {p === 'llm' ? 'A language model (OpenAI-compatible endpoint)' : null}
            </label>
          ))}
        </fieldset>
        {provider === 'llm' ? (
          <>
            <label className="field">
              <span>
                Base URL (ends in /v1: https://api.openai.com/v1, http://127.0.0.1:11434/v1 for Ollama)
              </span>
              <input type="url" name="baseUrl" required defaultValue={view.baseUrl ?? ''} />
            </label>
            <label className="field">
              <span>Model</span>
              <input type="text" name="model" required list="known-models" defaultValue={view.model ?? ''} />
              <datalist id="known-models">
                {view.knownModels.map((m) => (
                  <option key={m.model} value={m.model} />
                ))}
              </datalist>
            </label>
            <label className="field">
              <span>
                API key{' '}
                {view.hasApiKey
                  ? '(one is saved and never shown: leave empty to keep it)'
                  : '(none needed locally)'}
              </span>
              <input type="password" name="apiKey" autoComplete="off" defaultValue="" />
            </label>
            <label className="field">
              <span>Price per million input tokens (US dollars; empty: the list price, 0 locally)</span>
              <input
                type="text"
                name="inputPrice"
                inputMode="decimal"
                defaultValue={dollars(view.inputMicrosPerMillionTokens)}
              />
            </label>
            <label className="field">
              <span>Price per million output tokens (US dollars)</span>
              <input
                type="text"
                name="outputPrice"
                inputMode="decimal"
                defaultValue={dollars(view.outputMicrosPerMillionTokens)}
              />
            </label>
          </>
        ) : null}
        <div className="actions">
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            Save
          </button>
          {provider === 'llm' ? (
            <button
              type="submit"
              name="intent"
              value="test"
              className="button button-secondary"
              disabled={busy}
            >
              Test connection
            </button>
          ) : null}
        </div>
      </Form>
      {result ? (
        <Notice tone={result.ok ? 'success' : 'danger'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </Notice>
      ) : null}
    </section>
  );
}
