import { useParams } from 'react-router';
import { LiveAttendancePanel } from '../attendance/live-attendance-panel';
import { LiveRoleGate } from './components/live-role-gate';
import { PresenceByBranchPanel } from './components/presence-by-branch-panel';
import { StaffRoomWorkspace } from './components/staff-room-workspace';

/** /live/:sessionId/console — the organiser's console: the presenter's view plus presence and attendance. */
export function LiveConsolePage() {
  const { sessionId = '' } = useParams();
  return (
    <LiveRoleGate sessionId={sessionId} audience="staff">
      <StaffRoomWorkspace
        sessionId={sessionId}
        consolePanels={({ participants, count, detailed }) => (
          <>
            {detailed && <PresenceByBranchPanel participants={participants} count={count} />}
            <div className="live-slot" data-testid="attendance-slot">
              <LiveAttendancePanel sessionId={sessionId} />
            </div>
          </>
        )}
      />
    </LiveRoleGate>
  );
}
