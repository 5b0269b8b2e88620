-- armlint language server for Neovim 0.11+ (vim.lsp.config). Put this file in
-- ~/.config/nvim/lsp/armlint.lua (without the vim.lsp.config call) or source it from init.lua.
vim.lsp.config('armlint', {
  cmd = { 'armlint', 'server' },
  filetypes = { 'json', 'jsonc', 'bicep', 'bicep-params' },
  root_markers = { '.armlint.yaml', '.armlint.yml', 'bicepconfig.json', '.git' },
  settings = {
    armlint = {
      -- as the command line: select, ignore, enable, config, policies, autoParameters, ...
      -- ignore = { 'AL5002' },
      debounce = 100,
    },
  },
})
vim.lsp.enable('armlint')
