import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/errors';
import { ApiRequestError } from '../api/http';
import { issueText } from '../lib/field-issues';

interface ErrorAlertProps {
  error: unknown;
  /** Field paths the form shows next to their inputs; other issues are listed here. */
  fields?: string[];
}

export function ErrorAlert({ error, fields = [] }: ErrorAlertProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!error) return null;
  const loose =
    error instanceof ApiRequestError && error.code === 'VALIDATION_FAILED'
      ? error.issues.filter((i) => !fields.includes(i.path))
      : [];
  return (
    <div className="alert alert--error" role="alert" data-testid="error-alert">
      <p>{errorText(error)}</p>
      {loose.length > 0 && (
        <ul>
          {loose.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              {i.path === '(body)' ? '' : `${i.path}: `}
              {issueText(t, i.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
