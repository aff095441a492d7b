import type { FastifyRequest } from 'fastify';
import type { UserActor } from '../context.ts';
import { unauthorized } from '../errors.ts';

/** The signed-in user of a request; routes declared with a permission always have one. */
export function actorOf(req: FastifyRequest): UserActor {
  if (!req.actor?.userId) throw unauthorized();
  return req.actor as UserActor;
}
