import { ApiError, type ApiErrorBody } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n.ts';

/**
 * POSTs a multipart form with upload progress (fetch cannot report it) and
 * answers the JSON body, or throws the same ApiError as every other call.
 * `onProgress` gets 0–1 while bytes go up; the server's work after the last
 * byte (checking an import file) shows as 1 until the answer comes.
 */
export function xhrUpload<T>(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept-Language', currentLanguage() === 'en' ? 'en' : 'zh-CN');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as unknown;
      const requestId = xhr.getResponseHeader('x-request-id') ?? undefined;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = (body as Partial<ApiErrorBody> | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          error ?? { message: xhr.statusText || `HTTP ${xhr.status}` },
          requestId,
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'NETWORK', message: 'network error' }));
    xhr.onabort = () => reject(new ApiError(0, { code: 'ABORTED', message: 'aborted' }));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
