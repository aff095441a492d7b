import type { FastifyRequest } from 'fastify';
import type { Actor } from '../context.ts';
import { unauthorized } from '../errors.ts';

/** The signed-in user of a request; routes declared with a permission always have one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}
