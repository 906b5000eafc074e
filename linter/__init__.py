"""k8slint: the engine (discovery, parsing, rule API, registry, config, suppression, reporters, CLI)."""

__version__ = "0.1.0"
