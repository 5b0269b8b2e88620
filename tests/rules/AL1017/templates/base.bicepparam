// A base parameter file that pass_extends.bicepparam extends.
using none

param storageName = 'stbase001'
