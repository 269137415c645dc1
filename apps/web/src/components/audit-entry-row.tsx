import { type AuditEntry, Role } from '@hallbridge/contracts';
import { vi } from '@hallbridge/i18n';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import './audit-entry-row.css';

type ActionKey = keyof typeof vi.audit.actions;
type TypeKey = keyof typeof vi.audit.types;
const roles: readonly string[] = Role.options;

const json = (value: unknown) =>
  value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);

/** One audit entry; the recorded state before and after the change unfolds below it. */
export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const actionKey = entry.action.replace(/\./g, '_');
  const action = actionKey in vi.audit.actions ? t(`audit.actions.${actionKey as ActionKey}`) : entry.action;
  const type =
    entry.entityType in vi.audit.types ? t(`audit.types.${entry.entityType as TypeKey}`) : entry.entityType;
  const hasChanges = entry.before !== null || entry.after !== null;
  const detailId = `audit-${entry.id}`;
  return (
    <>
      <tr data-testid="audit-row">
        <td className="nowrap">{formatDateTime(entry.at)}</td>
        <td>
          {entry.actorName}
          {roles.includes(entry.actorRole) && (
            <span className="muted small block">{t(`roles.${entry.actorRole as Role}`)}</span>
          )}
        </td>
        <td>{action}</td>
        <td>
          {type}
          <span className="muted small block mono" title={entry.entityId}>
            {entry.entityId.slice(0, 8)}
          </span>
        </td>
        <td>{entry.reason ?? ''}</td>
        <td className="table__actions">
          {hasChanges && (
            <button
              type="button"
              className="button button--small button--ghost"
              aria-expanded={open}
              aria-controls={detailId}
              onClick={() => setOpen(!open)}
            >
              {t(open ? 'audit.hideChanges' : 'audit.showChanges')}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr id={detailId} className="audit-detail">
          <td colSpan={6}>
            <div className="audit-detail__grid">
              <div>
                <h3>{t('audit.before')}</h3>
                <pre>{json(entry.before)}</pre>
              </div>
              <div>
                <h3>{t('audit.after')}</h3>
                <pre>{json(entry.after)}</pre>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
