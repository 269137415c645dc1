import i18next from 'i18next';
import { ApiRequestError } from '../api/http';
import { authStore } from '../auth/auth-store';

/**
 * Opens the printable report (server-rendered HTML, A4) in the tab opened on the click, so the
 * browser's popup blocker lets it through; the page prints itself from the browser's menu.
 */
export async function openPrintable(path: string, tab: Window | null): Promise<void> {
  const token = authStore.token();
  const res = await fetch(`/api${path}`, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Accept-Language': i18next.language },
  });
  if (!res.ok) {
    const err = (await res.json().catch(() => ({}))) as { code?: ApiRequestError['code']; message?: string };
    throw new ApiRequestError(res.status, err.code ?? 'INTERNAL', err.message ?? res.statusText);
  }
  const html = await res.text();
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = url;
  else window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
