-- Headless Neovim 0.7 as an LSP client of the Lockstep server: waits for diagnostics, applies the
-- preferred code action, waits for the finding to go away, writes what it saw as JSON, and exits
-- (cquit 1 on failure). Driven by neovim.test.ts through LOCKSTEP_SERVER and LOCKSTEP_RESULT.
local server = os.getenv('LOCKSTEP_SERVER')
local result_path = os.getenv('LOCKSTEP_RESULT')
local root = os.getenv('LOCKSTEP_ROOT')
local report = { steps = {} }

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

local function has_code(bufnr, code)
  for _, c in ipairs(codes(bufnr)) do
    if c == code then return true end
  end
  return false
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = 'lockstep', cmd = { 'node', server, '--stdio' }, root_dir = root })
  if not client_id then return finish(false, 'the server did not start') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(20000, function() return has_code(bufnr, 'not-null-without-default') end, 50) then
    return finish(false, 'no not-null-without-default diagnostic; saw: ' .. table.concat(codes(bufnr), ', '))
  end
  report.codes = codes(bufnr)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'not-null-without-default' then
      report.line = d.lnum
      report.href = d.user_data.lsp.codeDescription and d.user_data.lsp.codeDescription.href
    end
  end

  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, report.line)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = report.line, character = 0 }, ['end'] = { line = report.line, character = 0 } },
    context = { diagnostics = line_diagnostics },
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

  if not vim.wait(20000, function() return not has_code(bufnr, 'not-null-without-default') end, 50) then
    return finish(false, 'the finding stayed after the fix; saw: ' .. table.concat(codes(bufnr), ', '))
  end
  report.codes_after = codes(bufnr)
  finish(true, 'ok')
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.schedule(run) end })
