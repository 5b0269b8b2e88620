"""Python rules: one module per rule, only where JMESPath cannot say it. Each has `check(item, rule)`."""
