import { getToken } from '../providers/session';
import { saveBlob } from '../common/save-file';

/** One problem of an imported file (the API's ImportProblem). */
export interface ImportProblem {
  line: number;
  column: string | null;
  code: string;
  message: string;
  messageNl: string;
}

/** The API's ImportResult (importSocialAccounts, POST /api/import/accounts). */
export interface ImportResult {
  dryRun: boolean;
  charset: string;
  delimiter: string;
  totalRows: number;
  validRows: number;
  created: number;
  duplicateRows: number;
  takenRows: number;
  problemCount: number;
  problems: ImportProblem[];
  ignoredColumns: string[];
  status: string;
}

export interface ImportProgress {
  phase: 'uploading' | 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ApiError {
  code: string;
  message: string;
  messageNl: string;
  violations?: { field?: string; code: string; message: string; messageNl: string }[];
}

export class ImportFailed extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

const authHeader = (): Record<string, string> => {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

/**
 * Sends the file's bytes as they are (so Windows-1252 arrives intact; the API detects it) and reads the
 * answer as it comes: the API reports its progress line by line (NDJSON) while it checks and writes.
 */
export async function uploadImport(
  file: Blob,
  options: { dryRun: boolean; onlyValidRows?: boolean; asLegacy?: boolean },
  onProgress: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const query = new URLSearchParams({
    dryRun: String(options.dryRun),
    onlyValidRows: String(options.onlyValidRows ?? false),
    asLegacy: String(options.asLegacy ?? false),
  });
  onProgress({ phase: 'uploading', done: 0, total: file.size });
  const response = await fetch(`/api/import/accounts?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', ...authHeader() },
    body: file,
  });
  if (!response.body) throw new ImportFailed({ code: 'BAD_REQUEST', message: response.statusText, messageNl: response.statusText });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let result: ImportResult | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split('\n');
    buffer = done ? '' : (lines.pop() ?? '');
    for (const line of lines) {
      if (!line.trim()) continue;
      const message = JSON.parse(line) as { progress?: ImportProgress; result?: ImportResult; error?: ApiError };
      if (message.progress) onProgress(message.progress);
      if (message.result) result = message.result;
      if (message.error) throw new ImportFailed(message.error);
    }
    if (done) break;
  }
  if (!result) throw new ImportFailed({ code: String(response.status), message: response.statusText, messageNl: response.statusText });
  return result;
}

/** Downloads an export of the API (same token as /graphql) and hands it to the browser as a file. */
export async function downloadExport(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: authHeader() });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  saveBlob(await response.blob(), name);
}
