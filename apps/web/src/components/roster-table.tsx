import type { Member } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';

interface Props {
  members: Member[];
  onEdit: (m: Member) => void;
  onMove: (m: Member) => void;
  onDelete: (m: Member) => void;
  /** The member's personal link (copy, rotate). */
  onLink?: (m: Member) => void;
}

/** Members in the server's order (Vietnamese collation by given name). */
export function RosterTable({ members, onEdit, onMove, onDelete, onLink }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table--responsive" data-testid="roster-table">
        <thead>
          <tr>
            <th scope="col">{t('roster.fields.fullName')}</th>
            <th scope="col">{t('roster.fields.unit')}</th>
            <th scope="col">{t('roster.fields.position')}</th>
            <th scope="col">{t('roster.fields.phone')}</th>
            <th scope="col">{t('roster.fields.email')}</th>
            <th scope="col">{t('roster.fields.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} data-testid="roster-row">
              <th scope="row" data-label={t('roster.fields.fullName')}>
                {m.fullName}
              </th>
              <td data-label={t('roster.fields.unit')}>{m.unitName}</td>
              <td data-label={t('roster.fields.position')}>{m.position ?? ''}</td>
              <td data-label={t('roster.fields.phone')} className="mono">
                {m.phone ?? ''}
              </td>
              <td data-label={t('roster.fields.email')}>{m.email ?? ''}</td>
              <td data-label={t('roster.fields.status')}>
                <span className={`chip chip--status-${m.status}`}>{t(`memberStatus.${m.status}`)}</span>
              </td>
              <td className="table__actions">
                {onLink && (
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    onClick={() => onLink(m)}
                    aria-label={t('notifications.personal.linkAria', { name: m.fullName })}
                    data-testid="roster-personal-link"
                  >
                    {t('notifications.personal.link')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => onEdit(m)}
                  aria-label={t('roster.editAria', { name: m.fullName })}
                >
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => onMove(m)}
                  aria-label={t('roster.moveAria', { name: m.fullName })}
                >
                  {t('roster.move')}
                </button>
                <button
                  type="button"
                  className="button button--small button--ghost button--danger-text"
                  onClick={() => onDelete(m)}
                  aria-label={t('roster.deleteAria', { name: m.fullName })}
                >
                  {t('common.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
