import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldControlProps } from './form-field';
import './file-picker.css';

interface FilePickerProps extends Partial<FieldControlProps> {
  accept: string;
  fileName?: string | null;
  buttonLabel?: string;
  disabled?: boolean;
  testId?: string;
  small?: boolean;
  onFile: (file: File | null) => void;
}

/**
 * A file input whose visible text comes from our catalogue (the native one speaks the browser's
 * language). The real input stays in the page, focusable and reachable by tests.
 */
export const FilePicker = forwardRef<HTMLInputElement, FilePickerProps>(function FilePicker(
  { accept, fileName, buttonLabel, disabled, testId, small, onFile, id, ...a11y },
  ref,
) {
  const { t } = useTranslation();
  return (
    <span className="file-picker">
      <span className="file-picker__target">
        <input
          {...a11y}
          id={id}
          // Inside a FormField its label names it; on its own, the button's text does.
          aria-label={id ? undefined : (buttonLabel ?? t('common.chooseFile'))}
          ref={ref}
          type="file"
          className="file-picker__input"
          accept={accept}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => {
            onFile(e.target.files?.[0] ?? null);
          }}
        />
        <span className={`button ${small ? 'button--small' : ''} file-picker__button`} aria-hidden="true">
          {buttonLabel ?? t('common.chooseFile')}
        </span>
      </span>
      {fileName !== undefined && (
        <span className="file-picker__name">{fileName ?? t('common.noFileChosen')}</span>
      )}
    </span>
  );
});
