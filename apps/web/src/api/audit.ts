import type { AuditEntry } from '@hallbridge/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http } from './http';
import { toSearch } from './query-string';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  sessionId?: string;
  limit: number;
}

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () =>
      http.get<AuditEntry[]>(
        `/audit${toSearch({ entityType: filter.entityType, entityId: filter.entityId, sessionId: filter.sessionId, limit: String(filter.limit) })}`,
      ),
    placeholderData: keepPreviousData,
  });
}
