// 'latest', a version from a parameter without a value, a gallery image and a shared gallery image.
param imageVersion string

resource vmLatest 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-latest'
  location: 'westeurope'
  properties: {
    storageProfile: {
      imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }
    }
  }
}

resource vmUnknown 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-unknown'
  location: 'westeurope'
  properties: {
    storageProfile: {
      imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: imageVersion }
    }
  }
}

resource vmShared 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-shared-gallery'
  location: 'westeurope'
  properties: {
    storageProfile: {
      imageReference: { sharedGalleryImageId: '/SharedGalleries/g/Images/app/Versions/1.0.0', version: '1.0.0' }
    }
  }
}
