-- Headless Neovim 0.7 as an LSP client of the Lockstep server: waits for the rename-column
-- diagnostic, applies the "Rewrite as a safe multi-release sequence" code action (a workspace edit
-- that creates files), writes every changed buffer, and reports what it saw as JSON (cquit 1 on
-- failure). Driven by plan.test.ts through LOCKSTEP_SERVER, LOCKSTEP_RESULT and LOCKSTEP_ROOT.
local lsp_test = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/lsp-test.lua')
local report = {}

local function finish(ok, message) lsp_test.finish(report, ok, message) end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  if not lsp_test.start_server(bufnr) then return finish(false, 'the server did not start') end

  if not vim.wait(20000, function() return lsp_test.diagnostic(bufnr, 'rename-column') ~= nil end, 50) then
    return finish(false, 'no rename-column diagnostic')
  end
  local line = lsp_test.diagnostic(bufnr, 'rename-column').lnum
  report.line = line

  local rewrite
  for _, action in ipairs(lsp_test.code_actions(report, bufnr, line)) do
    if action.title == 'Rewrite as a safe multi-release sequence' and not rewrite then rewrite = action end
  end
  if not rewrite or not rewrite.edit then return finish(false, 'no rewrite action with an edit') end

  -- what the edit creates and fills: checked against the files on disk by the test
  report.created = {}
  report.contents = {}
  for _, change in ipairs(rewrite.edit.documentChanges or {}) do
    if change.kind == 'create' then
      table.insert(report.created, vim.uri_to_fname(change.uri))
    elseif change.textDocument and (change.textDocument.version == nil or change.textDocument.version == vim.NIL) and change.edits[1] then
      report.contents[vim.uri_to_fname(change.textDocument.uri)] = change.edits[1].newText
    end
  end

  vim.lsp.util.apply_workspace_edit(rewrite.edit, 'utf-16')
  vim.cmd('silent wall')
  report.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  finish(true, 'ok')
end

lsp_test.on_start(run)
