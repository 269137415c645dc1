import { PollKind, pollHasOptions, POLL_MAX_OPTIONS, RATING_MAX } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/form-field';
import { nextOptionId, toPollDraft, type PollForm, type PollFormProblem } from '../lib/poll-form';
import type { PollDraft } from '@hallbridge/contracts';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

interface PollDraftFormProps {
  initial: PollForm;
  editing: boolean;
  pending: boolean;
  onSave: (draft: PollDraft) => void;
  onCancel: () => void;
}

/** Prepares a poll: question, kind, options (the right ones for a quiz), and how answers work. */
export function PollDraftForm({ initial, editing, pending, onSave, onCancel }: PollDraftFormProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<PollFormProblem | null>(null);
  const set = (change: Partial<PollForm>) => setForm((f) => ({ ...f, ...change }));
  const choice = pollHasOptions(form.kind);
  const quiz = form.kind === 'quiz';
  return (
    <form
      className="poll-form stack"
      data-testid="poll-form"
      onSubmit={(e) => {
        e.preventDefault();
        const result = toPollDraft(form);
        if ('problem' in result) return setProblem(result.problem);
        setProblem(null);
        onSave(result.draft);
      }}
    >
      <FormField
        label={t('live.polls.form.question')}
        required
        error={problem === 'question' ? t('live.polls.form.needQuestion') : undefined}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            rows={2}
            maxLength={500}
            value={form.question}
            onChange={(e) => set({ question: e.target.value })}
            data-testid="poll-question-input"
          />
        )}
      </FormField>
      <FormField label={t('live.polls.form.kind')}>
        {(a11y) => (
          <select
            {...a11y}
            value={form.kind}
            onChange={(e) => set({ kind: e.target.value as PollKind, correct: [] })}
            data-testid="poll-kind-select"
          >
            {PollKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`polls.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {choice && (
        <fieldset className="stack stack--tight">
          <legend>{t('live.polls.form.options')}</legend>
          {quiz && <p className="field__hint">{t('live.polls.form.markCorrect')}</p>}
          {form.options.map((o, i) => (
            <div key={o.id} className="poll-form__option" data-testid="poll-option-field">
              {quiz && (
                <input
                  type="checkbox"
                  checked={form.correct.includes(o.id)}
                  aria-label={t('live.polls.form.correctAria', { n: i + 1 })}
                  onChange={(e) =>
                    set({
                      correct: e.target.checked
                        ? [...form.correct, o.id]
                        : form.correct.filter((c) => c !== o.id),
                    })
                  }
                  data-testid="poll-correct-checkbox"
                />
              )}
              <input
                value={o.label}
                maxLength={200}
                aria-label={t('live.polls.form.optionAria', { n: i + 1 })}
                placeholder={t('live.polls.form.optionPlaceholder', { n: i + 1 })}
                onChange={(e) =>
                  set({
                    options: form.options.map((x) => (x.id === o.id ? { ...x, label: e.target.value } : x)),
                  })
                }
                data-testid="poll-option-input"
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('live.polls.form.removeOption', { n: i + 1 })}
                disabled={form.options.length <= 2}
                onClick={() =>
                  set({
                    options: form.options.filter((x) => x.id !== o.id),
                    correct: form.correct.filter((c) => c !== o.id),
                  })
                }
                data-testid="poll-option-remove"
              >
                ×
              </button>
            </div>
          ))}
          <div>
            <button
              type="button"
              className="button button--small"
              disabled={form.options.length >= POLL_MAX_OPTIONS}
              onClick={() => {
                const id = nextOptionId(form.options);
                if (id) set({ options: [...form.options, { id, label: '' }] });
              }}
              data-testid="poll-option-add"
            >
              {t('live.polls.form.addOption')}
            </button>
          </div>
          {problem === 'options' && <p className="field__error">{t('live.polls.form.needOptions')}</p>}
          {problem === 'correct' && <p className="field__error">{t('live.polls.form.needCorrect')}</p>}
        </fieldset>
      )}
      {form.kind === 'rating' && (
        <FormField label={t('live.polls.form.ratingMax')}>
          {(a11y) => (
            <select
              {...a11y}
              className="input--short"
              value={form.ratingMax}
              onChange={(e) => set({ ratingMax: Number(e.target.value) })}
              data-testid="poll-rating-max"
            >
              {range(RATING_MAX.min, RATING_MAX.max).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={form.anonymous}
          onChange={(e) => set({ anonymous: e.target.checked })}
          data-testid="poll-anonymous"
        />
        {t('live.polls.form.anonymous')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={form.allowChange}
          onChange={(e) => set({ allowChange: e.target.checked })}
          data-testid="poll-allow-change"
        />
        {t('live.polls.form.allowChange')}
      </label>
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onCancel} data-testid="poll-cancel">
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={pending} data-testid="poll-save">
          {editing ? t('common.save') : t('live.polls.form.create')}
        </button>
      </div>
    </form>
  );
}
