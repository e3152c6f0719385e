-- Headless Neovim 0.7: go to definition across migrations. In V2 (`ALTER TABLE users RENAME COLUMN
-- last_name TO surname`), vim.lsp.buf.definition() on `last_name` must open V1, where the column is
-- created, with the cursor on its line. Writes what it saw as JSON (LOCKSTEP_RESULT) and exits.
local lsp_test = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/lsp-test.lua')
local report = {}

local function finish(ok, message) lsp_test.finish(report, ok, message) end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  report.from = vim.api.nvim_buf_get_name(bufnr)
  local client_id = lsp_test.start_server(bufnr)
  if not client_id then return finish(false, 'the server did not start') end
  if not vim.wait(20000, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 20) then
    return finish(false, 'the server did not initialize')
  end

  -- the cursor inside `last_name` on the ALTER line (1-based row, 0-based column)
  local found = vim.fn.search('last_name', 'w')
  if found == 0 then return finish(false, 'no last_name in ' .. report.from) end
  vim.api.nvim_win_set_cursor(0, { found, vim.fn.col('.') + 1 })
  report.from_line = found

  vim.lsp.buf.definition()
  if not vim.wait(20000, function() return vim.api.nvim_get_current_buf() ~= bufnr end, 20) then
    return finish(false, 'definition did not jump; still in ' .. vim.api.nvim_buf_get_name(0))
  end
  report.buffer = vim.api.nvim_buf_get_name(0)
  local cursor = vim.api.nvim_win_get_cursor(0)
  report.line = cursor[1]
  report.column = cursor[2]
  report.text = vim.api.nvim_get_current_line()
  finish(true, 'ok')
end

lsp_test.on_start(run)
