import type { ApiBody, ApiResponse } from '../../app/api-models.ts';

/** The account area's records, named once from the generated API types. */
export type User = ApiResponse<'/api/users/{id}', 'get'>;
export type UserGrant = User['grants'][number];
export type UserCreate = ApiBody<'/api/users', 'post'>;
export type UserUpdate = ApiBody<'/api/users/{id}', 'patch'>;
export type ApiToken = ApiResponse<'/api/users/{id}/tokens', 'get'>[number];
export type IssuedToken = ApiResponse<'/api/users/{id}/tokens', 'post'>;
export type Role = ApiResponse<'/api/roles', 'get'>[number];
export type RoleCreate = ApiBody<'/api/roles', 'post'>;
export type RoleUpdate = ApiBody<'/api/roles/{id}', 'patch'>;
export type Permission = ApiResponse<'/api/permissions', 'get'>[number];
export type Site = ApiResponse<'/api/sites', 'get'>[number];
