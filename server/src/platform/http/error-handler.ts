import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { langFromHeader, type Lang, type LocalizedText } from '../i18n.ts';
import { describeIssues } from './validation.ts';

export type ErrorBody = {
  error: { code: string; message: string; details?: unknown; requestId?: string };
};

const WHERE: Record<string, LocalizedText> = {
  body: { zh: '请求体', en: 'body' },
  querystring: { zh: '查询参数', en: 'query' },
  params: { zh: '路径参数', en: 'path' },
  headers: { zh: '请求头', en: 'headers' },
};

// Fastify's own client errors, worded for people.
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; text: LocalizedText }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    text: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    text: { zh: '请求体为空，但声明为 JSON', en: 'The JSON request body is empty' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'BODY_TOO_LARGE',
    text: { zh: '请求体过大', en: 'The request body is too large' },
  },
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    code: 'FILE_TOO_LARGE',
    text: { zh: '文件超过大小限制', en: 'The file is larger than allowed' },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    text: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    text: { zh: '请以 multipart/form-data 上传文件', en: 'Upload files as multipart/form-data' },
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_REQUEST',
    text: { zh: '请求长度与内容不符', en: 'Content-Length does not match the body' },
  },
};

function body(code: string, message: string, details: unknown, requestId: string): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }), requestId } };
}

/** Turns anything thrown into the one error shape, never leaking internals on 5xx. */
export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang: Lang = req.lang ?? langFromHeader(req.headers['accept-language']);
  if (err instanceof AppError) {
    if (err.headers) reply.headers(err.headers);
    return reply.status(err.status).send(body(err.code, err.text[lang], err.details, req.id));
  }
  if (err instanceof z.ZodError && !isResponseSerializationError(err)) {
    const where =
      WHERE[(err as { validationContext?: string }).validationContext ?? 'body'] ?? WHERE.body!;
    const fields = describeIssues(err, lang);
    const first = fields[0];
    const summary =
      lang === 'en'
        ? `Invalid ${where.en}: ${first ? `${first.path || '(root)'}: ${first.message}` : ''}`
        : `${where.zh}有误：${first ? `${first.path || '（整体）'}：${first.message}` : ''}`;
    return reply.status(400).send(body('VALIDATION_FAILED', summary, fields, req.id));
  }
  const fe = err as FastifyError;
  // Values the database itself refuses (PostgreSQL SQLSTATE class 22: bad
  // characters, out-of-range numbers, over-long text) are the caller's input.
  if (typeof fe.code === 'string' && /^22[0-9A-Z]{3}$/.test(fe.code)) {
    return reply
      .status(400)
      .send(
        body(
          'BAD_REQUEST',
          lang === 'en'
            ? 'The database cannot store a value in this request (invalid characters or out of range)'
            : '请求中的某个值无法保存（包含非法字符或超出范围）',
          undefined,
          req.id,
        ),
      );
  }
  const known = fe.code ? FRAMEWORK_ERRORS[fe.code] : undefined;
  if (known)
    return reply.status(known.status).send(body(known.code, known.text[lang], undefined, req.id));
  if (fe.statusCode === 429) {
    return reply
      .status(429)
      .send(
        body(
          'TOO_MANY_REQUESTS',
          lang === 'en' ? 'Too many requests, try again later' : '请求过于频繁，请稍后再试',
          undefined,
          req.id,
        ),
      );
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own message is English; keep it as a detail for developers.
    return reply
      .status(fe.statusCode)
      .send(
        body(
          'BAD_REQUEST',
          lang === 'en' ? 'Bad request' : '请求有误',
          { reason: fe.message },
          req.id,
        ),
      );
  }
  req.log.error({ err }, 'unhandled error');
  return reply
    .status(500)
    .send(
      body(
        'INTERNAL',
        lang === 'en'
          ? `Internal error; quote request id ${req.id} to support`
          : `服务器内部错误，请将请求编号 ${req.id} 告知管理员`,
        undefined,
        req.id,
      ),
    );
}

export function handleNotFound(req: FastifyRequest, reply: FastifyReply) {
  const lang = langFromHeader(req.headers['accept-language']);
  return reply
    .status(404)
    .send(
      body(
        'ROUTE_NOT_FOUND',
        lang === 'en'
          ? `No such endpoint: ${req.method} ${req.url}`
          : `接口不存在：${req.method} ${req.url}`,
        undefined,
        req.id,
      ),
    );
}
