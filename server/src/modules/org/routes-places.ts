import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IdParams, OkSchema, paged } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { createDepartment, getDepartment, updateDepartment } from './departments.ts';
import {
  createLocation,
  findLocationByQrToken,
  getLocation,
  listLocations,
  regenerateQrToken,
  updateLocation,
} from './locations.ts';
import { createPerson, deletePerson, getPerson, updatePerson } from './people.ts';
import { DepartmentP, LocationP, PeopleP } from './policy.ts';
import { listDepartments, listPeople } from './repository.ts';
import {
  DepartmentCreateSchema,
  DepartmentListQuery,
  DepartmentSchema,
  DepartmentUpdateSchema,
  LocationCreateSchema,
  LocationListQuery,
  LocationSchema,
  LocationUpdateSchema,
  PeopleListQuery,
  PersonCreateSchema,
  PersonSchema,
  PersonUpdateSchema,
} from './schema.ts';

/** The location tree, departments and people. */
export function placesRoutes(app: App, { db, dialect }: Deps): void {
  const loc = ['locations'];
  app.get(
    '/api/locations',
    {
      config: { auth: LocationP.read, scope: 'site' },
      schema: {
        tags: loc,
        summary: '位置列表 List locations',
        querystring: LocationListQuery,
        response: { 200: paged(LocationSchema) },
      },
    },
    async (req) => listLocations(db, dialect, actorOf(req), req.query),
  );
  app.post(
    '/api/locations',
    {
      config: { auth: LocationP.manage, scope: 'site' },
      schema: {
        tags: loc,
        summary: '新建位置 Create a location',
        body: LocationCreateSchema,
        response: { 201: LocationSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createLocation(db, actorOf(req), req.body)),
  );
  app.get(
    '/api/locations/by-qr/:token',
    {
      config: { auth: LocationP.read, scope: 'site' },
      schema: {
        tags: loc,
        summary: '按二维码查位置 Resolve a QR label',
        params: z.strictObject({ token: z.string().regex(/^[\w-]{10,64}$/) }),
        response: { 200: LocationSchema },
      },
    },
    async (req) => findLocationByQrToken(db, actorOf(req), req.params.token),
  );
  app.get(
    '/api/locations/:id',
    {
      config: { auth: LocationP.read, scope: 'site' },
      schema: {
        tags: loc,
        summary: '位置详情 Get a location',
        params: IdParams,
        response: { 200: LocationSchema },
      },
    },
    async (req) => getLocation(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/locations/:id',
    {
      config: { auth: LocationP.manage, scope: 'site' },
      schema: {
        tags: loc,
        summary: '修改或移动位置 Update or move a location',
        params: IdParams,
        body: LocationUpdateSchema,
        response: { 200: LocationSchema },
      },
    },
    async (req) => updateLocation(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/locations/:id/regenerate-qr',
    {
      config: { auth: LocationP.manage, scope: 'site' },
      schema: {
        tags: loc,
        summary: '重新生成二维码 New QR token (old labels stop working)',
        params: IdParams,
        response: { 200: LocationSchema },
      },
    },
    async (req) => regenerateQrToken(db, actorOf(req), req.params.id),
  );

  const dep = ['departments'];
  // Departments are the organisation's, not a site's: whoever may read them at
  // any site (a member of staff of the West campus filling in a requisition)
  // reads the whole list.
  app.get(
    '/api/departments',
    {
      config: { auth: DepartmentP.read, scope: 'site' },
      schema: {
        tags: dep,
        summary: '部门列表 List departments',
        querystring: DepartmentListQuery,
        response: { 200: paged(DepartmentSchema) },
      },
    },
    async (req) => ({
      ...(await listDepartments(db, dialect, actorOf(req).orgId, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );
  app.post(
    '/api/departments',
    {
      config: { auth: DepartmentP.manage },
      schema: {
        tags: dep,
        summary: '新建部门 Create a department',
        body: DepartmentCreateSchema,
        response: { 201: DepartmentSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createDepartment(db, actorOf(req), req.body)),
  );
  app.get(
    '/api/departments/:id',
    {
      config: { auth: DepartmentP.read, scope: 'site' },
      schema: {
        tags: dep,
        summary: '部门详情 Get a department',
        params: IdParams,
        response: { 200: DepartmentSchema },
      },
    },
    async (req) => getDepartment(db, actorOf(req).orgId, req.params.id),
  );
  app.patch(
    '/api/departments/:id',
    {
      config: { auth: DepartmentP.manage },
      schema: {
        tags: dep,
        summary: '修改部门 Update a department',
        params: IdParams,
        body: DepartmentUpdateSchema,
        response: { 200: DepartmentSchema },
      },
    },
    async (req) => updateDepartment(db, actorOf(req), req.params.id, req.body),
  );

  const ppl = ['people'];
  app.get(
    '/api/people',
    {
      config: { auth: PeopleP.read },
      schema: {
        tags: ppl,
        summary: '人员列表 List people',
        querystring: PeopleListQuery,
        response: { 200: paged(PersonSchema) },
      },
    },
    async (req) => ({
      ...(await listPeople(db, dialect, actorOf(req).orgId, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );
  app.post(
    '/api/people',
    {
      config: { auth: PeopleP.manage },
      schema: {
        tags: ppl,
        summary: '新建人员 Create a person',
        body: PersonCreateSchema,
        response: { 201: PersonSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createPerson(db, actorOf(req), req.body)),
  );
  app.get(
    '/api/people/:id',
    {
      config: { auth: PeopleP.read },
      schema: {
        tags: ppl,
        summary: '人员详情 Get a person',
        params: IdParams,
        response: { 200: PersonSchema },
      },
    },
    async (req) => getPerson(db, actorOf(req).orgId, req.params.id),
  );
  app.patch(
    '/api/people/:id',
    {
      config: { auth: PeopleP.manage },
      schema: {
        tags: ppl,
        summary: '修改人员 Update a person',
        params: IdParams,
        body: PersonUpdateSchema,
        response: { 200: PersonSchema },
      },
    },
    async (req) => updatePerson(db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/people/:id',
    {
      config: { auth: PeopleP.manage },
      schema: {
        tags: ppl,
        summary: '删除人员（保留历史）Delete a person (history kept)',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deletePerson(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
