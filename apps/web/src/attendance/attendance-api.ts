import type {
  CheckInCode,
  GuestCountBody,
  SiteGuests,
  CheckInResult,
  MarkExcuseBody,
  MemberAttendanceHistory,
  RosterCheckInBody,
  SessionAttendance,
  SiteCheckInRecord,
  UnitAttendancePeriod,
} from '@hallbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiRequestError, http } from '../api/http';
import { toSearch } from '../api/query-string';

/** How often an open attendance panel asks again while the session is live. */
export const LIVE_REFRESH_MS = 3000;

/** A session's attendance (the caller's part of it), polled while people come and go. */
export function useAttendance(sessionId: string, live = true) {
  return useQuery({
    queryKey: ['attendance', sessionId],
    queryFn: () => http.get<SessionAttendance>(`/sessions/${sessionId}/attendance`),
    enabled: !!sessionId,
    refetchInterval: (query) =>
      live && query.state.data && !query.state.data.locked ? LIVE_REFRESH_MS : false,
  });
}

/** Every manual change refreshes the report it changes (and the session, whose state may follow). */
function useAttendanceMutation<V, R>(sessionId: string, fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['attendance', sessionId] }),
  });
}

export const useMarkExcuse = (sessionId: string) =>
  useAttendanceMutation(sessionId, (body: MarkExcuseBody) =>
    http.post<void>(`/sessions/${sessionId}/attendance/excuses`, body),
  );

export const useRemoveExcuse = (sessionId: string) =>
  useAttendanceMutation(sessionId, ({ memberId, why }: { memberId: string; why?: string }) =>
    http.delete(`/sessions/${sessionId}/attendance/excuses/${memberId}${toSearch({ why })}`),
  );

export const useRosterTick = (sessionId: string) =>
  useAttendanceMutation(sessionId, (body: RosterCheckInBody) =>
    http.post<SiteCheckInRecord>(`/sessions/${sessionId}/attendance/check-ins`, body),
  );

export const useCheckOut = (sessionId: string) =>
  useAttendanceMutation(sessionId, (checkInId: string) =>
    http.post<void>(`/sessions/${sessionId}/attendance/check-ins/${checkInId}/check-out`, {}),
  );

export const useGuestCount = (sessionId: string, siteId: string) =>
  useAttendanceMutation(sessionId, (body: GuestCountBody) =>
    http.put<SiteGuests>(`/sessions/${sessionId}/attendance/guests/${siteId}`, body),
  );

/** The rotating code a room's screen shows; asked again when it is due to change. */
/** The server's answer once the session's rooms no longer take check-ins (it ended or was cancelled). */
export const checkInClosed = (error: unknown) =>
  error instanceof ApiRequestError && error.code === 'CONFLICT';

/**
 * The room's rotating code, asked for again as it changes, while `open` (the live room says the
 * session is scheduled or live). Once the server says check-in is closed it stops asking, and the
 * last code is no longer offered (`closed`), so an ended session's screen shows no stale code.
 */
export function useCheckInCode(sessionId: string, open = true) {
  const query = useQuery({
    queryKey: ['check-in-code', sessionId],
    queryFn: () => http.get<CheckInCode>(`/sessions/${sessionId}/check-in-code`),
    enabled: !!sessionId && open,
    retry: (failures, error) => !checkInClosed(error) && failures < 1,
    refetchInterval: (query) => {
      if (checkInClosed(query.state.error)) return false;
      const code = query.state.data;
      if (!code) return 5000;
      // Count from the server's clock, so a room screen with a wrong clock still changes on time.
      const left = Date.parse(code.expiresAt) - Date.parse(code.serverTime);
      const age = Date.now() - query.state.dataUpdatedAt;
      return Math.max(500, left - age + 200);
    },
  });
  const closed = !open || checkInClosed(query.error);
  return { ...query, data: closed ? undefined : query.data, closed };
}

export const useScanCheckIn = () =>
  useMutation({ mutationFn: (code: string) => http.post<CheckInResult>('/check-ins', { code }) });

export const useLeaveRoom = () =>
  useMutation({ mutationFn: (sessionId: string) => http.post<void>('/check-ins/leave', { sessionId }) });

/** A member's history: their own (`me`) or, for staff, a member of their units. */
export function useMemberHistory(memberId: string) {
  return useQuery({
    queryKey: ['attendance-history', memberId],
    queryFn: () => http.get<MemberAttendanceHistory>(`/members/${memberId}/attendance`),
    enabled: !!memberId,
  });
}

export function useUnitPeriod(unitId: string, year: number) {
  return useQuery({
    queryKey: ['attendance-period', unitId, year],
    queryFn: () =>
      http.get<UnitAttendancePeriod>(`/units/${unitId}/attendance${toSearch({ year: String(year) })}`),
    enabled: !!unitId,
  });
}

export const sessionExportPath = (sessionId: string, kind: 'csv' | 'xlsx' | 'html') =>
  `/sessions/${sessionId}/attendance.${kind}`;

export const unitExportPath = (unitId: string, year: number, kind: 'csv' | 'xlsx' | 'html') =>
  `/units/${unitId}/attendance.${kind}${toSearch({ year: String(year) })}`;
