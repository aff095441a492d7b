import type { ApiBody, ApiResponse } from '../../../app/api-models.ts';

/** Named API types of this area (picked from the generated api-types.ts). */
export type Department = ApiResponse<'/api/departments', 'get'>['items'][number];
export type DepartmentCreate = ApiBody<'/api/departments', 'post'>;
export type DepartmentUpdate = ApiBody<'/api/departments/{id}', 'patch'>;
export type Person = ApiResponse<'/api/people', 'get'>['items'][number];
export type PersonCreate = ApiBody<'/api/people', 'post'>;
export type PersonUpdate = ApiBody<'/api/people/{id}', 'patch'>;
export type Organization = ApiResponse<'/api/organization', 'get'>;
export type OrganizationUpdate = ApiBody<'/api/organization', 'patch'>;
