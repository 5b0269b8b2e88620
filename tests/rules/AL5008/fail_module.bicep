// The VM is in a local module and the version is pinned by the caller: reported at the module declaration.
module vm 'modules/vm.bicep' = {
  name: 'vm'
  params: {
    imageVersion: '24.04.202410010'
  }
}
