import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../lib/clipboard';

interface CopyButtonProps {
  text: string | (() => string);
  label: string;
  /** Accessible name when the visible label alone is ambiguous (one copy button per row). */
  ariaLabel?: string;
  className?: string;
  testId?: string;
}

export function CopyButton({
  text,
  label,
  ariaLabel,
  className = 'button button--small',
  testId,
}: CopyButtonProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className={className}
      aria-label={ariaLabel}
      data-testid={testId}
      onClick={async () => {
        await copyText(typeof text === 'function' ? text() : text);
        setCopied(true);
      }}
    >
      <span aria-live="polite">{copied ? t('common.copied') : label}</span>
    </button>
  );
}
