import { useParams } from 'react-router';
import { LiveRoleGate } from './components/live-role-gate';
import { StaffRoomWorkspace } from './components/staff-room-workspace';

/** /live/:sessionId/present — the presenter's desktop view. */
export function LivePresenterPage() {
  const { sessionId = '' } = useParams();
  return (
    <LiveRoleGate sessionId={sessionId} audience="staff">
      <StaffRoomWorkspace sessionId={sessionId} />
    </LiveRoleGate>
  );
}
