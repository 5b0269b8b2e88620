// Resource types and comments are not searched; environment() gives the suffix.
// https://management.azure.com in a comment
param storageName string

output blob string = 'https://${storageName}.blob.${environment().suffixes.storage}/'
