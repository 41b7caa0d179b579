import { useTranslation } from 'react-i18next';
import type { ContentType, FieldDiff } from '../../api/types';
import { useDiff } from '../../api/revisions';
import { Alert } from '../../components/Alert';
import type { ReactNode } from 'react';
import { DiffText, splitSides, toSegments, type Segment } from '../../content/diff';
import { isRun, richDiff, type DiffBlock, type DiffRun } from '../../content/richDiff';
import { genericErrorMessage } from '../../lib/errors';
import { FileChanges, useFileChanges } from '../files/RevisionFiles';
import { useChannels } from '../../api/channels';
import { useShell } from '../AppShell';
import { variantLabel } from './VariantLabels';

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
  const fileChanges = useFileChanges(id, from, to);
  const { membership } = useShell();
  const channels = useChannels(membership.workspace.slug).data ?? [];
  if (diff.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (diff.isError) return <Alert>{genericErrorMessage(t, diff.error)}</Alert>;
  const changed = diff.data.fields.filter((f) => f.changed);
  const labels = { added: t('history.added'), removed: t('history.removed') };
  return (
    <div className="diff" aria-label={t('history.diff_label', { from, to })} role="region">
      <p className="muted">{t('history.diff_between', { from, to })}</p>
      {changed.length === 0 && fileChanges.length === 0 && <p>{t('history.no_changes')}</p>}
      <FileChanges changes={fileChanges} />
      {changed.map((field) => (
        <section key={field.field} className="diff-field">
          <h3>
            {field.label ??
              variantLabel(t, field.field, channels) ??
              fieldLabel(field.field, type, t)}
          </h3>
          <FieldDiffView
            field={field}
            layout={layout}
            labels={labels}
            from={from}
            to={to}
            rich={isRichText(field.field, type)}
          />
        </section>
      ))}
    </div>
  );
}

/** Whether a changed field holds rich text (Markdown), shown rendered. */
export function isRichText(field: string, type: ContentType | undefined): boolean {
  if (field === 'title') return false;
  const key = field.startsWith('fields.') ? field.slice('fields.'.length) : field;
  return type?.fields.find((f) => f.key === key)?.kind === 'richtext';
}

export function FieldDiffView({
  field,
  layout,
  labels,
  from,
  to,
  rich,
}: {
  field: FieldDiff;
  layout: 'inline' | 'split';
  labels: { added: string; removed: string };
  from: number;
  to: number;
  rich: boolean;
}) {
  const Text = rich ? RichDiffText : DiffText;
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
  if (layout === 'inline') return <Text segments={toSegments(field.ops)} labels={labels} />;
  const { before, after } = splitSides(field.ops);
  return (
    <div className="diff-split">
      <div>
        <h4>{t('history.revision_number', { number: from })}</h4>
        <Text segments={before} labels={labels} />
      </div>
      <div>
        <h4>{t('history.revision_number', { number: to })}</h4>
        <Text segments={after} labels={labels} />
      </div>
    </div>
  );
}

/** A rich-text field's changes, rendered as the text reads, insertions and deletions marked. */
function RichDiffText({
  segments,
  labels,
}: {
  segments: readonly Segment[];
  labels: { added: string; removed: string };
}) {
  const doc = richDiff(segments);
  return <div className="diff-text diff-rich">{renderChildren(doc.children, labels)}</div>;
}

function renderChildren(
  children: (DiffBlock | DiffRun)[],
  labels: { added: string; removed: string },
): ReactNode[] {
  return children.map((child, index) =>
    isRun(child) ? renderRun(child, index, labels) : renderBlock(child, index, labels),
  );
}

function renderRun(run: DiffRun, key: number, labels: { added: string; removed: string }) {
  let node: ReactNode = run.text;
  if (run.marks.includes('code')) node = <code>{node}</code>;
  if (run.marks.includes('bold')) node = <strong>{node}</strong>;
  if (run.marks.includes('italic')) node = <em>{node}</em>;
  if (run.marks.includes('strike')) node = <s>{node}</s>;
  if (run.kind === 'added') {
    return (
      <ins key={key}>
        <span className="sr-only">{labels.added} </span>
        {node}
      </ins>
    );
  }
  if (run.kind === 'removed') {
    return (
      <del key={key}>
        <span className="sr-only">{labels.removed} </span>
        {node}
      </del>
    );
  }
  return <span key={key}>{node}</span>;
}

function renderBlock(block: DiffBlock, key: number, labels: { added: string; removed: string }) {
  const children = renderChildren(block.children, labels);
  switch (block.tag) {
    case 'heading':
      // Styled as a heading, not one in the page's outline (the field's name is the heading).
      return (
        <p key={key} className={`diff-heading diff-heading-${block.level ?? 2}`}>
          {children}
        </p>
      );
    case 'li':
      return (
        <li key={key}>
          {block.checked !== undefined && (
            <span aria-hidden="true">{block.checked ? '☑ ' : '☐ '}</span>
          )}
          {children}
        </li>
      );
    case 'hr':
      return <hr key={key} />;
    case 'br':
      return <br key={key} />;
    case 'table':
      return (
        <table key={key}>
          <tbody>{children}</tbody>
        </table>
      );
    case 'p':
    case 'ul':
    case 'ol':
    case 'blockquote':
    case 'pre':
    case 'tr':
    case 'th':
    case 'td': {
      const Tag = block.tag;
      return <Tag key={key}>{children}</Tag>;
    }
    default:
      return <div key={key}>{children}</div>;
  }
}
