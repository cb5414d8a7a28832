import { cleanHandleInput, normalizeHandle, parseHandleInput, validateHandle } from '@ggsm/domain';
import { DEMO, type GraphQLResult, loggedErrors, type RunningApp, startApp } from '@ggsm/testing';

/**
 * Two people saving the same record at the same moment: one wins, the other is told so
 * (VERSION_CONFLICT) and nothing is silently overwritten. Many people registering the same handle
 * at once: exactly one registration, the rest HANDLE_TAKEN.
 */
let app: RunningApp;
let comms: string;
let editorRoez: string;
let editorOcsw: string;
let roezUnit: string;
let ocswUnit: string;

const code = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  app = await startApp();
  [comms, editorRoez, editorOcsw] = await Promise.all([app.login(DEMO.communications), app.login(DEMO.editorRoez), app.login(DEMO.editorOcsw)]);
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 100) { id shortCode } }', {}, comms);
  roezUnit = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'ROEZ').id;
  ocswUnit = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'OCSW').id;
});
afterAll(() => app?.stop());

describe('two saves of the same version at the same moment', () => {
  it('lets exactly one win and refuses the other with VERSION_CONFLICT, 200 times over', async () => {
    const { createSocialAccount: account } = await app.gqlOk(
      'mutation($u: ID!) { createSocialAccount(platformId: "instagram", handle: "tegelijk.opslaan", orgUnitId: $u, kind: PROJECT) { id version } }',
      { u: roezUnit },
      comms,
    );
    const update = (token: string, version: number, displayName: string) =>
      app.gql<{ updateSocialAccount: { displayName: string; version: number } }>(
        'mutation($id: ID!, $v: Int!, $n: String) { updateSocialAccount(id: $id, version: $v, displayName: $n) { displayName version } }',
        { id: account.id, v: version, n: displayName },
        token,
      );

    const ROUNDS = 200;
    let version: number = account.version;
    let clean = 0;
    let lost = 0;
    const anomalies: unknown[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // The communication team and the unit's editor, each from their own connection.
      const names = [`Ronde ${round} communicatie`, `Ronde ${round} redactie`];
      const results = await Promise.all([update(comms, version, names[0] as string), update(editorRoez, version, names[1] as string)]);
      const won = results.map((r, i) => ({ r, name: names[i] })).filter(({ r }) => !r.errors && r.data?.updateSocialAccount);
      const conflicts = results.filter((r) => code(r) === 'VERSION_CONFLICT');
      const { SocialAccount: stored } = await app.gqlOk('query($id: ID!) { SocialAccount(id: $id) { displayName version } }', { id: account.id }, comms);
      const winner = won[0];
      if (won.length === 1 && conflicts.length === 1 && winner) {
        const ok = winner.r.data?.updateSocialAccount.displayName === winner.name && winner.r.data?.updateSocialAccount.version === version + 1;
        if (stored.displayName === winner.name && stored.version === version + 1 && ok) clean += 1;
        else anomalies.push({ round, version, stored, answer: winner.r.data });
      } else {
        anomalies.push({ round, version, stored, results });
      }
      // A lost update: a save that was acknowledged but is not what the register holds.
      if (won.length > 1 || (winner && stored.displayName !== winner.name)) lost += 1;
      version = stored.version;
    }

    console.log(`${ROUNDS} rounds: ${clean === ROUNDS ? '1 success + 1 conflict each round' : `${clean} clean rounds`}, ${lost} lost updates`);
    expect(anomalies.slice(0, 3)).toEqual([]);
    expect(clean).toBe(ROUNDS);
    expect(lost).toBe(0);
    expect(version).toBe(account.version + ROUNDS);
  });
});

describe('one handle registered 50 times at once', () => {
  const FORMS = [
    'Tegelijk050',
    'tegelijk050',
    'TEGELIJK050',
    '@Tegelijk050',
    '  @tegelijk050 ',
    'https://x.com/Tegelijk050',
    'https://twitter.com/tegelijk050?lang=nl',
    'x.com/TEGELIJK050',
    'http://www.twitter.com/Tegelijk050/',
    'https://mobile.twitter.com/tegelijk050',
    'https://x.com/Tegelijk050/with_replies',
  ];

  it('creates exactly one account and answers the other 49 with HANDLE_TAKEN', async () => {
    // Every form is valid and names the same account (so only the race decides the outcome).
    for (const form of FORMS) {
      expect(validateHandle('x', form)).toEqual([]);
      expect(normalizeHandle('x', parseHandleInput('x', form)?.handle ?? cleanHandleInput(form))).toBe('tegelijk050');
    }
    // Three registrars in parallel: communication (any unit) and two editors, each for its own unit.
    const callers = [
      { token: comms, unit: roezUnit },
      { token: editorRoez, unit: roezUnit },
      { token: editorOcsw, unit: ocswUnit },
    ];
    const N = 50;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        const { token, unit } = callers[i % callers.length] as { token: string; unit: string };
        return app.gql(
          'mutation($h: String!, $u: ID!) { createSocialAccount(platformId: "x", handle: $h, orgUnitId: $u, kind: ORGANISATIONAL) { id handle normalizedHandle } }',
          { h: FORMS[i % FORMS.length], u: unit },
          token,
        );
      }),
    );
    const created = results.filter((r) => !r.errors && r.data?.createSocialAccount);
    const taken = results.filter((r) => code(r) === 'HANDLE_TAKEN');
    const other = results.filter((r) => !created.includes(r) && !taken.includes(r));
    console.log(`${created.length} created, ${taken.length} HANDLE_TAKEN${other.length ? `, ${other.length} other answers` : ''}`);
    // An unexpected answer: show what the server logged for that request.
    for (const r of other.slice(0, 2)) {
      const e = r.errors?.[0];
      console.log(`unexpected answer ${e?.extensions?.code ?? JSON.stringify(r)}; server log: ${loggedErrors(app.output(), (e?.extensions as { requestId?: string })?.requestId).join(' | ')}`);
    }
    expect(other.map((r) => r.errors?.[0]).slice(0, 3)).toEqual([]);
    expect(created).toHaveLength(1);
    expect(taken).toHaveLength(N - 1);
    expect(created[0]?.data?.createSocialAccount.normalizedHandle).toBe('tegelijk050');
    for (const r of taken) expect(r.errors?.[0]?.extensions?.messageNl).toMatch(/al geregistreerd/);

    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(filter: { platformId: "x", q: "tegelijk050" }) { id normalizedHandle } }', {}, comms);
    expect(allSocialAccounts).toEqual([{ id: created[0]?.data?.createSocialAccount.id, normalizedHandle: 'tegelijk050' }]);
  });
});
