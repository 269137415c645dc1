import { roomIsOpen } from '@hallbridge/domain';
import type { LiveSnapshot } from '@hallbridge/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../i18n/format';
import type { LiveConnection } from '../../live/live-connection';
import { useLiveCommand } from '../hooks/use-live-command';
import './chat-panel.css';

interface ChatPanelProps {
  snapshot: LiveSnapshot;
  connection: LiveConnection | null;
  myKey: string | null;
  /** Those who run the room turn chat on and off and remove messages (they may write when it is off). */
  moderate: boolean;
  large?: boolean;
}

/** The session chat, newest at the bottom. */
export function ChatPanel({ snapshot, connection, myKey, moderate, large }: ChatPanelProps) {
  const { t } = useTranslation();
  const { run, pending, error } = useLiveCommand(connection);
  const [text, setText] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const enabled = snapshot.settings.chatEnabled;
  const open = roomIsOpen(snapshot.state);
  const canSend = open && (enabled || moderate);
  const count = snapshot.chat.length;
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [count]);
  return (
    <section
      className={`panel stack chat${large ? ' chat--large' : ''}`}
      aria-labelledby="chat-title"
      data-testid="chat-panel"
    >
      <div className="panel__header">
        <h2 id="chat-title">{t('live.chat.title')}</h2>
        {moderate && (
          <label className="check small">
            <input
              type="checkbox"
              checked={enabled}
              disabled={pending}
              onChange={(e) => void run('settings:update', { settings: { chatEnabled: e.target.checked } })}
              data-testid="chat-enabled-toggle"
            />
            {t('live.chat.enabled')}
          </label>
        )}
      </div>
      {!enabled && (
        <p className="muted small" data-testid="chat-off">
          {t('live.chat.off')}
        </p>
      )}
      <ol className="chat__list" ref={list} data-testid="chat-list">
        {snapshot.chat.map((m) => (
          <li
            key={m.id}
            className={`chat-row${m.hidden ? ' chat-row--hidden' : ''}${m.authorKey === myKey ? ' chat-row--mine' : ''}`}
            data-testid="chat-row"
            data-hidden={m.hidden}
          >
            <span className="chat-row__meta small">
              <strong>{m.authorName}</strong> <span className="muted">{formatTime(new Date(m.at))}</span>
              {m.hidden && <span className="chip chip--muted">{t('live.chat.removed')}</span>}
            </span>
            <span className="chat-row__text">{m.text}</span>
            {moderate && !m.hidden && (
              <button
                type="button"
                className="link-button small chat-row__remove"
                disabled={pending}
                onClick={() => void run('chat:remove', { messageId: m.id })}
                data-testid="chat-remove"
              >
                {t('live.chat.remove')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {canSend && (
        <form
          className="chat__form"
          onSubmit={(e) => {
            e.preventDefault();
            const message = text.trim();
            if (message) void run('chat:send', { text: message }).then((ok) => ok && setText(''));
          }}
        >
          <label htmlFor="chat-input" className="visually-hidden">
            {t('live.chat.message')}
          </label>
          <input
            id="chat-input"
            value={text}
            maxLength={1000}
            placeholder={t('live.chat.placeholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="chat-input"
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={pending || !text.trim()}
            data-testid="chat-send"
          >
            {t('live.chat.send')}
          </button>
        </form>
      )}
    </section>
  );
}
