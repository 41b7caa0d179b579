import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, ContentType, Member, Project } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import type { DiffOp } from '../../api/types';
import type { Values } from '../../content/sync';
import { wordDiff } from '../../content/wordDiff';
import { formatDateTime } from '../../lib/format';
import type { OpenConflict } from './useContentSync';
import { variantLabel } from './VariantLabels';

type Choice = 'mine' | 'theirs' | 'edit';

interface ConflictDialogProps {
  conflicts: OpenConflict[];
  type: ContentType | undefined;
  channels: Channel[];
  members: Member[];
  projects: Project[];
  open: boolean;
  onClose: () => void;
  onResolve: (chosen: Values) => void;
}

/**
 * Someone else changed the same text: for each such field, their text and the user's side by
 * side; keep one, the other, or write the merged text. Nothing is dropped until the user says.
 */
export function ConflictDialog({
  conflicts,
  type,
  channels,
  members,
  projects,
  open,
  onClose,
  onResolve,
}: ConflictDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [edited, setEdited] = useState<Record<string, string>>({});

  useEffect(() => {
    setChoices({});
    setEdited({});
  }, [conflicts]);

  const labelOf = (key: string) => {
    const variant = variantLabel(t, key, channels);
    if (variant) return variant;
    if (key.startsWith('fields.')) {
      const fieldKey = key.slice('fields.'.length);
      return type?.fields.find((f) => f.key === fieldKey)?.label ?? fieldKey;
    }
    const names: Record<string, string> = {
      title: t('content.title'),
      channels: t('content.channels'),
      tags: t('content.tags'),
      project: t('content.project'),
      owner: t('content.owner'),
      assignees: t('content.assignees'),
      due_at: t('content.due_at'),
      publish_at: t('content.publish_at'),
      language: t('content.language'),
    };
    return names[key] ?? key;
  };

  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('conflict.empty');
    const names = (ids: unknown, list: { id: string; name: string }[]) =>
      (Array.isArray(ids) ? ids : [ids])
        .map((id) => list.find((x) => x.id === id)?.name ?? String(id))
        .join(', ');
    if (key === 'channels') return names(value, channels);
    if (key === 'project') return names(value, projects);
    if (key === 'owner' || key === 'assignees')
      return names(
        value,
        members.map((m) => ({ id: m.user_id, name: m.name })),
      );
    if (key === 'due_at' || key === 'publish_at') return formatDateTime(String(value), locale);
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  };

  const isText = (c: OpenConflict) =>
    (typeof c.mine === 'string' || c.mine === null) &&
    (typeof c.theirs === 'string' || c.theirs === null);

  // Where the two texts differ, word by word, so nobody has to hunt for the change.
  const diffs = useMemo(
    () =>
      new Map(
        conflicts
          .filter(isText)
          .map((c) => [c.key, wordDiff(String(c.theirs ?? ''), String(c.mine ?? ''))] as const),
      ),
    [conflicts],
  );

  const ready = conflicts.every((c) => choices[c.key]);
  const apply = () => {
    const chosen: Values = {};
    for (const c of conflicts) {
      const choice = choices[c.key];
      chosen[c.key] =
        choice === 'theirs' ? c.theirs : choice === 'edit' ? (edited[c.key] ?? '') : c.mine;
    }
    onResolve(chosen);
  };

  return (
    <Dialog
      open={open && conflicts.length > 0}
      wide
      title={t('conflict.title')}
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" disabled={!ready} onClick={apply}>
          {t('conflict.apply')}
        </button>
      }
    >
      <p>{t('conflict.intro')}</p>
      {conflicts.map((c) => {
        const choice = choices[c.key];
        const name = `conflict-${c.key}`;
        return (
          <fieldset key={c.key} className="conflict">
            <legend>{labelOf(c.key)}</legend>
            <div className="conflict-sides">
              <div className="conflict-side">
                <h3>{t('conflict.theirs')}</h3>
                <div className="conflict-text" data-testid={`theirs-${c.key}`}>
                  {isText(c) ? (
                    <Marked ops={diffs.get(c.key) ?? []} side="theirs" />
                  ) : (
                    show(c.key, c.theirs)
                  )}
                </div>
              </div>
              <div className="conflict-side">
                <h3>{t('conflict.mine')}</h3>
                <div className="conflict-text" data-testid={`mine-${c.key}`}>
                  {isText(c) ? (
                    <Marked ops={diffs.get(c.key) ?? []} side="mine" />
                  ) : (
                    show(c.key, c.mine)
                  )}
                </div>
              </div>
            </div>
            <div className="conflict-choices">
              <label>
                <input
                  type="radio"
                  name={name}
                  checked={choice === 'mine'}
                  onChange={() => setChoices({ ...choices, [c.key]: 'mine' })}
                />
                {t('conflict.keep_mine')}
              </label>
              <label>
                <input
                  type="radio"
                  name={name}
                  checked={choice === 'theirs'}
                  onChange={() => setChoices({ ...choices, [c.key]: 'theirs' })}
                />
                {t('conflict.keep_theirs')}
              </label>
              {isText(c) && (
                <label>
                  <input
                    type="radio"
                    name={name}
                    checked={choice === 'edit'}
                    onChange={() => {
                      setChoices({ ...choices, [c.key]: 'edit' });
                      if (edited[c.key] === undefined) {
                        setEdited({ ...edited, [c.key]: String(c.mine ?? '') });
                      }
                    }}
                  />
                  {t('conflict.edit_merged')}
                </label>
              )}
            </div>
            {choice === 'edit' && (
              <textarea
                className="conflict-edit"
                aria-label={t('conflict.merged_text', { field: labelOf(c.key) })}
                rows={8}
                value={edited[c.key] ?? ''}
                onChange={(event) => setEdited({ ...edited, [c.key]: event.target.value })}
              />
            )}
          </fieldset>
        );
      })}
    </Dialog>
  );
}

/** One side of a conflict, the words only this side has marked. */
function Marked({ ops, side }: { ops: DiffOp[]; side: 'theirs' | 'mine' }) {
  const own = side === 'theirs' ? 'delete' : 'insert';
  return (
    <>
      {ops
        .filter((op) => op.op === 'equal' || op.op === own)
        .map((op, index) =>
          op.op === 'equal' ? (
            <span key={index}>{op.text}</span>
          ) : (
            <mark key={index} className={`mark-${side}`}>
              {op.text}
            </mark>
          ),
        )}
    </>
  );
}
