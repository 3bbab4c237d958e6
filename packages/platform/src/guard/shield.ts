import { allow, deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { forbidden } from '../access/errors';
import { aggregateData, publicData, reachedThroughGuards } from './rules';

/** The markers that decide nothing themselves: the decision is on the field that leads to the type. */
const MARKERS = new Set<unknown>([publicData, reachedThroughGuards, aggregateData]);

/**
 * The fields that decide nothing, per type (`'*'` for every field of the type): types whose whole
 * entry is a marker (checkPermissionTable proves that only guarded fields lead to them), and fields
 * whose rule is `allow`. The subgraph runs their resolvers without the shield's wrapping, which
 * costs time on every field and would only ever answer yes (docs/decisions.md, "Guards").
 */
export function fieldsWithoutDecision(rules: IRules): Map<string, '*' | Set<string>> {
  const found = new Map<string, '*' | Set<string>>();
  for (const [type, entry] of Object.entries(rules as Record<string, unknown>)) {
    if (MARKERS.has(entry) || entry === allow) found.set(type, '*');
    else if (entry && typeof entry === 'object' && Object.getPrototypeOf(entry) === Object.prototype) {
      const map = entry as Record<string, unknown>;
      // Only fields named with allow: a field left to '*' keeps the shield unless '*' itself is allow.
      const names = Object.keys(map).filter((f) => f !== '*' && map[f] === allow);
      if (map['*'] === allow) found.set(type, '*');
      else if (names.length > 0) found.set(type, new Set(names));
    }
  }
  return found;
}

/** The federation entry points. Safe to allow only because every request must carry the gateway's signature. */
const FEDERATION_RULES = { Query: { _service: allow, _entities: allow }, _Service: allow };

/**
 * Builds the shield for a subgraph's permission table. Every field that the table does not
 * name is denied (fallback deny). Resolver errors (bad input, domain rules) pass through as they are.
 */
export function buildShield(rules: IRules) {
  const merged: Record<string, any> = { ...FEDERATION_RULES, ...(rules as Record<string, any>) };
  merged.Query = { ...FEDERATION_RULES.Query, ...((rules as any).Query ?? {}) };
  return shield(merged, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => forbidden('NOT_A_MEMBER'),
  });
}
