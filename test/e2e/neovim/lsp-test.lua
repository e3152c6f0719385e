-- What the headless Neovim test scripts (init.lua, definition.lua, orm.lua, plan.lua) share: the
-- environment the test gives them, the JSON report and exit, starting the Lockstep server, and
-- code actions. A script loads it with dofile, next to itself (see the top of each script).
local M = {
  server = os.getenv('LOCKSTEP_SERVER'),
  result_path = os.getenv('LOCKSTEP_RESULT'),
  root = os.getenv('LOCKSTEP_ROOT'),
}

-- writes `report` with ok and message to LOCKSTEP_RESULT and exits (cquit 1 when not ok)
function M.finish(report, ok, message)
  report.ok = ok
  report.message = message
  local f = io.open(M.result_path, 'w')
  f:write(vim.fn.json_encode(report))
  f:close()
  if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

-- the diagnostic codes of the buffer, sorted
function M.codes(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(out, d.code) end
  table.sort(out)
  return out
end

-- the buffer's first diagnostic with `code`, or nil
function M.diagnostic(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then return d end
  end
  return nil
end

-- starts the server on LOCKSTEP_ROOT and attaches it to the buffer; the client id, or nil
function M.start_server(bufnr)
  local client_id = vim.lsp.start_client({ name = 'lockstep', cmd = { 'node', M.server, '--stdio' }, root_dir = M.root })
  if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
  return client_id
end

-- the code actions the server offers at the start of `line` (0-based), with that line's
-- diagnostics as the context; their titles are recorded in report.actions
function M.code_actions(report, bufnr, line)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, line) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local actions = {}
  report.actions = {}
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(actions, action)
      table.insert(report.actions, action.title)
    end
  end
  return actions
end

-- applies the first preferred action's edit to the buffers; its title goes to report.applied and
-- the buffer's lines afterwards to report.lines. False when no action is preferred.
function M.apply_preferred(report, bufnr, actions)
  for _, action in ipairs(actions) do
    if action.isPreferred then
      report.applied = action.title
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      report.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
      return true
    end
  end
  return false
end

-- waits until `fixed()` holds after a fix was applied, then records the codes left in
-- report.codes_after and finishes
function M.finish_once_fixed(report, bufnr, fixed)
  if not vim.wait(20000, fixed, 50) then
    return M.finish(report, false, 'the finding stayed after the fix; saw: ' .. table.concat(M.codes(bufnr), ', '))
  end
  report.codes_after = M.codes(bufnr)
  M.finish(report, true, 'ok')
end

-- runs `run` once Neovim has started (the buffer of the file argument is current then)
function M.on_start(run)
  vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.schedule(run) end })
end

return M
