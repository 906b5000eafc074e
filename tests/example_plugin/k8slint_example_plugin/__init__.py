"""Example k8slint plugin: every rule function in this package is registered."""
