// A cookie-keeping HTTP client for the apps/teach API, behaving like the pages: it sends the ck_csrf
// cookie's value as x-csrf-token on every POST.

/** Response bodies are read loosely in tests; each test asserts the fields it relies on. */
// biome-ignore lint/suspicious/noExplicitAny: JSON from the server, checked by the assertions that read it
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text for other content types. */
  body: T;
}

export class ApiClient {
  /** Change it to follow a restarted server. */
  baseUrl: string;
  readonly cookies = new Map<string, string>();
  /** Extra headers sent with every request (e.g. a distinct x-forwarded-for per simulated client). */
  readonly headers: Record<string, string>;

  constructor(baseUrl: string, headers: Record<string, string> = {}) {
    this.baseUrl = baseUrl;
    this.headers = headers;
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, decodeURIComponent(value));
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  }

  async request<T = Json>(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...this.headers, cookie: this.cookieHeader() };
    if (method !== 'GET') {
      const token = this.cookies.get('ck_csrf');
      if (token) headers['x-csrf-token'] = token;
    }
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...init.headers },
      body,
    });
    this.remember(response);
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson ? JSON.parse(text) : text) as T,
    };
  }

  get<T = Json>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, headers ? { headers } : {});
  }

  post<T = Json>(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, headers ? { body, headers } : { body });
  }

  /** Fetches the CSRF cookie, as a page load would. */
  async start(): Promise<this> {
    await this.get('/api/csrf');
    return this;
  }
}

/** The id under which a choice with this text is shown in a public quiz question. */
export function choiceId(quiz: { questions: Json[] }, questionId: string, text: string): string {
  const question = quiz.questions.find((q) => q.id === questionId);
  const choice = question?.choices?.find((c: { text: string }) => c.text === text);
  if (!choice) throw new Error(`question ${questionId} shows no choice '${text}'`);
  return choice.id;
}
