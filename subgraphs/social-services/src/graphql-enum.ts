import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

/** The run-time object of a vocabulary: each value keyed by itself, as type-graphql and call sites need. */
export type EnumObject<V extends string> = { readonly [K in V]: K };

/**
 * Registers the GraphQL enum of an `as const` vocabulary and returns its frozen enum object. The
 * values keep the array's order (the SDL lists them so); every value must have a description.
 */
export function graphqlEnum<V extends string>(
  name: string,
  values: readonly V[],
  description: string,
  valueDescriptions: Record<V, string>,
): EnumObject<V> {
  const enumObject = Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as EnumObject<V>;
  const valuesConfig = Object.fromEntries(values.map((v) => [v, { description: valueDescriptions[v] }]));
  registerEnumType(enumObject, { name, description, valuesConfig: valuesConfig as Record<V, { description: string }> });
  return enumObject;
}
