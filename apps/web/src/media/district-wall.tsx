import { useRemoteParticipants, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMedia } from './media-context';
import { seatOf } from './participant-seat';
import { VideoTile } from './video-tile';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Every connected district room, a page at a time. Only the tiles on screen are received (the
 * media connection unsubscribes the rest), so a hall can follow hundreds of rooms; adaptive stream
 * picks each tile's resolution from its size on screen.
 */
export function DistrictWall({ pageSize = 12 }: { pageSize?: number }) {
  const { t } = useTranslation();
  const { connection, floorKeys } = useMedia();
  const participants = useRemoteParticipants();
  const cameras = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], {
    onlySubscribed: false,
  });
  const sites = useMemo(
    () =>
      participants
        .filter((p) => seatOf(p) === 'site')
        .sort((a, b) => collator.compare(a.name || a.identity, b.name || b.identity)),
    [participants],
  );
  const pages = Math.max(1, Math.ceil(sites.length / pageSize));
  const [wanted, setPage] = useState(0);
  const page = Math.min(wanted, pages - 1);
  const visible = sites.slice(page * pageSize, (page + 1) * pageSize);
  const visibleIds = visible.map((p) => p.identity).join(',');

  useEffect(() => {
    connection.setVisibleSites(visibleIds ? visibleIds.split(',') : []);
  }, [connection, visibleIds]);
  useEffect(() => () => connection.setVisibleSites([]), [connection]);

  return (
    <section className="media-wall" data-testid="district-wall" aria-label={t('media.wall.label')}>
      <header className="media-wall__bar">
        <h2>{t('media.wall.title', { count: sites.length })}</h2>
        {pages > 1 && (
          <nav className="media-wall__pages" aria-label={t('media.wall.pages')}>
            <button
              type="button"
              className="button button--small"
              onClick={() => setPage(Math.max(0, page - 1))}
              disabled={page === 0}
              data-testid="wall-previous"
            >
              {t('media.wall.previous')}
            </button>
            <span data-testid="wall-page">{t('media.wall.page', { page: page + 1, pages })}</span>
            <button
              type="button"
              className="button button--small"
              onClick={() => setPage(Math.min(pages - 1, page + 1))}
              disabled={page >= pages - 1}
              data-testid="wall-next"
            >
              {t('media.wall.next')}
            </button>
          </nav>
        )}
      </header>
      {sites.length === 0 ? (
        <p className="media-wall__empty">{t('media.wall.empty')}</p>
      ) : (
        <div
          className="media-wall__grid"
          style={{ '--wall-columns': Math.ceil(Math.sqrt(visible.length)) } as object}
        >
          {visible.map((site) => {
            const ref = cameras.find((c) => c.participant === site) ?? {
              participant: site,
              source: Track.Source.Camera,
            };
            return (
              <VideoTile
                key={site.identity}
                trackRef={ref}
                testId="wall-tile"
                highlight={floorKeys.includes(site.identity)}
              />
            );
          })}
        </div>
      )}
    </section>
  );
}
