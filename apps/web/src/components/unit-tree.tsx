import type { Unit } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import type { UnitNode } from '../lib/unit-tree';
import './unit-tree.css';

export interface UnitTreeActions {
  onAddChild: (parent: Unit) => void;
  onEdit: (unit: Unit) => void;
  onMove: (unit: Unit) => void;
  onDelete: (unit: Unit) => void;
}

interface UnitTreeProps extends UnitTreeActions {
  tree: UnitNode[];
  /** The caller's own unit: it can be edited but not moved or deleted. */
  rootId?: string;
}

/** The organisation as an expandable tree with member counts and the actions on each unit. */
export function UnitTree({ tree, rootId, ...actions }: UnitTreeProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <ul className="unit-tree" data-testid="unit-tree">
      {tree.map((node) => (
        <UnitBranch
          key={node.unit.id}
          node={node}
          collapsed={collapsed}
          toggle={toggle}
          rootId={rootId}
          {...actions}
        />
      ))}
    </ul>
  );
}

interface BranchProps extends UnitTreeActions {
  node: UnitNode;
  collapsed: ReadonlySet<string>;
  toggle: (id: string) => void;
  rootId?: string;
}

function UnitBranch({ node, collapsed, toggle, rootId, ...actions }: BranchProps) {
  const { t } = useTranslation();
  const { unit, children, totalMembers } = node;
  const open = !collapsed.has(unit.id);
  const isRoot = unit.id === rootId || node.depth === 0;
  return (
    <li className="unit-tree__item">
      <div className="unit-row" data-testid={`unit-row-${unit.code}`}>
        {children.length > 0 ? (
          <button
            type="button"
            className="unit-row__toggle"
            aria-expanded={open}
            aria-label={t(open ? 'units.collapse' : 'units.expand', { name: unit.name })}
            onClick={() => toggle(unit.id)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="unit-row__toggle unit-row__toggle--leaf" aria-hidden="true" />
        )}
        <div className="unit-row__main">
          <span className="unit-row__name">{unit.name}</span>
          <span className="unit-row__meta">
            <span className={`chip chip--${unit.kind}`}>{t(`units.kind.${unit.kind}`)}</span>
            <span className="mono">{unit.code}</span>
            {unit.address && <span>{unit.address}</span>}
          </span>
        </div>
        <div className="unit-row__stats">
          <span title={t('units.membersHint')}>
            {t('units.memberCount', {
              count: formatNumber(unit.kind === 'branch' ? unit.memberCount : totalMembers),
            })}
          </span>
          <span className="muted">
            {t('units.targetShort', { target: formatNumber(unit.participationTarget) })}
          </span>
        </div>
        <div className="unit-row__actions">
          {unit.kind === 'committee' && (
            <button type="button" className="button button--small" onClick={() => actions.onAddChild(unit)}>
              {t('units.addChild')}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => actions.onEdit(unit)}
          >
            {t('common.edit')}
          </button>
          {!isRoot && (
            <>
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => actions.onMove(unit)}
              >
                {t('units.move')}
              </button>
              <button
                type="button"
                className="button button--small button--ghost button--danger-text"
                onClick={() => actions.onDelete(unit)}
              >
                {t('common.delete')}
              </button>
            </>
          )}
        </div>
      </div>
      {children.length > 0 && open && (
        <ul className="unit-tree__children">
          {children.map((child) => (
            <UnitBranch
              key={child.unit.id}
              node={child}
              collapsed={collapsed}
              toggle={toggle}
              rootId={rootId}
              {...actions}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
