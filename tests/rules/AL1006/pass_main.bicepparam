// A .bicepparam file has no schema and is not checked.
using none

param name = 'st1'
