import type { ActionStatus, Programme, ProgrammeAction } from '@hallbridge/contracts';
import { ACTION_STATUSES } from '@hallbridge/domain';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { formatDate } from '../i18n/format';
import { isOverdue } from './programme-state';
import { useRemoveAction, useUpdateAction } from './programmes-api';

interface Props {
  programme: Programme;
  unitKey: string;
  /** Why an adopted programme changes; sent with every change for the audit log. */
  why?: string;
}

/** The programme's actions as cards that read on a phone; staff change the status or remove one. */
export function ProgrammeActions({ programme, unitKey, why }: Props) {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes.edit' });
  const update = useUpdateAction(programme.sessionId, unitKey);
  const remove = useRemoveAction(programme.sessionId, unitKey);
  if (programme.actions.length === 0) return <p className="empty-state">{t('noActions')}</p>;
  return (
    <>
      <ErrorAlert error={update.error ?? remove.error} />
      <ol className="plain-list stack stack--tight" data-testid="programme-actions">
        {programme.actions.map((a, i) => (
          <ActionCard
            key={a.id}
            action={a}
            number={i + 1}
            editable={programme.canEdit}
            busy={update.isPending || remove.isPending}
            onStatus={(status) => update.mutate({ id: a.id, status, why: why || undefined })}
            onRemove={() => remove.mutate({ id: a.id, why: why || undefined })}
          />
        ))}
      </ol>
    </>
  );
}

function ActionCard(props: {
  action: ProgrammeAction;
  number: number;
  editable: boolean;
  busy: boolean;
  onStatus: (status: ActionStatus) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes' });
  const { action: a } = props;
  const overdue = isOverdue(a);
  return (
    <li
      className="programme-action"
      data-testid="programme-action"
      data-title={a.title}
      data-status={a.status}
    >
      <p className="programme-action__title">
        <span className="muted">{props.number}. </span>
        {a.title}
      </p>
      <dl className="programme-action__facts">
        <div>
          <dt>{t('edit.owner')}</dt>
          <dd>{a.owner}</dd>
        </div>
        <div>
          <dt>{t('edit.dueDate')}</dt>
          <dd>
            {a.dueDate ? formatDate(`${a.dueDate}T00:00:00`) : '—'}
            {overdue && <span className="chip chip--committee"> {t('edit.overdue')}</span>}
          </dd>
        </div>
        {!props.editable && (
          <div>
            <dt>{t('edit.status')}</dt>
            <dd>{t(`status.${a.status}`)}</dd>
          </div>
        )}
      </dl>
      {a.note && <p className="muted small prewrap">{a.note}</p>}
      {props.editable && (
        <div className="programme-action__edit">
          <label className="field">
            <span className="field__label">{t('edit.status')}</span>
            <select
              value={a.status}
              disabled={props.busy}
              onChange={(e) => props.onStatus(e.target.value as ActionStatus)}
              data-testid="programme-action-status"
            >
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--danger-outline button--small"
            disabled={props.busy}
            onClick={props.onRemove}
            aria-label={`${t('edit.remove')}: ${a.title}`}
            data-testid="programme-action-remove"
          >
            {t('edit.remove')}
          </button>
        </div>
      )}
    </li>
  );
}
