import type { ImpersonationEvidenceRecord } from '../providers/data-provider';
import { getToken } from '../providers/session';
import { saveBlob } from '../common/save-file';

/** The API's REST error body (`{ error: {...} }`), with the message in both languages. */
export interface EvidenceError {
  code: string;
  message: string;
  messageNl: string;
  violations?: { field?: string; code: string; message: string; messageNl: string }[];
}

export class EvidenceRequestFailed extends Error {
  constructor(
    readonly status: number,
    readonly error: EvidenceError,
  ) {
    super(error.message);
  }

  /** What the user reads: the API's own text in the console's language. */
  text(locale: string): string {
    return locale === 'en' ? this.error.message : this.error.messageNl || this.error.message;
  }
}

const authHeader = (): Record<string, string> => {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

async function failure(response: Response): Promise<EvidenceRequestFailed> {
  const body = (await response.json().catch(() => undefined)) as { error?: EvidenceError } | undefined;
  const fallback = { code: String(response.status), message: response.statusText || `HTTP ${response.status}`, messageNl: response.statusText || `HTTP ${response.status}` };
  return new EvidenceRequestFailed(response.status, body?.error ?? fallback);
}

/**
 * Uploads a screenshot (PNG or JPEG; the API judges the type by its content and refuses a file over its
 * size limit, with a Dutch and an English message).
 */
export async function uploadScreenshot(reportId: string, file: File, options: { note?: string; capturedAt?: string } = {}): Promise<ImpersonationEvidenceRecord> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (options.note?.trim()) form.append('note', options.note.trim());
  if (options.capturedAt) form.append('capturedAt', options.capturedAt);
  let response: Response;
  try {
    response = await fetch(`/api/impersonation-reports/${encodeURIComponent(reportId)}/evidence`, { method: 'POST', headers: authHeader(), body: form });
  } catch {
    // The API stops reading an oversized upload and answers at once; a browser may see the connection close.
    throw new EvidenceRequestFailed(0, { code: 'NETWORK', message: 'The upload did not reach ggsm.', messageNl: 'De upload kwam niet aan bij ggsm.' });
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as ImpersonationEvidenceRecord;
}

/** The screenshot's bytes, fetched with the session's token (the download URL is not public). */
export async function fetchScreenshot(downloadUrl: string): Promise<Blob> {
  const response = await fetch(downloadUrl, { headers: authHeader() });
  if (!response.ok) throw await failure(response);
  return response.blob();
}

/** The screenshot as a data: URL, which the console's content security policy lets an <img> show. */
export function blobAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** Hands the screenshot to the browser as a file under its own name. */
export async function downloadScreenshot(downloadUrl: string, fileName: string): Promise<void> {
  saveBlob(await fetchScreenshot(downloadUrl), fileName);
}
