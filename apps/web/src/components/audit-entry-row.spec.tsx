/** @jest-environment jsdom */
import { AuditAction, AuditEntityType, type AuditEntry } from '@hallbridge/contracts';
import { screen, within } from '@testing-library/react';
import { renderView } from '../testing/render-view';
import { AuditEntryRow } from './audit-entry-row';

const entry = (action: string, entityType: string): AuditEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  at: '2026-12-02T08:00:00.000Z',
  actorRole: 'organiser',
  actorId: null,
  actorName: 'Nguyễn Tổ Chức',
  action,
  entityType,
  entityId: '00000000-0000-4000-8000-000000000002',
  sessionId: null,
  before: null,
  after: null,
  reason: null,
});

const cells = (action: string, entityType: string, language: 'vi' | 'en') => {
  const view = renderView(
    <table>
      <tbody>
        <AuditEntryRow entry={entry(action, entityType)} />
      </tbody>
    </table>,
    { language },
  );
  const [, , actionCell, entityCell] = within(screen.getByTestId('audit-row')).getAllByRole('cell');
  const texts = { action: actionCell!.textContent, entity: entityCell!.textContent };
  view.unmount();
  return texts;
};

describe('AuditEntryRow', () => {
  // Every action the API records (AuditAction) has a label in both languages, never its raw key.
  it.each(['vi', 'en'] as const)('labels every recorded action and entity type (%s)', (language) => {
    const raw = AuditAction.options.filter((action) => {
      const shown = cells(action, 'session', language).action ?? '';
      return shown === action || shown.includes('_') || shown.includes('audit.');
    });
    expect(raw).toEqual([]);
    const rawTypes = AuditEntityType.options.filter((type) =>
      (cells('unit.created', type, language).entity ?? '').startsWith(type),
    );
    expect(rawTypes).toEqual([]);
  });

  it('shows an action it does not know (an older entry) as recorded', () => {
    expect(cells('legacy.thing', 'session', 'vi').action).toBe('legacy.thing');
  });
});
