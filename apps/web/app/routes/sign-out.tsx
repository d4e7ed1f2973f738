import { redirect, type ActionFunctionArgs } from '@remix-run/node';

export async function action({ context }: ActionFunctionArgs) {
  const cookies: string[] = [];
  const api = await context.createApiCaller({ setCookie: (cookie) => cookies.push(cookie) });
  await api.auth.signOut();
  const headers = new Headers();
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return redirect('/sign-in', { headers });
}

export const loader = () => redirect('/connections');
