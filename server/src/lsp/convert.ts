// The one place engine offsets (UTF-16, end exclusive) become LSP positions and back.
import type { Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span, TextEdit as EngineEdit } from '../engine';
import type { TextEdit } from 'vscode-languageserver';

export interface PositionIndex {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** a position index for text that is not an open document (files on disk) */
export function indexText(text: string): PositionIndex {
  return TextDocument.create('lockstep:text', 'sql', 0, text);
}

export function spanToRange(doc: PositionIndex, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function rangeToSpan(doc: PositionIndex, range: Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

export function toLspEdit(doc: PositionIndex, edit: EngineEdit): TextEdit {
  return { range: spanToRange(doc, edit.span), newText: edit.newText };
}
