"""Large honest templates: time and peak memory of `armlint check` on a 50 MB and a 200 MB ARM
template (many resources with nested properties, parameters and expressions, as a generator or
a big landing zone writes them).

Usage: python bench/large_templates.py [--sizes 50 200] [--keep DIR] [--bicep]
--bicep writes the same resources as a .bicep file (the Bicep parser's tree, the lowering and its
position map are measured too). Each size runs `armlint check FILE --select ALL --format json` in a fresh process (the files are
generated in a temporary folder) and reports its CPU time (user + system: the figure that holds on
a loaded machine), wall time with the load average, peak resident memory (the process's maximum
RSS) and both per MB of template; linear time and memory proportional to the size
(at most about five times it) are the goals.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def resource(i: int) -> dict:
    """One storage account or VM with the properties real templates carry."""
    if i % 2:
        return {
            "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
            "name": f"[concat(parameters('prefix'), 'st{i}')]",
            "location": "[parameters('location')]", "sku": {"name": "Standard_LRS"},
            "kind": "StorageV2", "tags": {"env": "[parameters('env')]", "index": str(i)},
            "properties": {"supportsHttpsTrafficOnly": True, "minimumTlsVersion": "TLS1_2",
                           "allowBlobPublicAccess": False,
                           "networkAcls": {"defaultAction": "Deny", "bypass": "AzureServices",
                                           "ipRules": [{"value": f"10.{i % 250}.0.0/16"}]},
                           "encryption": {"services": {"blob": {"enabled": True}},
                                          "keySource": "Microsoft.Storage"}}}
    return {
        "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2023-03-01",
        "name": f"[format('{{0}}-vm{i}', parameters('prefix'))]",
        "location": "[parameters('location')]",
        "dependsOn": [f"[resourceId('Microsoft.Network/networkInterfaces', 'nic{i}')]"],
        "properties": {
            "hardwareProfile": {"vmSize": "[parameters('vmSize')]"},
            "osProfile": {"computerName": f"vm{i}", "adminUsername": "[parameters('admin')]",
                          "adminPassword": "[parameters('password')]",
                          "linuxConfiguration": {"disablePasswordAuthentication": False,
                                                 "provisionVMAgent": True}},
            "storageProfile": {"imageReference": {"publisher": "Canonical",
                                                  "offer": "0001-com-ubuntu-server-jammy",
                                                  "sku": "22_04-lts-gen2", "version": "latest"},
                               "osDisk": {"createOption": "FromImage",
                                          "managedDisk": {"storageAccountType": "Premium_LRS"}}},
            "networkProfile": {"networkInterfaces": [
                {"id": f"[resourceId('Microsoft.Network/networkInterfaces', 'nic{i}')]"}]}}}


def template(megabytes: int) -> str:
    head = {"$schema": SCHEMA, "contentVersion": "1.0.0.0",
            "parameters": {"prefix": {"type": "string", "defaultValue": "app"},
                           "location": {"type": "string", "defaultValue": "[resourceGroup().location]"},
                           "env": {"type": "string", "defaultValue": "prod"},
                           "vmSize": {"type": "string", "defaultValue": "Standard_D2s_v5"},
                           "admin": {"type": "string"}, "password": {"type": "securestring"}},
            "resources": []}
    text = json.dumps(head, indent=2)
    one = len(json.dumps(resource(1), indent=2)) + len(json.dumps(resource(2), indent=2))
    count = max(2, megabytes * 1024 * 1024 // (one // 2))
    body = ",\n".join(json.dumps(resource(i), indent=2) for i in range(count))
    return text.replace('"resources": []', '"resources": [\n' + body + "\n]")


def bicep_resource(i: int) -> str:
    """The resource `resource(i)` is, written in Bicep."""
    if i % 2:
        return f"""resource st{i} 'Microsoft.Storage/storageAccounts@2023-01-01' = {{
  name: '${{prefix}}st{i}'
  location: location
  sku: {{
    name: 'Standard_LRS'
  }}
  kind: 'StorageV2'
  tags: {{
    env: env
    index: '{i}'
  }}
  properties: {{
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    networkAcls: {{
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: [
        {{
          value: '10.{i % 250}.0.0/16'
        }}
      ]
    }}
    encryption: {{
      services: {{
        blob: {{
          enabled: true
        }}
      }}
      keySource: 'Microsoft.Storage'
    }}
  }}
}}
"""
    return f"""resource vm{i} 'Microsoft.Compute/virtualMachines@2023-03-01' = {{
  name: '${{prefix}}-vm{i}'
  location: location
  properties: {{
    hardwareProfile: {{
      vmSize: vmSize
    }}
    osProfile: {{
      computerName: 'vm{i}'
      adminUsername: admin
      adminPassword: password
      linuxConfiguration: {{
        disablePasswordAuthentication: false
        provisionVMAgent: true
      }}
    }}
    storageProfile: {{
      imageReference: {{
        publisher: 'Canonical'
        offer: '0001-com-ubuntu-server-jammy'
        sku: '22_04-lts-gen2'
        version: 'latest'
      }}
      osDisk: {{
        createOption: 'FromImage'
        managedDisk: {{
          storageAccountType: 'Premium_LRS'
        }}
      }}
    }}
    networkProfile: {{
      networkInterfaces: [
        {{
          id: resourceId('Microsoft.Network/networkInterfaces', 'nic{i}')
        }}
      ]
    }}
  }}
}}
"""


_BICEP_HEAD = """param prefix string = 'app'
param location string = resourceGroup().location
param env string = 'prod'
param vmSize string = 'Standard_D2s_v5'
param admin string
@secure()
param password string

"""


def bicep_template(megabytes: int) -> str:
    parts, size, i = [_BICEP_HEAD], len(_BICEP_HEAD), 0
    while size < megabytes * 1024 * 1024:
        parts.append(bicep_resource(i) + "\n")
        size += len(parts[-1])
        i += 1
    return "".join(parts)


def measure(path: Path, repo: Path) -> tuple[float, float, float, int]:
    env = dict(os.environ, PYTHONPATH=str(repo), ARMLINT_NO_CACHE="1")
    helps = subprocess.run([sys.executable, "-m", "armlint", "check", "--help"], env=env,
                           capture_output=True, text=True).stdout
    limit = ["--max-file-size", "1024"] if "--max-file-size" in helps else []  # older armlint
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "armlint", "check", str(path), "--select",
                             "ALL", "--format", "json", *limit],
                            cwd=path.parent, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return took, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--repo", default=str(REPO), help="the checkout to measure")
    parser.add_argument("--keep", help="generate the templates in this folder and keep them")
    parser.add_argument("--bicep", action="store_true", help="Bicep files instead of ARM JSON")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="armlint-large-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"armlint at {args.repo}")
    for mb in args.sizes:
        path = folder / f"large-{mb}mb.{'bicep' if args.bicep else 'json'}"
        if not path.exists():
            path.write_text(bicep_template(mb) if args.bicep else template(mb), encoding="utf-8")
        size = path.stat().st_size / (1024 * 1024)
        took, cpu, peak, code = measure(path, Path(args.repo))
        load = os.getloadavg()[0]
        print(f"{size:6.1f} MB template: CPU {cpu:6.1f} s ({cpu / size:.2f} s/MB), wall "
              f"{took:6.1f} s at load {load:.1f}, peak {peak:7.0f} MB ({peak / size:.1f}x the "
              f"file), exit {code}", flush=True)
        if not args.keep:
            path.unlink()
    if not args.keep:
        folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
