import type { SubgraphContext } from '@sig/platform/request';

/** Who recorded a membership decision, when and why ('added' or 'ended'). */
export function recordedBy(ctx: SubgraphContext, what: 'added' | 'ended', reason: string) {
  return what === 'added'
    ? { addedById: ctx.actor.id, addedByName: ctx.actor.name, addedReason: reason, addedAt: new Date() }
    : { endedById: ctx.actor.id, endedByName: ctx.actor.name, endedReason: reason, endedAt: new Date() };
}
