/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).
 * Accepted forms: YYYYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDD+NNNC (the + marks age 100+).
 * C is the Luhn check digit over the ten digits YYMMDDNNN.
 */
export interface PersonalNumber {
  /** Normalised, twelve digits: YYYYMMDDNNNC. */
  value: string;
  dateOfBirth: string; // ISO date
  coordinationNumber: boolean;
}

export type PersonalNumberResult = { ok: true; value: PersonalNumber } | { ok: false; error: string };

export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function parsePersonalNumber(input: string, today = new Date()): PersonalNumberResult {
  const raw = input.trim();
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/.exec(raw);
  if (!m) return { ok: false, error: 'must be YYYYMMDD-NNNN or YYMMDD-NNNN' };
  const [, century, yy, mm, dd, sep, serial, check] = m;
  const year = century ? Number(century + yy) : inferYear(Number(yy), sep === '+', today);
  if (century && sep === '+') return { ok: false, error: 'the + separator is only used with a two-digit year' };
  const month = Number(mm);
  let day = Number(dd);
  const coordinationNumber = day > 60;
  if (coordinationNumber) day -= 60;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, error: 'does not contain a valid date of birth' };
  }
  if (date.getTime() > today.getTime()) return { ok: false, error: 'has a date of birth in the future' };
  if (luhnCheckDigit(`${yy}${mm}${dd}${serial}`) !== Number(check)) return { ok: false, error: 'has a wrong check digit' };
  const yyyy = String(year).padStart(4, '0');
  return {
    ok: true,
    value: {
      value: `${yyyy}${mm}${dd}${serial}${check}`,
      dateOfBirth: `${yyyy}-${mm}-${String(day).padStart(2, '0')}`,
      coordinationNumber,
    },
  };
}

/** Two-digit years: the most recent century that is not in the future; '+' means one more century back. */
function inferYear(yy: number, hundredPlus: boolean, today: Date): number {
  const current = today.getUTCFullYear();
  let year = Math.floor(current / 100) * 100 + yy;
  if (year > current) year -= 100;
  if (hundredPlus) year -= 100;
  return year;
}

/** Makes a valid personal number for a date and serial (demo data and tests only). */
export function makePersonalNumber(dateOfBirth: string, serial: number): string {
  const [y, m, d] = dateOfBirth.split('-');
  const s = String(serial).padStart(3, '0');
  return `${y}${m}${d}-${s}${luhnCheckDigit(`${y.slice(2)}${m}${d}${s}`)}`;
}
