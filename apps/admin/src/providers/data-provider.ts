import { ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ERROR_CODES, ErrorCode, type ImpersonationStep } from '@ggsm/domain';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import { HttpError, type DataProvider, type UpdateParams } from 'react-admin';
import { getToken } from './session';

/** One entry of `extensions.violations` on a BAD_USER_INPUT error. */
interface ApiViolation {
  field?: string;
  code: string;
  message: string;
  messageNl?: string;
}

interface ApiGraphQLError {
  message: string;
  extensions?: { code?: string; violations?: ApiViolation[]; messageNl?: string; httpStatus?: number };
}

const STATUS_BY_CODE: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.HANDLE_TAKEN]: 409,
  [ErrorCode.URL_TAKEN]: 409,
  [ErrorCode.VERSION_CONFLICT]: 409,
};

const authLink = new ApolloLink((operation, forward) => {
  const token = getToken();
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, Authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

/**
 * Apollo turns a non-2xx answer into a bare "status code 400" and drops the body, so GraphQL errors
 * sent with an HTTP error status (UNAUTHENTICATED as 401, invalid variables as 400) would lose their
 * `extensions.code`. Hand them to Apollo as ordinary GraphQL errors, keeping the status alongside.
 */
const keepGraphQLErrors: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.ok || !response.headers.get('content-type')?.includes('json')) return response;
  const text = await response.text();
  let json: { errors?: ApiGraphQLError[] } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!json || !Array.isArray(json.errors) || json.errors.length === 0) {
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  for (const error of json.errors) {
    error.extensions = { ...error.extensions, httpStatus: response.status };
  }
  return new Response(JSON.stringify(json), { status: 200, headers: response.headers });
};

function graphQLErrorsOf(error: unknown): ApiGraphQLError[] {
  const body = (error as { body?: { graphQLErrors?: ApiGraphQLError[] } } | undefined)?.body;
  return Array.isArray(body?.graphQLErrors) ? body.graphQLErrors : [];
}

function violationText(violation: ApiViolation, locale: string): string {
  return locale === 'en' ? violation.message : (violation.messageNl ?? violation.message);
}

/**
 * Rewrites a failed call into an HttpError whose message is what the user should read in the current
 * locale, with the API's `code` in the body (the auth provider logs out on UNAUTHENTICATED) and, for
 * per-field violations, `body.errors` so react-admin puts each message under its input.
 */
function toConsoleError(error: unknown, locale: string): unknown {
  const [first] = graphQLErrorsOf(error);
  if (!first) return error;
  const code = first.extensions?.code;
  const violations = first.extensions?.violations ?? [];
  const known = code !== undefined && (ERROR_CODES as readonly string[]).includes(code);
  let message: string;
  if (violations.length > 0) {
    message = violations.map(v => violationText(v, locale)).join(' ');
  } else if (locale !== 'en' && first.extensions?.messageNl) {
    message = first.extensions.messageNl;
  } else if (locale !== 'en' && known) {
    // A translation key: react-admin's notification translates it.
    message = `ggsm.errors.${code}`;
  } else {
    message = first.message || (known ? `ggsm.errors.${code}` : 'ra.notification.http_error');
  }
  const status = (code && STATUS_BY_CODE[code]) ?? first.extensions?.httpStatus ?? 422;

  const fieldErrors: Record<string, string> = {};
  for (const violation of violations) {
    if (!violation.field) continue;
    const text = violationText(violation, locale);
    fieldErrors[violation.field] = fieldErrors[violation.field] ? `${fieldErrors[violation.field]} ${text}` : text;
  }
  if (code === ErrorCode.HANDLE_TAKEN && !fieldErrors.handle) fieldErrors.handle = message;
  const errors = Object.keys(fieldErrors).length > 0 ? { ...fieldErrors, root: { serverError: message } } : undefined;

  return new HttpError(message, status, { code, violations, graphQLErrors: graphQLErrorsOf(error), errors });
}

/** The records whose history the API keeps (`auditHistory(entityType)`). */
// NamingRule and ChecklistItem need the API's AUDITED_ENTITY_TYPES (apps/api/src/audit/audit.args.ts) to list them too.
export type AuditedEntityType = 'SocialAccount' | 'OrgUnit' | 'Person' | 'Platform' | 'User' | 'NamingRule' | 'ChecklistItem' | 'ReviewInterval' | 'ClaimedUrl' | 'ImpersonationReport';

/** One event of the audit trail, as the API's `AuditEvent` type has it. */
export interface AuditEventRecord {
  id: string;
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorEmail: string | null;
  /** The actor's roles at the time (comma-separated), or SYSTEM. */
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The changed fields before and after; `before` is null for a new record. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export const AUDIT_EVENT_FIELDS =
  'id seq occurredAt actorUserId actorEmail actorRole action entityType entityId before after reason requestId prevHash hash';

export interface AuditChainReport {
  ok: boolean;
  length: number;
  headHash: string;
  brokenAt: number | null;
  problemCode: string | null;
  problem: string | null;
  problemNl: string | null;
}

export interface AuditCheckpoint {
  length: number;
  headHash: string;
  createdAt: string;
  mac: string;
}

/** One item of an account's brand checklist ("Huisstijl"), as `accountChecklist` gives it. */
export interface ChecklistResult {
  key: string;
  state: 'PASS' | 'FAIL' | 'PENDING' | 'NOT_APPLICABLE';
  mode: 'AUTOMATIC' | 'ATTESTATION';
  required: boolean;
  titleNl: string;
  titleEn: string;
  reasonNl: string;
  reasonEn: string;
  attestation: { id: string; passed: boolean; note: string | null; evidenceUrl: string | null; attestedAt: string; attestedById: string | null } | null;
}

const CHECKLIST_FIELDS = 'key state mode required titleNl titleEn reasonNl reasonEn attestation { id passed note evidenceUrl attestedAt attestedById }';

export interface Attestation {
  passed: boolean;
  note?: string | null;
  evidenceUrl?: string | null;
}

/** The lifecycle steps of an account (the API's `<step>SocialAccount` mutations), with the text some require. */
export type LifecycleStep = 'submit' | 'approve' | 'requestChanges' | 'reject' | 'suspend' | 'reinstate' | 'archive' | 'reactivate' | 'review';

/** The argument that carries the step's text, if any: requestChanges takes a comment, the others a reason. */
const STEP_TEXT_ARG: Record<LifecycleStep, 'reason' | 'comment' | null> = {
  submit: null,
  approve: null,
  requestChanges: 'comment',
  reject: 'reason',
  suspend: 'reason',
  reinstate: 'reason',
  archive: 'reason',
  reactivate: 'reason',
  review: 'reason',
};

/** The console home page's figures (`dashboard`): counts, and the ids behind the two rules-engine checks. */
export interface DashboardData {
  accountsByStatus: DashboardCount[];
  activeByPlatform: DashboardCount[];
  activeByUnit: DashboardCount[];
  activeTotal: number;
  activeNamingErrors: { count: number; ids: string[] };
  activeChecklistIncomplete: { count: number; ids: string[] };
  reviewsOverdue: number;
  tooFewOwners: number;
  defunctPlatform: number;
  submittedWaiting: number;
  drafts: number;
  urlsExpiring: number;
  urlsExpired: number;
  openCasesByState: DashboardCount[];
  casesOverdue: number;
  casesInLegalReview: number;
}

export interface DashboardCount {
  key: string;
  label: string;
  count: number;
}

/** A domain a typosquatter could register to pass for one of ours (`domainLookalikes`). */
export interface DomainLookalike {
  domain: string;
  unicode: string;
  fuzzer: string;
  claimed: boolean;
}

// ---- Impersonation cases (issue 6) ----

/** The named steps of a case (the domain's state machine, the API's ImpersonationStep), each one mutation. */
export type ImpersonationStepName = ImpersonationStep;

/** What a step takes besides id and version; each step sends only the arguments its mutation declares. */
export interface ImpersonationStepInput {
  imitatedAccountId?: string | null;
  reason?: string;
  comment?: string | null;
  decision?: string;
  reasoning?: string;
  platformCaseRef?: string;
  filedAt?: string;
  outcome?: string;
  decidedAt?: string;
}

/** The mutation behind each step and its arguments with their GraphQL types. */
const IMPERSONATION_STEP_MUTATIONS: Record<ImpersonationStepName, { mutation: string; args: Partial<Record<keyof ImpersonationStepInput, string>> }> = {
  triage: { mutation: 'triageImpersonationReport', args: { imitatedAccountId: 'ID' } },
  dismiss: { mutation: 'dismissImpersonationReport', args: { reason: 'DismissalReason!', comment: 'String!' } },
  sendToLegal: { mutation: 'sendImpersonationToLegal', args: { comment: 'String' } },
  recordLegalDecision: { mutation: 'recordLegalDecision', args: { decision: 'LegalDecision!', reasoning: 'String!' } },
  recordTakedownRequest: { mutation: 'recordTakedownRequest', args: { platformCaseRef: 'String!', filedAt: 'DateTime!' } },
  recordTakedownOutcome: { mutation: 'recordTakedownOutcome', args: { outcome: 'TakedownOutcome!', decidedAt: 'DateTime!' } },
  startMonitoring: { mutation: 'startImpersonationMonitoring', args: { comment: 'String' } },
  close: { mutation: 'closeImpersonationReport', args: { comment: 'String' } },
};

/** One piece of evidence of a case (the API's ImpersonationEvidence). */
export interface ImpersonationEvidenceRecord {
  id: string;
  reportId: string;
  kind: 'URL' | 'NOTE' | 'FILE';
  url: string | null;
  note: string | null;
  capturedAt: string | null;
  intakeSource: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  downloadUrl: string | null;
  createdById: string | null;
  createdAt: string;
}

export const IMPERSONATION_EVIDENCE_FIELDS = 'id reportId kind url note capturedAt intakeSource fileName mimeType sizeBytes sha256 downloadUrl createdById createdAt';

/** react-admin's data provider plus ggsm's own queries (use through `useDataProvider<GgsmDataProvider>()`). */
export interface GgsmDataProvider extends DataProvider {
  auditHistory(entityType: AuditedEntityType, entityId: string): Promise<AuditEventRecord[]>;
  verifyAuditChain(checkpoints?: AuditCheckpoint[]): Promise<AuditChainReport>;
  auditCheckpoint(): Promise<AuditCheckpoint>;
  accountChecklist(accountId: string): Promise<ChecklistResult[]>;
  attestChecklistItem(accountId: string, itemKey: string, attestation: Attestation): Promise<ChecklistResult[]>;
  accountStep(step: LifecycleStep, id: string, version: number, text?: string): Promise<{ id: string; status: string; version: number }>;
  domainLookalikes(domain: string, limit?: number): Promise<DomainLookalike[]>;
  dashboard(): Promise<DashboardData>;
  impersonationStep(step: ImpersonationStepName, id: string, version: number, input?: ImpersonationStepInput): Promise<{ id: string; state: string; version: number }>;
  addImpersonationEvidence(reportId: string, evidence: { url?: string | null; note?: string | null; capturedAt?: string | null }): Promise<ImpersonationEvidenceRecord>;
  myNotifications(options?: { unreadOnly?: boolean; page?: number; perPage?: number }): Promise<NotificationList>;
  markNotificationsRead(target: { ids: string[] } | { all: true }): Promise<{ unreadCount: number }>;
  myNotificationPreferences(): Promise<NotificationPreferences>;
  updateMyNotificationPreferences(kinds: string[]): Promise<NotificationPreferences>;
}

// ---- Notifications (issue 8): the caller's own ----

export interface NotificationRecord {
  id: string;
  kind: string;
  entityType: string;
  entityId: string;
  title: string;
  titleNl: string;
  body: string;
  bodyNl: string;
  /** The console route of the record: "#/SocialAccount/<id>/show". */
  link: string;
  read: boolean;
  emailStatus: string;
  createdAt: string;
}

export interface NotificationList {
  total: number;
  unreadCount: number;
  items: NotificationRecord[];
}

export interface NotificationPreferences {
  emailKinds: string[];
  kinds: string[];
  emailConfigured: boolean;
}

const NOTIFICATION_FIELDS = 'id kind entityType entityId title titleNl body bodyNl link read emailStatus createdAt';

export interface DataProviderOptions {
  /** The console's current locale, to pick the Dutch or English message of an API error. */
  getLocale: () => string;
  uri?: string;
}

/**
 * ra-data-graphql-simple over `/graphql` with the session's bearer token. Build it once: it caches
 * the schema introspection, and would cache a failed introspection too. So the inner provider (and
 * its Apollo cache) is rebuilt when the token changes (another login: nothing of the previous user's
 * data survives) and after a failure that carried no GraphQL answer (server down, introspection failed).
 */
export function createDataProvider({ getLocale, uri = '/graphql' }: DataProviderOptions): GgsmDataProvider {
  const build = () => ({
    token: getToken(),
    provider: buildGraphQLProvider({
      clientOptions: {
        uri,
        link: authLink.concat(new HttpLink({ uri, fetch: keepGraphQLErrors })),
        cache: new InMemoryCache(),
      },
    }),
  });
  let current = build();

  const call =
    (method: keyof DataProvider) =>
    async (...args: unknown[]) => {
      if (current.token !== getToken()) current = build();
      const { provider } = current;
      try {
        return await (provider[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        if (graphQLErrorsOf(error).length === 0 && current.provider === provider) current = build();
        throw toConsoleError(error, getLocale());
      }
    };

  /** A query of ggsm's own beyond react-admin's CRUD (history, chain check), with the same token and errors. */
  const request = async <T>(operationName: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const token = getToken();
    let response: Response;
    try {
      response = await fetch(uri, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ operationName, query, variables }),
      });
    } catch {
      throw new HttpError('ggsm.login.unreachable', 503);
    }
    const body = (await response.json().catch(() => undefined)) as { data?: T | null; errors?: ApiGraphQLError[] } | undefined;
    if (body?.errors?.length) {
      const errors = body.errors.map(e => ({ ...e, extensions: { ...e.extensions, httpStatus: e.extensions?.httpStatus ?? response.status } }));
      throw toConsoleError({ body: { graphQLErrors: errors } }, getLocale());
    }
    if (!response.ok || !body?.data) throw new HttpError('ra.notification.http_error', response.status || 500);
    return body.data;
  };

  return {
    getList: call('getList'),
    getOne: call('getOne'),
    getMany: call('getMany'),
    getManyReference: call('getManyReference'),
    create: call('create'),
    // Every update mutation requires the version the user saw (optimistic locking). ra-data-graphql-simple
    // sends the arguments the mutation declares from `params.data`, which holds the edited record and so its
    // `version`; should a form ever drop it, the version of the record the form was opened on is the one seen.
    update: (resource: string, params: UpdateParams) =>
      call('update')(resource, {
        ...params,
        data: { ...params.data, version: params.data?.version ?? params.previousData?.version },
      }),
    updateMany: call('updateMany'),
    // ggsm destroys no records (Archiefwet); the API has no delete mutations either.
    delete: () => Promise.reject(new Error('ra.notification.not_authorized')),
    deleteMany: () => Promise.reject(new Error('ra.notification.not_authorized')),

    /** The audit events of one record, oldest first (anyone who may read the record). */
    async auditHistory(entityType: AuditedEntityType, entityId: string): Promise<AuditEventRecord[]> {
      const data = await request<{ auditHistory: AuditEventRecord[] }>(
        'AuditHistory',
        `query AuditHistory($entityType: String!, $entityId: ID!) {
          auditHistory(entityType: $entityType, entityId: $entityId) { ${AUDIT_EVENT_FIELDS} }
        }`,
        { entityType, entityId },
      );
      return data.auditHistory;
    },

    /** Recomputes the hash chain (AUDITOR, ADMIN); checkpoints exported earlier also catch a removed tail. */
    async verifyAuditChain(checkpoints: AuditCheckpoint[] = []): Promise<AuditChainReport> {
      const data = await request<{ verifyAuditChain: AuditChainReport }>(
        'VerifyAuditChain',
        `query VerifyAuditChain($checkpoints: [AuditCheckpointInput!]) {
          verifyAuditChain(checkpoints: $checkpoints) { ok length headHash brokenAt problemCode problem problemNl }
        }`,
        { checkpoints: checkpoints.map(({ length, headHash, createdAt, mac }) => ({ length, headHash, createdAt, mac })) },
      );
      return data.verifyAuditChain;
    },

    /** The verified chain head, signed by the API, to keep outside ggsm (AUDITOR, ADMIN). */
    async auditCheckpoint(): Promise<AuditCheckpoint> {
      const data = await request<{ auditCheckpoint: AuditCheckpoint }>(
        'AuditCheckpoint',
        'query AuditCheckpoint { auditCheckpoint { length headHash createdAt mac } }',
      );
      return data.auditCheckpoint;
    },

    /** The home page's figures, as far as the logged-in user may see. */
    async dashboard(): Promise<DashboardData> {
      const count = 'key label count';
      const set = 'count ids';
      const data = await request<{ dashboard: DashboardData }>(
        'Dashboard',
        `query Dashboard { dashboard { accountsByStatus { ${count} } activeByPlatform { ${count} } activeByUnit { ${count} } activeTotal
          activeNamingErrors { ${set} } activeChecklistIncomplete { ${set} } reviewsOverdue tooFewOwners defunctPlatform submittedWaiting drafts
          urlsExpiring urlsExpired openCasesByState { ${count} } casesOverdue casesInLegalReview } }`,
        {},
      );
      return data.dashboard;
    },

    /** The brand checklist of one account, every item with its state and reason. */
    async accountChecklist(accountId: string): Promise<ChecklistResult[]> {
      const data = await request<{ accountChecklist: ChecklistResult[] }>(
        'AccountChecklist',
        `query AccountChecklist($accountId: ID!) { accountChecklist(accountId: $accountId) { ${CHECKLIST_FIELDS} } }`,
        { accountId },
      );
      return data.accountChecklist;
    },

    /** Records a judgement on an ATTESTATION item (COMMUNICATIONS); answers the updated checklist. */
    async attestChecklistItem(accountId: string, itemKey: string, { passed, note, evidenceUrl }: Attestation): Promise<ChecklistResult[]> {
      const data = await request<{ attestChecklistItem: ChecklistResult[] }>(
        'AttestChecklistItem',
        `mutation AttestChecklistItem($accountId: ID!, $itemKey: String!, $passed: Boolean!, $note: String, $evidenceUrl: String) {
          attestChecklistItem(accountId: $accountId, itemKey: $itemKey, passed: $passed, note: $note, evidenceUrl: $evidenceUrl) { ${CHECKLIST_FIELDS} }
        }`,
        { accountId, itemKey, passed, note: note || null, evidenceUrl: evidenceUrl || null },
      );
      return data.attestChecklistItem;
    },

    /** One lifecycle step on an account, with the version the user saw (optimistic locking). */
    async accountStep(step: LifecycleStep, id: string, version: number, text?: string) {
      const mutation = `${step}SocialAccount`;
      const textArg = STEP_TEXT_ARG[step];
      const sendText = textArg !== null && text !== undefined && text.trim() !== '';
      const operationName = mutation.charAt(0).toUpperCase() + mutation.slice(1);
      const data = await request<Record<string, { id: string; status: string; version: number }>>(
        operationName,
        `mutation ${operationName}($id: ID!, $version: Int!${sendText ? ', $text: String!' : ''}) {
          ${mutation}(id: $id, version: $version${sendText ? `, ${textArg}: $text` : ''}) { id status version }
        }`,
        sendText ? { id, version, text: text.trim() } : { id, version },
      );
      return data[mutation];
    },

    /** Typo variants of a domain, each saying whether we hold it already (ACTIVE DOMAIN claims). */
    async domainLookalikes(domain: string, limit?: number): Promise<DomainLookalike[]> {
      const data = await request<{ domainLookalikes: DomainLookalike[] }>(
        'DomainLookalikes',
        'query DomainLookalikes($domain: String!, $limit: Int) { domainLookalikes(domain: $domain, limit: $limit) { domain unicode fuzzer claimed } }',
        { domain, limit: limit ?? null },
      );
      return data.domainLookalikes;
    },

    /** One step of an impersonation case, with the version the user saw; only the step's own arguments are sent. */
    async impersonationStep(step: ImpersonationStepName, id: string, version: number, input: ImpersonationStepInput = {}) {
      const { mutation, args } = IMPERSONATION_STEP_MUTATIONS[step];
      const names = (Object.keys(args) as (keyof ImpersonationStepInput)[]).filter(name => input[name] !== undefined);
      const operationName = mutation.charAt(0).toUpperCase() + mutation.slice(1);
      const declared = names.map(name => `, $${name}: ${args[name]}`).join('');
      const passed = names.map(name => `, ${name}: $${name}`).join('');
      const data = await request<Record<string, { id: string; state: string; version: number }>>(
        operationName,
        `mutation ${operationName}($id: ID!, $version: Int!${declared}) { ${mutation}(id: $id, version: $version${passed}) { id state version } }`,
        { id, version, ...Object.fromEntries(names.map(name => [name, input[name]])) },
      );
      return data[mutation];
    },

    /** A URL and/or note for an open case (COMMUNICATIONS, LEGAL); screenshots go over REST. */
    async addImpersonationEvidence(reportId: string, { url, note, capturedAt }: { url?: string | null; note?: string | null; capturedAt?: string | null }) {
      const data = await request<{ addImpersonationEvidence: ImpersonationEvidenceRecord }>(
        'AddImpersonationEvidence',
        `mutation AddImpersonationEvidence($reportId: ID!, $url: String, $note: String, $capturedAt: DateTime) {
          addImpersonationEvidence(reportId: $reportId, url: $url, note: $note, capturedAt: $capturedAt) { ${IMPERSONATION_EVIDENCE_FIELDS} }
        }`,
        { reportId, url: url?.trim() || null, note: note?.trim() || null, capturedAt: capturedAt || null },
      );
      return data.addImpersonationEvidence;
    },

    async myNotifications({ unreadOnly = false, page = 0, perPage = 20 } = {}): Promise<NotificationList> {
      const data = await request<{ myNotifications: NotificationList }>(
        'MyNotifications',
        `query MyNotifications($unreadOnly: Boolean, $page: Int, $perPage: Int) {
          myNotifications(unreadOnly: $unreadOnly, page: $page, perPage: $perPage) { total unreadCount items { ${NOTIFICATION_FIELDS} } }
        }`,
        { unreadOnly, page, perPage },
      );
      return data.myNotifications;
    },

    async markNotificationsRead(target: { ids: string[] } | { all: true }) {
      const data = await request<{ markNotificationsRead: { unreadCount: number } }>(
        'MarkNotificationsRead',
        'mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) { id unreadCount } }',
        'all' in target ? { all: true } : { ids: target.ids },
      );
      return data.markNotificationsRead;
    },

    async myNotificationPreferences(): Promise<NotificationPreferences> {
      const data = await request<{ myNotificationPreferences: NotificationPreferences }>(
        'MyNotificationPreferences',
        'query MyNotificationPreferences { myNotificationPreferences { emailKinds kinds emailConfigured } }',
      );
      return data.myNotificationPreferences;
    },

    async updateMyNotificationPreferences(kinds: string[]): Promise<NotificationPreferences> {
      const data = await request<{ updateMyNotificationPreferences: NotificationPreferences }>(
        'UpdateMyNotificationPreferences',
        'mutation UpdateMyNotificationPreferences($kinds: [NotificationKind!]!) { updateMyNotificationPreferences(kinds: $kinds) { emailKinds kinds emailConfigured } }',
        { kinds },
      );
      return data.updateMyNotificationPreferences;
    },
  } as GgsmDataProvider;
}
