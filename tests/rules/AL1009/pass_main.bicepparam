// A .bicepparam file always assigns a value and is not checked.
using none

param name = 'st1'
