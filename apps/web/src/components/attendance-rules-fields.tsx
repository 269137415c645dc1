import { useTranslation } from 'react-i18next';
import { defaultRules, type SessionDraft } from '../lib/session-draft';
import { FormField } from './form-field';

type RuleKey = 'presentSharePercent' | 'lateGraceMinutes' | 'leftEarlyToleranceMinutes';

interface Props {
  draft: SessionDraft;
  set: (patch: Partial<SessionDraft>) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}

const rules: { key: RuleKey; path: string; min: number; max: number; testId: string }[] = [
  {
    key: 'presentSharePercent',
    path: 'attendanceRules.presentShare',
    min: 5,
    max: 100,
    testId: 'session-present-share',
  },
  {
    key: 'lateGraceMinutes',
    path: 'attendanceRules.lateGraceMinutes',
    min: 0,
    max: 240,
    testId: 'session-late-grace',
  },
  {
    key: 'leftEarlyToleranceMinutes',
    path: 'attendanceRules.leftEarlyToleranceMinutes',
    min: 0,
    max: 240,
    testId: 'session-left-early',
  },
];

/** How presence becomes attendance: the three rules with their defaults (75 %, 10 and 5 minutes). */
export function AttendanceRulesFields({ draft, set, errors, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="rules" disabled={disabled}>
      <legend>{t('sessions.form.rules')}</legend>
      <p className="field__hint">{t('sessions.form.rulesHint')}</p>
      <div className="form-row">
        {rules.map(({ key, path, min, max, testId }) => (
          <FormField
            key={key}
            label={t(`sessions.form.${key}`)}
            hint={t('sessions.form.defaultValue', { value: defaultRules[key] })}
            error={errors[path]}
          >
            {(a11y) => (
              <div className="input-with-unit">
                <input
                  {...a11y}
                  type="number"
                  min={min}
                  max={max}
                  step={1}
                  value={draft[key]}
                  placeholder={defaultRules[key]}
                  onChange={(e) => set({ [key]: e.target.value })}
                  data-testid={testId}
                />
                <span aria-hidden="true">
                  {key === 'presentSharePercent' ? '%' : t('sessions.form.minutesUnit')}
                </span>
              </div>
            )}
          </FormField>
        ))}
      </div>
    </fieldset>
  );
}
