// A helper module for pass_no_conflict.bicep: it exports a function named like a decorator.
@export()
func description(text string) string => text
