import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useSearchParams,
} from '@remix-run/react';
import { useCallback, useState } from 'react';
import { ConnectionCard } from '~/components/connection-card';
import { FullHistoryOffer } from '~/components/history/full-history-offer';
import { RouteError } from '~/components/route-error';
import { ImportWizard } from '~/components/wizard/import-wizard';
import { EmptyState } from '~/components/ui/empty-state';
import { PlusIcon } from '~/components/ui/icons';
import { Modal } from '~/components/ui/modal';
import { Notice } from '~/components/ui/notice';
import { PageHeader } from '~/components/ui/page-header';
import { getApiClient } from '~/lib/api-client';
import { attempt, importerCalendar, withApi } from '~/lib/api.server';

export const meta: MetaFunction = () => [{ title: 'Banks · Spending' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { today, maxHistoryDays } = importerCalendar(context);
  return withApi(request, context, async (api) => ({
    connections: await api.connections.list(),
    today,
    maxHistoryDays,
    now: new Date(),
  }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const connectionId = String(form.get('connectionId') ?? '');
  return withApi(request, context, async (api) => {
    switch (intent) {
      case 'connect': {
        const { url } = await api.connections.startOAuth({});
        throw redirect(url);
      }
      case 'full-history': {
        const result = await attempt(() => api.importFullHistory({ connectionId }));
        if (result.ok) throw redirect(`/imports/${result.value.jobId}?started=1`);
        return { intent, connectionId: null, ok: false as const, message: result.message };
      }
      case 'sync': {
        const result = await attempt(async () => {
          // incremental: from each account's last sync (less a few days' overlap) to today
          const plan = await api.importPlan({
            connectionId,
            jobType: 'incremental',
            autoEnrich: true,
            batchSize: 50,
          });
          await api.importStart({ jobId: plan.jobId });
          return plan.jobId;
        });
        if (result.ok) throw redirect(`/imports/${result.value}?started=1`);
        return { intent, connectionId, ok: false as const, message: result.message };
      }
      case 'extend': {
        const result = await attempt(() => api.connections.extendConsent({ connectionId }));
        return result.ok
          ? {
              intent,
              connectionId,
              ok: true as const,
              message: `Consent for ${result.value.name} extended: ${result.value.consentDaysLeft} days left.`,
            }
          : { intent, connectionId, ok: false as const, message: result.message };
      }
      case 'rename': {
        const label = String(form.get('label') ?? '');
        const result = await attempt(() => api.connections.rename({ connectionId, label }));
        return result.ok
          ? { intent, connectionId, ok: true as const, message: `Renamed to ${result.value.name}.` }
          : { intent, connectionId, ok: false as const, message: result.message };
      }
      case 'refresh': {
        const result = await attempt(() => api.connections.refreshAccounts({ connectionId }));
        return result.ok
          ? {
              intent,
              connectionId,
              ok: true as const,
              message: `Accounts and cards of ${result.value.name} are up to date.`,
            }
          : { intent, connectionId, ok: false as const, message: result.message };
      }
      case 'remove': {
        const result = await attempt(() => api.connections.remove({ connectionId }));
        return result.ok
          ? { intent, connectionId: null, ok: true as const, message: 'The bank was removed.' }
          : { intent, connectionId, ok: false as const, message: result.message };
      }
      default:
        throw new Response('Unknown action.', { status: 400 });
    }
  });
}

export default function Connections() {
  const { connections, today, maxHistoryDays, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [params] = useSearchParams();
  const [wizardFor, setWizardFor] = useState<string | null>(null);
  const wizardConnection = connections.find((c) => c.id === wizardFor) ?? null;
  const connecting = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'connect';
  const closeWizard = useCallback(() => setWizardFor(null), []);
  const justConnected = connections.find((c) => c.id === params.get('connected')) ?? null;
  const fullHistoryUntil = justConnected?.historyReach.fullHistoryUntil ?? null;
  const refresh = useCallback(() => revalidator.revalidate(), [revalidator]);

  const connectButton = (
    <Form method="post">
      <button
        type="submit"
        name="intent"
        value="connect"
        className="button button-primary"
        disabled={connecting}
      >
        <PlusIcon />
        {connecting ? 'Opening your bank…' : 'Connect a bank'}
      </button>
    </Form>
  );

  return (
    <div className="page">
      <PageHeader
        title="Banks"
        description="Your connected banks with their accounts and cards. Sync to bring in the latest transactions."
        actions={connections.length > 0 ? connectButton : null}
      />

      {params.get('connected') ? (
        <Notice tone="success" role="status" title="Bank connected">
          <p>
            {justConnected ? `${justConnected.name} is connected: its` : 'Its'} accounts and cards are below.
            Run an import to bring in their transactions.
          </p>
        </Notice>
      ) : null}
      {justConnected && fullHistoryUntil ? (
        <FullHistoryOffer
          connectionId={justConnected.id}
          providerName={justConnected.providerName}
          fullHistoryUntil={fullHistoryUntil}
          recentDays={justConnected.historyReach.recentDays}
          busy={navigation.state !== 'idle' && navigation.formData?.get('intent') === 'full-history'}
        />
      ) : null}
      {params.get('error') ? (
        <Notice tone="danger" role="alert" title="The bank was not connected">
          <p>{params.get('error')}</p>
        </Notice>
      ) : null}
      {result && !result.connectionId ? (
        <Notice tone={result.ok ? 'success' : 'danger'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </Notice>
      ) : null}

      {connections.length === 0 ? (
        <EmptyState title="Connect your first bank" action={connectButton}>
          <p>
            You will be sent to your bank to allow read-only access to your accounts, cards and transactions,
            then brought back here.
          </p>
        </EmptyState>
      ) : (
        <div className="stack-lg">
          {connections.map((connection) => (
            <ConnectionCard
              key={connection.id}
              connection={connection}
              now={now}
              busyIntent={
                navigation.formData?.get('connectionId') === connection.id
                  ? String(navigation.formData.get('intent'))
                  : null
              }
              result={result && result.connectionId === connection.id ? result : null}
              onAdvancedImport={() => setWizardFor(connection.id)}
            />
          ))}
        </div>
      )}

      {wizardConnection ? (
        <Modal labelledBy="wizard-title" onClose={closeWizard} wide>
          <p className="modal-eyebrow">Advanced import · {wizardConnection.name}</p>
          <ImportWizard
            titleId="wizard-title"
            connection={wizardConnection}
            today={today}
            maxHistoryDays={maxHistoryDays}
            now={now}
            plan={(input) => getApiClient().importPlan.mutate(input)}
            start={async (jobId) => {
              await getApiClient().importStart.mutate({ jobId });
            }}
            discard={async (jobId) => {
              await getApiClient().importDelete.mutate({ jobId });
            }}
            onClose={closeWizard}
            onFinished={refresh}
          />
        </Modal>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError what="your banks" back={{ to: '/imports', label: 'Go to import history' }} />;
}
