import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';
import { useTexts } from '../../../app/texts.ts';
import type { ChannelTestResult } from '../models.ts';
import { texts } from '../texts.ts';

/** The outcome of "send a test": what the server answered, or why it refused. */
export type TestOutcome =
  { name: string; result: ChannelTestResult } | { name: string; error: unknown };

/**
 * The answer of a test, word for word: the delivery's own error (HTTP
 * status, the robot's errcode, "network error (ECONNREFUSED)", a timeout)
 * or the server's refusal (e.g. no SMTP configured), with the request id.
 */
export function TestResultAlert({
  outcome,
  onClose,
}: {
  outcome: TestOutcome;
  onClose: () => void;
}) {
  const t = useTexts(texts);
  const { t: tShell } = useTranslation();
  const c = t.channels;
  if ('error' in outcome) {
    const err = outcome.error;
    const text = err instanceof ApiError ? err.message : String(err);
    const id = err instanceof ApiError ? err.requestId : undefined;
    return (
      <Alert
        type="error"
        showIcon
        closable={{ onClose, 'aria-label': t.common.close }}
        role="alert"
        title={c.testFailed(outcome.name)}
        description={
          <>
            <div>{text}</div>
            {id && <div>{`${tShell('errors.requestId')}: ${id}`}</div>}
          </>
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  const { ok, deliveries } = outcome.result;
  return (
    <Alert
      type={ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose, 'aria-label': t.common.close }}
      role="alert"
      title={ok ? c.testOk(outcome.name) : c.testFailed(outcome.name)}
      description={
        deliveries.length === 0 ? (
          c.testNothing
        ) : (
          <>
            {ok && <div>{c.testOkHint}</div>}
            {deliveries.map((d) => (
              <div key={d.id} style={{ overflowWrap: 'anywhere' }}>
                {c.testTarget(d.target)}
                {d.lastError ? `：${d.lastError}` : ''}
              </div>
            ))}
          </>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
