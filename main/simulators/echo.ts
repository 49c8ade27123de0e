/**
 * The hostile `echo` fault's text: the request as the simulator received it (method, raw path and
 * query, every header including the auth ones, the body), in each spelling a careless or hostile
 * vendor could send back inside its error message. Tests plant keys and check none of this leaks.
 */

/** How the request is spelled back. `all` (the default) gives every form, one per line. */
export const ECHO_FORMS = [
  'raw', // as received: the path and query exactly as sent, headers as Node read them
  'decoded', // percent-escapes decoded, '+' read as a space
  'upper', // decoded, then re-encoded with encodeURIComponent (upper-case hex)
  'lower', // the same with lower-case hex
  'mixed', // the same with hex case alternating from escape to escape
  'form', // decoded, then re-encoded as application/x-www-form-urlencoded ('+' for space)
  'json', // decoded, then JSON-escaped (\", \\, \/, non-ASCII as \u00e9)
  'html', // decoded, then HTML-escaped (&amp; &#39; &quot;)
  'base64', // the raw request in standard base64, padded
  'base64url', // the raw request in url-safe base64, unpadded
] as const;
export type EchoForm = (typeof ECHO_FORMS)[number] | 'all';

export interface EchoedRequest {
  method: string;
  /** The request target exactly as received (raw path + query). */
  url: string;
  /** Header names and values as received, alternating (IncomingMessage.rawHeaders). */
  rawHeaders: readonly string[];
  body: string;
}

/** Decodes what decodes: each run of %XX on its own, so one bad escape does not stop the rest. */
export function looseDecode(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function spell(raw: string, form: Exclude<EchoForm, 'all'>): string {
  const decoded = looseDecode(raw);
  switch (form) {
    case 'raw':
      return raw;
    case 'decoded':
      return decoded;
    case 'upper':
      return encodeURIComponent(decoded);
    case 'lower':
      return encodeURIComponent(decoded).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    case 'mixed': {
      let n = 0;
      return encodeURIComponent(decoded).replace(/%([0-9A-F])([0-9A-F])/g, (_m, a: string, b: string) =>
        n++ % 2 ? `%${a.toLowerCase()}${b}` : `%${a}${b.toLowerCase()}`,
      );
    }
    case 'form':
      return new URLSearchParams({ echo: decoded }).toString().slice('echo='.length);
    case 'json':
      return JSON.stringify(decoded)
        .slice(1, -1)
        .replace(/\//g, '\\/')
        .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    case 'html':
      return decoded.replace(/[&<>"']/g, (c) => HTML[c] ?? c);
    case 'base64':
      return Buffer.from(raw, 'utf8').toString('base64');
    case 'base64url':
      return Buffer.from(raw, 'utf8').toString('base64url');
  }
}

/** The request spelled back in one form, or in every form (`all`). */
export function echoText(req: EchoedRequest, form: EchoForm = 'all'): string {
  const headers: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  const raw = `${req.method} ${req.url}\n${headers.join('\n')}\n\n${req.body}`;
  if (form !== 'all') return `Bad request (${form}): ${spell(raw, form)}`;
  return ECHO_FORMS.map((f) => `Bad request (${f}): ${spell(raw, f)}`).join('\n');
}
