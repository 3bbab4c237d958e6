/**
 * Stockholm's city districts (stadsdelsförvaltningar) as the seed papers name them.
 * The code is the stable identifier used in data and tokens; the name is for people.
 */
export const DISTRICTS = [
  { code: 'rinkeby-kista', name: 'Rinkeby-Kista' },
  { code: 'spanga-tensta', name: 'Spånga-Tensta' },
  { code: 'hasselby-vallingby', name: 'Hässelby-Vällingby' },
  { code: 'bromma', name: 'Bromma' },
  { code: 'kungsholmen', name: 'Kungsholmen' },
  { code: 'norrmalm', name: 'Norrmalm' },
  { code: 'ostermalm', name: 'Östermalm' },
  { code: 'sodermalm', name: 'Södermalm' },
  { code: 'enskede-arsta-vantor', name: 'Enskede-Årsta-Vantör' },
  { code: 'skarpnack', name: 'Skarpnäck' },
  { code: 'farsta', name: 'Farsta' },
  { code: 'alvsjo', name: 'Älvsjö' },
  { code: 'hagersten-liljeholmen', name: 'Hägersten-Liljeholmen' },
  { code: 'skarholmen', name: 'Skärholmen' },
] as const;

export type DistrictCode = (typeof DISTRICTS)[number]['code'];

export function isDistrictCode(code: string): code is DistrictCode {
  return DISTRICTS.some((d) => d.code === code);
}

export function districtName(code: string): string | undefined {
  return DISTRICTS.find((d) => d.code === code)?.name;
}
