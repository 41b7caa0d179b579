import { useTranslation } from 'react-i18next';
import type { ContentType, FieldDiff } from '../../api/types';
import { useDiff } from '../../api/workspace';
import { Alert } from '../../components/Alert';
import { DiffText, splitSides, toSegments } from '../../content/diff';
import { genericErrorMessage } from '../../lib/errors';

// What changed between two revisions, field by field: the history's compare view, and the
// approvals panel's "changes since approval".

function fieldLabel(
  field: string,
  type: ContentType | undefined,
  t: (key: 'content.title') => string,
) {
  if (field === 'title') return t('content.title');
  const key = field.startsWith('fields.') ? field.slice('fields.'.length) : field;
  return type?.fields.find((f) => f.key === key)?.label ?? key;
}

/** The word diff of every field that changed from one revision to another. */
export function DiffView({
  id,
  from,
  to,
  type,
  layout,
}: {
  id: string;
  from: number;
  to: number;
  type: ContentType | undefined;
  layout: 'inline' | 'split';
}) {
  const { t } = useTranslation();
  const diff = useDiff(id, from, to);
  if (diff.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (diff.isError) return <Alert>{genericErrorMessage(t, diff.error)}</Alert>;
  const changed = diff.data.fields.filter((f) => f.changed);
  const labels = { added: t('history.added'), removed: t('history.removed') };
  return (
    <div className="diff" aria-label={t('history.diff_label', { from, to })} role="region">
      <p className="muted">{t('history.diff_between', { from, to })}</p>
      {changed.length === 0 && <p>{t('history.no_changes')}</p>}
      {changed.map((field) => (
        <section key={field.field} className="diff-field">
          <h3>{fieldLabel(field.field, type, t)}</h3>
          <FieldDiffView field={field} layout={layout} labels={labels} from={from} to={to} />
        </section>
      ))}
    </div>
  );
}

function FieldDiffView({
  field,
  layout,
  labels,
  from,
  to,
}: {
  field: FieldDiff;
  layout: 'inline' | 'split';
  labels: { added: string; removed: string };
  from: number;
  to: number;
}) {
  const { t } = useTranslation();
  const show = (value: unknown) =>
    value === null || value === undefined
      ? '—'
      : Array.isArray(value)
        ? value.join(', ')
        : String(value);
  if (!field.text) {
    return (
      <div className="diff-split">
        <div>
          <h4>{t('history.revision_number', { number: from })}</h4>
          <del>{show(field.before)}</del>
        </div>
        <div>
          <h4>{t('history.revision_number', { number: to })}</h4>
          <ins>{show(field.after)}</ins>
        </div>
      </div>
    );
  }
  if (layout === 'inline') return <DiffText segments={toSegments(field.ops)} labels={labels} />;
  const { before, after } = splitSides(field.ops);
  return (
    <div className="diff-split">
      <div>
        <h4>{t('history.revision_number', { number: from })}</h4>
        <DiffText segments={before} labels={labels} />
      </div>
      <div>
        <h4>{t('history.revision_number', { number: to })}</h4>
        <DiffText segments={after} labels={labels} />
      </div>
    </div>
  );
}
