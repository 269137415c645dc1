import type { LiveSnapshot } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from '../../live/live-connection';
import { useLiveCommand } from '../hooks/use-live-command';

/** Ask the presenter a question, with one's name or anonymously to the others. */
export function QuestionAskForm({
  snapshot,
  connection,
}: {
  snapshot: LiveSnapshot;
  connection: LiveConnection | null;
}) {
  const { t } = useTranslation();
  const { run, pending, error } = useLiveCommand(connection);
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [sent, setSent] = useState(false);
  if (snapshot.state !== 'live') return null;
  return (
    <form
      className="stack stack--tight"
      data-testid="question-form"
      onSubmit={(e) => {
        e.preventDefault();
        const question = text.trim();
        if (!question) return;
        void run('question:ask', { text: question, anonymous }).then((ok) => {
          if (!ok) return;
          setText('');
          setSent(true);
        });
      }}
    >
      <label htmlFor="question-input" className="field__label">
        {t('live.questions.ask')}
      </label>
      <textarea
        id="question-input"
        rows={2}
        maxLength={1000}
        value={text}
        placeholder={t('live.questions.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          setSent(false);
        }}
        data-testid="question-input"
      />
      <label className="check">
        <input
          type="checkbox"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
          data-testid="question-anonymous"
        />
        {t('live.questions.anonymousAsk')}
      </label>
      <button
        type="submit"
        className="button button--primary button--large button--block"
        disabled={pending || !text.trim()}
        data-testid="question-submit"
      >
        {t('live.questions.send')}
      </button>
      {sent && (
        <p className="alert alert--success" role="status" data-testid="question-sent">
          {snapshot.settings.questionsModerated
            ? t('live.questions.sentModerated')
            : t('live.questions.sent')}
        </p>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
