export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  raw: Buffer;
}

/** A small typed fetch wrapper for REST tests: JSON in, JSON (or bytes) out, with a bearer token. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
    readonly language = 'vi',
  ) {}

  as(token: string | null): ApiClient {
    return new ApiClient(this.baseUrl, token, this.language);
  }

  inLanguage(language: string): ApiClient {
    return new ApiClient(this.baseUrl, this.token, language);
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'Accept-Language': this.language };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (typeof body === 'string') {
      headers['Content-Type'] = 'application/json';
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}/api${path}`, { method, headers, body: payload });
    const raw = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    const parsed =
      type.includes('json') && raw.length ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8');
    return { status: res.status, body: parsed as T, headers: res.headers, raw };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  upload<T = any>(path: string, fileName: string, data: Buffer | string, type = 'application/octet-stream') {
    const form = new FormData();
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
    return this.request<T>('POST', path, form);
  }

  async login(username: string, password: string): Promise<ApiClient> {
    const res = await this.post<{ token: string }>('/auth/login', { username, password });
    if (res.status !== 200)
      throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return this.as(res.body.token);
  }
}
