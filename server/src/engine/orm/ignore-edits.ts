// "Disable for this line" in a model file: the SQL directive edit, written as a `//` comment.
import { disableNextLineEdit } from '../suppress';
import type { Span, TextEdit } from '../types';
import { commentsAsSql } from './source-text';

export function disableModelNextLineEdit(text: string, span: Span, rule: string): TextEdit[] {
  return disableNextLineEdit(commentsAsSql(text), span, rule).map((e) => ({ ...e, newText: e.newText.replace(/^([ \t]*)-- /, '$1// ') }));
}
