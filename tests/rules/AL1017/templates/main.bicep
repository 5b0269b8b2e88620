// The template the .bicepparam fixtures use: storageName is required; the others have a
// default, are nullable (directly, through a union with null, or through a local type alias),
// or have an imported type armlint cannot see.
import { skuType } from 'types.bicep'

type maybeTier = ('Hot' | 'Cool')?

param storageName string
param location string = 'westeurope'
param tags object?
param kind 'StorageV2' | 'BlobStorage' | null
param tier maybeTier
param sku skuType

output name string = storageName
