import type { paths } from './api-types.ts';

/** The JSON body of a successful answer of `method path`, from the generated API types. */
export type ApiResponse<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch' | 'put' | 'delete',
> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

/** The JSON request body of `method path`. */
export type ApiBody<
  P extends keyof paths,
  M extends 'post' | 'patch' | 'put',
> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Me = ApiResponse<'/api/me', 'get'>;
export type SetupStatus = ApiResponse<'/api/setup', 'get'>;
export type SetupRequest = ApiBody<'/api/setup', 'post'>;
export type NotificationPage = ApiResponse<'/api/notifications', 'get'>;
export type NotificationItem = NotificationPage['items'][number];
