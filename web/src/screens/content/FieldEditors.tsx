import { useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import RichTextEditor from './RichTextEditor';
import { PassageMarkers, useThreadMarks } from './ThreadMarks';
import type { Channel, FieldDef, Violation } from '../../api/types';
import { useLocale } from '../../i18n';
import {
  counterLevel,
  isSendableUrl,
  limitsFor,
  worstLevel,
  type Limit,
} from '../../content/limits';
import { formatNumber, toDateInput } from '../../lib/format';
import { characterCount } from '../../lib/validation';

interface FieldEditorProps {
  field: FieldDef;
  value: unknown;
  channels: Channel[];
  selectedChannels: string[];
  externalChange: number;
  violations: Violation[];
  readOnly?: boolean;
  onChange: (value: unknown) => void;
  onDirty?: () => void;
  registerFlusher: (flush: () => void) => () => void;
}

/** One field of a content with the editor its kind calls for, and its counters. */
export function FieldEditor({
  field,
  value,
  channels,
  selectedChannels,
  externalChange,
  violations,
  readOnly = false,
  onChange,
  onDirty,
  registerFlusher,
}: FieldEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const counterId = `${id}-counter`;
  const isText = field.kind === 'text' || field.kind === 'longtext' || field.kind === 'richtext';
  const limits = isText ? limitsFor(field, channels, selectedChannels) : [];
  const text = typeof value === 'string' ? value : '';
  const required = field.required && violations.some((v) => v.rule === 'required');
  const describedBy = limits.length > 0 ? counterId : undefined;
  const threads = useThreadMarks();

  let input;
  switch (field.kind) {
    case 'richtext':
      input = (
        <RichTextEditor
          value={text}
          label={field.label}
          describedBy={describedBy}
          externalChange={externalChange}
          readOnly={readOnly}
          onChange={onChange}
          onDirty={onDirty}
          registerFlusher={registerFlusher}
          marks={threads.marksOf(field.key)}
          activeThread={
            threads.shown
              ? {
                  thread: threads.shown.thread,
                  scroll: threads.shown.from === 'panel',
                  nonce: threads.shown.nonce,
                }
              : null
          }
          onRevealThread={threads.reveal}
        />
      );
      break;
    case 'longtext':
      input = <AutoTextarea id={id} value={text} describedBy={describedBy} onChange={onChange} />;
      break;
    case 'choice':
      input = (
        <select id={id} value={text} onChange={(event) => onChange(event.target.value || null)}>
          <option value="">{t('content.choice_none')}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'multichoice': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      input = (
        <div className="choice-list" role="group" aria-labelledby={`${id}-label`}>
          {(field.options ?? []).map((option) => (
            <label key={option} className="checklist-item">
              <input
                type="checkbox"
                checked={chosen.includes(option)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...chosen, option]
                      : chosen.filter((item) => item !== option),
                  )
                }
              />
              {option}
            </label>
          ))}
        </div>
      );
      break;
    }
    case 'number':
      input = (
        <input
          id={id}
          type="number"
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(event) =>
            onChange(event.target.value === '' ? null : Number(event.target.value))
          }
        />
      );
      break;
    case 'date':
      input = (
        <input
          id={id}
          type="date"
          value={text.length === 10 ? text : toDateInput(text)}
          onChange={(event) => onChange(event.target.value || null)}
        />
      );
      break;
    default:
      input = (
        <input
          id={id}
          type={field.kind === 'url' ? 'url' : 'text'}
          value={text}
          aria-describedby={describedBy}
          onChange={(event) =>
            onChange(
              field.kind === 'text' ? event.target.value.replace(/\n/g, ' ') : event.target.value,
            )
          }
        />
      );
  }

  return (
    <div className={`content-field content-field-${field.kind}`} data-field-key={field.key}>
      <div className="content-field-head">
        {field.kind === 'richtext' || field.kind === 'multichoice' ? (
          <span id={`${id}-label`} className="content-field-label">
            {field.label}
          </span>
        ) : (
          <label id={`${id}-label`} htmlFor={id} className="content-field-label">
            {field.label}
          </label>
        )}
        {field.required && <span className="required-mark">{t('content.required')}</span>}
        {limits.length > 0 && (
          <Counters id={counterId} count={characterCount(text)} limits={limits} />
        )}
      </div>
      {isText && field.kind !== 'richtext' && <PassageMarkers field={field.key} text={text} />}
      {input}
      {required && <p className="field-error">{t('content.required_missing')}</p>}
      {field.kind === 'url' && !isSendableUrl(value) && (
        <p className="field-error">{t('editor.url_invalid')}</p>
      )}
    </div>
  );
}

/** "132 / 280 X · 132 / 3,000": one counter per limit, amber near it, red past it. */
export function Counters({ id, count, limits }: { id?: string; count: number; limits: Limit[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const level = worstLevel(count, limits);
  return (
    <span id={id} className={`counters counters-${level}`} aria-live="polite">
      {limits.map((limit, index) => {
        const one = counterLevel(count, limit.limit);
        const text = limit.channel
          ? t('content.counter_channel', {
              count: formatNumber(count, locale),
              limit: formatNumber(limit.limit, locale),
              channel: limit.channel.name,
            })
          : t('content.counter', {
              count: formatNumber(count, locale),
              limit: formatNumber(limit.limit, locale),
            });
        return (
          <span key={index} className={`counter counter-${one}`}>
            {text}
            {one === 'over' && <span className="sr-only"> {t('content.counter_over')}</span>}
          </span>
        );
      })}
    </span>
  );
}

/** A textarea that grows with its text. */
export function AutoTextarea({
  id,
  value,
  describedBy,
  onChange,
  label,
}: {
  id?: string;
  value: string;
  describedBy?: string | undefined;
  onChange: (value: string) => void;
  label?: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [value]);
  return (
    <textarea
      ref={ref}
      id={id}
      rows={2}
      value={value}
      aria-label={label}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
