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
import { http } from '../api/http';
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
export function useCheckInCode(sessionId: string) {
  return useQuery({
    queryKey: ['check-in-code', sessionId],
    queryFn: () => http.get<CheckInCode>(`/sessions/${sessionId}/check-in-code`),
    enabled: !!sessionId,
    refetchInterval: (query) => {
      const code = query.state.data;
      if (!code) return 5000;
      // Count from the server's clock, so a room screen with a wrong clock still changes on time.
      const left = Date.parse(code.expiresAt) - Date.parse(code.serverTime);
      const age = Date.now() - query.state.dataUpdatedAt;
      return Math.max(500, left - age + 200);
    },
  });
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
