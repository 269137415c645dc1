import type { UnitKind } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { flattenTree, type UnitNode } from '../lib/unit-tree';
import type { FieldControlProps } from './form-field';

interface UnitSelectProps extends Partial<FieldControlProps> {
  tree: UnitNode[];
  value: string;
  onChange: (unitId: string) => void;
  /** Only units of this kind can be chosen; the others stay visible as the tree's structure. */
  selectable?: UnitKind;
  /** Text of an empty first option (e.g. "all units"); without it a unit must be chosen. */
  emptyLabel?: string;
  exclude?: ReadonlySet<string>;
  disabled?: boolean;
  testId?: string;
}

/** A native select showing the unit tree by indentation. */
export function UnitSelect({
  tree,
  value,
  onChange,
  selectable,
  emptyLabel,
  exclude,
  disabled,
  testId,
  ...a11y
}: UnitSelectProps) {
  const { t } = useTranslation();
  return (
    <select
      {...a11y}
      value={value}
      disabled={disabled}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    >
      {emptyLabel !== undefined ? (
        <option value="">{emptyLabel}</option>
      ) : (
        !value && <option value="">{t('common.choose')}</option>
      )}
      {flattenTree(tree).map(({ unit, depth }) => (
        <option
          key={unit.id}
          value={unit.id}
          disabled={(selectable && unit.kind !== selectable) || exclude?.has(unit.id)}
        >
          {`${'\u00a0\u00a0\u00a0'.repeat(depth)}${unit.name}`}
        </option>
      ))}
    </select>
  );
}
