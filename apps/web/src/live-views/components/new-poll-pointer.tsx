import type { Poll } from '@hallbridge/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const cardOf = (pollId: string) =>
  document.querySelector<HTMLElement>(`[data-testid="poll-card"][data-poll-id="${pollId}"]`);

/**
 * On a phone the poll card sits below the slide and the stage: when a poll opens while its card is
 * out of sight, a button at the bottom of the screen says so and scrolls to it. It goes once the
 * card has been seen (or answered).
 */
export function NewPollPointer({ poll, answered }: { poll: Poll | null; answered: boolean }) {
  const { t } = useTranslation();
  const [seen, setSeen] = useState<string | null>(null);
  /** The poll whose card is in sight right now. */
  const [inView, setInView] = useState<string | null>(null);
  const pollId = poll?.status === 'open' ? poll.id : null;

  useEffect(() => {
    const card = pollId ? cardOf(pollId) : null;
    if (!pollId || !card || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.some((e) => e.isIntersecting);
        setInView((current) => (visible ? pollId : current === pollId ? null : current));
        if (visible) setSeen(pollId);
      },
      { threshold: 0.5 },
    );
    observer.observe(card);
    return () => observer.disconnect();
  }, [pollId]);

  if (!pollId || answered || inView === pollId || seen === pollId) return null;
  return (
    <button
      type="button"
      className="button button--primary new-poll-pointer"
      data-testid="new-poll-pointer"
      onClick={() => {
        const card = cardOf(pollId);
        card?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        card?.focus({ preventScroll: true });
        setSeen(pollId);
      }}
    >
      {t('live.polls.newBelow')} <span aria-hidden="true">↓</span>
    </button>
  );
}
