// armlint for VS Code: starts `armlint server` and lets the language client do the rest
// (diagnostics, code actions, hover). Settings under `armlint.*` are sent to the server, which
// reads them again when they change.
"use strict";
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("armlint");
  const serverOptions = {
    command: config.get("path", "armlint"),
    args: config.get("args", ["server"]),
  };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", pattern: "**/*.{json,jsonc}" },
      { scheme: "file", language: "bicep" },
      { scheme: "file", language: "bicep-params" },
      { scheme: "file", pattern: "**/*.{bicep,bicepparam}" },
    ],
    synchronize: {
      configurationSection: "armlint",
      fileEvents: vscode.workspace.createFileSystemWatcher(
        "**/*.{json,jsonc,bicep,bicepparam,yaml,yml,toml}"),
    },
    // plain data: the settings as they are now (the server asks again when they change)
    initializationOptions: { armlint: JSON.parse(JSON.stringify(config)) },
  };
  client = new LanguageClient("armlint", "armlint", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand("armlint.restart", () => client.restart()));
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
