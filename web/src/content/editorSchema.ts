import Image from '@tiptap/extension-image';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import type { AnyExtension } from '@tiptap/core';

// What rich text may hold, in the editor and in the tests that check its Markdown round trip.
// Every construct a text can be stored with must be here: a Markdown node the editor does not
// know is flattened the first time the text is opened and saved (a checklist lost its boxes).

export const richTextExtensions: AnyExtension[] = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3, 4] },
    link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
  }),
  TableKit.configure({ table: { resizable: false } }),
  Image,
  TaskList,
  TaskItem.configure({ nested: true }),
];
