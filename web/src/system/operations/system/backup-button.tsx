import { CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTexts } from '../../../app/texts.ts';
import { texts } from '../texts.ts';

const FRAME = 'houqin-backup-frame';
const COOKIE = 'houqin_download';

/** A token for this one download (crypto.randomUUID needs https, which a LAN install may lack). */
const newToken = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

function cookieValue(name: string): string | null {
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : null;
}

/**
 * "Download backup" as a plain form POST, so the browser streams a
 * multi-gigabyte archive to disk instead of holding it in memory (fetch +
 * blob would). The form posts into a hidden frame: the file downloads from
 * there, and an error answer (JSON) lands there instead of replacing this
 * page, where it is read and shown. (The server's CSRF check accepts the
 * `Origin: null` Chrome sends here, with `Sec-Fetch-Site: same-origin`.) The server sets a short-lived
 * cookie carrying our token when the file starts, which ends the spinner.
 */
export function BackupButton() {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const form = useRef<HTMLFormElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // While waiting: watch for the cookie that says the download has started.
  useEffect(() => {
    if (!token) return;
    const timer = setInterval(() => {
      if (cookieValue(COOKIE) !== token) return;
      document.cookie = `${COOKIE}=; Max-Age=0; path=/`;
      setToken(null);
      void message.success(t.system.backupStarted);
    }, 500);
    return () => clearInterval(timer);
  }, [token, message, t.system.backupStarted]);

  function start() {
    const next = newToken();
    setError(null);
    setToken(next);
    const f = form.current;
    if (!f) return;
    f.action = `/api/system/backup?downloadToken=${next}`;
    f.submit();
  }

  // The frame loads only when the answer is a page, not a file: an error.
  function onFrameLoad() {
    if (!token) return;
    const text = frame.current?.contentDocument?.body?.textContent ?? '';
    let shown = text.slice(0, 500);
    try {
      const body = JSON.parse(text) as { error?: { message?: string; requestId?: string } };
      if (body.error?.message)
        shown = body.error.requestId
          ? `${body.error.message} (${body.error.requestId})`
          : body.error.message;
    } catch {
      // not JSON: show the text as it is
    }
    setToken(null);
    setError(shown || 'HTTP error');
  }

  return (
    <Flex vertical gap={8} align="flex-start">
      <form ref={form} method="post" encType="text/plain" target={FRAME} hidden />
      <iframe ref={frame} name={FRAME} title={FRAME} hidden onLoad={onFrameLoad} />
      <Button
        type="primary"
        icon={<CloudDownloadOutlined />}
        loading={token !== null}
        onClick={start}
      >
        {t.system.backupButton}
      </Button>
      {token && <Alert type="info" showIcon title={t.system.backupPreparing} />}
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Flex>
  );
}
