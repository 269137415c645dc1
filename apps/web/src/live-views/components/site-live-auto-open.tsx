import { Navigate, useLocation } from 'react-router';
import { useLiveSessions } from '../hooks/use-live-sessions';
import { livePaths } from '../lib/live-paths';

/**
 * On a paired room screen, opens the live view as soon as one of the branch's sessions is live,
 * unless someone came back from it on purpose ("session list" button).
 */
export function SiteLiveAutoOpen() {
  const location = useLocation();
  const stay = (location.state as { stay?: boolean } | null)?.stay === true;
  const live = useLiveSessions(!stay);
  const first = live.data?.[0];
  if (stay || !first) return null;
  return <Navigate to={livePaths.site(first.id)} replace />;
}
