// The only HTML the sandbox serves: the MOCK bank's consent page and the form_post hand-back.
import { PROFILE_NAMES, PROVIDER_PROFILES } from '../profiles';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

const hiddenInputs = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}
button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}input[type=text]{font-size:1rem;padding:.3rem}</style>
</head><body>${body}</body></html>`;

const profileOptions = (chosen: string) =>
  PROFILE_NAMES.map(
    (name) =>
      `<option value="${escapeHtml(name)}"${name === chosen ? ' selected' : ''}>${escapeHtml(PROVIDER_PROFILES[name].label)}</option>`,
  ).join('');

/**
 * Posts back to the auth endpoint. It clicks Allow by itself after a second only when asked (`autoAllow`, for
 * tests): a person reading it would otherwise reconnect as whoever the field named before they changed it.
 */
export function renderConsentPage(
  action: string,
  fields: Record<string, string>,
  user: string,
  profile = 'standard',
  autoAllow = false,
): string {
  return page(
    'MOCK bank: allow access',
    `<h1>MOCK bank</h1>
<p>The sandbox bank asks you to share your accounts, balances and transactions.</p>
<form id="consent" method="post" action="${escapeHtml(action)}">
${hiddenInputs(fields)}
<p><label>Mock user <input type="text" name="user" value="${escapeHtml(user)}"></label></p>
<p><label>Bank behaves like <select name="profile" onchange="window.clearTimeout(window.autoAllow)">${profileOptions(profile)}</select></label></p>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" onclick="window.clearTimeout(window.autoAllow)">Deny</button>
</form>
${
  autoAllow
    ? `<p><small>Continuing automatically in a second&hellip;</small></p>
<script>window.autoAllow = window.setTimeout(function () { document.getElementById('consent').requestSubmit(); }, 1000);</script>`
    : ''
}`,
  );
}

/** `response_mode=form_post`: the browser POSTs the code and state to the redirect_uri. */
export function renderFormPostPage(redirectUri: string, fields: Record<string, string>): string {
  return page(
    'Returning to the application',
    `<form id="callback" method="post" action="${escapeHtml(redirectUri)}">
${hiddenInputs(fields)}
<noscript><button type="submit">Continue</button></noscript>
</form>
<script>document.getElementById('callback').submit();</script>`,
  );
}
