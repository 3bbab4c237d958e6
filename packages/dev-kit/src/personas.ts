import { issueActorToken, PERSONAS, type PersonaName, type PlatformKeys } from '@sig/platform/dev';

/** A fresh development token for every demo persona, with who they are (for the console and the playground). */
export async function personaTokens(keys: PlatformKeys): Promise<Record<PersonaName, { name: string; unit: string; token: string }>> {
  const entries = await Promise.all(
    (Object.keys(PERSONAS) as PersonaName[]).map(async (persona) => {
      const { name, unit } = PERSONAS[persona];
      return [persona, { name, unit, token: await issueActorToken(PERSONAS[persona], keys.issuer.privateJwk) }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<PersonaName, { name: string; unit: string; token: string }>;
}
