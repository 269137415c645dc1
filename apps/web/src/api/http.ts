import type { ApiError, FieldIssue } from '@hallbridge/contracts';
import i18next from 'i18next';
import { authStore } from '../auth/auth-store';

/** A failed call, carrying the server's code so the interface can translate it. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiError['code'],
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface RequestOptions {
  /** Sign-in, join and pairing calls go without the stored token, so their failure cannot sign anyone out. */
  anonymous?: boolean;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': i18next.language || 'vi' };
  const token = options.anonymous ? null : authStore.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method, headers, body: payload });
  } catch {
    throw new ApiRequestError(0, 'INTERNAL', i18next.t('common.networkError'));
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data ?? {}) as Partial<ApiError>;
    if (res.status === 401 && token) authStore.clear();
    throw new ApiRequestError(
      res.status,
      err.code ?? 'INTERNAL',
      err.message ?? res.statusText,
      err.issues,
      err.details,
    );
  }
  return data as T;
}

export const http = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<T>('POST', path, form);
  },
};

/** GETs a file with the viewer's sign-in and language; a refusal becomes an ApiRequestError. */
export async function fetchFile(path: string): Promise<Response> {
  const token = authStore.token();
  const res = await fetch(`/api${path}`, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Accept-Language': i18next.language },
  });
  if (!res.ok) {
    const err = (await res.json().catch(() => ({}))) as Partial<ApiError>;
    throw new ApiRequestError(res.status, err.code ?? 'INTERNAL', err.message ?? res.statusText);
  }
  return res;
}

/** Downloads an authenticated file (exports, materials) and hands it to the browser. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await fetchFile(path);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
