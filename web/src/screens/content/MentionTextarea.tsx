import { Fragment, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  insertMention,
  matchCandidates,
  mentionAt,
  splitMentions,
  type MentionCandidate,
} from '../../lib/mentions';

/** A textarea where `@` offers the workspace's people and teams and inserts the mention. */
export function MentionTextarea({
  label,
  value,
  onChange,
  candidates,
  onSubmit,
  autoFocus = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  candidates: readonly MentionCandidate[];
  onSubmit?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const options = useMemo(
    () => (typing ? matchCandidates(candidates, typing.query) : []),
    [candidates, typing],
  );
  const open = typing !== null && options.length > 0;

  const track = (element: HTMLTextAreaElement) => {
    setTyping(mentionAt(element.value, element.selectionStart));
    setActive(0);
  };

  const choose = (candidate: MentionCandidate) => {
    const element = ref.current;
    if (!element || !typing) return;
    const next = insertMention(value, typing.start, element.selectionStart, candidate);
    onChange(next.text);
    setTyping(null);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  };

  return (
    <div className="mention-input">
      <textarea
        ref={ref}
        aria-label={label}
        rows={3}
        value={value}
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          track(event.target);
        }}
        onClick={(event) => track(event.currentTarget)}
        onBlur={() => setTimeout(() => setTyping(null), 150)}
        onKeyDown={(event) => {
          if (open) {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setActive((index) => (index + step + options.length) % options.length);
              return;
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              event.preventDefault();
              choose(options[active]!);
              return;
            }
            if (event.key === 'Escape') {
              event.preventDefault();
              setTyping(null);
              return;
            }
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && onSubmit) {
            event.preventDefault();
            onSubmit();
          }
        }}
      />
      {open && (
        <ul
          className="mention-list"
          role="listbox"
          id={listId}
          aria-label={t('collab.mention_list')}
        >
          {options.map((option, index) => (
            <li
              key={`${option.kind}:${option.id}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={
                index === active ? 'mention-option mention-option-active' : 'mention-option'
              }
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
            >
              {option.kind === 'everyone' ? '@everyone' : option.name}
              <span className="muted">
                {' '}
                {option.kind === 'everyone'
                  ? t('collab.mention_everyone')
                  : option.kind === 'team'
                    ? t('collab.mention_team')
                    : t('collab.mention_person')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A comment's text as typed (Markdown is not turned into HTML), mentions shown by name. */
export function CommentBody({ body }: { body: string }) {
  return (
    <p className="comment-body">
      {splitMentions(body).map((part, index) =>
        part.type === 'text' ? (
          <Fragment key={index}>{part.text}</Fragment>
        ) : (
          <span key={index} className="mention">
            @{part.name}
          </span>
        ),
      )}
    </p>
  );
}
