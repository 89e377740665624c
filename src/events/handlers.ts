import type { EventHandler } from './dispatcher';
import { registryEventHandlers } from '../registry/registry.events';
import { schemesEventHandlers } from '../schemes/schemes.events';
import { casesEventHandlers } from '../cases/urgent-signals.events';
import { helplineEventHandlers } from '../helpline/helpline.events';

/** Every module's reactions to domain events; the dispatcher runs those of each event's type. */
export const EVENT_HANDLERS: readonly EventHandler[] = [
  ...registryEventHandlers,
  ...schemesEventHandlers,
  ...casesEventHandlers,
  ...helplineEventHandlers,
] as unknown as readonly EventHandler[];
