import type { Site } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateSite, useUpdateSite } from '../api/sites';
import { fieldErrorsOf } from '../lib/field-issues';
import type { UnitNode } from '../lib/unit-tree';
import { ErrorAlert } from './error-alert';
import { FormField } from './form-field';
import { Modal } from './modal';
import { UnitSelect } from './unit-select';
import { DialogActions } from './dialog-actions';

interface Props {
  site?: Site;
  tree: UnitNode[];
  defaultUnitId?: string;
  onClose: () => void;
  /** Called with the new site, whose pairing code the page then shows. */
  onCreated: (site: Site) => void;
}

export function SiteFormDialog({ site, tree, defaultUnitId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const create = useCreateSite();
  const update = useUpdateSite();
  const mutation = site ? update : create;
  const [unitId, setUnitId] = useState(site?.unitId ?? defaultUnitId ?? '');
  const [name, setName] = useState(site?.name ?? '');
  const [location, setLocation] = useState(site?.location ?? '');
  const errors = fieldErrorsOf(t, mutation.error);
  return (
    <Modal
      title={site ? t('sites.editTitle', { name: site.name }) : t('sites.createTitle')}
      onClose={onClose}
      testId="site-form"
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (site) update.mutate({ id: site.id, body: { name, location } }, { onSuccess: onClose });
          else create.mutate({ unitId, name, location }, { onSuccess: onCreated });
        }}
      >
        {!site && (
          <FormField label={t('sites.fields.unit')} required error={errors.unitId}>
            {(a11y) => (
              <UnitSelect
                {...a11y}
                tree={tree}
                value={unitId}
                onChange={setUnitId}
                selectable="branch"
                testId="site-unit"
              />
            )}
          </FormField>
        )}
        <FormField label={t('sites.fields.name')} required hint={t('sites.hints.name')} error={errors.name}>
          {(a11y) => (
            <input
              {...a11y}
              required
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="site-name"
            />
          )}
        </FormField>
        <FormField label={t('sites.fields.location')} error={errors.location}>
          {(a11y) => (
            <input
              {...a11y}
              maxLength={300}
              value={location}
              onChange={(e) => setLocation(e.target.value)}
              data-testid="site-location"
            />
          )}
        </FormField>
        <ErrorAlert error={mutation.error} fields={['unitId', 'name', 'location']} />
        <DialogActions
          onCancel={onClose}
          disabled={mutation.isPending || !unitId}
          submitTestId="site-submit"
        />
      </form>
    </Modal>
  );
}
