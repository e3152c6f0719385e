-- Headless Neovim 0.7 as an LSP client of the Lockstep server: waits for the rename-column
-- diagnostic, applies the "Rewrite as a safe multi-release sequence" code action (a workspace edit
-- that creates files), writes every changed buffer, and reports what it saw as JSON (cquit 1 on
-- failure). Driven by plan.test.ts through LOCKSTEP_SERVER, LOCKSTEP_RESULT and LOCKSTEP_ROOT.
local server = os.getenv('LOCKSTEP_SERVER')
local result_path = os.getenv('LOCKSTEP_RESULT')
local root = os.getenv('LOCKSTEP_ROOT')
local report = {}

local function finish(ok, message)
  report.ok = ok
  report.message = message
  local f = io.open(result_path, 'w')
  f:write(vim.fn.json_encode(report))
  f:close()
  if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local function rename_diagnostic(bufnr)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'rename-column' then return d end
  end
  return nil
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = 'lockstep', cmd = { 'node', server, '--stdio' }, root_dir = root })
  if not client_id then return finish(false, 'the server did not start') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(20000, function() return rename_diagnostic(bufnr) ~= nil end, 50) then
    return finish(false, 'no rename-column diagnostic')
  end
  local line = rename_diagnostic(bufnr).lnum
  report.line = line

  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, line) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local rewrite
  report.actions = {}
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(report.actions, action.title)
      if action.title == 'Rewrite as a safe multi-release sequence' and not rewrite then rewrite = action end
    end
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

vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.schedule(run) end })
