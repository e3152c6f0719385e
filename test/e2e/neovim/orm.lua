-- Headless Neovim 0.7 as an LSP client of the Lockstep server on a Prisma schema committed in git:
-- the unchanged file has no finding; a field renamed in the buffer gets rename-column on its line;
-- the preferred code action (`@map`) is applied and the finding goes. Writes what it saw as JSON
-- and exits (cquit 1 on failure). Driven by orm.test.ts through LOCKSTEP_SERVER and LOCKSTEP_RESULT.
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

local function codes(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(out, d.code) end
  table.sort(out)
  return out
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
  -- the file as committed: the server publishes an empty list once it has compared it with HEAD
  local published = false
  local handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    if result and result.uri == vim.uri_from_bufnr(bufnr) then published = true end
    return handler(err, result, ctx, config)
  end
  if not vim.wait(20000, function() return published end, 50) then
    return finish(false, 'no diagnostics published for the committed schema')
  end
  report.codes_before = codes(bufnr)

  -- the user renames the field `email` on its line
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    if line:match('^%s+email%s') then
      vim.api.nvim_buf_set_lines(bufnr, i - 1, i, false, { (line:gsub('email', 'contact', 1)) })
    end
  end
  if not vim.wait(20000, function() return rename_diagnostic(bufnr) ~= nil end, 50) then
    return finish(false, 'no rename-column diagnostic after the edit; saw: ' .. table.concat(codes(bufnr), ', '))
  end
  local diagnostic = rename_diagnostic(bufnr)
  report.line = diagnostic.lnum
  report.col = diagnostic.col
  report.message_text = diagnostic.message

  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = report.line, character = 0 }, ['end'] = { line = report.line, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, report.line) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local preferred
  report.actions = {}
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(report.actions, action.title)
      if action.isPreferred and not preferred then preferred = action end
    end
  end
  if not preferred then return finish(false, 'no preferred code action') end
  report.applied = preferred.title
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
  report.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

  if not vim.wait(20000, function() return rename_diagnostic(bufnr) == nil end, 50) then
    return finish(false, 'the finding stayed after the fix; saw: ' .. table.concat(codes(bufnr), ', '))
  end
  report.codes_after = codes(bufnr)
  finish(true, 'ok')
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.schedule(run) end })
