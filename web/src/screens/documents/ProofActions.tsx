import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proofUrl, verifyProof, type ProofVerification } from '../../api/proofs';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { proofContentType } from '../../lib/documents';
import { genericErrorMessage } from '../../lib/errors';
import { DropZone } from '../files/Uploads';

// The proof pack: "what exactly was validated, and is it still what we have?" in one file, and
// the way to check a proof someone sends back months later.

/** The approvals panel's proof pack: the PDF (carrying its JSON twin), or the JSON alone. */
export function ProofPackLinks({ contentId }: { contentId: string }) {
  const { t } = useTranslation();
  return (
    <div className="proof-actions">
      <a className="button button-quiet" href={proofUrl(contentId, 'pdf')} download>
        {t('proof.pack_pdf')}
      </a>
      <a className="link-button" href={proofUrl(contentId, 'json')} download>
        {t('proof.pack_json')}
      </a>
      <VerifyProofButton />
    </div>
  );
}

const checkKey = {
  revision_hash: 'proof.check_revision_hash',
  attachments: 'proof.check_attachments',
  approvals: 'proof.check_approvals',
} as const;

/** "Verify a proof": a .pdf or .json proof goes up, each check comes back. */
export function VerifyProofButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ProofVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = async (file: File) => {
    const type = proofContentType(file);
    setResult(null);
    if (!type) {
      setError(t('proof.not_a_proof', { name: file.name }));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      setResult(await verifyProof(file, type));
    } catch (failure) {
      setError(genericErrorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setResult(null);
          setError(null);
          setOpen(true);
        }}
      >
        {t('proof.verify')}
      </button>
      <Dialog open={open} wide title={t('proof.verify_title')} onClose={() => setOpen(false)}>
        <p>{t('proof.verify_intro')}</p>
        <DropZone
          label={t('proof.verify_choose')}
          hint={t('proof.verify_hint')}
          multiple={false}
          accept=".pdf,.json,application/pdf,application/json"
          testId="proof-drop-zone"
          onFiles={([file]) => file && void check(file)}
        />
        {busy && (
          <p role="status" className="muted">
            {t('proof.verifying')}
          </p>
        )}
        {error && <Alert>{error}</Alert>}
        {result && (
          <div className="proof-result" data-testid="proof-result">
            <div
              className={result.matches ? 'alert alert-info' : 'alert alert-error'}
              role="status"
            >
              {result.matches
                ? t('proof.matches', { title: result.content?.title ?? '' })
                : t('proof.does_not_match', { title: result.content?.title ?? '' })}
            </div>
            <ul className="proof-checks">
              {result.checks.map((item) => (
                <li key={item.what} className={item.ok ? 'proof-check-ok' : 'proof-check-failed'}>
                  <span aria-hidden="true">{item.ok ? '✓' : '✗'}</span>{' '}
                  {t(item.ok ? 'proof.check_ok' : 'proof.check_failed', {
                    what:
                      item.what in checkKey
                        ? t(checkKey[item.what as keyof typeof checkKey])
                        : item.what,
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Dialog>
    </>
  );
}
