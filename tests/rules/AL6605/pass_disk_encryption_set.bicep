// A disk encryption set in Bicep; an existing disk is not judged.
resource des 'Microsoft.Compute/diskEncryptionSets@2024-03-02' existing = {
  name: 'des1'
}

resource old 'Microsoft.Compute/disks@2024-03-02' existing = {
  name: 'legacy'
}

resource disk 'Microsoft.Compute/disks@2024-03-02' = {
  name: 'disk1'
  location: resourceGroup().location
  properties: {
    creationData: { createOption: 'Empty' }
    diskSizeGB: 64
    encryption: { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: des.id }
  }
}
