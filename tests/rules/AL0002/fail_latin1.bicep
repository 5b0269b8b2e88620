// Latin-1 text (not UTF-8): the byte 0xe9 in 'café' on line 2.
param name string = 'café'
output n string = name
