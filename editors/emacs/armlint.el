;;; armlint.el --- armlint language server with eglot  -*- lexical-binding: t; -*-
;; Emacs 29+: eglot is built in. Load this file from your init file.
(require 'eglot)
(add-to-list 'eglot-server-programs
             '((json-mode json-ts-mode js-json-mode bicep-mode bicep-ts-mode)
               . ("armlint" "server")))
;; Settings, as the command line (select, ignore, enable, config, policies, ...):
(setq-default eglot-workspace-configuration
              '(:armlint (:debounce 100)))
(add-hook 'json-ts-mode-hook #'eglot-ensure)
(add-hook 'bicep-mode-hook #'eglot-ensure)
