"""Remove from PENDING in tests/test_peers.py the peer checks that a rule's `equivalents` or docs/peers.md now
covers (run it after adding rules; review the diff). Usage: python scripts/update_peers_pending.py"""
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from armlint.engine.loader import load_catalogue
claimed = {e.split(':',1)[1] for r in load_catalogue().rules for e in r.equivalents if e.startswith(('checkov:','template-analyzer:'))}
doc = open(REPO / 'docs' / 'peers.md').read()
without = set(re.findall(r"`(?:checkov|template-analyzer):([^`]+)`", doc))
p = REPO / 'tests' / 'test_peers.py'
s = open(p).read()
start = s.index('PENDING: dict[str, set[str]] = {')
end = s.index('\n}\n', start)
block = s[start:end]
removed = []
def fix(m):
    i = m.group(1)
    if i in claimed or i in without:
        removed.append(i); return ''
    return m.group(0)
block2 = re.sub(r'"((?:TA-|CKV)[A-Z0-9_-]+)", ?', fix, block)
# re-wrap each pack's ids
def rewrap(m):
    ids = re.findall(r'"((?:TA-|CKV)[A-Z0-9_-]+)"', m.group(2))
    if not ids: return f'{m.group(1)}set(),\n'
    lines=[]; line="        "
    for x in ids:
        tok=f'"{x}", '
        if len(line)+len(tok)>99: lines.append(line.rstrip()); line="        "
        line+=tok
    lines.append(line.rstrip())
    return m.group(1)+"{\n"+"\n".join(lines)+"\n    },\n"
block3 = re.sub(r'(    "[^"]+": )(\{.*?\n    \},\n|set\(\),\n)', rewrap, block2+"\n", flags=re.S).rstrip("\n")
s = s[:start] + block3 + s[end:]
open(p,'w').write(s)
print("removed", sorted(removed))
