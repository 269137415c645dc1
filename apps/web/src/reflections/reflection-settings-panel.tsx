import type { GradeLevel, ReflectionSettings } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { fromLocalInput, toLocalInput } from '../lib/datetime';
import { scaleFromText, scaleToText } from './grade-scale-text';
import { useSaveSettings } from './reflections-api';

/** The organiser asks for reflections: deadline, guiding questions, minimum words, the grade scale. */
export function ReflectionSettingsPanel({
  sessionId,
  settings,
  sessionEndsAt,
}: {
  sessionId: string;
  settings: ReflectionSettings | null;
  sessionEndsAt: string;
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections' });
  const defaultScale: GradeLevel[] = [
    { key: 'good', label: t('defaultScale.good'), passing: true },
    { key: 'pass', label: t('defaultScale.pass'), passing: true },
    { key: 'fail', label: t('defaultScale.fail'), passing: false },
  ];
  const previous = settings?.gradeScale ?? defaultScale;
  const [enabled, setEnabled] = useState(settings?.enabled ?? true);
  const [deadline, setDeadline] = useState(
    toLocalInput(settings?.deadline ?? new Date(Date.parse(sessionEndsAt) + 7 * 86_400_000)),
  );
  const [minWords, setMinWords] = useState(String(settings?.minWords ?? 300));
  const [questions, setQuestions] = useState((settings?.questions ?? []).join('\n'));
  const [scale, setScale] = useState(scaleToText(previous));
  const save = useSaveSettings(sessionId);
  return (
    <form
      className="panel stack"
      data-testid="reflection-settings"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          enabled,
          deadline: fromLocalInput(deadline) ?? '',
          minWords: Number(minWords) || 0,
          questions: questions
            .split('\n')
            .map((q) => q.trim())
            .filter(Boolean),
          gradeScale: scaleFromText(scale, previous),
        });
      }}
    >
      <h2 className="section-title">{t('settings.title')}</h2>
      {!settings && <p className="muted">{t('settings.off')}</p>}
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
        {t(settings ? 'settings.enabled' : 'settings.turnOn')}
      </label>
      <div className="form-row">
        <FormField label={t('settings.deadline')} required>
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              value={deadline}
              required
              data-testid="reflection-settings-deadline"
              onChange={(e) => setDeadline(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('settings.minWords')} hint={t('settings.minWordsHint')}>
          {(c) => (
            <input
              {...c}
              type="number"
              min={0}
              max={10000}
              className="input--short"
              value={minWords}
              data-testid="reflection-settings-min-words"
              onChange={(e) => setMinWords(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField label={t('settings.questions')}>
        {(c) => (
          <textarea
            {...c}
            rows={3}
            value={questions}
            data-testid="reflection-settings-questions"
            onChange={(e) => setQuestions(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('settings.scale')} hint={t('settings.scaleHint')}>
        {(c) => (
          <textarea
            {...c}
            rows={3}
            value={scale}
            data-testid="reflection-settings-scale"
            onChange={(e) => setScale(e.target.value)}
          />
        )}
      </FormField>
      <ErrorAlert error={save.error} />
      {save.isSuccess && (
        <p className="alert alert--success" role="status">
          {t('settings.saved')}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={save.isPending}
          data-testid="reflection-settings-save"
        >
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
