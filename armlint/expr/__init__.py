"""ARM template expressions: parser, tree, values, functions and the static evaluator."""
