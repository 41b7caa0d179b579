import { uploadRaw } from './client';
import { contentPath } from './contents';

// The proof pack (issue 18): what was validated, its hash, every approval and the trail, as a
// PDF carrying its JSON twin; and the check of a proof against what the database holds now.

export type ProofFormat = 'pdf' | 'json';

/** The address of a content's proof pack. */
export function proofUrl(contentId: string, format: ProofFormat): string {
  return `${contentPath(contentId)}/proof?format=${format}`;
}

/** One check of a verification: the revision's hash, its files, its approvals. */
export interface ProofCheck {
  what: 'revision_hash' | 'attachments' | 'approvals' | string;
  ok: boolean;
  detail: string;
}

export interface ProofVerification {
  matches: boolean;
  checks: ProofCheck[];
  content: { id: string; title: string; type?: string; language?: string } | null;
}

/** Sends a proof (its JSON twin or the PDF, with that Content-Type) to be checked. */
export function verifyProof(file: Blob, contentType: string): Promise<ProofVerification> {
  const body = file.type === contentType ? file : new Blob([file], { type: contentType });
  return uploadRaw<ProofVerification>('/api/v1/proofs/verify', body);
}
