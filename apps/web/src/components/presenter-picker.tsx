import { useTranslation } from 'react-i18next';
import { usePresenters } from '../api/users';
import { QueryState } from './query-state';

interface Props {
  value: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  error?: string;
}

export function PresenterPicker({ value, onChange, disabled, error }: Props) {
  const { t } = useTranslation();
  const presenters = usePresenters();
  const list = presenters.data ?? [];
  return (
    <fieldset className="checklist" data-testid="presenter-picker" disabled={disabled}>
      <legend>{t('sessions.form.presenters')}</legend>
      <QueryState
        loading={presenters.isLoading}
        error={presenters.error}
        empty={list.length === 0}
        emptyText={t('sessions.form.noPresenters')}
      >
        <div className="checklist__items">
          {list.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={value.includes(p.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, p.id] : value.filter((id) => id !== p.id))
                }
                data-testid={`presenter-${p.username}`}
              />
              {p.displayName}
            </label>
          ))}
        </div>
      </QueryState>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
