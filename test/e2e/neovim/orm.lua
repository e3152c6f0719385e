-- Headless Neovim 0.7 as an LSP client of the Lockstep server on a Prisma schema committed in git:
-- the unchanged file has no finding; a field renamed in the buffer gets rename-column on its line;
-- the preferred code action (`@map`) is applied and the finding goes. Writes what it saw as JSON
-- and exits (cquit 1 on failure). Driven by orm.test.ts through LOCKSTEP_SERVER and LOCKSTEP_RESULT.
local lsp_test = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/lsp-test.lua')
local report = {}

local function finish(ok, message) lsp_test.finish(report, ok, message) end

local function rename_diagnostic(bufnr) return lsp_test.diagnostic(bufnr, 'rename-column') end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  if not lsp_test.start_server(bufnr) then return finish(false, 'the server did not start') end
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
  report.codes_before = lsp_test.codes(bufnr)

  -- the user renames the field `email` on its line
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    if line:match('^%s+email%s') then
      vim.api.nvim_buf_set_lines(bufnr, i - 1, i, false, { (line:gsub('email', 'contact', 1)) })
    end
  end
  if not vim.wait(20000, function() return rename_diagnostic(bufnr) ~= nil end, 50) then
    return finish(false, 'no rename-column diagnostic after the edit; saw: ' .. table.concat(lsp_test.codes(bufnr), ', '))
  end
  local diagnostic = rename_diagnostic(bufnr)
  report.line = diagnostic.lnum
  report.col = diagnostic.col
  report.message_text = diagnostic.message

  local actions = lsp_test.code_actions(report, bufnr, report.line)
  if not lsp_test.apply_preferred(report, bufnr, actions) then return finish(false, 'no preferred code action') end

  lsp_test.finish_once_fixed(report, bufnr, function() return rename_diagnostic(bufnr) == nil end)
end

lsp_test.on_start(run)
