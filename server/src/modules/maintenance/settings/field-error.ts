import type { Actor } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import type { LocalizedText } from '../../../platform/i18n.ts';

/**
 * A 400 about one field, shaped like a validation failure (`details: [{path,
 * message}]`) so the web form shows it under that field.
 */
export function fieldError(actor: Actor, path: string, text: LocalizedText) {
  return badRequest(text, [{ path, message: text[actor.lang] }]);
}
