import type { ApiError, Deck } from '@hallbridge/contracts';
import { useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { useCallback, useState } from 'react';
import { ApiRequestError } from '../../api/http';
import { authStore } from '../../auth/auth-store';
import { decksKey } from './use-session-decks';

export interface DeckUploadState {
  fileName: string;
  /** 0..1 of the bytes sent. */
  sent: number;
}

/** POSTs a deck with XMLHttpRequest, the one browser API that reports upload progress. */
function send(sessionId: string, file: File, onProgress: (sent: number) => void): Promise<Deck> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/sessions/${sessionId}/decks`);
    const token = authStore.token();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept-Language', i18next.language || 'vi');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // an empty or non-JSON body is reported by its status below
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as Deck);
      const err = (body ?? {}) as Partial<ApiError>;
      reject(
        new ApiRequestError(xhr.status, err.code ?? 'INTERNAL', err.message ?? xhr.statusText, err.issues),
      );
    };
    xhr.onerror = () => reject(new ApiRequestError(0, 'INTERNAL', i18next.t('common.networkError')));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** Uploads a deck to the session; conversion progress then comes from the room's deck events. */
export function useDeckUpload(sessionId: string) {
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState<DeckUploadState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = useCallback(
    async (file: File) => {
      setError(null);
      setUploading({ fileName: file.name, sent: 0 });
      try {
        await send(sessionId, file, (sent) => setUploading({ fileName: file.name, sent }));
        await queryClient.invalidateQueries({ queryKey: decksKey(sessionId) });
      } catch (e) {
        setError(e);
      } finally {
        setUploading(null);
      }
    },
    [queryClient, sessionId],
  );
  return { upload, uploading, error, reset: () => setError(null) };
}
