import { describe, expect, it } from 'vitest';
import { formatError, hideUnwrittenNames, withoutSuggestions } from '../../src/runtime';

describe('suggestions', () => {
  it.each([
    ['Cannot query field "casez" on type "Query". Did you mean "cases" or "case"?', 'Cannot query field "casez" on type "Query".'],
    ['Value "ACTIV" does not exist in "CaseStatus" enum. Did you mean the enum value "ACTIVE"?', 'Value "ACTIV" does not exist in "CaseStatus" enum.'],
    [
      'Variable "$s" got invalid value "ACTIV"; Value "ACTIV" does not exist in "CaseStatus" enum. Did you mean the enum value "ACTIVE" or "ASSESSMENT"?',
      'Variable "$s" got invalid value "ACTIV"; Value "ACTIV" does not exist in "CaseStatus" enum.',
    ],
    ['Unknown type "CaseStatu". Did you mean "CaseStatus"?', 'Unknown type "CaseStatu".'],
    ['Field "x" of type "Case" must have a selection of subfields. Did you mean "x { ... }"?', 'Field "x" of type "Case" must have a selection of subfields.'],
  ])('are dropped: %s', (message, expected) => {
    expect(withoutSuggestions(message)).toBe(expected);
  });

  it('are dropped by formatError in every environment', () => {
    const formatted = formatError({ message: 'Unknown argument "limt" on field "Query.cases". Did you mean "limit"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatted.message).toBe('Unknown argument "limt" on field "Query.cases".');
  });
});

describe('names the client did not write', () => {
  it('are hidden; its own names, values and built-in scalars stay', () => {
    const written = '{ districtz { code } }';
    expect(hideUnwrittenNames('Cannot query field "districtz" on type "Query".', written)).toBe('Cannot query field "districtz" on type "[hidden]".');
    expect(hideUnwrittenNames('Unknown argument "limt" on field "Query.cases".', '{ cases(limt: 1) { id } }')).toBe('Unknown argument "limt" on field "[hidden].cases".');
    expect(hideUnwrittenNames('Value "ACTIV" does not exist in "CaseStatus" enum.', '{ cases(status: ACTIV) { id } }')).toBe('Value "ACTIV" does not exist in "[hidden]" enum.');
    expect(hideUnwrittenNames('Variable "$s" of type "CaseStatus" used in position expecting "[CaseStatus!]".', 'query($s: CaseStatus) { cases(status: $s) { id } }')).toBe(
      'Variable "$s" of type "CaseStatus" used in position expecting "[CaseStatus!]".',
    );
    expect(hideUnwrittenNames('Expected value of type "Int!", found "many".', '{ cases(limit: "many") { id } }')).toBe('Expected value of type "Int!", found "many".');
    // A name the client wrote only in its variables.
    expect(hideUnwrittenNames('Field "personalNumbr" is not defined by type "ProposeCaseInput".', 'mutation($i: X!) {} {"i":{"personalNumbr":"x"}}')).toBe(
      'Field "personalNumbr" is not defined by type "[hidden]".',
    );
  });

  it('leaves messages without quotes alone', () => {
    expect(hideUnwrittenNames('Syntax Error: Unexpected Name.', '')).toBe('Syntax Error: Unexpected Name.');
  });
});
