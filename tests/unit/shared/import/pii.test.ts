import { describe, expect, it } from 'vitest';
import { detectPii, maskValue, resolvePii } from '../../../../shared/import/pii.js';
import { isValidNhsNumber } from '../../../../shared/import/pii-content.js';
import { piiDecisionSchema } from '../../../../shared/import/pii-types.js';
import { POLICE_UK_HEADERS } from '../../../../shared/import/presets.js';

const opts = { nowYear: 2025 };

function kinds(headers: string[], rows: string[][] = []) {
  return detectPii(headers, rows, opts).map((f) => [f.column, f.kind, f.evidence]);
}

describe('detectPii — by header', () => {
  it('flags names, dates of birth, phones, e-mail, addresses, NHS and NI numbers, MO', () => {
    expect(
      kinds([
        'Forename',
        'Surname',
        'Victim Name',
        'DOB',
        'Date of Birth',
        'Mobile',
        'Telephone No',
        'E-mail',
        'Address Line 1',
        'House Number',
        'NHS Number',
        'NI Number',
        'MO',
        'Modus Operandi',
        'Full Postcode',
      ]),
    ).toEqual([
      ['Forename', 'name', 'header'],
      ['Surname', 'name', 'header'],
      ['Victim Name', 'name', 'header'],
      ['DOB', 'date_of_birth', 'header'],
      ['Date of Birth', 'date_of_birth', 'header'],
      ['Mobile', 'phone', 'header'],
      ['Telephone No', 'phone', 'header'],
      ['E-mail', 'email', 'header'],
      ['Address Line 1', 'address', 'header'],
      ['House Number', 'address', 'header'],
      ['NHS Number', 'nhs_number', 'header'],
      ['NI Number', 'ni_number', 'header'],
      ['MO', 'narrative', 'header'],
      ['Modus Operandi', 'narrative', 'header'],
      ['Full Postcode', 'postcode', 'header'],
    ]);
  });

  it('leaves the police.uk header alone (LSOA name is a place, not a person)', () => {
    expect(kinds([...POLICE_UK_HEADERS])).toEqual([]);
  });

  it('leaves place and category names, age bands and outward postcode districts alone', () => {
    expect(
      kinds([
        'Ward Name',
        'Street Name',
        'Beat Name',
        'Age Band',
        'Age',
        'Postcode District',
        'Offence Category',
      ]),
    ).toEqual([]);
  });
});

describe('detectPii — by content', () => {
  const column = (values: string[]) => values.map((v) => [v]);

  it('finds e-mail addresses in any column', () => {
    const f = detectPii(['Contact'], column(['none', 'jo.bloggs@example.co.uk']), opts);
    expect(f).toEqual([
      {
        column: 'Contact',
        kind: 'email',
        evidence: 'content',
        example: 'j***@e***.uk',
        reason: 'values contain e-mail addresses',
      },
    ]);
  });

  it('finds full unit postcodes but allows outward districts (the hospital data’s location)', () => {
    expect(kinds(['Postcode'], column(['LS6', 'SW1A', 'AS3']))).toEqual([]);
    const f = detectPii(['Postcode'], column(['LS6', 'SW1A 1AA']), opts);
    expect(f.map((x) => [x.kind, x.example])).toEqual([['postcode', 'SW1A 1**']]);
  });

  it('finds UK phone numbers when they are at least 30% of values', () => {
    expect(kinds(['Contact'], column(['07700 900123', '+44 20 7946 0958', 'n/a']))).toEqual([
      ['Contact', 'phone', 'content'],
    ]);
    expect(kinds(['Count'], column(['12', '0113', '7']))).toEqual([]);
  });

  it('finds NHS numbers by their mod-11 check digit', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943 476 5918')).toBe(false);
    expect(kinds(['Id'], column(['9434765919', '4010232137']))).toEqual([['Id', 'nhs_number', 'content']]);
  });

  it('finds national insurance numbers', () => {
    expect(kinds(['Ref2'], column(['AB 12 34 56 C']))).toEqual([['Ref2', 'ni_number', 'content']]);
  });

  it('finds street addresses with house numbers, not police.uk "On or near" locations', () => {
    expect(kinds(['Loc'], column(['12 Acacia Avenue', '3a Mill Road', 'On or near Park']))).toEqual([
      ['Loc', 'address', 'content'],
    ]);
    expect(kinds(['Location'], column(['On or near High Street', 'On or near Mill Road']))).toEqual([]);
  });

  it("finds people's names", () => {
    expect(kinds(['Col B'], column(['John Smith', 'Sarah Jones', 'Unknown']))).toEqual([
      ['Col B', 'name', 'content'],
    ]);
  });

  it('finds old dates in a column named neither date nor time (dates of birth), not in a date column', () => {
    expect(kinds(['Born on'], column(['12/03/1985', '01/01/1970']))).toEqual([
      ['Born on', 'date_of_birth', 'header'],
    ]);
    expect(kinds(['V1'], column(['12/03/1985', '01/01/1970']))).toEqual([['V1', 'date_of_birth', 'content']]);
    expect(kinds(['Offence Date'], column(['12/03/1985', '01/01/1970']))).toEqual([]);
    expect(kinds(['V2'], column(['12/03/2024', '01/01/2023']))).toEqual([]);
  });

  it('finds free-text narratives: long, many-word values', () => {
    const story =
      'Offender approached the victim outside the shop and demanded money before running off towards the park';
    expect(kinds(['Text 1'], column([story, `${story} again`]))).toEqual([
      ['Text 1', 'narrative', 'content'],
    ]);
    expect(kinds(['Text 1'], column(['Rear door forced', 'Window smashed']))).toEqual([]);
  });
});

describe('maskValue', () => {
  it('never shows the whole value', () => {
    expect(maskValue('phone', '07700 900123')).toBe('07*** ****23');
    expect(maskValue('name', 'John Smith')).toBe('J*** S****');
  });
});

describe('resolvePii', () => {
  const findings = detectPii(['Surname', 'Outcome', 'Type'], [['Smith', 'x', 'Burglary']], opts);

  it('refuses while any finding has no decision, saying what to do', () => {
    const r = resolvePii(findings, []);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual(['column "Surname" looks like name: exclude it, or override with a reason']);
  });

  it('accepts exclusion, and an override with a reason of 10+ characters', () => {
    expect(resolvePii(findings, [{ column: 'Surname', action: 'exclude' }])).toEqual({
      ok: true,
      excluded: ['Surname'],
      overrides: [],
    });
    expect(
      resolvePii(findings, [
        { column: 'Surname', action: 'override', reason: '  DPIA ref 2024-17 allows  ' },
      ]),
    ).toEqual({
      ok: true,
      excluded: [],
      overrides: [{ column: 'Surname', kinds: ['name'], reason: 'DPIA ref 2024-17 allows' }],
    });
  });

  it('refuses an override whose reason is too short', () => {
    const r = resolvePii(findings, [{ column: 'Surname', action: 'override', reason: 'ok fine' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/at least 10 characters/);
  });

  it('validates decisions with the Api schema', () => {
    expect(piiDecisionSchema.safeParse({ column: 'A', action: 'override', reason: 'short' }).success).toBe(
      false,
    );
    expect(piiDecisionSchema.safeParse({ column: 'A', action: 'exclude' }).success).toBe(true);
  });
});
