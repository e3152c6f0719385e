// The dry-run panel's stylesheet: VS Code theme variables only, so it follows light, dark and high contrast.
export const PANEL_CSS = `
body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 24px; line-height: 1.45; }
h1 { font-size: 1.4em; font-weight: 600; margin: 16px 0 4px; }
h1 .file { font-family: var(--vscode-editor-font-family); font-weight: normal; }
h2 { font-size: 1.1em; margin: 0 0 8px; }
h3 { font-size: 1em; margin: 14px 0 6px; color: var(--vscode-descriptionForeground); text-transform: uppercase; letter-spacing: .04em; }
.meta, .quiet { color: var(--vscode-descriptionForeground); margin: 2px 0 8px; }
.notes { margin: 4px 0 12px; padding-left: 20px; color: var(--vscode-editorInfo-foreground, var(--vscode-foreground)); }
.card { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); border-left-width: 4px; border-radius: 4px; padding: 10px 14px; margin: 12px 0; background: var(--vscode-editorWidget-background); }
.card.disagrees { border-left-color: var(--vscode-editorWarning-foreground); }
.card.failed { border-left-color: var(--vscode-editorError-foreground); }
pre.sql, code { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
pre.sql { background: var(--vscode-textCodeBlock-background); padding: 6px 8px; border-radius: 3px; white-space: pre-wrap; word-break: break-word; margin: 0 0 8px; }
table { border-collapse: collapse; margin: 4px 0; }
th, td { text-align: left; padding: 3px 12px 3px 0; vertical-align: top; }
thead th { color: var(--vscode-descriptionForeground); font-weight: normal; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
td.measured { font-weight: 600; }
tr.differs td { color: var(--vscode-editorWarning-foreground); }
tr.differs td.measured::after { content: ' ≠'; }
.disagreement { color: var(--vscode-editorWarning-foreground); margin: 6px 0; }
.error { color: var(--vscode-errorForeground); white-space: pre-wrap; }
dl.facts { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 0; }
dl.facts div { min-width: 90px; }
dt { color: var(--vscode-descriptionForeground); font-size: .9em; }
dd { margin: 0; font-weight: 600; }
code.kill { user-select: all; background: var(--vscode-textCodeBlock-background); padding: 1px 4px; border-radius: 3px; }
details { margin: 6px 0; color: var(--vscode-descriptionForeground); }
figure.mdl-run { margin: 8px 0 12px; }
figcaption { margin-bottom: 4px; }
svg.mdl-timeline { max-width: 100%; height: auto; display: block; }
.mdl-label, .mdl-tick { fill: var(--vscode-editor-foreground); font-size: 11px; font-family: var(--vscode-font-family); }
.mdl-axis { stroke: var(--vscode-descriptionForeground); stroke-width: 1; }
.mdl-active, .key.active { fill: var(--vscode-charts-blue); background: var(--vscode-charts-blue); }
.mdl-waiting, .key.waiting { fill: var(--vscode-charts-orange); background: var(--vscode-charts-orange); }
.mdl-done, .key.done { fill: var(--vscode-charts-green); background: var(--vscode-charts-green); }
.mdl-failed, .key.failed { fill: var(--vscode-charts-red); background: var(--vscode-charts-red); }
.legend { font-size: .9em; color: var(--vscode-descriptionForeground); }
.key { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 3px 0 10px; vertical-align: -1px; }
`;
