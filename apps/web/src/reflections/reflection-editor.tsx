import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Plain rich text for a phone: paragraphs, bold, italic, lists, quotes and two heading levels, the
 * same tags the server's allow-list keeps. Tiptap (ProseMirror) handles typing, IME and selection.
 */
export function ReflectionEditor({
  initial,
  editable,
  onChange,
  replaceWith,
}: {
  initial: string;
  editable: boolean;
  onChange: (html: string, text: string) => void;
  /** Text from the server that must replace what is shown (saved elsewhere meanwhile). */
  replaceWith?: { body: string; key: number };
}) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections.write' });
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        link: false,
      }),
    ],
    content: initial,
    editable,
    immediatelyRender: true,
    editorProps: {
      attributes: {
        class: 'reflection-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t('editorLabel'),
        'data-placeholder': t('placeholder'),
        'data-testid': 'reflection-editor',
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getHTML(), e.getText()),
  });
  useEffect(() => editor?.setEditable(editable), [editor, editable]);
  useEffect(() => {
    if (editor && replaceWith) editor.commands.setContent(replaceWith.body, { emitUpdate: false });
  }, [editor, replaceWith]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      empty: e?.isEmpty ?? true,
    }),
  });
  if (!editor) return null;
  const tool = (
    key: 'bold' | 'italic' | 'bullet' | 'ordered',
    run: () => void,
    label: string,
    glyph: string,
  ) => (
    <button
      type="button"
      className="reflection-editor__tool"
      aria-pressed={active?.[key] ?? false}
      aria-label={label}
      title={label}
      disabled={!editable}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
  return (
    <div className={`reflection-editor${active?.empty ? ' reflection-editor--empty' : ''}`}>
      <div className="reflection-editor__tools" role="toolbar" aria-label={t('tools.label')}>
        {tool('bold', () => editor.chain().focus().toggleBold().run(), t('tools.bold'), 'B')}
        {tool('italic', () => editor.chain().focus().toggleItalic().run(), t('tools.italic'), 'I')}
        {tool('bullet', () => editor.chain().focus().toggleBulletList().run(), t('tools.bullet'), '•')}
        {tool('ordered', () => editor.chain().focus().toggleOrderedList().run(), t('tools.ordered'), '1.')}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
