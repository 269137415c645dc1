import type { SessionMode, SessionState } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../lib/field-issues';
import { fullyLocked, scheduleLocked, type SessionDraft } from '../lib/session-draft';
import type { UnitNode } from '../lib/unit-tree';
import { AttendanceRulesFields } from './attendance-rules-fields';
import { ErrorAlert } from './error-alert';
import { FormField } from './form-field';
import { PresenterPicker } from './presenter-picker';
import { UnitInvitePicker } from './unit-invite-picker';
import { UnitSelect } from './unit-select';
import './session-form.css';

export const sessionModes: SessionMode[] = ['hybrid', 'hall', 'online'];

const knownFields = [
  'title',
  'topic',
  'description',
  'startsAt',
  'endsAt',
  'mode',
  'hostUnitId',
  'invitedUnitIds',
  'presenterIds',
  'attendanceRules.presentShare',
  'attendanceRules.lateGraceMinutes',
  'attendanceRules.leftEarlyToleranceMinutes',
];

interface Props {
  initial: SessionDraft;
  /** The session's state when editing; undefined for a new session. */
  state?: SessionState;
  tree: UnitNode[];
  pending: boolean;
  error: unknown;
  onSubmit: (draft: SessionDraft) => void;
  onCancel: () => void;
}

export function SessionForm({ initial, state, tree, pending, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [endBeforeStart, setEndBeforeStart] = useState(false);
  const set = (patch: Partial<SessionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errors = fieldErrorsOf(t, error);
  if (endBeforeStart) errors.endsAt = t('fieldIssues.endAfterStart');
  const editing = state !== undefined;
  const schedule = scheduleLocked(state);
  const locked = fullyLocked(state);

  return (
    <form
      className="session-form stack"
      data-testid="session-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const bad = !!draft.startsAt && !!draft.endsAt && new Date(draft.endsAt) <= new Date(draft.startsAt);
        setEndBeforeStart(bad);
        if (!bad) onSubmit(draft);
      }}
    >
      {locked && (
        <p className="alert alert--warning">
          {t('sessions.form.lockedAll', { state: t(`sessionState.${state ?? 'scheduled'}`) })}
        </p>
      )}
      {schedule && !locked && <p className="alert alert--info">{t('sessions.form.lockedSchedule')}</p>}
      <fieldset className="stack" disabled={locked}>
        <FormField label={t('sessions.form.title')} required error={errors.title}>
          {(a11y) => (
            <input
              {...a11y}
              maxLength={200}
              value={draft.title}
              onChange={(e) => set({ title: e.target.value })}
              data-testid="session-title"
            />
          )}
        </FormField>
        <FormField label={t('sessions.form.topic')} hint={t('sessions.form.topicHint')} error={errors.topic}>
          {(a11y) => (
            <input
              {...a11y}
              maxLength={300}
              value={draft.topic}
              onChange={(e) => set({ topic: e.target.value })}
              data-testid="session-topic"
            />
          )}
        </FormField>
        <FormField label={t('sessions.form.description')} error={errors.description}>
          {(a11y) => (
            <textarea
              {...a11y}
              rows={4}
              maxLength={5000}
              value={draft.description}
              onChange={(e) => set({ description: e.target.value })}
              data-testid="session-description"
            />
          )}
        </FormField>
        <div className="form-row">
          <FormField label={t('sessions.form.startsAt')} required error={errors.startsAt}>
            {(a11y) => (
              <input
                {...a11y}
                type="datetime-local"
                disabled={schedule}
                value={draft.startsAt}
                onChange={(e) => set({ startsAt: e.target.value })}
                data-testid="session-starts-at"
              />
            )}
          </FormField>
          <FormField label={t('sessions.form.endsAt')} required error={errors.endsAt}>
            {(a11y) => (
              <input
                {...a11y}
                type="datetime-local"
                disabled={schedule}
                value={draft.endsAt}
                onChange={(e) => set({ endsAt: e.target.value })}
                data-testid="session-ends-at"
              />
            )}
          </FormField>
          <FormField label={t('sessions.form.mode')} error={errors.mode}>
            {(a11y) => (
              <select
                {...a11y}
                value={draft.mode}
                disabled={schedule}
                onChange={(e) => set({ mode: e.target.value as SessionMode })}
                data-testid="session-mode"
              >
                {sessionModes.map((m) => (
                  <option key={m} value={m}>
                    {t(`sessionMode.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField
          label={t('sessions.form.hostUnit')}
          hint={editing ? t('sessions.form.hostUnitFixed') : t('sessions.form.hostUnitHint')}
          error={errors.hostUnitId}
        >
          {(a11y) => (
            <UnitSelect
              {...a11y}
              tree={tree}
              value={draft.hostUnitId}
              disabled={editing}
              onChange={(hostUnitId) => set({ hostUnitId })}
              testId="session-host-unit"
            />
          )}
        </FormField>
        <UnitInvitePicker
          tree={tree}
          value={draft.invitedUnitIds}
          onChange={(invitedUnitIds) => set({ invitedUnitIds })}
          disabled={schedule}
          error={errors.invitedUnitIds}
        />
        <PresenterPicker
          value={draft.presenterIds}
          onChange={(presenterIds) => set({ presenterIds })}
          error={errors.presenterIds}
        />
        <AttendanceRulesFields draft={draft} set={set} errors={errors} />
        {editing && (
          <FormField
            label={t('sessions.form.reason')}
            hint={t('sessions.form.reasonHint')}
            error={errors.reason}
          >
            {(a11y) => (
              <input
                {...a11y}
                maxLength={500}
                value={draft.reason}
                onChange={(e) => set({ reason: e.target.value })}
                data-testid="session-reason"
              />
            )}
          </FormField>
        )}
      </fieldset>
      <ErrorAlert error={error} fields={knownFields} />
      <div className="form-actions form-actions--sticky">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={pending || locked}
          data-testid="session-submit"
        >
          {editing ? t('common.save') : t('sessions.form.create')}
        </button>
      </div>
    </form>
  );
}
