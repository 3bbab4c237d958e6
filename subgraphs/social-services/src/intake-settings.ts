import { parseAgeExceptionFloor, parseTargetGroupAges, type TargetGroupAges } from './domain/intake';

/**
 * The intake settings of this process, read once from the environment:
 * - `SIG_TARGET_GROUP_AGES`: the target groups' age bands as JSON, e.g.
 *   `{"SIG_UNGA":[12,20],"SIG_UNGA_VUXNA":[20,29]}` (the default, from the 2024 seed);
 * - `SIG_AGE_EXCEPTION_FLOOR`: below this age a proposal is refused outright (default 8).
 * main.ts calls this before listening, so a bad setting stops the start with the setting's name.
 */
let settings: { ages: TargetGroupAges; floor: number } | null = null;
export function intakeSettings(env: NodeJS.ProcessEnv = process.env): { ages: TargetGroupAges; floor: number } {
  if (!settings) {
    const ages = parseTargetGroupAges(env.SIG_TARGET_GROUP_AGES);
    const floor = parseAgeExceptionFloor(env.SIG_AGE_EXCEPTION_FLOOR);
    settings = { ages, floor };
  }
  return settings;
}
