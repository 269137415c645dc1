import { RATING_MAX } from '@hallbridge/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A 1..5 rating as a row of large radio buttons, with the ends of the scale named. */
export function FeedbackRating({
  legend,
  value,
  onChange,
  testId,
}: {
  legend: string;
  value: number | undefined;
  onChange: (value: number) => void;
  testId: string;
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'feedback' });
  const name = useId();
  return (
    <fieldset className="feedback-rating" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="feedback-rating__choices">
        {Array.from({ length: RATING_MAX }, (_, i) => i + 1).map((n) => (
          <label key={n} className="feedback-rating__choice">
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-label={t('rating', { value: n })}
            />
            <span aria-hidden="true">{n}</span>
          </label>
        ))}
      </div>
      <p className="feedback-rating__ends muted small" aria-hidden="true">
        <span>{t('scale.low')}</span>
        <span>{t('scale.high')}</span>
      </p>
    </fieldset>
  );
}
