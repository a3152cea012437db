// The few HTML pages the LTI flow needs: the browser is in the LMS's iframe or window there, not in the
// course site, so refusals and hand-offs are pages rather than JSON.
import { randomBytes } from 'node:crypto';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ENTITIES[character] as string);
}

/** JSON for an inline script: `</script>` and friends cannot end the script element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function page(title: string, body: string, status = 200, headers: Record<string, string> = {}): Response {
  // Only this response's own scripts run: a nonce per page, nothing else (data on the page is escaped too).
  const nonce = randomBytes(16).toString('base64');
  body = body.replaceAll('<script>', `<script nonce="${nonce}">`);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
code{background:#f3f3f3;padding:0 .2em}button{font:inherit;padding:.3em .8em}li{margin:.3em 0}</style>
</head><body>
${body}
</body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; base-uri 'none'`,
      ...headers,
    },
  });
}

/** A refused LTI step: what happened, what to do, and the code the server log line carries. */
export function refusalPage(status: number, code: string, message: string): Response {
  return page(
    'This course could not be opened',
    `<h1>This course could not be opened</h1>
<p>${escapeHtml(message)}</p>
<p>Open the link again from your course in the LMS. If it keeps happening, tell your teacher or the LMS
administrator and quote <code>${escapeHtml(code)}</code>.</p>`,
    status,
  );
}

/** A page that POSTs `fields` to `action` at once (the OIDC hand-off, the deep-linking response). */
export function autoPostPage(
  action: string,
  fields: Record<string, string>,
  title = 'Continuing…',
): Response {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return page(
    title,
    `<form method="post" action="${escapeHtml(action)}">
${inputs}
<noscript><button type="submit">Continue</button></noscript>
</form>
<script>document.forms[0].submit();</script>`,
  );
}

/** Tells the LMS that dynamic registration is finished (IMS Dynamic Registration: `org.imsglobal.lti.close`). */
export function registrationDonePage(platformName: string, clientId: string): Response {
  return page(
    'coursekit is registered',
    `<h1>coursekit is registered</h1>
<p>${escapeHtml(platformName)} can now launch this course (client id <code>${escapeHtml(clientId)}</code>).
You can close this window.</p>
<script>(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');</script>`,
  );
}

export function htmlPage(title: string, body: string, status = 200): Response {
  return page(title, body, status);
}
