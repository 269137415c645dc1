import { z } from 'zod';
import * as contracts from './index';
import { Id, IsoDateTime, OptionalText, PersonName, Secret, Text, textProblem } from './common';

describe('PersonName', () => {
  it('stores composed Unicode with single spaces', () => {
    expect(PersonName.parse('  Nguyễn   Văn\tAn ')).toBe('Nguyễn Văn An');
    expect(PersonName.parse('Nguyễn'.normalize('NFD'))).toBe('Nguyễn');
    expect(PersonName.safeParse('   ').success).toBe(false);
  });

  it('refuses names made only of zero-width, bidi-override or filler characters', () => {
    for (const name of ['\u200B\u200B', '\u202E\u202D', '\u2066\u2069', '\uFEFF', '\u3164', '\u200D\u0301'])
      expect(PersonName.safeParse(name).success).toBe(false);
    expect(PersonName.parse('An\u200B')).toBe('An\u200B');
  });
});

describe('the text rule', () => {
  it('refuses NUL and other control characters, and line breaks in one-line text', () => {
    expect(Text(50).safeParse('Chi bộ\u0000').success).toBe(false);
    expect(Text(50).safeParse('a\u0007b').success).toBe(false);
    expect(Text(50).safeParse('a\u009Bb').success).toBe(false);
    expect(Text(50).safeParse('dòng 1\ndòng 2').success).toBe(false);
    expect(Text(50).safeParse('cột\tcột').success).toBe(false);
  });

  it('keeps line breaks and tabs where multi-line text is allowed, CRLF stored as LF', () => {
    expect(Text(50, { multiline: true }).parse('dòng 1\r\n\tdòng 2')).toBe('dòng 1\n\tdòng 2');
    expect(OptionalText(50, { multiline: true }).safeParse('a\u0000').success).toBe(false);
  });

  it('normalises to NFC before measuring and storing', () => {
    const decomposed = 'Nghị quyết'.normalize('NFD');
    expect(Text(10).parse(decomposed)).toBe('Nghị quyết'.normalize('NFC'));
  });

  it('refuses lone surrogates but keeps emoji', () => {
    expect(Text(10).safeParse('a\uD800b').success).toBe(false);
    expect(Text(10).safeParse('\uDC00').success).toBe(false);
    expect(Text(10).parse('👍 đồng ý')).toBe('👍 đồng ý');
    expect(textProblem('👨‍👩‍👧')).toBeNull();
  });

  it('keeps secrets as typed but refuses control characters in them', () => {
    expect(Secret(50).parse(' mật khẩu ')).toBe(' mật khẩu ');
    expect(Secret(50).safeParse('abc\u0000').success).toBe(false);
  });

  it('refuses ids that are not plain tokens', () => {
    expect(Id.safeParse('\u0000').success).toBe(false);
    expect(Id.safeParse('../etc').success).toBe(false);
    expect(Id.parse('cmember0000000000000000001')).toBe('cmember0000000000000000001');
    expect(Id.parse('1d19f5b0-d211-42d9-aa6d-671679e4ef0b')).toBeTruthy();
  });

  it('limits dates to sane years', () => {
    expect(IsoDateTime.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    expect(IsoDateTime.safeParse('9999-12-31T23:59:59Z').success).toBe(false);
    expect(IsoDateTime.safeParse('2026-03-01T08:00:00+07:00').success).toBe(true);
  });
});

/** Every schema a client sends: REST bodies, queries and params, and socket payloads. */
function inputSchemas(): [string, z.ZodType][] {
  const named = Object.entries(contracts).filter(
    ([name, value]) =>
      value instanceof z.ZodType && /(Body|Query|Params?|Command)$/.test(name) && name !== 'LiveEventBody',
  ) as [string, z.ZodType][];
  const live = Object.entries(contracts.LiveCommands).map(([name, s]) => [name, s] as [string, z.ZodType]);
  return [...named, ...live];
}

/** The schemas of every field (at any depth) that takes a string: object fields, array items, record keys. */
function stringFields(
  schema: z.ZodType,
  path: string,
  out: [string, z.ZodType][] = [],
): [string, z.ZodType][] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (s: unknown, p = path) => stringFields(s as z.ZodType, p, out);
  switch (def.type) {
    case 'object':
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        if (accepts(field, 'x') !== 'not a string') out.push([`${path}.${key}`, field]);
        inner(field, `${path}.${key}`);
      }
      break;
    case 'array':
      out.push([`${path}[]`, def.element as z.ZodType]);
      inner(def.element, `${path}[]`);
      break;
    case 'record':
      out.push([`${path}{key}`, def.keyType as z.ZodType], [`${path}{}`, def.valueType as z.ZodType]);
      inner(def.valueType, `${path}{}`);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      inner(def.innerType);
      break;
    case 'pipe':
      inner(def.in);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) inner(option);
      break;
  }
  return out;
}

function accepts(schema: z.ZodType, value: unknown): 'yes' | 'no' | 'not a string' {
  const result = schema.safeParse(value);
  if (result.success) return 'yes';
  return result.error.issues.some((i) => i.code === 'invalid_type' && i.path.length === 0)
    ? 'not a string'
    : 'no';
}

describe('every client-sent string field follows the text rule', () => {
  const fields = inputSchemas().flatMap(([name, schema]) => stringFields(schema, name));

  it('finds the input schemas and their string fields', () => {
    expect(inputSchemas().length).toBeGreaterThan(30);
    expect(fields.length).toBeGreaterThan(80);
  });

  const acceptedBy = (hostile: string) =>
    fields.filter(([, schema]) => accepts(schema, hostile) === 'yes').map(([path]) => path);

  it.each(['a\u0000b', 'x\uD800', '\uDC00y'])('no field accepts %j', (hostile) => {
    expect(acceptedBy(hostile)).toEqual([]);
  });

  it('only a password may be made of invisible characters', () => {
    expect(acceptedBy('\u202E\u200B').filter((path) => !path.endsWith('.password'))).toEqual([]);
  });
});
