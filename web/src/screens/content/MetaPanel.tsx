import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Member, Project } from '../../api/types';
import { useTags } from '../../api/contents';
import { fromLocalInput, toDateInput, toDateTimeInput } from '../../lib/format';
import type { Values } from '../../content/sync';
import { channelDepths } from '../../lib/channels';

interface MetaPanelProps {
  slug: string;
  values: Values;
  channels: Channel[];
  members: Member[];
  projects: Project[];
  onChange: (key: string, value: unknown) => void;
  readOnly?: boolean;
  /** The owner is the editors' to change: shown, not offered, to a contributor. */
  ownerReadOnly?: boolean;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Where and when a content goes, who has it, and how it is filed. */
export function MetaPanel({
  slug,
  values,
  channels,
  members,
  projects,
  onChange,
  readOnly = false,
  ownerReadOnly = false,
}: MetaPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const selectedChannels = asList(values.channels);
  const assignees = asList(values.assignees);
  const depth = channelDepths(channels);

  return (
    <aside className="meta-panel" aria-label={t('content.details')}>
      <h2 className="meta-title">{t('content.details')}</h2>
      <fieldset className="meta-fields" disabled={readOnly}>
        <fieldset className="meta-group">
          <legend>{t('content.channels')}</legend>
          {channels.map((channel) => (
            <label
              key={channel.id}
              className="checklist-item"
              style={{ paddingInlineStart: `${(depth.get(channel.id) ?? 0) * 1.1}rem` }}
            >
              <input
                type="checkbox"
                checked={selectedChannels.includes(channel.id)}
                onChange={(event) =>
                  onChange(
                    'channels',
                    event.target.checked
                      ? [...selectedChannels, channel.id]
                      : selectedChannels.filter((c) => c !== channel.id),
                  )
                }
              />
              <span
                className="channel-dot"
                style={{ background: channel.color }}
                aria-hidden="true"
              />
              {channel.name}
            </label>
          ))}
        </fieldset>

        <TagsInput
          slug={slug}
          tags={asList(values.tags)}
          onChange={(tags) => onChange('tags', tags)}
        />

        <div className="meta-field">
          <label htmlFor={`${id}-project`}>{t('content.project')}</label>
          <select
            id={`${id}-project`}
            value={asText(values.project)}
            onChange={(event) => onChange('project', event.target.value || null)}
          >
            <option value="">{t('content.no_project')}</option>
            {projects
              .filter((p) => !p.archived || p.id === values.project)
              .map((project) => (
                <option key={project.id} value={project.id}>
                  {project.name}
                </option>
              ))}
          </select>
        </div>

        <div className="meta-field">
          <label htmlFor={`${id}-owner`}>{t('content.owner')}</label>
          <select
            id={`${id}-owner`}
            disabled={ownerReadOnly}
            value={asText(values.owner)}
            onChange={(event) => onChange('owner', event.target.value || null)}
          >
            <option value="">{t('content.nobody')}</option>
            {members.map((member) => (
              <option key={member.user_id} value={member.user_id}>
                {member.name}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="meta-group">
          <legend>{t('content.assignees')}</legend>
          {members.map((member) => (
            <label key={member.user_id} className="checklist-item">
              <input
                type="checkbox"
                checked={assignees.includes(member.user_id)}
                onChange={(event) =>
                  onChange(
                    'assignees',
                    event.target.checked
                      ? [...assignees, member.user_id]
                      : assignees.filter((a) => a !== member.user_id),
                  )
                }
              />
              {member.name}
            </label>
          ))}
        </fieldset>

        <div className="meta-field">
          <label htmlFor={`${id}-due`}>{t('content.due_at')}</label>
          <input
            id={`${id}-due`}
            type="date"
            value={toDateInput(asText(values.due_at))}
            onChange={(event) => onChange('due_at', fromLocalInput(event.target.value))}
          />
        </div>

        <div className="meta-field">
          <label htmlFor={`${id}-publish`}>{t('content.publish_at')}</label>
          <input
            id={`${id}-publish`}
            type="datetime-local"
            value={toDateTimeInput(asText(values.publish_at))}
            onChange={(event) => onChange('publish_at', fromLocalInput(event.target.value))}
          />
        </div>

        <div className="meta-field">
          <label htmlFor={`${id}-language`}>{t('content.language')}</label>
          <select
            id={`${id}-language`}
            value={asText(values.language) || 'en'}
            onChange={(event) => onChange('language', event.target.value)}
          >
            <option value="en">{t('language.en')}</option>
            <option value="fr">{t('language.fr')}</option>
          </select>
        </div>
      </fieldset>
    </aside>
  );
}

/** Tags as removable chips, with suggestions from the workspace's tags as you type. */
function TagsInput({
  slug,
  tags,
  onChange,
}: {
  slug: string;
  tags: string[];
  onChange: (tags: string[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const prefix = text.trim().replace(/^#/, '');
  const suggestions = (useTags(slug, prefix, prefix.length > 0).data ?? []).filter(
    (s) => !tags.includes(s.tag),
  );

  const add = (raw: string) => {
    const tag = raw.trim().replace(/^#/, '');
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="meta-field">
      <label htmlFor={`${id}-tags`}>{t('content.tags')}</label>
      {tags.length > 0 && (
        <ul className="tag-list">
          {tags.map((tag) => (
            <li key={tag} className="tag">
              #{tag}
              <button
                type="button"
                className="tag-remove"
                aria-label={t('content.remove_tag', { tag })}
                onClick={() => onChange(tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={`${id}-tags`}
        list={`${id}-suggestions`}
        value={text}
        placeholder={t('content.add_tag')}
        onChange={(event) => {
          const value = event.target.value;
          // Picking a suggestion from the list fills the whole name at once.
          if (suggestions.some((s) => s.tag === value)) add(value);
          else setText(value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() && add(text)}
      />
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((s) => (
          <option key={s.tag} value={s.tag} />
        ))}
      </datalist>
    </div>
  );
}
