import { CHECK_IN_DIGITS } from '@hallbridge/domain';
import type { CheckInResult } from '@hallbridge/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiRequestError } from '../api/http';
import { usePrincipal } from '../auth/auth-store';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { formatTime } from '../i18n/format';
import { MemberShell } from '../layouts/member-layout';
import { useLeaveRoom, useScanCheckIn } from './attendance-api';
import './attendance.css';

/**
 * /checkin/:code — what a member's phone opens on scanning a room's QR code (and /checkin to type the
 * six digits). The phone must carry the member's own sign-in from their personal join link.
 */
export function MemberCheckInPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const principal = usePrincipal();
  return (
    <MemberShell>
      <div className="member-card stack" data-testid="member-check-in">
        <h1>{t('attendance.checkIn.title')}</h1>
        {!principal ? (
          <div className="alert alert--warning" data-testid="check-in-sign-in-first">
            <h3>{t('attendance.checkIn.signInFirst')}</h3>
            <p>{t('attendance.checkIn.signInFirstText')}</p>
          </div>
        ) : principal.role !== 'member' && !principal.memberId ? (
          <p className="alert alert--warning" data-testid="check-in-not-member">
            {t('attendance.checkIn.notMember')}
          </p>
        ) : code ? (
          <ScanCode code={code} />
        ) : (
          <TypeDigits />
        )}
      </div>
    </MemberShell>
  );
}

function ScanCode({ code }: { code: string }) {
  const scan = useScanCheckIn();
  const sent = useRef(false);
  useEffect(() => {
    // Once per page: a scan is idempotent on the server, but a second call would only add noise.
    if (sent.current) return;
    sent.current = true;
    scan.mutate(code);
  }, [code, scan]);
  return <Outcome pending={scan.isPending} result={scan.data} error={scan.error} />;
}

function TypeDigits() {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.checkIn' });
  const [digits, setDigits] = useState('');
  const scan = useScanCheckIn();
  if (scan.data) return <Outcome pending={false} result={scan.data} error={null} />;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (digits.length === CHECK_IN_DIGITS) scan.mutate(digits);
      }}
    >
      <h2>{t('typeTitle')}</h2>
      <p>{t('typeIntro')}</p>
      <FormField label={t('digits')}>
        {(a11y) => (
          <input
            {...a11y}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern={`[0-9]{${CHECK_IN_DIGITS}}`}
            maxLength={CHECK_IN_DIGITS}
            value={digits}
            onChange={(e) => setDigits(e.target.value.replace(/\D/g, ''))}
            data-testid="check-in-digits"
          />
        )}
      </FormField>
      <ErrorAlert error={scan.error} />
      <button
        type="submit"
        className="button button--primary button--large button--block"
        disabled={digits.length !== CHECK_IN_DIGITS || scan.isPending}
        data-testid="check-in-submit"
      >
        {t('submit')}
      </button>
    </form>
  );
}

/** Where the member came from when it was the live room (its link passes `{ back }`), else null. */
export interface CheckInFrom {
  back: string;
}

function Outcome({ pending, result, error }: { pending: boolean; result?: CheckInResult; error: unknown }) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.checkIn' });
  const navigate = useNavigate();
  const from = (useLocation().state as CheckInFrom | null) ?? null;
  const leave = useLeaveRoom();
  if (pending) return <p role="status">{t('checking')}</p>;
  if (error)
    return (
      <div className="stack" data-testid="check-in-failed">
        <h2>{t('failedTitle')}</h2>
        {error instanceof ApiRequestError && error.code === 'CHECKIN_CODE_INVALID' ? (
          <p className="alert alert--error">{t('invalid')}</p>
        ) : (
          <ErrorAlert error={error} />
        )}
        <Link to="/checkin" state={from} className="button button--block">
          {t('typeTitle')}
        </Link>
      </div>
    );
  if (!result) return null;
  return (
    <div className="stack" data-testid="check-in-done" data-site={result.siteName}>
      <p className="alert alert--success" role="status">
        <strong>{t('done')}</strong>
        <br />
        {result.already
          ? t('already', { site: result.siteName })
          : t('doneText', {
              site: result.siteName,
              session: result.sessionTitle,
              time: formatTime(result.at),
            })}
      </p>
      {leave.isSuccess ? (
        <p className="alert alert--info" data-testid="check-in-left">
          {t('left')}
        </p>
      ) : (
        <button
          type="button"
          className="button button--block"
          disabled={leave.isPending}
          onClick={() => leave.mutate(result.sessionId)}
          data-testid="check-in-leave"
        >
          {t('leave')}
        </button>
      )}
      <ErrorAlert error={leave.error} />
      <button
        type="button"
        className="button button--ghost button--block"
        onClick={() => navigate(from?.back ?? '/me')}
        data-testid="check-in-back"
      >
        {from ? t('toLive') : t('toSessions')}
      </button>
    </div>
  );
}
