import { ApiRequestError } from '../api/http';
import { ErrorAlert } from '../components/error-alert';
import { useAttendance } from './attendance-api';
import { AttendancePanel } from './attendance-panel';

/** The attendance panel in the live console, for whoever may see attendance (presenters may not). */
export function LiveAttendancePanel({ sessionId }: { sessionId: string }) {
  const report = useAttendance(sessionId);
  if (report.error instanceof ApiRequestError && report.error.status === 403) return null;
  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data) return null;
  return <AttendancePanel report={report.data} detailsTo={`/sessions/${sessionId}/attendance`} />;
}
