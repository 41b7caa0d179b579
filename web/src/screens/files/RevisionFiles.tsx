import { useTranslation } from 'react-i18next';
import { useRevision } from '../../api/revisions';
import type { RevisionAttachment } from '../../api/types';
import { diffAttachments, type FileChange } from '../../lib/files';

// The files of a revision in the history: which version of each went with the text, and what
// changed in them from one revision to another (a new version is a change of the content).

/** The files a revision recorded; nothing when it had none. */
export function RevisionFileList({ files }: { files: RevisionAttachment[] | undefined }) {
  const { t } = useTranslation();
  if (!files || files.length === 0) return null;
  return (
    <section className="revision-field revision-files">
      <h4>{t('files.title')}</h4>
      <ul>
        {files.map((file) => (
          <li key={file.attachment_id}>
            {t('files.history_file', { name: file.name, number: file.version })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The files two revisions disagree on, read from both revisions. */
export function useFileChanges(contentId: string, from: number, to: number): FileChange[] {
  const before = useRevision(contentId, from).data?.attachments ?? [];
  const after = useRevision(contentId, to).data?.attachments ?? [];
  return diffAttachments(before, after);
}

export function FileChanges({ changes }: { changes: FileChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <section className="diff-field diff-files">
      <h3>{t('files.title')}</h3>
      <ul>
        {changes.map((change, index) => (
          <li key={index} className={`file-change file-change-${change.kind}`}>
            {change.kind === 'added'
              ? t('files.history_added', { name: change.name, number: change.version })
              : change.kind === 'removed'
                ? t('files.history_removed', { name: change.name, number: change.version })
                : t('files.history_changed', {
                    name: change.name,
                    from: change.from,
                    to: change.to,
                  })}
          </li>
        ))}
      </ul>
    </section>
  );
}
