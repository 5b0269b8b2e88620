"""The template model: one shape for ARM JSON and Bicep, with resources flattened and linked."""
