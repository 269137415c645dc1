import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { subtreeIds, type UnitNode } from '../lib/unit-tree';
import './session-form.css';

interface Props {
  tree: UnitNode[];
  value: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  error?: string;
}

const matches = (node: UnitNode, needle: string): boolean =>
  node.unit.name.toLocaleLowerCase().includes(needle) || node.children.some((c) => matches(c, needle));

/**
 * Invited units as a checkbox tree. An invitation covers the unit's whole subtree, so ticking a
 * committee shows everything below it as included and drops their own, now redundant, invitations.
 */
export function UnitInvitePicker({ tree, value, onChange, disabled, error }: Props) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const selected = useMemo(() => new Set(value), [value]);
  const needle = filter.trim().toLocaleLowerCase();

  const covered = useMemo(() => {
    const out = new Map<string, number>();
    const walk = (nodes: UnitNode[], inherited: boolean) => {
      for (const n of nodes) {
        if (selected.has(n.unit.id) && !inherited) out.set(n.unit.id, n.totalMembers);
        walk(n.children, inherited || selected.has(n.unit.id));
      }
    };
    walk(tree, false);
    return out;
  }, [tree, selected]);
  const invitedMembers = [...covered.values()].reduce((a, b) => a + b, 0);

  const toggle = (node: UnitNode, checked: boolean) => {
    const below = new Set(subtreeIds(node));
    const rest = value.filter((id) => !below.has(id));
    onChange(checked ? [...rest, node.unit.id] : rest);
  };

  const render = (nodes: UnitNode[], inherited: boolean) => (
    <ul className="invite-tree">
      {nodes
        .filter((n) => !needle || matches(n, needle))
        .map((node) => {
          const included = inherited && !selected.has(node.unit.id);
          return (
            <li key={node.unit.id}>
              <label className={`check invite-tree__row${included ? ' invite-tree__row--included' : ''}`}>
                <input
                  type="checkbox"
                  checked={selected.has(node.unit.id) || inherited}
                  disabled={disabled || inherited}
                  onChange={(e) => toggle(node, e.target.checked)}
                  data-testid={`invite-${node.unit.code}`}
                />
                <span className="invite-tree__name">{node.unit.name}</span>
                <span className="muted small">
                  {t('units.memberCount', { count: formatNumber(node.totalMembers) })}
                  {included && ` · ${t('sessions.form.includedAbove')}`}
                </span>
              </label>
              {node.children.length > 0 && render(node.children, inherited || selected.has(node.unit.id))}
            </li>
          );
        })}
    </ul>
  );

  return (
    <fieldset
      className="invite-picker"
      data-testid="invite-picker"
      aria-invalid={!!error}
      disabled={disabled}
    >
      <legend>{t('sessions.form.invitedUnits')}</legend>
      <p className="field__hint">{t('sessions.form.inviteHint')}</p>
      <div className="invite-picker__bar">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('sessions.form.inviteFilter')}
          aria-label={t('sessions.form.inviteFilter')}
        />
        <span className="muted small" aria-live="polite" data-testid="invite-summary">
          {t('sessions.form.inviteSummary', {
            units: formatNumber(covered.size),
            members: formatNumber(invitedMembers),
          })}
        </span>
      </div>
      <div className="invite-picker__tree">{render(tree, false)}</div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
