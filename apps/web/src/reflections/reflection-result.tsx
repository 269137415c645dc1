import type { Reflection } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';

/** The secretary's grade or revision request, as the member reads it. */
export function ReflectionResult({ reflection }: { reflection: Reflection }) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections.write' });
  const review = reflection.review!;
  const graded = reflection.state === 'graded';
  return (
    <section
      className={`member-card stack stack--tight reflection-result${graded ? '' : ' reflection-result--revise'}`}
      aria-labelledby="reflection-result"
      data-testid="reflection-result"
    >
      <h2 id="reflection-result" className="section-title">
        {t('result')}
      </h2>
      <p className="reflection-result__grade" data-testid="reflection-grade">
        {graded ? t('grade', { grade: review.gradeLabel ?? '' }) : t('revise')}
      </p>
      {review.comment && (
        <div>
          <p className="muted small">{t('comment')}</p>
          <p className="prewrap" data-testid="reflection-comment">
            {review.comment}
          </p>
        </div>
      )}
      <p className="muted small">
        {t('reviewedBy', { name: review.reviewedBy, time: formatDateTime(review.reviewedAt) })}
      </p>
    </section>
  );
}
