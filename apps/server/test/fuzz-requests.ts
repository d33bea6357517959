import fc from 'fast-check';

/** The part of JSON Schema (as `openapi.json` spells it) the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface DocumentOperation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface Operation {
  id: string;
  method: string;
  /** The OpenAPI path template: `/api/v1/deals/{id}`. */
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      id: operation.operationId,
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema,
    })),
  );
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** What the fuzzer knows of the server's state, so some inputs reach past "not found". */
export interface FuzzContext {
  document: OpenApiDocument;
  headers: Record<string, string>;
  /** Ids that exist, for a path parameter (`deals` + `id`) or any uuid field. */
  idsFor: (path: string, parameter: string) => string[];
  knownIds: string[];
  /** A cursor the server gave out for this operation, to tamper with. */
  cursor?: string;
}

const MAX_DEPTH = 6;

/** `arbitrary`'s value once in `oneIn` draws, undefined otherwise (fc.option counts the other way). */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

/** Strings that broke parsers, databases and renderers somewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(64),
  '\t\r\n\v\f',
  '\u202Egnp.exe',
  'مرحبا بالعالم',
  'שלום \u200F',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307',
  'Z\u0335\u0321\u0322\u0348\u034D\u0316',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  '𝕳𝖊𝖑𝖑𝖔 𐍈',
  '\uFEFF',
  '\uFFFF\uFFFE',
  '\uD800',
  '\uDC00x',
  '\\',
  'a\\',
  '%',
  '_',
  "'",
  '"',
  "'; select pg_sleep(1); --",
  "' or '1'='1",
  ':*',
  '!&|()<>',
  'a:* & b',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  'null',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '2024-02-30',
  '0000-00-00',
  '0000-01-01',
  '9999-12-31',
  '99999-01-01',
  '2024-01-01T25:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '1',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF',
  '0190a3e4-1f6b-7c3a-9d2e-4b5a6c7d8e9g',
  '0190a3e4-1f6b-7c3a-9d2e-4b5a6c7d8e9f\u0000',
  '{0190a3e4-1f6b-7c3a-9d2e-4b5a6c7d8e9f}',
  '__proto__',
  'constructor',
  // Shaped like a refresh or link token, with a row id that is no uuid.
  `${'-'.repeat(36)}.${'a'.repeat(43)}`,
  `${'f'.repeat(36)}.${'a'.repeat(43)}`,
  'a,b,,c,',
  ',',
  '-',
  '--',
];

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((text) => `${text}\u0000${text}`) },
  { weight: 1, arbitrary: fc.constantFrom(201, 256, 1_001, 5_000, 100_000).map((length) => 'x'.repeat(length)) },
  { weight: 1, arbitrary: fc.constantFrom(100, 1_000, 60_000).map((length) => '𝕏'.repeat(length)) },
);

const nestedArrayText = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjectText = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const nestedArray = (depth: number) => JSON.parse(nestedArrayText(depth)) as unknown;
const nestedObject = (depth: number) => JSON.parse(nestedObjectText(depth)) as unknown;

/** Any JSON value a client could send in place of the expected one. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, -0.5, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e21, [], {}, [null], { '': null }) },
  { weight: 3, arbitrary: nastyString },
  // Deeper nesting travels as raw text (see `rawBody`): JSON.stringify would overflow the stack here.
  { weight: 1, arbitrary: fc.constantFrom(8, 64, 256).map((depth) => nestedArray(depth)) },
  { weight: 1, arbitrary: fc.constantFrom(8, 64, 256).map((depth) => nestedObject(depth)) },
  { weight: 1, arbitrary: fc.constantFrom(1_001, 20_000).map((length) => Array.from({ length }, (_, index) => index)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function resolve(schema: JsonSchema, context: FuzzContext): JsonSchema {
  if (!schema.$ref) return schema;
  return context.document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!;
}

const isUuidPattern = (pattern: string | undefined) => pattern?.includes('[0-9a-fA-F]{8}') ?? false;

function uuidValue(context: FuzzContext, ids: string[] = context.knownIds): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid({ version: 7 }) },
    { weight: 2, arbitrary: fc.uuid({ version: 7 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.uuid({ version: 7 }).map((id) => id.toUpperCase()) },
  );
}

const dateValue = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-29', '2023-02-29', '1970-01-01', '0001-01-01', '9999-12-31', '2024-13-01', '2024-00-10', '2024-1-1'),
);

const dateTimeValue = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '1970-01-01T00:00:00+14:00', '2024-06-01T12:00:00.123456789Z', '2024-06-01T12:00:00'),
);

function stringValue(schema: JsonSchema, context: FuzzContext): fc.Arbitrary<string> {
  if (schema.format === 'uuid' || isUuidPattern(schema.pattern)) return uuidValue(context);
  if (schema.format === 'date') return dateValue;
  if (schema.format === 'date-time') return dateTimeValue;
  if (schema.format === 'email') return fc.oneof(fc.emailAddress(), fc.emailAddress().map((email) => email.toUpperCase()));
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 10_000;
  const boundaries = fc.constantFrom(
    ...[minLength, maxLength, maxLength + 1, Math.max(minLength - 1, 0)].map((length) => 'x'.repeat(length)),
    '𝕏'.repeat(Math.ceil(maxLength / 2) + 1),
    'e\u0301'.repeat(Math.ceil(maxLength / 2)),
  );
  const text = fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, 40) });
  if (schema.pattern) {
    const matching = fc.stringMatching(new RegExp(schema.pattern));
    return fc.oneof({ weight: 8, arbitrary: matching }, { weight: 1, arbitrary: boundaries }, { weight: 1, arbitrary: text });
  }
  return fc.oneof({ weight: 8, arbitrary: text }, { weight: 1, arbitrary: boundaries });
}

function numberValue(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? -(2 ** 53);
  const max = schema.maximum ?? 2 ** 53;
  const boundaries = [min, max, min - 1, max + 1, 0, -1, 0.5, -0.0, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 63, 1e21, 1e308, -1e308, 0.005, 0.015, max - 0.001];
  const inRange = integer ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(...boundaries) });
}

function arrayValue(schema: JsonSchema, context: FuzzContext, depth: number): fc.Arbitrary<unknown[]> {
  const item = schemaValue(schema.items ?? {}, context, depth + 1);
  const minLength = schema.minItems ?? 0;
  const maxLength = Math.min(schema.maxItems ?? 5, 5);
  const arrays = [{ weight: 4, arbitrary: fc.array(item, { minLength, maxLength: Math.max(minLength, maxLength) }) }];
  // One more item than allowed, all alike: the bound, not the items, is under test.
  if (schema.maxItems !== undefined) arrays.push({ weight: 1, arbitrary: item.map((value) => Array.from({ length: schema.maxItems! + 1 }, () => value)) });
  return fc.oneof(...arrays);
}

function objectValue(schema: JsonSchema, context: FuzzContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const value = schemaValue(property, context, depth + 1).map((generated) => [name, generated] as const);
    // Required fields are left out now and then, optional ones often.
    return fc.option(value, { nil: undefined, freq: required.has(name) ? 12 : 2 });
  });
  const extra = sometimes(fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'id', 'orgId', 'version')), hostileValue, { minKeys: 1, maxKeys: 2 }), 12);
  const additional =
    typeof schema.additionalProperties === 'object'
      ? fc.dictionary(schema.propertyNames ? stringValue(schema.propertyNames, context) : nastyString, schemaValue(schema.additionalProperties, context, depth + 1), { maxKeys: 4 })
      : fc.constant({});
  return fc.tuple(fc.tuple(...entries), extra, additional).map(([present, extraFields, additionalFields]) => {
    const object: Record<string, unknown> = { ...additionalFields };
    for (const entry of present) if (entry) object[entry[0]] = entry[1];
    // defineProperty: a generated `__proto__` key is a field on the wire, not a prototype here.
    for (const [key, value] of Object.entries(extraFields ?? {})) Object.defineProperty(object, key, { value, enumerable: true });
    return object;
  });
}

/** Values shaped by `schema` most of the time, anything at all otherwise, at every level. */
export function schemaValue(schema: JsonSchema, context: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  const conforming = depth > MAX_DEPTH ? fc.constant(null) : conformingValue(resolve(schema, context), context, depth);
  // Rare enough per field that a whole body is often valid and reaches the service and database.
  return fc.oneof({ weight: 24, arbitrary: conforming }, { weight: 1, arbitrary: hostileValue });
}

function conformingValue(schema: JsonSchema, context: FuzzContext, depth: number): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => schemaValue(alternative, context, depth)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringValue(schema, context);
        case 'integer':
        case 'number':
          return numberValue(schema, type === 'integer');
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array':
          return arrayValue(schema, context, depth);
        case 'object':
          return objectValue(schema, context, depth);
        default:
          return hostileValue;
      }
    }),
  );
}

/** Percent-encodes every byte but the unreserved ones, so any string (NUL, lone surrogates) travels. */
function percentEncode(text: string): string {
  return [...Buffer.from(text)].map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Raw URL text no encoder would produce: broken escapes, encoded NUL, bracket syntax. */
const rawUrlText = fc.constantFrom('%', '%zz', '%00', '%FF%FE', '%C0%80', '%E0%A4%A', '%uD800', '..', '.', '%2e%2e', '%2F', '[]', 'a[b]', '%5B%5D');

/** A cursor the server issued with one of its values swapped for something else. */
function tamperedCursor(cursor: string): fc.Arbitrary<string> {
  const text = Buffer.from(cursor, 'base64url').toString();
  const edited = fc.tuple(fc.nat(cursor.length - 1), fc.constantFrom('A', '_', '-', '=', '.', '%')).map(([at, character]) => cursor.slice(0, at) + character + cursor.slice(at + 1));
  const encodedText = nastyString.map((replacement) => Buffer.from(text.replace(/\d+/, replacement)).toString('base64url'));
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    return fc.oneof(edited, encodedText);
  }
  const swap = (value: unknown, replacement: unknown, at: number): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => (index === at % value.length ? replacement : item));
    if (value && typeof value === 'object') {
      const keys = Object.keys(value);
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === keys[at % keys.length] ? swap(item, replacement, at) : item]));
    }
    return replacement;
  };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return fc.oneof(
    fc.tuple(hostileValue, fc.nat(8)).map(([replacement, at]) => encode(swap(decoded, replacement, at))),
    edited,
    fc.jsonValue({ maxDepth: 2 }).map(encode),
  );
}

const PAGING_PARAMETERS = new Set(['q', 'sort', 'limit', 'cursor', 'deleted']);

/** Sort keys: the list's field names with a direction, now and then a wrong sign or field. */
function sortValue(operation: Operation): fc.Arbitrary<string> {
  const fields = operation.parameters.filter((parameter) => parameter.in === 'query' && !parameter.name.includes('[') && !PAGING_PARAMETERS.has(parameter.name)).map((parameter) => parameter.name);
  const field = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fields, 'createdAt', 'updatedAt') }, { weight: 1, arbitrary: fc.constantFrom('deletedAt', 'id', 'orgId', '') });
  const sign = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('', '-') }, { weight: 1, arbitrary: fc.constantFrom('+', '--', ' ') });
  return fc.array(fc.tuple(sign, field), { minLength: 1, maxLength: 3 }).map((keys) => keys.map(([direction, name]) => `${direction}${name}`).join(','));
}

function queryValue(operation: Operation, parameter: Parameter, context: FuzzContext): fc.Arbitrary<string> {
  if (parameter.name === 'cursor') {
    if (!context.cursor) return nastyString;
    return fc.oneof({ weight: 3, arbitrary: fc.constant(context.cursor) }, { weight: 3, arbitrary: tamperedCursor(context.cursor) }, { weight: 1, arbitrary: nastyString });
  }
  if (parameter.name === 'sort') return fc.oneof({ weight: 6, arbitrary: sortValue(operation) }, { weight: 1, arbitrary: nastyString });
  const shaped = schemaValue(parameter.schema, context).map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')));
  // `[in]` filters take comma-separated lists.
  const list = fc.array(shaped, { minLength: 1, maxLength: 4 }).map((values) => values.join(','));
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: parameter.name.endsWith('[in]') ? 4 : 1, arbitrary: list }, { weight: 1, arbitrary: nastyString });
}

function queryString(operation: Operation, context: FuzzContext): fc.Arbitrary<string> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const pairs = parameters.map((parameter) => {
    const value = queryValue(operation, parameter, context);
    // Now and then the parameter comes twice (`?limit=1&limit=2`).
    const count = fc.oneof({ weight: 12, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) });
    const repeated = fc.array(value, { minLength: 1, maxLength: 2 }).chain((values) => count.map((times) => values.slice(0, times).map((item) => `${percentEncode(parameter.name)}=${percentEncode(item)}`)));
    if (parameter.required) return fc.option(repeated, { nil: undefined, freq: 12 });
    // Lists have many filters: each is rarely present, so a request combines a few.
    return sometimes(repeated, parameters.length > 8 && !PAGING_PARAMETERS.has(parameter.name) ? 16 : 3);
  });
  const unknown = sometimes(
    fc.tuple(fc.oneof(nastyString, fc.constantFrom('name[regex]', 'limit[gt]', '__proto__[x]', 'constructor[prototype][x]', 'a[b][c]')), nastyString).map(([name, value]) => [`${percentEncode(name)}=${percentEncode(value)}`]),
    6,
  );
  const raw = sometimes(rawUrlText.map((text) => [`${text}=${text}`]), 10);
  return fc.tuple(fc.tuple(...pairs), unknown, raw).map(([present, extra, broken]) => {
    const all = [...present, extra, broken].flatMap((entry) => entry ?? []);
    return all.length > 0 ? `?${all.join('&')}` : '';
  });
}

function pathValue(operation: Operation, parameter: Parameter, context: FuzzContext): fc.Arbitrary<string> {
  const ids = context.idsFor(operation.path, parameter.name);
  return fc.oneof(
    { weight: 8, arbitrary: uuidValue(context, ids.length > 0 ? ids : context.knownIds) },
    { weight: 2, arbitrary: nastyString.filter((text) => text.length > 0).map(percentEncode) },
    { weight: 1, arbitrary: rawUrlText },
  );
}

function urlOf(operation: Operation, context: FuzzContext): fc.Arbitrary<string> {
  const names = operation.parameters.filter((parameter) => parameter.in === 'path');
  return fc.tuple(fc.tuple(...names.map((parameter) => pathValue(operation, parameter, context))), queryString(operation, context)).map(([values, query]) => {
    let url = operation.path;
    names.forEach((parameter, index) => (url = url.replace(`{${parameter.name}}`, values[index]!)));
    return url + query;
  });
}

/** If-Match values: header text is visible ASCII, the rest of the fuzzing is in what it says. */
const ifMatch = fc.oneof(
  fc.constantFrom('"1"', '"0"', '"-1"', '"1.5"', '"99999999999999999999"', '"2147483648"', 'W/"1"', '*', '', '"', 'abc', '"1", "2"', '"\\u0000"'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
);

function bodyOf(operation: Operation, context: FuzzContext): fc.Arbitrary<{ contentType?: string; payload?: string | Buffer }> {
  const json = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/merge-patch+json');
  const wrongType = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/xml');
  const rawBody = fc.oneof(
    fc.constantFrom(5_000, 100_000).map((depth) => nestedArrayText(depth)),
    fc.constantFrom(5_000, 100_000).map((depth) => nestedObjectText(depth)),
    fc.constantFrom('', '{', '}', 'null', '[]', '"x"', '1e999', '-', '{"a":1,"a":2}', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '\u0000', '{"a":"\\ud800"}'),
    fc.constantFrom(10_000, 200_000).map((depth) => '['.repeat(depth)),
    fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0x22, 0x7d])),
    fc.constant(JSON.stringify({ text: 'x'.repeat(1_100_000) })),
  );
  const shaped = (operation.body ? schemaValue(operation.body, context) : hostileValue).map((value) => JSON.stringify(value) ?? 'null');
  const bodies = [
    { weight: 8, arbitrary: fc.tuple(json, shaped).map(([contentType, payload]) => ({ contentType, payload })) },
    { weight: 1, arbitrary: fc.tuple(json, rawBody).map(([contentType, payload]) => ({ contentType, payload })) },
    { weight: 1, arbitrary: fc.tuple(wrongType, shaped).map(([contentType, payload]) => ({ contentType, payload })) },
  ];
  // A body-less operation gets one now and then; one that takes a body sometimes comes without.
  if (!operation.body) return fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, ...bodies.map((body) => ({ ...body, weight: 1 })));
  return fc.oneof(...bodies, { weight: 1, arbitrary: fc.constant({}) });
}

/** Requests for `operation`, mostly shaped by its schemas and wrong in one or many places. */
export function requestsFor(operation: Operation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const takesIfMatch = operation.parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'if-match');
  return fc.tuple(urlOf(operation, context), bodyOf(operation, context), takesIfMatch ? sometimes(ifMatch, 2) : fc.constant(undefined)).map(([url, body, etag]) => ({
    method: operation.method,
    url,
    headers: {
      ...context.headers,
      ...(body.contentType ? { 'content-type': body.contentType } : {}),
      ...(etag !== undefined ? { 'if-match': etag } : {}),
    },
    ...(body.payload !== undefined ? { payload: body.payload } : {}),
  }));
}

/** A failing request, short enough to read in a test report. */
export function describeRequest(request: FuzzRequest): string {
  const payload = request.payload === undefined ? '' : ` ${String(request.payload).slice(0, 300)}${String(request.payload).length > 300 ? '…' : ''}`;
  return `${request.method} ${request.url.slice(0, 300)} ${JSON.stringify({ ...request.headers, authorization: undefined })}${payload}`;
}
