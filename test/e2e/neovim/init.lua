-- Headless Neovim 0.7 as an LSP client of the Lockstep server: waits for diagnostics, applies the
-- preferred code action, waits for the finding to go away, writes what it saw as JSON, and exits
-- (cquit 1 on failure). Driven by neovim.test.ts through LOCKSTEP_SERVER and LOCKSTEP_RESULT.
local lsp_test = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/lsp-test.lua')
local report = { steps = {} }

local function finish(ok, message) lsp_test.finish(report, ok, message) end

local function has_code(bufnr, code) return lsp_test.diagnostic(bufnr, code) ~= nil end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  if not lsp_test.start_server(bufnr) then return finish(false, 'the server did not start') end

  if not vim.wait(20000, function() return has_code(bufnr, 'not-null-without-default') end, 50) then
    return finish(false, 'no not-null-without-default diagnostic; saw: ' .. table.concat(lsp_test.codes(bufnr), ', '))
  end
  report.codes = lsp_test.codes(bufnr)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'not-null-without-default' then
      report.line = d.lnum
      report.href = d.user_data.lsp.codeDescription and d.user_data.lsp.codeDescription.href
    end
  end

  local actions = lsp_test.code_actions(report, bufnr, report.line)
  if not lsp_test.apply_preferred(report, bufnr, actions) then return finish(false, 'no preferred code action') end

  lsp_test.finish_once_fixed(report, bufnr, function() return not has_code(bufnr, 'not-null-without-default') end)
end

lsp_test.on_start(run)
