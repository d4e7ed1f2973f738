import { redirect, type LoaderFunctionArgs } from '@remix-run/node';

export async function loader({ context }: LoaderFunctionArgs) {
  const api = await context.createApiCaller();
  return redirect((await api.auth.me()) ? '/connections' : '/sign-in');
}
