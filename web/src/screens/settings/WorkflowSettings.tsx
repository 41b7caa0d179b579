import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  statusCategories,
  type Gate,
  type Status,
  type StatusCategory,
  type StatusInput,
  type Team,
} from '../../api/types';
import { useSaveWorkflow, useWorkflow } from '../../api/workflow';
import { useTeams } from '../../api/members';
import { Alert } from '../../components/Alert';
import { DataTable } from '../../components/DataTable';
import { ConfirmDialog } from '../../components/Dialog';
import { SelectField } from '../../components/Field';
import { MoveButtons } from '../../components/MoveButtons';
import { Popover } from '../../components/Popover';
import { useLocale } from '../../i18n';
import {
  fieldProblems,
  genericErrorMessage,
  problemMessage,
  statusRowProblems,
} from '../../lib/errors';
import { formatList } from '../../lib/format';
import { moveItem } from '../../lib/workflow';
import { useMarkWorkflowSeen } from '../firstday/FirstStepsGuide';

const categoryKey = {
  idea: 'workflow.category_idea',
  in_progress: 'workflow.category_in_progress',
  review: 'workflow.category_review',
  ready: 'workflow.category_ready',
  published: 'workflow.category_published',
} as const satisfies Record<StatusCategory, string>;

/** A row of the editor: the status as it will be sent, and a key that survives reordering. */
type Row = StatusInput & { key: string };

const rowsOf = (statuses: Status[]): Row[] =>
  statuses.map(({ id, name, color, category, gate }) => ({
    key: id,
    id,
    name,
    color,
    category,
    gate,
  }));

let newRows = 0;

/**
 * The workflow, edited as a whole and saved with one PUT: statuses in order (drag, or up and
 * down), their names, colours and categories, and what each asks before a content moves on.
 */
export function WorkflowSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  useMarkWorkflowSeen(slug);
  const workflow = useWorkflow(slug);
  const teams = useTeams(slug).data ?? [];
  const save = useSaveWorkflow(slug);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});
  const [deleting, setDeleting] = useState<Row | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);

  // The editor starts from the server's workflow, and again after a save or a discard.
  useEffect(() => {
    if (rows === null && workflow.data) setRows(rowsOf(workflow.data));
  }, [rows, workflow.data]);

  if (rows === null) {
    if (workflow.isError) return <Alert>{genericErrorMessage(t, workflow.error)}</Alert>;
    return <p className="muted">{t('common.loading')}</p>;
  }
  const dirty =
    JSON.stringify(rows.map(({ key: _, ...s }) => s)) !==
    JSON.stringify(rowsOf(workflow.data ?? []).map(({ key: _, ...s }) => s));

  const edit = (rows: Row[]) => {
    setSaved(false);
    save.reset();
    setRows(rows);
  };
  const update = (index: number, change: Partial<Row>) =>
    edit(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const remove = (row: Row, target?: string) => {
    if (row.id && target) setMoveTo((now) => ({ ...now, [row.id!]: target }));
    edit(rows.filter((one) => one.key !== row.key));
    setDeleting(null);
  };
  const add = () =>
    edit([
      ...rows,
      {
        key: `new-${++newRows}`,
        name: t('workflow.new_status'),
        color: '#64748b',
        category: 'in_progress',
        gate: null,
      },
    ]);
  const submit = async () => {
    const kept = new Set(rows.map((row) => row.id).filter(Boolean));
    const moves = Object.fromEntries(
      Object.entries(moveTo).filter(([from, to]) => !kept.has(from) && kept.has(to)),
    );
    try {
      const answer = await save.mutateAsync({
        statuses: rows.map(({ key: _, ...status }) => status),
        move_to: moves,
      });
      setRows(rowsOf(answer.statuses));
      setMoveTo({});
      setSaved(true);
    } catch {
      // Said above the table.
    }
  };

  // A refused field of a status is said on its row ("Name: 1 to 60 characters"); the others,
  // and refusals that name no field, above the table.
  const problems = save.isError ? fieldProblems(t, save.error) : [];
  const rowProblems = statusRowProblems(problems);
  const otherProblems = problems.filter((problem) => !/^statuses\[\d+\]/.test(problem.path));
  const failure = !save.isError
    ? null
    : problems.length === 0
      ? t('workflow.invalid', { reason: problemMessage(t, save.error) })
      : t('workflow.invalid', {
          reason: [
            ...otherProblems.map((problem) => problem.text),
            ...(rowProblems.size > 0 ? [t('workflow.invalid_rows')] : []),
          ].join(' · '),
        });

  return (
    <div className="settings-section workflow-settings">
      <p className="muted">{t('workflow.settings_intro')}</p>
      {failure && <Alert>{failure}</Alert>}
      {saved && !dirty && <Alert tone="info">{t('workflow.saved')}</Alert>}
      <DataTable
        className="table workflow-table"
        caption={t('workflow.statuses')}
        hiddenCaption
        columns={[
          t('workflow.col_order'),
          t('workflow.col_color'),
          t('workflow.col_name'),
          t('workflow.col_category'),
          t('workflow.col_gate'),
        ]}
        actions
      >
        {rows.map((row, index) => (
          <tr
            key={row.key}
            className={dragged === index ? 'row-dragged' : undefined}
            onDragOver={(event) => {
              if (dragged === null) return;
              event.preventDefault();
              if (dragged !== index) {
                edit(moveItem(rows, dragged, index));
                setDragged(index);
              }
            }}
            onDrop={(event) => {
              event.preventDefault();
              setDragged(null);
            }}
          >
            <td className="order-cell">
              <span
                className="drag-handle"
                draggable
                role="img"
                aria-label={t('workflow.drag_handle', { name: row.name })}
                onDragStart={(event) => {
                  event.dataTransfer.setData('text/plain', row.key);
                  event.dataTransfer.effectAllowed = 'move';
                  setDragged(index);
                }}
                onDragEnd={() => setDragged(null)}
              >
                ⋮⋮
              </span>
              <MoveButtons
                index={index}
                count={rows.length}
                onMove={(from, to) => edit(moveItem(rows, from, to))}
                upLabel={t('workflow.move_up', { name: row.name })}
                downLabel={t('workflow.move_down', { name: row.name })}
              />
            </td>
            <td>
              <input
                type="color"
                aria-label={t('workflow.color_of', { name: row.name })}
                value={row.color}
                onChange={(event) => update(index, { color: event.target.value })}
              />
            </td>
            <td>
              <input
                aria-label={t('workflow.name_of', { position: index + 1 })}
                value={row.name}
                maxLength={60}
                required
                aria-invalid={rowProblems.get(index)?.some((p) => p.field === 'name') || undefined}
                aria-describedby={rowProblems.has(index) ? `${row.key}-problems` : undefined}
                onChange={(event) => update(index, { name: event.target.value })}
              />
              {rowProblems.has(index) && (
                <p id={`${row.key}-problems`} className="field-error">
                  {rowProblems
                    .get(index)!
                    .map((problem) => problem.text)
                    .join(' · ')}
                </p>
              )}
            </td>
            <td>
              <select
                aria-label={t('workflow.category_of', { name: row.name })}
                value={row.category}
                onChange={(event) =>
                  update(index, { category: event.target.value as StatusCategory })
                }
              >
                {statusCategories.map((category) => (
                  <option key={category} value={category}>
                    {t(categoryKey[category])}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <GateEditor
                name={row.name}
                gate={row.gate}
                teams={teams}
                onChange={(gate) => update(index, { gate })}
              />
            </td>
            <td className="row-actions">
              <button
                type="button"
                className="button button-danger-quiet"
                aria-label={t('workflow.delete_status', { name: row.name })}
                disabled={rows.length === 1}
                onClick={() => (row.id ? setDeleting(row) : remove(row))}
              >
                {t('common.delete')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <div className="section-actions workflow-actions">
        <button type="button" className="button button-quiet" onClick={add}>
          {t('workflow.add_status')}
        </button>
        {dirty && <span className="muted">{t('workflow.unsaved')}</span>}
        {dirty && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setMoveTo({});
              setSaved(false);
              save.reset();
              setRows(null);
            }}
          >
            {t('workflow.discard')}
          </button>
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={!dirty || save.isPending}
          onClick={() => void submit()}
        >
          {save.isPending ? t('workflow.saving') : t('workflow.save')}
        </button>
      </div>
      {deleting && (
        <DeleteStatusDialog
          row={deleting}
          // Contents can only go to a status that exists on the server already.
          targets={rows.filter((row) => row.id && row.key !== deleting.key)}
          onClose={() => setDeleting(null)}
          onDelete={(target) => remove(deleting, target)}
        />
      )}
    </div>
  );
}

function DeleteStatusDialog({
  row,
  targets,
  onClose,
  onDelete,
}: {
  row: Row;
  targets: Row[];
  onClose: () => void;
  onDelete: (target: string) => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(targets[0]?.id ?? '');
  return (
    <ConfirmDialog
      open
      title={t('workflow.delete_title', { name: row.name })}
      confirm={t('common.delete')}
      danger
      disabled={!target}
      onClose={onClose}
      onConfirm={() => onDelete(target)}
      body={
        <>
          <p>{t('workflow.delete_body', { name: row.name })}</p>
          <SelectField
            label={t('workflow.delete_move_to')}
            name="move_to"
            value={target}
            onChange={setTarget}
          >
            {targets.map((one) => (
              <option key={one.key} value={one.id}>
                {one.name}
              </option>
            ))}
          </SelectField>
        </>
      }
    />
  );
}

/** Which teams approve, "no template violations", and blocking or advisory, in a popover. */
function GateEditor({
  name,
  gate,
  teams,
  onChange,
}: {
  name: string;
  gate: Gate | null;
  teams: Team[];
  onChange: (gate: Gate | null) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const current: Gate = gate ?? { teams: [], no_violations: false, blocking: true };
  const set = (change: Partial<Gate>) => {
    const next = { ...current, ...change };
    onChange(next.teams.length === 0 && !next.no_violations ? null : next);
  };
  const asked = [
    ...current.teams.map((team) => teams.find((one) => one.id === team)?.name ?? team),
    ...(current.no_violations ? [t('workflow.no_violations_short')] : []),
  ];
  const summary =
    gate && asked.length > 0
      ? t('workflow.gate_summary', {
          teams: formatList(asked, locale),
          mode: gate.blocking ? t('workflow.blocking_short') : t('workflow.advisory_short'),
        })
      : t('workflow.gate_none');
  return (
    <Popover label={summary} title={t('workflow.gate_edit', { name })} active={gate !== null}>
      {() => (
        <div className="gate-editor">
          <fieldset className="checklist">
            <legend>{t('workflow.gate_teams')}</legend>
            {teams.length === 0 && <p className="muted">{t('workflow.gate_no_teams')}</p>}
            {teams.map((team) => (
              <label key={team.id} className="checklist-item">
                <input
                  type="checkbox"
                  checked={current.teams.includes(team.id)}
                  onChange={(event) =>
                    set({
                      teams: event.target.checked
                        ? [...current.teams, team.id]
                        : current.teams.filter((one) => one !== team.id),
                    })
                  }
                />
                {team.name}
              </label>
            ))}
          </fieldset>
          <label className="checklist-item">
            <input
              type="checkbox"
              checked={current.no_violations}
              onChange={(event) => set({ no_violations: event.target.checked })}
            />
            {t('workflow.gate_no_violations')}
          </label>
          <fieldset className="checklist" disabled={gate === null}>
            <legend>{t('workflow.gate_mode')}</legend>
            <label className="checklist-item">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={current.blocking}
                onChange={() => set({ blocking: true })}
              />
              {t('workflow.gate_blocking')}
            </label>
            <label className="checklist-item">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={!current.blocking}
                onChange={() => set({ blocking: false })}
              />
              {t('workflow.gate_advisory')}
            </label>
          </fieldset>
        </div>
      )}
    </Popover>
  );
}
