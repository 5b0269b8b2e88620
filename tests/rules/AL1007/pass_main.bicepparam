// A .bicepparam file has no content version and is not checked.
using none

param name = 'st1'
