"""k8slint's built-in rules, one module per rule, grouped by target."""
