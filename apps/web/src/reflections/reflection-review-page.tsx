import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { download } from '../api/http';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { formatDateTime } from '../i18n/format';
import { useReflectionForReview, useReview } from './reflections-api';
import './reflections.css';

/** The secretary reads one handed-in reflection and grades it or asks for a revision. */
export function ReflectionReviewPage() {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections' });
  const { id = '' } = useParams();
  const query = useReflectionForReview(id);
  const review = useReview(id);
  const r = query.data;
  const [decision, setDecision] = useState<'grade' | 'revise'>('grade');
  const [gradeKey, setGradeKey] = useState('');
  const [comment, setComment] = useState('');
  const [fileError, setFileError] = useState<unknown>(null);
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      {r && (
        <div className="stack stack--loose" data-testid="reflection-review" data-state={r.state}>
          <p>
            <Link to={`/sessions/${r.sessionId}/reflections`} className="back-link">
              <span aria-hidden="true">← </span>
              {t('review.back')}
            </Link>
          </p>
          <PageHeader title={r.fullName} subtitle={`${r.unitName} · ${r.sessionTitle}`} />
          <article className="panel stack">
            <p className="muted small">
              {r.submittedAt && t('write.submitted', { time: formatDateTime(r.submittedAt) })} ·{' '}
              {t('write.words', { count: r.words })}
            </p>
            {/* Sanitised on the server with an allow-list of plain tags and no attributes. */}
            <div
              className="reflection-body"
              data-testid="reflection-review-body"
              dangerouslySetInnerHTML={{ __html: r.body }}
            />
            {r.attachment && (
              <p>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    download(`/reflections/${r.id}/attachment`, r.attachment!.fileName).catch(setFileError)
                  }
                >
                  {t('review.attachment', { name: r.attachment.fileName })}
                </button>
              </p>
            )}
            <ErrorAlert error={fileError} />
          </article>
          {r.review && (
            <p className="alert alert--info" data-testid="reflection-review-current">
              {r.state === 'graded'
                ? t('write.grade', { grade: r.review.gradeLabel ?? '' })
                : t('write.revise')}
              {r.review.comment && ` — ${r.review.comment}`}
            </p>
          )}
          <form
            className="panel stack"
            onSubmit={(e) => {
              e.preventDefault();
              review.mutate(decision === 'grade' ? { decision, gradeKey, comment } : { decision, comment });
            }}
          >
            <fieldset className="stack stack--tight">
              <legend className="section-title">{t('review.decision')}</legend>
              <div className="reflection-decisions">
                {r.gradeScale.map((g) => (
                  <label key={g.key} className="check">
                    <input
                      type="radio"
                      name="decision"
                      checked={decision === 'grade' && gradeKey === g.key}
                      data-testid={`review-grade-${g.key}`}
                      onChange={() => {
                        setDecision('grade');
                        setGradeKey(g.key);
                      }}
                    />{' '}
                    {g.label}
                  </label>
                ))}
                <label className="check">
                  <input
                    type="radio"
                    name="decision"
                    checked={decision === 'revise'}
                    data-testid="review-revise"
                    onChange={() => setDecision('revise')}
                  />{' '}
                  {t('review.askRevision')}
                </label>
              </div>
            </fieldset>
            <FormField
              label={t('review.comment')}
              hint={decision === 'revise' ? t('review.commentRequired') : undefined}
            >
              {(c) => (
                <textarea
                  {...c}
                  rows={3}
                  value={comment}
                  required={decision === 'revise'}
                  data-testid="review-comment"
                  onChange={(e) => setComment(e.target.value)}
                />
              )}
            </FormField>
            <ErrorAlert error={review.error} />
            {review.isSuccess && (
              <p className="alert alert--success" role="status" data-testid="review-saved">
                {t('review.done')}
              </p>
            )}
            <div className="form-actions">
              <button
                type="submit"
                className="button button--primary"
                data-testid="review-save"
                disabled={review.isPending || (decision === 'grade' && !gradeKey)}
              >
                {decision === 'grade' ? t('review.saveGrade') : t('review.sendRevision')}
              </button>
            </div>
          </form>
        </div>
      )}
    </QueryState>
  );
}
