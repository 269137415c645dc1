import { ExcuseReason, type MemberAttendanceRow } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../components/dialog-actions';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { Modal } from '../components/modal';
import { useMarkExcuse } from './attendance-api';

/** Marks (or changes) a member's excused absence: a reason from the list, a note, and why for the log. */
export function ExcuseDialog({
  sessionId,
  member,
  onClose,
}: {
  sessionId: string;
  member: MemberAttendanceRow;
  onClose: () => void;
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance' });
  const mark = useMarkExcuse(sessionId);
  const [reason, setReason] = useState<ExcuseReason>(member.excuse?.reason ?? 'illness');
  const [note, setNote] = useState(member.excuse?.note ?? '');
  const [why, setWhy] = useState('');
  const needsNote = reason === 'other' && !note.trim();
  return (
    <Modal title={t('excuse.title', { name: member.fullName })} onClose={onClose} testId="excuse-dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (needsNote) return;
          mark.mutate(
            {
              memberId: member.memberId,
              reason,
              note: note.trim() || undefined,
              why: why.trim() || undefined,
            },
            { onSuccess: onClose },
          );
        }}
      >
        <FormField label={t('excuse.reason')} required>
          {(a11y) => (
            <select
              {...a11y}
              value={reason}
              onChange={(e) => setReason(e.target.value as ExcuseReason)}
              data-testid="excuse-reason"
            >
              {ExcuseReason.options.map((r) => (
                <option key={r} value={r}>
                  {t(`reasons.${r}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('excuse.note')} hint={t('excuse.noteHint')} required={reason === 'other'}>
          {(a11y) => (
            <input
              {...a11y}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-testid="excuse-note"
            />
          )}
        </FormField>
        <FormField label={t('excuse.why')} hint={t('excuse.whyHint')}>
          {(a11y) => (
            <input
              {...a11y}
              maxLength={500}
              value={why}
              onChange={(e) => setWhy(e.target.value)}
              data-testid="excuse-why"
            />
          )}
        </FormField>
        <ErrorAlert error={mark.error} />
        <DialogActions
          onCancel={onClose}
          disabled={needsNote || mark.isPending}
          submitTestId="excuse-save"
          submitLabel={t('excuse.save')}
        />
      </form>
    </Modal>
  );
}
