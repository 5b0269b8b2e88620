"""Data tables generated into the project (see scripts/): API versions per resource type."""
