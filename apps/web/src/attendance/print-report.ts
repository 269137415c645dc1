import { fetchFile } from '../api/http';

/**
 * Opens the printable report (server-rendered HTML, A4) in the tab opened on the click, so the
 * browser's popup blocker lets it through; the page prints itself from the browser's menu.
 */
export async function openPrintable(path: string, tab: Window | null): Promise<void> {
  const res = await fetchFile(path);
  const html = await res.text();
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = url;
  else window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
