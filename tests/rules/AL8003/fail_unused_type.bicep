// Unused user-defined types: a plain one, one whose name appears only as a property name, one used only by another unused type is still used.
type tagsType = {
  owner: string
}

type settingsType = {
  retentionDays: int
}

type subnetType = {
  name: string
}

type networkType = {
  subnets: subnetType[]
}

param config object = { settingsType: 'not the type' }

output value object = config
