// No encryption settings at all: the platform-managed key is the default.
resource disk 'Microsoft.Compute/disks@2024-03-02' = {
  name: 'disk1'
  location: resourceGroup().location
  sku: { name: 'Premium_LRS' }
  properties: { creationData: { createOption: 'Empty' }, diskSizeGB: 64 }
}
