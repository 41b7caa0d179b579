import { Placeholder } from '@tiptap/extensions';
import { Markdown } from '@tiptap/markdown';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { richTextExtensions } from '../../content/editorSchema';
import { tidyMarkdown } from '../../content/markdown';
import type { PassageMark } from '../../content/passages';
import { setActiveThread, setThreadMarks, ThreadHighlights } from '../../content/threadHighlights';
import { imageFiles } from '../../lib/files';
import { officeSuiteOf, transformPastedHtml } from '../../lib/wordPaste';
import { useImageUpload } from '../files/imageUpload';
import { ImageUploadDialog, type PendingImages } from '../files/ImageUploadDialog';

// Rich text in TipTap, stored as Markdown. Serialising a long text on every keystroke would cost
// more than the keystroke itself, so the Markdown is handed in a moment after typing pauses, and
// at once whenever the page asks (before a save, when the tab is hidden).

interface RichTextEditorProps {
  value: string;
  label: string;
  describedBy?: string | undefined;
  readOnly?: boolean;
  /** Bumped when `value` comes from elsewhere (a merge, a restore) and must replace the text. */
  externalChange?: number;
  onChange?: (markdown: string) => void;
  /** Called at the first keystroke of a burst, before the Markdown is ready. */
  onDirty?: () => void;
  registerFlusher?: (flush: () => void) => () => void;
  /** The open threads on this field, highlighted in the text. */
  marks?: readonly PassageMark[];
  /** The thread shown in the comments panel; `scroll` when its passage is to be brought into view. */
  activeThread?: { thread: string; scroll: boolean; nonce: number } | null;
  /** A highlight was clicked or reached: show its thread. */
  onRevealThread?: (thread: string) => void;
}

const noMarks: readonly PassageMark[] = [];

const emitDelay = 250;

export default function RichTextEditor({
  value,
  label,
  describedBy,
  readOnly = false,
  externalChange = 0,
  onChange,
  onDirty,
  registerFlusher,
  marks = noMarks,
  activeThread = null,
  onRevealThread,
}: RichTextEditorProps) {
  const { t } = useTranslation();
  const lastValue = useRef(value);
  // The text as the editor writes it back, right after loading it. Loading alone must not save:
  // a text written elsewhere (an import's pandoc tables, `|---|---|`) would otherwise come back
  // padded as a new revision, and make an approval given meanwhile stale. Cleared by a real edit.
  const settled = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onDirtyRef = useRef(onDirty);
  onDirtyRef.current = onDirty;
  const onRevealRef = useRef(onRevealThread);
  onRevealRef.current = onRevealThread;
  // Images pasted, dropped or picked wait here for their text alternative, then go up one by one.
  const imageUpload = useImageUpload();
  const [pendingImages, setPendingImages] = useState<PendingImages | null>(null);
  // A paste from Word or LibreOffice is said once, so the missing fonts and colours surprise no one.
  const [pastedFrom, setPastedFrom] = useState<string | null>(null);
  useEffect(() => {
    if (!pastedFrom) return undefined;
    const timer = setTimeout(() => setPastedFrom(null), 6000);
    return () => clearTimeout(timer);
  }, [pastedFrom]);
  const takeImagesRef = useRef<(files: File[], at: number | null) => boolean>(() => false);
  takeImagesRef.current = (files, at) => {
    const images = imageFiles(files);
    if (!imageUpload || readOnly || images.length === 0) return false;
    setPendingImages({ files: images, at });
    return true;
  };

  const editor = useEditor({
    extensions: [
      ...richTextExtensions,
      Placeholder.configure({ placeholder: t('editor.placeholder') }),
      Markdown,
      ThreadHighlights((thread) => onRevealRef.current?.(thread)),
    ],
    content: value,
    contentType: 'markdown',
    editable: !readOnly,
    shouldRerenderOnTransaction: false,
    editorProps: {
      // Word and LibreOffice paste their layout with the text: only the structure is kept.
      transformPastedHTML: (html) => {
        const suite = officeSuiteOf(html);
        if (suite) setPastedFrom(suite);
        return transformPastedHtml(html);
      },
      handlePaste: (_view, event) =>
        takeImagesRef.current([...(event.clipboardData?.files ?? [])], null),
      handleDrop: (view, event, _slice, moved) => {
        if (moved) return false;
        const files = [...(event.dataTransfer?.files ?? [])];
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
        if (!takeImagesRef.current(files, at)) return false;
        event.preventDefault();
        return true;
      },
      attributes: {
        class: 'prose',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        ...(readOnly ? { 'aria-readonly': 'true' } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      },
    },
    onCreate: ({ editor: created }) => {
      settled.current = tidyMarkdown(created.getMarkdown());
    },
    onUpdate: ({ editor: current }) => {
      // Until the first real edit, an update that leaves the text as loaded (the table plugin
      // fixing a table's shape) is neither a change to save nor a reason to say "unsaved".
      if (settled.current !== null) {
        if (tidyMarkdown(current.getMarkdown()) === settled.current) return;
        settled.current = null;
      }
      if (timer.current) clearTimeout(timer.current);
      else onDirtyRef.current?.();
      timer.current = setTimeout(() => emit(current), emitDelay);
    },
  });

  function emit(current: Editor) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (current.isDestroyed) return;
    const markdown = tidyMarkdown(current.getMarkdown());
    if (markdown === lastValue.current) return;
    lastValue.current = markdown;
    onChangeRef.current?.(markdown);
  }

  // The page asks for the text now (before saving, when leaving).
  useEffect(() => {
    if (!editor || !registerFlusher) return;
    const unregister = registerFlusher(() => {
      if (timer.current) emit(editor);
    });
    return () => {
      // Leaving (another tab of the page, another page): hand in the last words first.
      if (timer.current && !editor.isDestroyed) emit(editor);
      unregister();
    };
  }, [editor, registerFlusher]);

  // Text from elsewhere replaces what is shown, keeping the caret where it was if it can.
  useEffect(() => {
    if (!editor || editor.isDestroyed || value === lastValue.current) return;
    lastValue.current = value;
    const { from, to } = editor.state.selection;
    editor.commands.setContent(value, { contentType: 'markdown', emitUpdate: false });
    settled.current = tidyMarkdown(editor.getMarkdown());
    const size = editor.state.doc.content.size;
    if (editor.isFocused) {
      editor.commands.setTextSelection({ from: Math.min(from, size), to: Math.min(to, size) });
    }
  }, [editor, externalChange, value]);

  // The threads (or the stored text their offsets count in) changed: highlight them again.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    setThreadMarks(editor.view, marks, value);
  }, [editor, marks, value]);

  const active = activeThread && marks.some((m) => m.thread === activeThread.thread);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    setActiveThread(
      editor.view,
      active && activeThread ? activeThread.thread : null,
      Boolean(active && activeThread?.scroll),
    );
    // The nonce asks again for the same thread (a second click in the panel flashes it again).
  }, [editor, active, activeThread?.thread, activeThread?.scroll, activeThread?.nonce]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return (
    <div className={readOnly ? 'richtext richtext-readonly' : 'richtext'}>
      {!readOnly && editor && (
        <Toolbar
          editor={editor}
          label={label}
          onPickImages={imageUpload ? (files) => takeImagesRef.current(files, null) : undefined}
        />
      )}
      <EditorContent editor={editor} />
      {pastedFrom && (
        <p className="field-hint" role="status">
          {t('paste.cleaned', { suite: pastedFrom })}
        </p>
      )}
      {editor && imageUpload && pendingImages && (
        <ImageUploadDialog
          pending={pendingImages}
          upload={imageUpload}
          onInserted={(src, alt, at) => {
            const image = { type: 'image', attrs: { src, alt } };
            if (at === null) editor.chain().focus().insertContent(image).run();
            else editor.chain().focus().insertContentAt(at, image).run();
          }}
          onClose={() => setPendingImages(null)}
        />
      )}
    </div>
  );
}

function Toolbar({
  editor,
  label,
  onPickImages,
}: {
  editor: Editor;
  label: string;
  /** Offered when the text's images may be uploaded as the content's attachments. */
  onPickImages?: ((files: File[]) => void) | undefined;
}) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      tasks: e.isActive('taskList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      table: e.isActive('table'),
    }),
  });
  const [prompt, setPrompt] = useState<'link' | 'image' | null>(null);
  const buttons: { key: keyof typeof active; text: string; title: string; run: () => void }[] = [
    {
      key: 'h2',
      text: t('editor.heading2_short'),
      title: t('editor.heading2'),
      run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: 'h3',
      text: t('editor.heading3_short'),
      title: t('editor.heading3'),
      run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      key: 'bold',
      text: t('editor.bold_short'),
      title: t('editor.bold'),
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      key: 'italic',
      text: t('editor.italic_short'),
      title: t('editor.italic'),
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      key: 'bullet',
      text: '•',
      title: t('editor.bullet_list'),
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'ordered',
      text: '1.',
      title: t('editor.ordered_list'),
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
    {
      key: 'tasks',
      text: '☐',
      title: t('editor.task_list'),
      run: () => editor.chain().focus().toggleTaskList().run(),
    },
    {
      key: 'quote',
      text: '❝',
      title: t('editor.quote'),
      run: () => editor.chain().focus().toggleBlockquote().run(),
    },
    {
      key: 'link',
      text: t('editor.link'),
      title: t('editor.link'),
      run: () => setPrompt('link'),
    },
  ];

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar', { field: label })}>
      {buttons.map((button) => (
        <button
          key={button.key}
          type="button"
          className={`toolbar-button toolbar-${button.key}`}
          aria-pressed={active[button.key]}
          aria-label={button.title}
          title={button.title}
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
        >
          {button.text}
        </button>
      ))}
      <button
        type="button"
        className="toolbar-button"
        title={t('editor.image')}
        onClick={() => setPrompt('image')}
      >
        {t('editor.image_short')}
      </button>
      {active.table ? (
        <>
          <button
            type="button"
            className="toolbar-button toolbar-text"
            onClick={() => editor.chain().focus().addRowAfter().run()}
          >
            {t('editor.add_row')}
          </button>
          <button
            type="button"
            className="toolbar-button toolbar-text"
            onClick={() => editor.chain().focus().addColumnAfter().run()}
          >
            {t('editor.add_column')}
          </button>
          <button
            type="button"
            className="toolbar-button toolbar-text"
            onClick={() => editor.chain().focus().deleteTable().run()}
          >
            {t('editor.delete_table')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="toolbar-button"
          aria-label={t('editor.table')}
          title={t('editor.table')}
          onClick={() =>
            editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()
          }
        >
          ▦
        </button>
      )}
      <UrlPrompt
        kind={prompt}
        initial={
          prompt === 'link' ? ((editor.getAttributes('link').href as string | undefined) ?? '') : ''
        }
        onClose={() => setPrompt(null)}
        onPickImages={
          onPickImages
            ? (files) => {
                setPrompt(null);
                onPickImages(files);
              }
            : undefined
        }
        onSubmit={(url, alt) => {
          if (prompt === 'link') {
            if (url === '') editor.chain().focus().extendMarkRange('link').unsetLink().run();
            else editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
          } else if (url !== '') {
            editor.chain().focus().setImage({ src: url, alt }).run();
          }
          setPrompt(null);
        }}
      />
    </div>
  );
}

function UrlPrompt({
  kind,
  initial,
  onClose,
  onSubmit,
  onPickImages,
}: {
  kind: 'link' | 'image' | null;
  initial: string;
  onClose: () => void;
  onSubmit: (url: string, alt: string) => void;
  onPickImages?: ((files: File[]) => void) | undefined;
}) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState(initial);
  const [alt, setAlt] = useState('');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setUrl(initial);
    setAlt('');
    setInvalid(false);
  }, [kind, initial]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = url.trim();
    if (trimmed !== '' && !/^(https?:\/\/|mailto:)/i.test(trimmed)) {
      setInvalid(true);
      return;
    }
    onSubmit(trimmed, alt.trim());
  };
  return (
    <Dialog
      open={kind !== null}
      title={kind === 'image' ? t('editor.image_title') : t('editor.link_title')}
      onClose={onClose}
    >
      {kind === 'image' && onPickImages && (
        <div className="image-pick">
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            {t('files.pick_image')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            hidden
            data-testid="image-file-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length > 0) onPickImages(files);
            }}
          />
          <p className="field-hint">{t('files.pick_image_hint')}</p>
        </div>
      )}
      <form className="form form-tight" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor="url-prompt">{t('editor.url')}</label>
          <input
            id="url-prompt"
            type="url"
            autoFocus
            value={url}
            placeholder="https://"
            aria-invalid={invalid || undefined}
            onChange={(event) => setUrl(event.target.value)}
          />
          {invalid && <p className="field-error">{t('editor.url_invalid')}</p>}
          {kind === 'link' && <p className="field-hint">{t('editor.link_hint')}</p>}
        </div>
        {kind === 'image' && (
          <div className="field">
            <label htmlFor="alt-prompt">{t('editor.alt')}</label>
            <input id="alt-prompt" value={alt} onChange={(event) => setAlt(event.target.value)} />
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('common.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
