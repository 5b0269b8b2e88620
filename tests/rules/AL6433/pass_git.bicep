// GitHub configuration.
resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-dev'
  location: 'westeurope'
  properties: {
    repoConfiguration: {
      type: 'FactoryGitHubConfiguration'
      accountName: 'contoso'
      repositoryName: 'pipelines'
      collaborationBranch: 'main'
      rootFolder: '/'
    }
  }
}
