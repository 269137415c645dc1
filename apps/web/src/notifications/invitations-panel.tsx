import type { BranchReach, Delivery, InvitationStatus, MemberReach } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { QueryState } from '../components/query-state';
import { UnitSelect } from '../components/unit-select';
import { formatDateTime, formatNumber } from '../i18n/format';
import type { UnitNode } from '../lib/unit-tree';
import { useInvitationStatus, useResend, useSendInvitations } from './notifications-api';
import { QrSheetButton } from './qr-sheet-button';
import './notifications.css';

/**
 * A session's invitations: send them (organisers), see per branch who has been reached, resend to
 * those who have not, and print the QR sheet for those who need paper.
 */
export function InvitationsPanel({ sessionId, tree }: { sessionId: string; tree: UnitNode[] }) {
  const { t } = useTranslation('translation', { keyPrefix: 'notifications.panel' });
  const { t: tn } = useTranslation('translation', { keyPrefix: 'notifications' });
  const [unitId, setUnitId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const status = useInvitationStatus(sessionId, unitId || undefined);
  const send = useSendInvitations(sessionId);
  const resend = useResend(sessionId);
  const s = status.data;
  const unreached = s?.members.filter((m) => m.reach === 'failed') ?? [];
  const paper = s?.members.filter((m) => m.reach === 'needs_paper') ?? [];

  return (
    <section className="panel stack" aria-labelledby="invitations-title" data-testid="invitations-panel">
      <div className="panel__header">
        <h2 id="invitations-title">{t('title')}</h2>
        {s?.canSend && !s.sentAt && (
          <div className="panel__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="invitations-send"
              onClick={() => setConfirming(true)}
            >
              {t('send')}
            </button>
          </div>
        )}
      </div>
      <p className="muted small">{t('intro')}</p>
      <QueryState loading={status.isLoading} error={status.error}>
        {s && (
          <>
            <p data-testid="invitations-sent-at">
              {s.sentAt ? t('sentAt', { at: formatDateTime(s.sentAt), by: s.sentBy ?? '' }) : t('notSentYet')}{' '}
              {s.channels.length > 0 && (
                <span className="muted">
                  {t('channelsOn', {
                    channels: s.channels.map((c) => tn(`channels.${c}`)).join(', '),
                  })}
                </span>
              )}
            </p>
            {s.channels.length === 0 && <p className="alert alert--warning">{t('noChannels')}</p>}
            <div className="toolbar">
              <FormField label={t('filterUnit')}>
                {(a11y) => (
                  <UnitSelect
                    {...a11y}
                    tree={tree}
                    value={unitId}
                    onChange={setUnitId}
                    emptyLabel={t('allUnits')}
                    testId="invitations-unit"
                  />
                )}
              </FormField>
            </div>
            <ErrorAlert error={resend.error} />
            <BranchTable status={s} />
            {resend.data && (
              <p className="alert alert--success" role="status" data-testid="invitations-resent">
                {t('resent', { count: resend.data.requeued })}
              </p>
            )}
            {s.sentAt && (
              <UnreachedList
                members={unreached}
                pending={resend.isPending}
                onResend={(memberIds) => resend.mutate({ memberIds })}
                onResendAll={() => resend.mutate({ unitId: unitId || undefined })}
              />
            )}
            {paper.length > 0 && <PaperList members={paper} />}
          </>
        )}
      </QueryState>
      {confirming && s && (
        <ConfirmDialog
          title={t('sendConfirmTitle', { count: s.total.invited - s.total.needsPaper })}
          message={t('sendConfirmText')}
          confirmLabel={t('send')}
          pending={send.isPending}
          error={send.error}
          onConfirm={() => send.mutate(undefined, { onSuccess: () => setConfirming(false) })}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

function BranchTable({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation('translation', { keyPrefix: 'notifications.panel' });
  const columns = ['invited', 'reached', 'pending', 'failed', 'needsPaper'] as const;
  const row = (b: BranchReach | (InvitationStatus['total'] & { unitName: string }), total = false) => (
    <>
      <th scope="row" data-label={t('branch')}>
        {b.unitName}
      </th>
      {columns.map((c) => (
        <td
          key={c}
          data-label={t(c)}
          className={`num${c === 'failed' && b.failed > 0 ? ' reach-count--bad' : ''}`}
        >
          {formatNumber(b[c])}
        </td>
      ))}
      <td className="table__actions">
        {!total && 'unitId' in b && b.needsPaper > 0 && <QrSheetButton unitId={b.unitId} paperOnly small />}
      </td>
    </>
  );
  return (
    <div className="table-wrap">
      <table className="table table--responsive" data-testid="invitations-branches">
        <thead>
          <tr>
            <th scope="col">{t('branch')}</th>
            {columns.map((c) => (
              <th key={c} scope="col" className="num">
                {t(c)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('printSheet')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {status.branches.map((b) => (
            <tr key={b.unitId} data-testid="invitations-branch" data-unit-id={b.unitId}>
              {row(b)}
            </tr>
          ))}
        </tbody>
        {status.branches.length > 1 && (
          <tfoot>
            <tr>{row({ ...status.total, unitName: t('total') }, true)}</tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function DeliveryLine({ d }: { d: Delivery }) {
  const { t } = useTranslation('translation', { keyPrefix: 'notifications' });
  return (
    <li>
      <span className={`chip delivery-chip--${d.status}`}>
        {t(`channels.${d.channel}`)}: {t(`delivery.${d.status}`)}
      </span>{' '}
      {d.errorCode && (
        <span className="small">
          {t(`errorCodes.${d.errorCode}`, { defaultValue: d.errorCode })}
          {d.error ? <span className="muted"> ({d.error})</span> : null}
        </span>
      )}{' '}
      {d.attempts > 0 && <span className="muted small">{t('panel.attempts', { count: d.attempts })}</span>}
    </li>
  );
}

function UnreachedList({
  members,
  pending,
  onResend,
  onResendAll,
}: {
  members: MemberReach[];
  pending: boolean;
  onResend: (memberIds: string[]) => void;
  onResendAll: () => void;
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'notifications.panel' });
  return (
    <section
      className="stack stack--tight"
      aria-labelledby="unreached-title"
      data-testid="invitations-unreached"
    >
      <div className="panel__header">
        <h3 id="unreached-title">{t('unreachedTitle')}</h3>
        {members.length > 1 && (
          <button type="button" className="button button--small" disabled={pending} onClick={onResendAll}>
            {t('resendAll')}
          </button>
        )}
      </div>
      {members.length === 0 ? (
        <p className="muted">{t('unreachedEmpty')}</p>
      ) : (
        <ul className="reach-list">
          {members.map((m) => (
            <li
              key={m.memberId}
              className="reach-list__item"
              data-testid="unreached-member"
              data-member-id={m.memberId}
            >
              <div>
                <strong>{m.fullName}</strong> <span className="muted small">{m.unitName}</span>
                <ul className="reach-list__deliveries">
                  {m.deliveries
                    .filter((d) => d.kind === 'invitation')
                    .map((d) => (
                      <DeliveryLine key={d.id} d={d} />
                    ))}
                </ul>
              </div>
              <button
                type="button"
                className="button button--small"
                disabled={pending}
                aria-label={t('resendAria', { name: m.fullName })}
                data-testid="resend-member"
                onClick={() => onResend([m.memberId])}
              >
                {t('resend')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PaperList({ members }: { members: MemberReach[] }) {
  const { t } = useTranslation('translation', { keyPrefix: 'notifications' });
  const units = [...new Map(members.map((m) => [m.unitId, m.unitName])).entries()];
  return (
    <section className="stack stack--tight" aria-labelledby="paper-title" data-testid="invitations-paper">
      <h3 id="paper-title">{t('panel.paperTitle', { count: members.length })}</h3>
      <p className="muted small">{t('panel.paperIntro')}</p>
      <ul className="reach-list">
        {members.map((m) => (
          <li key={m.memberId} className="reach-list__item" data-testid="paper-member">
            <div>
              <strong>{m.fullName}</strong> <span className="muted small">{m.unitName}</span>
              {m.paperReason && <div className="small">{t(`paperReason.${m.paperReason}`)}</div>}
            </div>
          </li>
        ))}
      </ul>
      <div className="toolbar">
        {units.map(([id, name]) => (
          <QrSheetButton key={id} unitId={id} paperOnly small label={`${t('panel.printSheet')}: ${name}`} />
        ))}
      </div>
    </section>
  );
}
