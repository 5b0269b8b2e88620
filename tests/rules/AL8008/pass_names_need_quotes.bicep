// Not reported: names that are not identifiers (a dash, a leading digit, a dot, a space), interpolated names, true/false/null as names, bracket access with a variable, from-end index, array index.
param key string = 'retentionDays'
param items array = [ 1, 2 ]

var tags = {
  'hidden-link:/app': 'Resource'
  '1st': 1
  'Standard_LRS.v2': 2
  'with space': 3
  '${key}Suffix': 4
  'true': 5
  'null': 6
  plain: 7
}

output a int = tags[key]
output b int = items[^1]
output c int = items[0]
output d int = tags['hidden-link:/app']
