import { describe, expect, it } from 'vitest';
import { luhnCheckDigit, makePersonalNumber, parsePersonalNumber } from '../src/domain/personal-number';

const today = new Date('2026-11-24T12:00:00Z');

describe('personal identity number (personnummer)', () => {
  it('computes the Luhn check digit over YYMMDDNNN', () => {
    // Skatteverket's own example: 811218-987(6)
    expect(luhnCheckDigit('811218987')).toBe(6);
  });

  it.each(['19811218-9876', '198112189876', '811218-9876'])('accepts %s and normalises it to twelve digits', (input) => {
    const result = parsePersonalNumber(input, today);
    expect(result).toEqual({ ok: true, value: { value: '198112189876', dateOfBirth: '1981-12-18', coordinationNumber: false } });
  });

  it('places a two-digit year in the most recent century not in the future', () => {
    const result = parsePersonalNumber(makePersonalNumber('2010-05-04', 123).slice(2), today);
    expect(result.ok && result.value.dateOfBirth).toBe('2010-05-04');
  });

  it('reads the + separator as 100 years or older', () => {
    const pn = makePersonalNumber('1920-01-15', 2).slice(2).replace('-', '+');
    expect(parsePersonalNumber(pn, today)).toMatchObject({ ok: true, value: { dateOfBirth: '1920-01-15' } });
  });

  it('accepts a coordination number (samordningsnummer, day + 60)', () => {
    const digits = '701063'; // 1970-10-03 + 60
    const serial = '234';
    const pn = `19${digits}-${serial}${luhnCheckDigit(`${digits}${serial}`)}`;
    expect(parsePersonalNumber(pn, today)).toMatchObject({ ok: true, value: { dateOfBirth: '1970-10-03', coordinationNumber: true } });
  });

  it.each([
    ['19811218-9875', 'has a wrong check digit'],
    ['19811318-9876', 'does not contain a valid date of birth'],
    ['20230230-1234', 'does not contain a valid date of birth'],
    ['1981121-9876', 'must be YYYYMMDD-NNNN or YYMMDD-NNNN'],
    ["19811218-98'6", 'must be YYYYMMDD-NNNN or YYMMDD-NNNN'],
    ['', 'must be YYYYMMDD-NNNN or YYMMDD-NNNN'],
    ['19811218+9876', 'the + separator is only used with a two-digit year'],
  ])('rejects %s: %s', (input, error) => {
    expect(parsePersonalNumber(input, today)).toEqual({ ok: false, error });
  });

  it('rejects a date of birth in the future', () => {
    expect(parsePersonalNumber(makePersonalNumber('2027-01-01', 1), today)).toEqual({ ok: false, error: 'has a date of birth in the future' });
  });
});
