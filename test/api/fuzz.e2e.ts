import * as fc from 'fast-check';
import { ERROR_CODES } from '@ggsm/domain';
import {
  DEMO,
  DEMO_PASSWORD,
  type PgClient,
  type RawResponse,
  type RunningApp,
  STACK_TRACE,
  changedRows,
  connectAsSuperuser,
  rawRequest,
  snapshotDb,
  startApp,
  totalChanged,
} from '@ggsm/testing';

// Property-based fuzzing of the write API: every mutation below gets arbitrary arguments (unicode, very
// long, control characters, SQL- and HTML-ish text, wrong types, missing and extra fields, huge and
// negative numbers, bad ids), and /graphql and /auth/login get garbage documents and bodies. For every
// call: no 5xx, no stack trace, every error carries a known code, and a rejected call changes no row.
// The inputs come from a fixed seed (printed; FUZZ_SEED overrides it to explore further).

const SEED = Number(process.env.FUZZ_SEED ?? 20260513);
const RUNS = { mutations: 390, graphql: 130, login: 80 };
const MUTATIONS = [
  'createSocialAccount',
  'updateSocialAccount',
  'createPerson',
  'updatePerson',
  'createOrgUnit',
  'updateOrgUnit',
  'updatePlatform',
  'createUser',
  'updateUser',
  'updateReviewInterval',
  'reportImpersonation',
  'triageImpersonationReport',
  'recordLegalDecision',
  'addImpersonationEvidence',
  'markNotificationsRead',
  'updateMyNotificationPreferences',
] as const;
type Mutation = (typeof MUTATIONS)[number];

/** The codes a client may see (PRODUCT.md "Error codes", plus the HTTP-level ones of common/errors.ts). INTERNAL_SERVER_ERROR is a fault. */
const KNOWN_CODES = new Set<string>([...ERROR_CODES, 'QUERY_TOO_COMPLEX', 'PAYLOAD_TOO_LARGE', 'BAD_REQUEST']);

// ---- values ----

const MARK = '__fuzz__';
type Marker = { [MARK]: 'fresh-handle' | 'fresh-email' | 'fresh-code' | 'version' | 'stale-version' | 'target' | 'unit' | 'person'; i: number };
const mark = (kind: Marker[typeof MARK]) => fc.nat(1000).map((i): Marker => ({ [MARK]: kind, i }));

/** Text that has broken systems before. None contains what looks like a stack trace, so an echo is not mistaken for one. */
const SPECIAL_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE social_account; --",
  "1'; SELECT pg_sleep(3); --",
  '\\',
  '\\\\\'"',
  '%',
  '_%_',
  '$1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '\u202Eevil',
  '\u200B',
  '\uFEFF',
  '\u2028\u2029',
  '\u0085',
  'Ｇｒｏｎｉｎｇｅｎ050',
  'ѕdc050',
  'e\u0301\u0301\u0301',
  '😀👨‍👩‍👧‍👦',
  '\uD800',
  'a\uDFFFb',
  '\u0000',
  'a\u0000b',
  '\r\n',
  '\t',
  ' ',
  '',
  '@',
  '@@',
  'https://x.com/',
  'https://evil.example/@gemeente050',
  'javascript:alert(1)',
  '../../etc/passwd',
  '%00',
  '%s%s%n',
  'SELECT * FROM app_user',
  'ROEZ',
  'admin@groningen.example',
];
const noStackLook = (s: string) => !STACK_TRACE.test(s) && !/stack/i.test(s);
const nastyString = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 12 }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(30, 31, 40, 41, 199, 200, 201, 254, 255, 256, 300, 301, 500, 501, 2000, 2001, 30000, 120000), fc.constantFrom('x', 'é', '😀', '<', "'", ' '))
        .map(([n, c]) => c.repeat(n)),
    },
  )
  .filter(noStackLook);
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, 0.5),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }).filter(noStackLook), fc.oneof(fc.string({ maxLength: 5 }).filter(noStackLook), fc.integer()), { maxKeys: 3 }),
  fc.constantFrom({ $ne: null }, JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'), [[[[]]]], {}),
  nastyString,
);
const nastyInt = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 61, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e308, 0.5, -1.5));
const nastyId = fc.oneof(
  fc.uuid(),
  fc.constantFrom('', ' ', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '{00000000-0000-4000-8000-000000000000}', '1 OR 1=1', 'x', 'a'.repeat(5000)),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => `${u} `),
  nastyString,
);
const nastyDate = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30T00:00:00Z', 'yesterday', '', '0000-00-00', '275760-09-13T00:00:00.001Z', '-271821-04-20T00:00:00Z', '1970-01-01', '2026-01-01T00:00:00+99:99', 'Infinity'),
  fc.integer(),
);

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface ArgDef {
  name: string;
  type: TypeRef;
}
const typeString = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${typeString(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeString(t.ofType!)}]` : t.name!);
const namedOf = (t: TypeRef): TypeRef => (t.ofType ? namedOf(t.ofType) : t);
const isListType = (t: TypeRef): boolean => (t.kind === 'NON_NULL' ? isListType(t.ofType!) : t.kind === 'LIST');

/** A sensible value for a field, by its name (markers are filled in at call time: fresh names, real ids, current versions). */
function goodValue(field: string, named: string, enums: Record<string, string[]>): fc.Arbitrary<unknown> | undefined {
  const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter(noStackLook);
  switch (field) {
    case 'handle':
      return mark('fresh-handle');
    case 'email':
      return mark('fresh-email');
    case 'shortCode':
      return mark('fresh-code');
    case 'version':
      return fc.oneof({ weight: 6, arbitrary: mark('version') }, { weight: 1, arbitrary: mark('stale-version') });
    case 'id':
      return mark('target');
    case 'orgUnitId':
    case 'parentId':
    case 'scopeUnitId':
      return mark('unit');
    case 'primaryOwnerId':
    case 'personId':
      return mark('person');
    case 'backupOwnerIds':
      return fc.array(mark('person'), { maxLength: 3 });
    case 'reportId':
      return mark('target');
    case 'platform':
    case 'platformId':
      return fc.constantFrom('x', 'facebook', 'instagram', 'youtube', 'tiktok', 'mastodon', 'bluesky', 'hyves', 'nope');
    case 'password':
      return fc.constantFrom('een-lang-wachtwoord-fuzz', 'correct horse battery staple');
    case 'languages':
      return fc.constantFrom(['nl'], ['nl', 'en'], ['fy'], []);
    case 'roles':
      return fc.subarray(['AUDITOR', 'LEGAL', 'COMMUNICATIONS', 'EDITOR']);
    case 'handlePrefix':
      return fc.stringMatching(/^[a-z]{0,8}$/);
    case 'reviewIntervalMonths':
      // null: no override of its own, the account follows its kind.
      return fc.option(fc.integer({ min: 1, max: 60 }), { nil: null });
    case 'guidelinesAcknowledgedAt':
      return fc.date({ min: new Date('2011-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'name':
    case 'displayName':
      return text(60);
  }
  if (enums[named]) return field === 'purposes' ? fc.subarray(enums[named]) : fc.constantFrom(...enums[named]);
  if (named === 'String') return fc.string({ maxLength: 100 }).filter(noStackLook);
  if (named === 'Boolean') return fc.boolean();
  if (named === 'Int') return fc.integer({ min: 1, max: 60 });
  return undefined;
}

function nastyValue(named: string, list: boolean, enums: Record<string, string[]>): fc.Arbitrary<unknown> {
  const one: fc.Arbitrary<unknown> =
    named === 'Int' || named === 'Float'
      ? nastyInt
      : named === 'ID'
        ? nastyId
        : named === 'DateTime'
          ? nastyDate
          : named === 'Boolean'
            ? fc.constantFrom('true', 1, 0, 'yes', null)
            : enums[named]
              ? fc.constantFrom(...enums[named].map((v) => v.toLowerCase()), 'NOT_A_VALUE', '', `${enums[named][0]} `, `${enums[named][0]}\u0000`)
              : nastyString;
  return list
    ? fc.oneof(fc.array(one, { maxLength: 4 }), fc.array(one, { minLength: 11, maxLength: 12 }), fc.constant(Array.from({ length: 3000 }, (_, i) => `${i}`)), fc.constant([null]))
    : one;
}

interface ArgChoice {
  name: string;
  required: boolean;
  present: boolean;
  good: unknown;
  nasty: unknown;
  useNasty: boolean;
  /** var: a variable of the declared type; inline: a literal; wrongVar: a variable declared with another type. */
  mode: 'var' | 'inline' | 'wrongVar';
  wrongType: string;
}
interface MutationInput {
  op: Mutation;
  caller: number;
  /**
   * clean: sensible values (free text may still be any string), so the call reaches the service and the
   * database; one: one argument is bad; many: every argument may be bad, missing, inlined or mistyped.
   */
  level: 'clean' | 'one' | 'many';
  pick: number;
  args: ArgChoice[];
  extraArg: string | null;
  extraVariable: boolean;
}

function mutationArbitrary(op: Mutation, args: ArgDef[], enums: Record<string, string[]>): fc.Arbitrary<MutationInput> {
  const argArbs = args.map((a) => {
    const named = namedOf(a.type).name!;
    const nasty = fc.oneof({ weight: 3, arbitrary: nastyValue(named, isListType(a.type), enums) }, { weight: 1, arbitrary: wrongType });
    const free = named === 'String' && !['handle', 'email', 'shortCode', 'password', 'handlePrefix'].includes(a.name);
    // Free text is where arbitrary strings are legal and get stored: offer them as "good" values too.
    const good = free ? fc.oneof(goodValue(a.name, named, enums) ?? fc.string(), nastyString) : (goodValue(a.name, named, enums) ?? nasty);
    const required = a.type.kind === 'NON_NULL';
    return fc.record({
      name: fc.constant(a.name),
      required: fc.constant(required),
      present: required ? fc.oneof({ weight: 12, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) : fc.boolean(),
      good,
      nasty,
      useNasty: fc.boolean(),
      mode: fc.oneof({ weight: 14, arbitrary: fc.constant('var' as const) }, { weight: 4, arbitrary: fc.constant('inline' as const) }, { weight: 1, arbitrary: fc.constant('wrongVar' as const) }),
      wrongType: fc.constantFrom('String', 'Int', 'Boolean', 'ID', '[String]', 'Float', 'JSON', 'NoSuchType', 'String!'),
    });
  });
  return fc.record({
    op: fc.constant(op),
    caller: fc.nat(99),
    level: fc.oneof({ weight: 4, arbitrary: fc.constant('clean' as const) }, { weight: 3, arbitrary: fc.constant('one' as const) }, { weight: 3, arbitrary: fc.constant('many' as const) }),
    pick: fc.nat(99),
    args: fc.tuple(...argArbs),
    extraArg: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('status: ACTIVE', 'passwordHash: "x"', 'id: "00000000-0000-4000-8000-000000000000"', 'version: 1', 'approvedById: null', 'tokenVersion: 0', 'legacy: true, legacy: false') },
    ),
    extraVariable: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  }) as fc.Arbitrary<MutationInput>;
}

/** The argument as this input sends it: present or not, which value, how. */
function planArg(input: MutationInput, a: ArgChoice, i: number): { present: boolean; value: unknown; mode: ArgChoice['mode'] } {
  if (input.level === 'many') return { present: a.present, value: a.useNasty ? a.nasty : a.good, mode: a.mode };
  const bad = input.level === 'one' && i === input.pick % input.args.length;
  return { present: a.required || a.present || bad, value: bad ? a.nasty : a.good, mode: a.mode === 'inline' && !bad ? 'inline' : 'var' };
}

/** A GraphQL literal of a value (wrong ones on purpose too: that is the point). */
function literal(value: unknown, enumType: boolean): string {
  if (typeof value === 'string') return enumType && /^[A-Z_]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, enumType)).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(v, enumType)}`).join(', ')}}`;
}

// ---- raw bodies ----

const TOKENS = ['{', '}', '(', ')', '[', ']', 'query', 'mutation', 'subscription', 'fragment F on Query', '...F', '... on Query', '$x', '$x: Int', ':', '!', '=', '@include(if: true)', '@skip(if: $x)', '@deprecated', '"str"', '"""block"""', '"\\u0000"', '"\\uD800"', '123', '-1.5e10', '1e400', 'true', 'null', 'createUser', 'updateSocialAccount(id: "x", version: 1)', 'allSocialAccounts', 'me', 'id', '__schema { types { name } }', '__typename', '#c\n', ',', '&', '|', 'input', 'type', 'schema', 'enum', '$', '@', '\u0000', '\uFFFF', 'query Q', 'query Q'];
const VALID_DOCS = [
  '{ me { id } }',
  'query($id: ID!) { SocialAccount(id: $id) { id handle } }',
  'mutation($n: String!) { createOrgUnit(name: $n, shortCode: "ZZ", kind: TEAM) { id } }',
  '{ allSocialAccounts(perPage: 5) { id owners: backupOwnerIds } }',
  'query A { me { id } } query B { me { email } }',
];
const garbageDoc = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((ts) => ts.join(' ')),
  fc.tuple(fc.constantFrom(...VALID_DOCS), fc.nat(), fc.nat(), fc.string({ maxLength: 5 })).map(([d, i, j, s]) => d.slice(0, i % (d.length + 1)) + s + d.slice(j % (d.length + 1))),
  fc.integer({ min: 2, max: 400 }).map((n) => `{ ${'me { '.repeat(n)}id${' }'.repeat(n)} }`),
  fc.integer({ min: 2, max: 3000 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`),
  fc.string({ maxLength: 200 }),
);
interface RawInput {
  path: '/graphql' | '/auth/login';
  body: string;
  contentType: string | null;
  withToken: boolean;
  /** The body carries the right demo password (in some wrong shape): it must never log in. */
  rightPassword: boolean;
}
const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/xml') },
  { weight: 1, arbitrary: fc.constant(null) },
);
const jsonOf = (a: fc.Arbitrary<unknown>) => a.map((v) => JSON.stringify(v) ?? 'undefined');
const rawGraphqlBody = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 2, arbitrary: jsonOf(fc.jsonValue({ maxDepth: 3 })) },
  { weight: 5, arbitrary: jsonOf(fc.record({ query: garbageDoc })) },
  {
    weight: 3,
    arbitrary: jsonOf(
      fc.record(
        { query: fc.oneof(fc.constantFrom(...VALID_DOCS), wrongType), variables: fc.oneof(wrongType, fc.dictionary(fc.constantFrom('id', 'n', 'x'), wrongType)), operationName: fc.oneof(fc.constantFrom('A', 'B', 'C'), wrongType), extensions: wrongType },
        { requiredKeys: [] },
      ),
    ),
  },
  { weight: 1, arbitrary: jsonOf(fc.array(fc.record({ query: fc.constantFrom(...VALID_DOCS) }), { minLength: 2, maxLength: 3 })) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 50000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 20000 }).map((n) => `{"query":"{ me { id } }","variables":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('{"query":"{ me { id } }"}', '{"query":"mutation { createPerson(name: \\"x\\", email: \\"x@y.z\\") { id } }"}'), fc.nat()).map(([b, i]) => b.slice(0, i % b.length)) },
);
const demoOrFresh = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...Object.values(DEMO)) }, { weight: 4, arbitrary: fc.nat(100000).map((n) => `fuzz${n}@groningen.example`) });
const rawLoginBody = fc.oneof(
  { weight: 3, arbitrary: jsonOf(fc.record({ email: fc.oneof(demoOrFresh, wrongType), password: fc.oneof(nastyString, wrongType) }, { requiredKeys: [] })) },
  { weight: 2, arbitrary: jsonOf(fc.record({ email: fc.oneof(demoOrFresh.map((e) => [e]), fc.constant({ $ne: null }), demoOrFresh.map((e) => ({ toString: e }))), password: fc.constant(DEMO_PASSWORD) })) },
  { weight: 1, arbitrary: jsonOf(fc.record({ email: demoOrFresh, password: fc.constantFrom([DEMO_PASSWORD], { $ne: null }, { $gt: '' }, true, 1) })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      `email[]=${encodeURIComponent(DEMO.admin)}&password=${DEMO_PASSWORD}`,
      `email[$ne]=x&password=${DEMO_PASSWORD}`,
      `email=${encodeURIComponent(DEMO.admin)}&password[]=${DEMO_PASSWORD}`,
      'email=fuzz%40groningen.example&password=wrong-password',
      `email=${'a'.repeat(120000)}&password=x`,
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: jsonOf(fc.jsonValue({ maxDepth: 3 })) },
  { weight: 1, arbitrary: jsonOf(fc.record({ email: demoOrFresh, password: fc.string({ maxLength: 20 }), extra: wrongType })) },
  { weight: 1, arbitrary: fc.constantFrom('{"email":"fuzz@groningen.example","password":"x","__proto__":{"id":"1"}}', '{"email":"fuzz@groningen.example","password":"x","constructor":{"prototype":{"admin":true}}}') },
);
const rawArbitrary = (path: RawInput['path'], body: fc.Arbitrary<string>) =>
  fc.record({ path: fc.constant(path), body, contentType, withToken: fc.boolean(), rightPassword: fc.constant(false) }).map(
    (r): RawInput => ({ ...r, contentType: r.body.startsWith('email') ? 'application/x-www-form-urlencoded' : r.contentType, rightPassword: r.body.includes(DEMO_PASSWORD) }),
  );

/** What the server logged (the error message only) for the request ids an INTERNAL_SERVER_ERROR answer names. */
function serverErrors(target: RunningApp, res: RawResponse): string[] {
  const ids = new Set<string>();
  for (const e of res.json?.errors ?? []) if (e?.extensions?.requestId) ids.add(e.extensions.requestId);
  if (res.json?.error?.requestId) ids.add(res.json.error.requestId);
  if (!ids.size) return [];
  const messages = new Set<string>();
  for (const line of target.output().split('\n')) {
    if (!line.startsWith('{') || ![...ids].some((id) => line.includes(id))) continue;
    try {
      const entry = JSON.parse(line);
      if (entry.err?.message && !entry.req) messages.add(`server logged: ${String(entry.err.message).slice(0, 200)}`);
    } catch {
      // not a log line of ours
    }
  }
  return [...messages];
}

// ---- the run ----

let app: RunningApp;
let db: PgClient;
beforeAll(async () => {
  // Failed logins are part of the fuzz: a high limit keeps the login code itself, not the lock, under test.
  app = await startApp({ env: { GGSM_LOGIN_MAX_FAILURES: '100', GGSM_LOGIN_MAX_FAILURES_PER_ADDRESS: '10000' } });
  db = await connectAsSuperuser(app.dataDir);
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

interface Outcome {
  what: string;
  status: number;
  accepted: boolean;
  problems: string[];
}

it('survives arbitrary input: no 5xx, no stack trace, known error codes only, and a rejected call changes nothing', async () => {
  const started = Date.now();
  const admin = await app.login(DEMO.admin);
  const comms = await app.login(DEMO.communications);
  const editor = await app.login(DEMO.editorRoez);
  const legal = await app.login(DEMO.legal);

  // The arguments of each mutation, and the enum values, from the running schema.
  const { __schema } = await app.gqlOk(
    '{ __schema { mutationType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } types { kind name enumValues { name } } } }',
    {},
    admin,
  );
  const enums: Record<string, string[]> = {};
  for (const t of __schema.types) if (t.kind === 'ENUM' && !t.name.startsWith('__')) enums[t.name] = t.enumValues.map((v: { name: string }) => v.name);
  const argsOf: Record<string, ArgDef[]> = {};
  for (const f of __schema.mutationType.fields) argsOf[f.name] = f.args;
  expect(MUTATIONS.filter((m) => !argsOf[m])).toEqual([]);

  // Records of its own to update, so the fuzz never moves the demo tree or disables a demo login.
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 500) { id shortCode } }', {}, comms);
  const unitOf = (code: string) => allOrgUnits.find((u: { shortCode: string }) => u.shortCode === code).id as string;
  const roez = unitOf('ROEZ');
  const units = [roez, unitOf('SDC'), unitOf('OCSW')];
  const targets: Record<string, string[]> = { updateOrgUnit: [], updatePerson: [], updateSocialAccount: [], updateUser: [], updatePlatform: ['hyves', 'yammer', 'flickr'], updateReviewInterval: ['CAMPAIGN', 'DEFENSIVE', 'INTERNAL'] };
  for (let i = 0; i < 3; i++) {
    const { createOrgUnit } = await app.gqlOk('mutation($c: String!, $p: ID) { createOrgUnit(name: "Fuzzteam", shortCode: $c, kind: TEAM, parentId: $p) { id } }', { c: `FZ${i}`, p: roez }, admin);
    targets.updateOrgUnit.push(createOrgUnit.id);
    units.push(createOrgUnit.id);
    const { createPerson } = await app.gqlOk('mutation($e: String!, $u: ID) { createPerson(name: "Fuzz Persoon", email: $e, orgUnitId: $u) { id } }', { e: `fuzz.persoon${i}@groningen.example`, u: roez }, comms);
    targets.updatePerson.push(createPerson.id);
    const { createSocialAccount } = await app.gqlOk(
      'mutation($h: String!, $u: ID!) { createSocialAccount(platformId: "x", handle: $h, orgUnitId: $u, kind: ORGANISATIONAL) { id } }',
      { h: `fuzzdoel${i}050`, u: roez },
      comms,
    );
    targets.updateSocialAccount.push(createSocialAccount.id);
    const { createUser } = await app.gqlOk('mutation($e: String!) { createUser(email: $e, displayName: "Fuzz", password: "een-lang-wachtwoord", roles: [AUDITOR]) { id } }', { e: `fuzz.gebruiker${i}@groningen.example` }, admin);
    targets.updateUser.push(createUser.id);
  }
  // Impersonation cases in the state each fuzzed step starts from (a step that succeeds moves its case on).
  const caseIn = async (state: string, i: number) => {
    const { reportImpersonation: r } = await app.gqlOk('mutation($h: String!) { reportImpersonation(platform: "x", suspectHandle: $h, description: "Fuzz") { id } }', { h: `fuzznep${state}${i}` }, comms);
    await db.query('UPDATE impersonation_report SET state = $2, imitated_account_id = $3 WHERE id = $1', [r.id, state, targets.updateSocialAccount[0]]);
    return r.id as string;
  };
  targets.triageImpersonationReport = [];
  targets.recordLegalDecision = [];
  targets.addImpersonationEvidence = [];
  for (let i = 0; i < 3; i++) {
    targets.triageImpersonationReport.push(await caseIn('RECEIVED', i));
    targets.recordLegalDecision.push(await caseIn('LEGAL_REVIEW', i));
    targets.addImpersonationEvidence.push(await caseIn('TRIAGED', i));
  }
  const { allPeople } = await app.gqlOk('{ allPeople(perPage: 100) { id } }', {}, comms);
  const people: string[] = allPeople.map((p: { id: string }) => p.id);
  const TABLE: Record<string, [string, string]> = {
    updateOrgUnit: ['org_unit', 'id'],
    updatePerson: ['person', 'id'],
    updateSocialAccount: ['social_account', 'id'],
    updateUser: ['app_user', 'id'],
    updatePlatform: ['platform', 'key'],
    updateReviewInterval: ['review_interval', 'kind'],
    triageImpersonationReport: ['impersonation_report', 'id'],
    recordLegalDecision: ['impersonation_report', 'id'],
  };
  const callers: Record<Mutation, [string, string][]> = {
    createSocialAccount: [['COMMUNICATIONS', comms], ['COMMUNICATIONS', comms], ['EDITOR', editor]],
    updateSocialAccount: [['COMMUNICATIONS', comms], ['COMMUNICATIONS', comms], ['EDITOR', editor]],
    createPerson: [['ADMIN', admin], ['COMMUNICATIONS', comms], ['EDITOR', editor]],
    updatePerson: [['ADMIN', admin], ['COMMUNICATIONS', comms], ['EDITOR', editor]],
    createOrgUnit: [['ADMIN', admin]],
    updateOrgUnit: [['ADMIN', admin]],
    updatePlatform: [['ADMIN', admin]],
    createUser: [['ADMIN', admin]],
    updateUser: [['ADMIN', admin]],
    updateReviewInterval: [['COMMUNICATIONS', comms]],
    reportImpersonation: [['COMMUNICATIONS', comms], ['EDITOR', editor]],
    triageImpersonationReport: [['COMMUNICATIONS', comms]],
    recordLegalDecision: [['LEGAL', legal]],
    addImpersonationEvidence: [['COMMUNICATIONS', comms], ['LEGAL', legal]],
    // Only the caller's own: ids of others are NOT_FOUND.
    markNotificationsRead: [['COMMUNICATIONS', comms], ['EDITOR', editor]],
    updateMyNotificationPreferences: [['EDITOR', editor], ['LEGAL', legal]],
  };

  let fresh = 0;
  async function resolve(value: unknown, op: Mutation, target: string | undefined): Promise<unknown> {
    if (Array.isArray(value)) return Promise.all(value.map((v) => resolve(v, op, target)));
    if (!value || typeof value !== 'object' || !(MARK in value)) return value;
    const m = value as Marker;
    const n = `${(++fresh).toString(36)}${m.i.toString(36)}`;
    switch (m[MARK]) {
      case 'fresh-handle':
        return `fz${n}050`;
      case 'fresh-email':
        return `fuzz.${n}@groningen.example`;
      case 'fresh-code':
        return `FZ-${n}`.toUpperCase();
      case 'unit':
        return units[m.i % units.length];
      case 'person':
        return people[m.i % people.length];
      case 'target': {
        const pool = targets[op] ?? [];
        return pool.length ? pool[m.i % pool.length] : m.i;
      }
      case 'version':
      case 'stale-version': {
        const [table, key] = TABLE[op] ?? [];
        const row = table && typeof target === 'string' && (targets[op] ?? []).includes(target) ? (await db.query<{ version: number }>(`SELECT version FROM ${table} WHERE ${key}::text = $1`, [target])).rows[0] : undefined;
        return (row?.version ?? 1) - (m[MARK] === 'stale-version' ? 1 : 0);
      }
    }
  }

  async function buildMutation(input: MutationInput): Promise<{ query: string; variables: Record<string, unknown> }> {
    const defs = argsOf[input.op];
    const idIndex = input.args.findIndex((a) => a.name === 'id');
    const idPlan = idIndex >= 0 ? planArg(input, input.args[idIndex], idIndex) : undefined;
    const target = idPlan?.present ? ((await resolve(idPlan.value, input.op, undefined)) as string) : undefined;
    const decls: string[] = [];
    const parts: string[] = [];
    const variables: Record<string, unknown> = {};
    for (const [i, a] of input.args.entries()) {
      const plan = planArg(input, a, i);
      if (!plan.present) continue;
      const def = defs.find((d) => d.name === a.name)!;
      const value = a.name === 'id' ? target : await resolve(plan.value, input.op, target);
      if (plan.mode === 'inline') {
        parts.push(`${a.name}: ${literal(value, !!enums[namedOf(def.type).name!])}`);
      } else {
        decls.push(`$v${i}: ${plan.mode === 'wrongVar' && a.wrongType !== typeString(def.type) ? a.wrongType : typeString(def.type)}`);
        parts.push(`${a.name}: $v${i}`);
        variables[`v${i}`] = value;
      }
    }
    if (input.extraArg && input.level === 'many') parts.push(input.extraArg);
    if (input.extraVariable) variables.notDeclared = { status: 'ACTIVE' };
    const query = `mutation${decls.length ? `(${decls.join(', ')})` : ''} { ${input.op}${parts.length ? `(${parts.join(', ')})` : ''} { id } }`;
    return { query, variables };
  }

  /** The checks every answer must pass; `rejected` answers must also have left every row alone. */
  function check(res: RawResponse, graphql: boolean): { problems: string[]; rejected: boolean } {
    const problems: string[] = [];
    if (res.status >= 500) problems.push(`HTTP ${res.status}`);
    if (STACK_TRACE.test(res.text)) problems.push('stack trace in the body');
    let rejected = res.status >= 400;
    if (res.json === undefined) {
      if (res.status >= 400 || graphql) problems.push(`a body that is not JSON: ${res.text.slice(0, 80)}`);
    } else if (graphql) {
      const errors = res.json?.errors;
      if (errors !== undefined && !Array.isArray(errors)) problems.push('errors is not a list');
      if (Array.isArray(errors) && errors.length) {
        rejected = true;
        for (const e of errors) {
          const code = e?.extensions?.code;
          if (!KNOWN_CODES.has(code)) problems.push(`error code ${code ?? '(none)'}: ${String(e?.message).slice(0, 120)}`);
        }
      }
      if (!rejected && (res.json?.data === null || res.json?.data === undefined)) problems.push('neither data nor errors');
    } else if (rejected) {
      const code = res.json?.error?.code;
      if (!KNOWN_CODES.has(code)) problems.push(`error code ${code ?? '(none)'}: ${String(res.json?.error?.message).slice(0, 120)}`);
    }
    return { problems, rejected };
  }

  const loggedErrors = (res: RawResponse) => serverErrors(app, res);

  const outcomes: Outcome[] = [];
  let rowsChangedByRejected = 0;
  async function run(what: string, send: () => Promise<RawResponse>, graphql: boolean, extra?: (res: RawResponse) => string[]): Promise<void> {
    const before = await snapshotDb(db);
    let res: RawResponse;
    try {
      res = await send();
    } catch (err) {
      outcomes.push({ what, status: 0, accepted: false, problems: [`request failed: ${(err as Error).message}`] });
      return;
    }
    const { problems, rejected } = check(res, graphql);
    problems.push(...(extra?.(res) ?? []));
    if (problems.length) {
      await new Promise((r) => setTimeout(r, 150)); // the server's log line may arrive just after the answer
      problems.push(...loggedErrors(res));
    }
    if (rejected) {
      const changes = changedRows(before, await snapshotDb(db));
      const n = totalChanged(changes);
      rowsChangedByRejected += n;
      if (n) problems.push(`${n} rows changed by a rejected call: ${JSON.stringify(changes)}`);
    }
    outcomes.push({ what, status: res.status, accepted: !rejected, problems: problems.map((p) => `${p} (HTTP ${res.status}: ${res.text.slice(0, 160)})`) });
  }
  const short = (v: unknown) => {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
  };

  // 1. The mutations.
  const mutationInputs = fc.sample(
    fc.oneof(...MUTATIONS.map((op) => mutationArbitrary(op, argsOf[op], enums))),
    { seed: SEED, numRuns: RUNS.mutations },
  );
  for (const input of mutationInputs) {
    const [role, token] = callers[input.op][input.caller % callers[input.op].length];
    const { query, variables } = await buildMutation(input);
    await run(`${input.op} as ${role}: ${short({ query, variables })}`, () => rawRequest(app, '/graphql', { body: { query, variables }, token }), true, (res) =>
      // An accepted mutation answers with the record.
      res.json?.errors?.length || res.json?.data?.[input.op]?.id ? [] : ['accepted without a record'],
    );
  }

  // 2. Garbage posted to /graphql and /auth/login.
  const rawInputs = [
    ...fc.sample(rawArbitrary('/graphql', rawGraphqlBody), { seed: SEED + 1, numRuns: RUNS.graphql }),
    ...fc.sample(rawArbitrary('/auth/login', rawLoginBody), { seed: SEED + 2, numRuns: RUNS.login }),
  ];
  for (const input of rawInputs) {
    const headers: Record<string, string> = input.contentType ? { 'content-type': input.contentType } : {};
    await run(
      `POST ${input.path} (${input.contentType ?? 'no content-type'}): ${short(input.body)}`,
      async () => {
        const res = await fetch(`${app.url}${input.path}`, {
          method: 'POST',
          headers: { ...headers, ...(input.withToken && input.path === '/graphql' ? { authorization: `Bearer ${admin}` } : {}) },
          body: input.body,
        });
        const text = await res.text();
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        return { status: res.status, headers: res.headers, text, json, ms: 0 };
      },
      input.path === '/graphql',
      (res) => (input.path === '/auth/login' && (res.status === 200 || res.json?.accessToken) ? ['a malformed login body logged in'] : []),
    );
  }

  const n = outcomes.length;
  const count = (re: RegExp) => outcomes.filter((o) => o.problems.some((p) => re.test(p))).length;
  const fiveXx = outcomes.filter((o) => o.status >= 500).length;
  const stacks = count(/^stack trace/);
  const unknownCodes = count(/^error code/);
  const accepted = outcomes.filter((o) => o.accepted).length;
  const failing = outcomes.filter((o) => o.problems.length);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `fuzz: seed ${SEED}, ${n} inputs (${mutationInputs.length} mutations, ${rawInputs.length} raw bodies; ${accepted} accepted, ${n - accepted} rejected), ` +
      `${fiveXx} 5xx, ${stacks} stack traces, ${unknownCodes} unknown error codes, ${rowsChangedByRejected} rows changed by rejected calls (${seconds} s)`,
  );
  if (failing.length) console.log(`fuzz failures (first 15 of ${failing.length}):\n${failing.slice(0, 15).map((o) => `- ${o.what}\n    ${o.problems.join('\n    ')}`).join('\n')}`);

  expect(n).toBe(RUNS.mutations + RUNS.graphql + RUNS.login);
  expect(failing.map((o) => `${o.what} -> ${o.problems.join('; ')}`).slice(0, 15)).toEqual([]);
  expect({ fiveXx, stacks, unknownCodes, rowsChangedByRejected }).toEqual({ fiveXx: 0, stacks: 0, unknownCodes: 0, rowsChangedByRejected: 0 });
  // The fuzz reached past input validation (some calls succeed) and was mostly refused, as garbage should be.
  expect(accepted).toBeGreaterThan(30);
  expect(n - accepted).toBeGreaterThan(n / 2);
});

// The inputs the fuzz found faults with, pinned, so a fix is checked whatever the seed: each must be
// answered with BAD_USER_INPUT (or, where the input is harmless, accepted), never INTERNAL_SERVER_ERROR.
describe('edge cases found by fuzzing', () => {
  let admin: string;
  let comms: string;
  let roez: string;
  let account: { id: string; version: number };
  beforeAll(async () => {
    admin = await app.login(DEMO.admin);
    comms = await app.login(DEMO.communications);
    const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(filter: { q: "RO/EZ" }) { id shortCode } }', {}, comms);
    roez = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'ROEZ').id;
    account = (await app.gqlOk('mutation($u: ID!) { createSocialAccount(platformId: "x", handle: "randgeval050", orgUnitId: $u, kind: ORGANISATIONAL) { id version } }', { u: roez }, comms))
      .createSocialAccount;
  });

  /** Sends one call; asserts no 5xx, no INTERNAL_SERVER_ERROR, only the allowed codes, and no row changed when refused. */
  async function expectHandled(send: () => Promise<RawResponse>, allowed: string[], mayBeAccepted: boolean) {
    const before = await snapshotDb(db);
    const res = await send();
    const codes: string[] = res.json?.errors ? res.json.errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code) : res.json?.error ? [res.json.error.code] : [];
    const refused = codes.length > 0 || res.status >= 400;
    const changed = refused ? totalChanged(changedRows(before, await snapshotDb(db))) : 0;
    const seen = { status: res.status < 500 ? 'below 500' : res.status, otherCodes: [...new Set(codes.filter((c) => !allowed.includes(c)))], accepted: !refused, changed, logged: serverErrors(app, res) };
    expect(seen).toEqual({ status: 'below 500', otherCodes: [], accepted: refused ? false : mayBeAccepted, changed: 0, logged: [] });
  }
  const gql = (query: string, variables: Record<string, unknown>, token: string) => () => rawRequest(app, '/graphql', { body: { query, variables }, token });
  const login = (body: unknown) => () => rawRequest(app, '/auth/login', { body });

  it.each([
    ['a NUL character in an org unit name', 'mutation($n: String!) { createOrgUnit(name: $n, shortCode: "RANDNUL", kind: TEAM) { id } }', { n: 'Team\u0000X' }],
    ['a NUL character in a person name', 'mutation($n: String!) { createPerson(name: $n, email: "rand.nul@groningen.example") { id } }', { n: 'Nul\u0000Persoon' }],
    ['a lone surrogate in a person name (the audit trail is jsonb)', 'mutation($n: String!) { createPerson(name: $n, email: "rand.surrogaat@groningen.example") { id } }', { n: 'Half \ud800 teken' }],
    ['a lone surrogate in an org unit name', 'mutation($n: String!) { createOrgUnit(name: $n, shortCode: "RANDSUR", kind: TEAM) { id } }', { n: '\udfff' }],
  ])('%s: BAD_USER_INPUT or stored, never a fault', async (_, query, variables) => {
    await expectHandled(gql(query, variables, admin), ['BAD_USER_INPUT'], true);
  });

  it('a NUL character in the bio of an account update: BAD_USER_INPUT or stored, never a fault', async () => {
    await expectHandled(
      gql('mutation($id: ID!, $v: Int!, $b: String) { updateSocialAccount(id: $id, version: $v, bio: $b) { id } }', { id: account.id, v: account.version, b: 'Bio\u0000' }, comms),
      ['BAD_USER_INPUT'],
      true,
    );
  });

  it.each([
    ['a person name of spaces only', 'mutation { createPerson(name: "   ", email: "rand.spaties@groningen.example") { id } }'],
    ['an org unit name of spaces only', 'mutation { createOrgUnit(name: "   ", shortCode: "RANDSP", kind: TEAM) { id } }'],
    ['an org unit short code of spaces only', 'mutation { createOrgUnit(name: "Spaties", shortCode: "   ", kind: TEAM) { id } }'],
    [
      'a user linked to a person that does not exist',
      'mutation { createUser(email: "rand.persoon@groningen.example", displayName: "Rand", password: "een-lang-wachtwoord", roles: [AUDITOR], personId: "00000000-0000-4000-8000-000000000000") { id } }',
    ],
  ])('%s: BAD_USER_INPUT', async (_, query) => {
    await expectHandled(gql(query, {}, admin), ['BAD_USER_INPUT'], false);
  });

  it('more than 50 wrong enum values in one list variable: BAD_USER_INPUT only', async () => {
    const roles = Array.from({ length: 60 }, (_, i) => `ROL${i}`);
    await expectHandled(
      gql('mutation($r: [Role!]!) { createUser(email: "rand.rollen@groningen.example", displayName: "x", password: "een-lang-wachtwoord", roles: $r) { id } }', { r: roles }, admin),
      ['BAD_USER_INPUT'],
      false,
    );
  });

  it('an explicit null for each optional argument of each update mutation: accepted (cleared) or BAD_USER_INPUT, never a fault', async () => {
    const fresh = () => Math.random().toString(36).slice(2, 8);
    const one = async (query: string, variables: Record<string, unknown>, token: string) => Object.values(await app.gqlOk(query, variables, token))[0] as { id: string };
    // A record of its own per call, as COMMUNICATIONS or ADMIN (whoever may update it).
    const targets: Record<string, () => Promise<[string, string, string, string]>> = {
      updateSocialAccount: async () => [
        (await one('mutation($u: ID!, $h: String!) { createSocialAccount(platformId: "x", handle: $h, orgUnitId: $u, kind: ORGANISATIONAL) { id } }', { u: roez, h: `nul${fresh()}050` }, comms)).id,
        comms,
        'social_account',
        'id',
      ],
      updatePerson: async () => [(await one('mutation($u: ID!, $e: String!) { createPerson(name: "Nul", email: $e, orgUnitId: $u) { id } }', { u: roez, e: `nul.${fresh()}@groningen.example` }, comms)).id, comms, 'person', 'id'],
      updateOrgUnit: async () => [(await one('mutation($u: ID!, $c: String!) { createOrgUnit(name: "Nul", shortCode: $c, kind: TEAM, parentId: $u) { id } }', { u: roez, c: `NUL${fresh()}` }, admin)).id, admin, 'org_unit', 'id'],
      updateUser: async () => [
        (await one('mutation($e: String!) { createUser(email: $e, displayName: "Nul", password: "een-lang-wachtwoord", roles: [AUDITOR]) { id } }', { e: `nul.${fresh()}@groningen.example` }, admin)).id,
        admin,
        'app_user',
        'id',
      ],
      updatePlatform: async () => ['yammer', admin, 'platform', 'key'],
      updateNamingRule: async () => [
        (await one('mutation($k: String!) { createNamingRule(key: $k, type: MAX_LENGTH, severity: WARNING, params: { max: 30 }, messageNl: "Nul", messageEn: "Nul", active: false) { id } }', { k: `nul_${fresh()}` }, comms)).id,
        comms,
        'naming_rule',
        'id',
      ],
      updateReviewInterval: async () => ['DEFENSIVE', comms, 'review_interval', 'kind'],
      updateClaimedUrl: async () => [
        (await one('mutation($u: ID!, $v: String!) { createClaimedUrl(value: $v, orgUnitId: $u, purpose: DEFENSIVE, expiresAt: "2030-01-01") { id } }', { u: roez, v: `nul${fresh()}.nl` }, comms)).id,
        comms,
        'claimed_url',
        'id',
      ],
      updateChecklistItem: async () => [
        (await one('mutation($k: String!) { createChecklistItem(key: $k, titleNl: "Nul", titleEn: "Nul", mode: ATTESTATION, required: false, active: false) { id } }', { k: `nul_${fresh()}` }, comms)).id,
        comms,
        'checklist_item',
        'id',
      ],
      // The caller's own preferences (no id, no version, no optional argument): never called by the loop below.
      updateMyNotificationPreferences: async () => [(await one('{ me { id } }', {}, comms)).id, comms, 'app_user', 'id'],
    };
    const { __schema } = await app.gqlOk('{ __schema { mutationType { fields { name args { name type { kind } } } } } }', {}, admin);
    const updates = (__schema.mutationType.fields as { name: string; args: { name: string; type: { kind: string } }[] }[]).filter((f) => f.name.startsWith('update'));
    expect(updates.map((f) => f.name).filter((n) => !targets[n])).toEqual([]);
    const faults: string[] = [];
    let calls = 0;
    for (const f of updates) {
      for (const a of f.args.filter((x) => x.type.kind !== 'NON_NULL')) {
        const [id, token, table, key] = await targets[f.name]();
        const { rows } = await db.query<{ version: number }>(`SELECT version FROM ${table} WHERE ${key} = $1`, [id]);
        const res = await rawRequest(app, '/graphql', { body: { query: `mutation($id: ID!, $v: Int!) { ${f.name}(id: $id, version: $v, ${a.name}: null) { id } }`, variables: { id, v: rows[0].version } }, token });
        calls++;
        const codes: string[] = (res.json?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
        if (res.status >= 500 || codes.some((c) => c !== 'BAD_USER_INPUT')) {
          await new Promise((r) => setTimeout(r, 100));
          faults.push(`${f.name}(${a.name}: null) -> HTTP ${res.status} ${codes.join(',')} ${serverErrors(app, res).join('; ')}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(25);
    expect(faults).toEqual([]);
  });

  it.each([
    ['a numeric password', { email: 'rand@groningen.example', password: 12345678901234 }],
    ['a boolean password', { email: DEMO.admin, password: true }],
    ['a numeric e-mail', { email: 42, password: 'een-lang-wachtwoord' }],
    ['a boolean e-mail', { email: true, password: DEMO_PASSWORD }],
  ])('POST /auth/login with %s: refused as input (400) or as a failed login (401), never a 5xx', async (_, body) => {
    await expectHandled(login(body), ['BAD_USER_INPUT', 'UNAUTHENTICATED'], false);
  });
});
